/**
 * Composition benchmark on MariaDB/MySQL at province scale (the generator's world, seed 1:
 * 30,000 persons, 300,000 relations), plus:
 * - the first city's pools: 600 of its cadres (leaders, deputies, specialists) enrolled in the
 *   city's pools; three closed rounds per county of that city (2022-2024) and a closed city
 *   round of 2024 led by ten of the city's leaders, for rotation and repeat targets;
 * - a city round in PLANNING: 30 teams, three county departments each;
 * - a county of the second city with its 90 candidates in its own pools, and a county round in
 *   PLANNING: 4 teams, three departments each.
 *
 * Measured over HTTP as an office director: proposeComposition for the city round and for the
 * county round, candidates for one slot (pool of 600, and of 90), with SQL statement counts;
 * in-process: the load, the judging and building, the solve; and the proposal's cost against a
 * greedy fill (cheapest free person for each place, team after team).
 *
 *   npm run bench:composition                  # load a fresh database, measure, drop it
 *   npm run bench:composition -- --keep        # keep the database (bench_composition)
 *   npm run bench:composition -- --reuse       # reuse a kept database instead of loading again
 *
 * BENCH_DATABASE_URL (default mysql://root@127.0.0.1:3306) names the server. Figures are printed
 * and written to bench/results/composition.json.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadInstance } from '../../src/composition/composition.service';
import { greedyFill } from '../../src/composition/rules/greedy';
import { prepare, conclude } from '../../src/composition/rules/proposal';
import { solveOffThread } from '../../src/composition/solver';
import { generateWorld, GeneratedWorld } from '../../src/demo/generator';
import { loadWorld } from '../../src/demo/load';
import { Random } from '../../src/demo/random';
import { PoolEntry, PoolEntrySpecialty, PoolEntryStatus, PoolKind } from '../../src/pools/pool.entity';
import { Round, RoundKind, RoundStatus } from '../../src/rounds/round.entity';
import { Team, TeamMembership, TeamRole, TeamTarget } from '../../src/rounds/team.entity';
import { benchClient, benchContext, benchDatabase, ms, pct, r1 } from '../support/server';

const args = new Set(process.argv.slice(2));
const DB = process.env.BENCH_DATABASE_NAME ?? 'bench_composition';
const TODAY = '2025-06-02';
const CITY_ROUND = '2025年市县一体巡察（组合基准）';
const COUNTY_ROUND = '2025年县级巡察（组合基准）';


type Em = DataSource['manager'];
async function insertAll(em: Em, entity: Function, rows: object[]) {
  for (let i = 0; i < rows.length; i += 1000) await em.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + 1000) as never).execute();
}

function round(regionId: string, name: string, status: RoundStatus, startsOn: string, endsOn: string, year = Number(startsOn.slice(0, 4)), ordinal = 1): Round {
  return Object.assign(new Round(), {
    regionId, year, ordinal, name, kind: RoundKind.REGULAR, theme: null, status, startsOn, endsOn, followsRoundId: null, rules: {}, createdAt: new Date(),
  });
}

/** Pool entries (ACTIVE) in a region for a set of candidates: leaders, deputies, specialists with their specialties. */
function enroll(regionId: string, c: { leaders: string[]; deputies: string[]; specialists: { personId: string; specialties: string[] }[] }) {
  const entries: PoolEntry[] = [];
  const specialties: PoolEntrySpecialty[] = [];
  const add = (personId: string, pool: PoolKind, codes: string[] = []) => {
    const e = Object.assign(new PoolEntry(), { personId, regionId, pool, status: PoolEntryStatus.ACTIVE, recommendedByUnitId: null, createdAt: new Date(), updatedAt: new Date() });
    entries.push(e);
    for (const code of codes) specialties.push(Object.assign(new PoolEntrySpecialty(), { entryId: e.id, specialtyCode: code }));
  };
  c.leaders.forEach((id) => add(id, PoolKind.GROUP_LEADER));
  c.deputies.forEach((id) => add(id, PoolKind.DEPUTY_LEADER));
  c.specialists.forEach((s) => add(s.personId, PoolKind.SPECIALIST, s.specialties));
  return { entries, specialties };
}

/** The city's 600 candidates: its own and its counties' leaders, deputies and specialists. */
function cityCandidates(world: GeneratedWorld) {
  const city = world.cities[0];
  const counties = world.counties.filter((c) => c.cityRegionId === city.regionId);
  const all = [city, ...counties];
  const leaders = all.flatMap((c) => c.leaderPersonIds).slice(0, 90);
  const deputies = all.flatMap((c) => c.deputyPersonIds).slice(0, 120);
  const specialists = all.flatMap((c) => c.specialists).slice(0, 600 - leaders.length - deputies.length);
  return { city, counties, leaders, deputies, specialists };
}

async function load(ds: DataSource) {
  let t0 = process.hrtime.bigint();
  const world = generateWorld({ scale: 'province', seed: 1, today: TODAY });
  const generateMs = ms(t0);
  t0 = process.hrtime.bigint();
  const { counts } = await loadWorld(ds, world);
  const em = ds.manager;
  const rng = new Random('composition-bench');
  const c = cityCandidates(world);
  const rounds: Round[] = [];
  const teams: Team[] = [];
  const targets: TeamTarget[] = [];
  const members: TeamMembership[] = [];
  const team = (r: Round, name: string, units: string[], people: string[]) => {
    const t = Object.assign(new Team(), { roundId: r.id, name, createdAt: new Date() });
    teams.push(t);
    for (const unitId of units) targets.push(Object.assign(new TeamTarget(), { teamId: t.id, roundId: r.id, unitId }));
    people.forEach((personId, i) =>
      members.push(Object.assign(new TeamMembership(), {
        teamId: t.id, roundId: r.id, personId, role: i === 0 ? TeamRole.LEADER : i === 1 ? TeamRole.DEPUTY_LEADER : TeamRole.MEMBER,
        joinedOn: r.startsOn, leftOn: null, leftReason: null, createdAt: new Date(),
      })),
    );
  };
  // Past rounds of the city's counties (2022-2024), drawn from the city's candidates too.
  const pool = [...c.leaders, ...c.deputies, ...c.specialists.map((s) => s.personId)];
  for (const county of c.counties) {
    for (let y = 0; y < 3; y++) {
      const year = 2022 + y;
      const r = round(county.regionId, `${year}年第一轮巡察`, RoundStatus.CLOSED, `${year}-03-01`, `${year}-05-31`);
      rounds.push(r);
      for (let n = 0; n < 3; n++) team(r, `第${n + 1}巡察组`, rng.sample(county.departmentUnitIds, 3), rng.sample(pool, 5));
    }
  }
  // Last year's city round, led by ten of the city's leaders.
  const pastCity = round(c.city.regionId, '2024年市级巡察', RoundStatus.CLOSED, '2024-09-02', '2024-10-31');
  rounds.push(pastCity);
  for (let n = 0; n < 10; n++) team(pastCity, `第${n + 1}巡察组`, [c.counties[n % c.counties.length].departmentUnitIds[n]], [c.leaders[n], ...rng.sample(c.specialists.map((s) => s.personId), 4)]);
  // The city round to compose: 30 teams, three departments each, spread over the counties.
  const cityRound = round(c.city.regionId, CITY_ROUND, RoundStatus.PLANNING, '2025-09-01', '2025-10-31', 2025, 1);
  rounds.push(cityRound);
  for (let n = 0; n < 30; n++) {
    const county = c.counties[n % c.counties.length];
    const k = Math.floor(n / c.counties.length);
    team(cityRound, `第${n + 1}巡察组`, county.departmentUnitIds.slice(20 + k * 3, 23 + k * 3), []);
  }
  // A county of the second city, with its own 90 candidates in its pools, and a round of 4 teams.
  const other = world.counties.find((x) => x.cityRegionId === world.cities[1].regionId)!;
  const countyRound = round(other.regionId, COUNTY_ROUND, RoundStatus.PLANNING, '2025-09-01', '2025-10-31', 2025, 1);
  rounds.push(countyRound);
  for (let n = 0; n < 4; n++) team(countyRound, `第${n + 1}巡察组`, other.departmentUnitIds.slice(20 + n * 3, 23 + n * 3), []);

  const cityPools = enroll(c.city.regionId, c);
  const countyPools = enroll(other.regionId, { leaders: other.leaderPersonIds, deputies: other.deputyPersonIds, specialists: other.specialists });
  await insertAll(em, Round, rounds);
  await insertAll(em, Team, teams);
  await insertAll(em, TeamTarget, targets);
  await insertAll(em, TeamMembership, members);
  await insertAll(em, PoolEntry, [...cityPools.entries, ...countyPools.entries]);
  await insertAll(em, PoolEntrySpecialty, [...cityPools.specialties, ...countyPools.specialties]);
  for (const t of ['regions', 'units', 'persons', 'employments', 'relations', 'rounds', 'teams', 'team_targets', 'team_memberships', 'pool_entries']) await em.query(`ANALYZE TABLE \`${t}\``);
  return {
    generateMs: Math.round(generateMs),
    loadMs: Math.round(ms(t0)),
    counts: { ...counts, rounds: rounds.length, teams: teams.length, memberships: members.length, cityPool: cityPools.entries.length, countyPool: countyPools.entries.length },
  };
}

async function main() {
  const bench = await benchDatabase(DB, CITY_ROUND, args.has('--reuse'));
  const { server } = bench;
  const ds = server.db.dataSource;
  const loaded = bench.reused ? 'reused' : await load(ds);

  const [cityRound] = await ds.query('SELECT id, region_id FROM rounds WHERE name = ?', [CITY_ROUND]);
  const [countyRound] = await ds.query('SELECT id, region_id FROM rounds WHERE name = ?', [COUNTY_ROUND]);
  const firstTeam = async (roundId: string) => (await ds.query('SELECT id FROM teams WHERE round_id = ? ORDER BY id LIMIT 1', [roundId]))[0].id as string;

  const { post, director } = await benchClient(server);
  const cityToken = await director(cityRound.region_id);
  const countyToken = await director(countyRound.region_id);
  const counter = server.db.counter;

  const PROPOSE = `mutation($i: ProposeCompositionInput!) { proposeComposition(input: $i) { proposal { id status cost bound solveMillis
    costByRule { rule count cost } obstacles { rule explanation } teams { cost members { role person { id } } } } } }`;
  const propose = async (roundId: string, token: string, timeLimitSeconds: number) => {
    counter.reset();
    const t0 = process.hrtime.bigint();
    const { proposal } = (await post(PROPOSE, { i: { roundId, timeLimitSeconds } }, token)).proposeComposition;
    return { ms: ms(t0), statements: counter.count, proposal };
  };
  const CANDIDATES = `query($f: CandidateFilter!) { candidates(filter: $f, first: 20) { totalCount excludedByRule { rule count }
    edges { node { person { id name } eligible costDelta fixes concerns { rule } } } } }`;
  const candidates = async (teamId: string, token: string) => {
    counter.reset();
    const t0 = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const data = (await post(CANDIDATES, { f: { teamId, role: 'MEMBER', includeIneligible: true } }, token)).candidates;
    const used = process.cpuUsage(cpu);
    // CPU time of the whole process (server and client): on a busy machine it moves less than wall time.
    return { ms: ms(t0), cpuMs: (used.user + used.system) / 1000, statements: counter.count, total: data.totalCount, excluded: data.excludedByRule };
  };

  // County round: one warm-up (starts the solver thread), then five.
  await propose(countyRound.id, countyToken, 10);
  const county = [];
  for (let i = 0; i < 5; i++) county.push(await propose(countyRound.id, countyToken, 10));
  // City round: one warm-up, then three.
  await propose(cityRound.id, cityToken, 60);
  const city = [];
  for (let i = 0; i < 3; i++) city.push(await propose(cityRound.id, cityToken, 60));

  // Candidates for one slot: city team (pool of 600) and county team (pool of 90).
  const cityTeam = await firstTeam(cityRound.id);
  const countyTeam = await firstTeam(countyRound.id);
  await candidates(cityTeam, cityToken);
  const cityCands = [];
  for (let i = 0; i < 10; i++) cityCands.push(await candidates(cityTeam, cityToken));
  await candidates(countyTeam, countyToken);
  const countyCands = [];
  for (let i = 0; i < 10; i++) countyCands.push(await candidates(countyTeam, countyToken));

  // In-process: the parts of a city proposal, and a greedy fill of the same round.
  const { ctx, reset } = benchContext(ds.manager);
  const parts = [];
  let greedy = null;
  for (const [name, r] of [['city', cityRound], ['county', countyRound]] as const) {
    reset();
    const roundEntity = (await ds.manager.findOneBy(Round, { id: r.id }))!;
    const teamIds = (await ds.query('SELECT id FROM teams WHERE round_id = ? ORDER BY id', [r.id])).map((x: any) => x.id);
    let t0 = process.hrtime.bigint();
    const inst = await loadInstance(ctx, roundEntity, { teamIds, keep: true });
    const loadMs = ms(t0);
    t0 = process.hrtime.bigint();
    const prep = prepare(inst);
    const prepareMs = ms(t0);
    t0 = process.hrtime.bigint();
    const solved = await solveOffThread({ model: prep.built!.model, timeLimitSeconds: 60 });
    const solveMs = ms(t0);
    const result = conclude(inst, prep, { optimal: solved.status === 'OPTIMAL', colValue: solved.colValue, bound: solved.bound });
    const g = greedyFill(inst, prep.judgement);
    const findings = Object.values(inst.candidateAvoidance).reduce((s, xs) => s + (xs?.length ?? 0), 0);
    parts.push({
      round: name,
      candidates: inst.candidates.length,
      places: prep.judgement.choices.length,
      refused: prep.judgement.refused.length,
      findings,
      columns: prep.built!.model.numCols,
      rows: prep.built!.model.numRows,
      loadMs: r1(loadMs),
      prepareMs: r1(prepareMs),
      solveMs: r1(solveMs),
      status: result.status,
      cost: result.cost,
      greedy: { complete: g.complete, cost: g.cost },
    });
    if (name === 'city') greedy = { proposal: result.cost, greedy: g.cost, complete: g.complete };
  }

  const summary = (runs: { ms: number; statements: number; proposal: any }[]) => ({
    status: runs.map((x) => x.proposal.status),
    medianMs: r1(pct(runs.map((x) => x.ms), 50)),
    runsMs: runs.map((x) => r1(x.ms)),
    solveMillis: runs.map((x) => x.proposal.solveMillis),
    statements: runs.map((x) => x.statements),
    cost: runs[0].proposal.cost,
    bound: runs[0].proposal.bound,
    costByRule: runs[0].proposal.costByRule,
    obstacles: runs[0].proposal.obstacles,
    members: runs[0].proposal.teams.reduce((s: number, t: any) => s + t.members.length, 0),
  });
  const cands = (runs: { ms: number; cpuMs: number; statements: number; total: number }[]) => ({
    pool: runs[0].total,
    p50Ms: r1(pct(runs.map((x) => x.ms), 50)),
    p95Ms: r1(pct(runs.map((x) => x.ms), 95)),
    cpuP50Ms: r1(pct(runs.map((x) => x.cpuMs), 50)),
    cpuP95Ms: r1(pct(runs.map((x) => x.cpuMs), 95)),
    statements: [...new Set(runs.map((x) => x.statements))],
  });
  const result = {
    at: new Date().toISOString(),
    database: (await ds.query('SELECT VERSION() AS v'))[0].v,
    load: loaded,
    countyRound: summary(county),
    cityRound: summary(city),
    candidatesCity: cands(cityCands),
    candidatesCounty: cands(countyCands),
    inProcess: parts,
    greedyVsProposal: greedy,
  };
  console.log(JSON.stringify(result, null, 2));
  const out = path.resolve(__dirname, '../../../bench/results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'composition.json'), JSON.stringify(result, null, 2) + '\n');

  await bench.finish(args.has('--keep') || args.has('--reuse'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
