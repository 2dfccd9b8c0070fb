/**
 * Rounds benchmark: composes a city-scale round (12 teams of 6 drawn from a city pool of 200,
 * three targets each) through the GraphQL API of the real server, and measures the time of each
 * assignment and of the full `round` query, on SQLite and on MariaDB.
 *
 *   npm run bench:rounds                        # both databases
 *   BENCH_DATABASES=sqlite npm run bench:rounds # one of them
 *   BENCH_MYSQL_URL=mysql://user:pass@host:3306 npm run bench:rounds
 *
 * Figures go to stdout and to bench/results/rounds-<database>.json.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { bootServer } from '../../src/app';
import { benchDatabase } from '../database';
import { SettableClock } from '../../src/common/clock';
import { loadConfig } from '../../src/config';
import { generateWorld, GeneratedWorld } from '../../src/demo/generator';
import { loadWorld } from '../../src/demo/load';

const TODAY = '2025-06-02';
const ADMIN = { username: 'admin', password: 'Bench-Pass-2025' };
const TEAMS = 12;
const TEAM_SIZE = 6;
const POOL_SIZE = 200;
const ROUND_QUERIES = 30;

const ROUND = `query($id: ID!) { round(id: $id) { id name status rules { minSize maxSize }
  teams { id name targets { id name }
    members { id role joinedOn person { id name rank fullTimeInspector poolEntries { pool status specialties } } readiness { kind } }
    memberHistory { id leftOn }
    authorization { id status person { name } }
    violations { rule severity message person { name } unit { name } } } } }`;

type Gql = <T = any>(query: string, variables?: Record<string, unknown>) => Promise<T>;

function client(url: string, token: () => string | null): Gql {
  return async (query, variables = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const t = token();
    if (t) headers.authorization = `Bearer ${t}`;
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`${body.errors[0].message} in ${query.slice(0, 80)}`);
    return body.data;
  };
}

interface Stats {
  n: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  const r = (x: number) => Math.round(x * 10) / 10;
  return { n: s.length, meanMs: r(s.reduce((a, b) => a + b, 0) / s.length), p50Ms: r(at(0.5)), p95Ms: r(at(0.95)), maxMs: r(s[s.length - 1]) };
}

/** The city pool: leaders, deputies and specialists of the city and its counties, up to 200. */
function poolOf(world: GeneratedWorld) {
  const city = world.cities[0];
  const counties = world.counties.filter((c) => c.cityRegionId === city.regionId);
  const sources = [city, ...counties];
  const leaders = sources.flatMap((c) => c.leaderPersonIds).slice(0, 30);
  const deputies = sources.flatMap((c) => c.deputyPersonIds).slice(0, 30);
  const specialists = sources.flatMap((c) => c.specialists).slice(0, POOL_SIZE - leaders.length - deputies.length);
  const taken = new Set([...leaders, ...deputies, ...specialists.map((s) => s.personId)]);
  // Fill up with other cadres of the counties when the candidates are fewer than 200.
  for (const c of counties) {
    for (const id of c.personIds) {
      if (taken.size >= POOL_SIZE) break;
      if (taken.has(id)) continue;
      taken.add(id);
      specialists.push({ personId: id, specialties: [] } as (typeof specialists)[number]);
    }
  }
  const units = [...city.unitIds.filter((u) => u !== city.inspectionOfficeUnitId), ...counties.flatMap((c) => c.departmentUnitIds)];
  return { city, leaders, deputies, specialists, units };
}

async function run(dialect: 'sqlite' | 'mysql', mysqlBase: string) {
  const database = await benchDatabase(dialect, mysqlBase, 'bench_rounds');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATA_DIR: database.dataDir,
    JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256-0123456789',
    BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
  });
  const { server } = await bootServer({ config, clock: new SettableClock(TODAY) });
  try {
    await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
    let token: string | null = null;
    const gql = client(url, () => token);
    token = (await gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: ADMIN })).login.token;

    const world = generateWorld({ scale: 'county', seed: 1, today: TODAY });
    await loadWorld(server.db.dataSource, world);
    const pool = poolOf(world);
    const enroll = async (personId: string, pool_: string, specialties: string[]) => {
      const e = await gql('mutation($i: EnrollInPoolInput!) { enrollInPool(input: $i) { entry { id } } }', {
        i: { personId, regionId: pool.city.regionId, pool: pool_, specialties },
      });
      await gql('mutation($i: ReviewPoolEntryInput!) { reviewPoolEntry(input: $i) { entry { id } } }', { i: { entryId: e.enrollInPool.entry.id, approve: true } }).catch(() => undefined);
    };
    for (const id of pool.leaders) await enroll(id, 'GROUP_LEADER', []);
    for (const id of pool.deputies) await enroll(id, 'DEPUTY_LEADER', []);
    for (const s of pool.specialists) await enroll(s.personId, 'SPECIALIST', s.specialties);

    const roundId = (
      await gql('mutation($i: CreateRoundInput!) { createRound(input: $i) { round { id } } }', {
        i: { regionId: pool.city.regionId, year: 2025, ordinal: 1, kind: 'REGULAR', startsOn: '2025-07-01', endsOn: '2025-08-29' },
      })
    ).createRound.round.id;
    const teamIds: string[] = [];
    for (let t = 0; t < TEAMS; t++) {
      const d = await gql('mutation($i: CreateTeamInput!) { createTeam(input: $i) { team { id } } }', {
        i: { roundId, name: `第${t + 1}巡察组`, targetUnitIds: pool.units.slice(t * 3, t * 3 + 3) },
      });
      teamIds.push(d.createTeam.team.id);
    }

    // Compose: each team takes a leader, a deputy and four specialists; candidates refused by a hard rule are passed over.
    const ASSIGN = 'mutation($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { membership { id } violations { rule severity } } }';
    const queues = { LEADER: [...pool.leaders], DEPUTY_LEADER: [...pool.deputies], MEMBER: pool.specialists.map((s) => s.personId) };
    const assignMs: number[] = [];
    let refused = 0;
    for (const teamId of teamIds) {
      const roles = ['LEADER', 'DEPUTY_LEADER', ...Array(TEAM_SIZE - 2).fill('MEMBER')] as (keyof typeof queues)[];
      for (const role of roles) {
        for (;;) {
          const personId = queues[role].shift();
          if (!personId) throw new Error(`the pool ran out of ${role} candidates`);
          const t0 = performance.now();
          const d = await gql(ASSIGN, { i: { teamId, personId, role } });
          assignMs.push(performance.now() - t0);
          if (d.assignTeamMember.membership) break;
          refused += 1;
        }
      }
    }

    const roundMs: number[] = [];
    const statements: number[] = [];
    let members = 0;
    for (let i = 0; i < ROUND_QUERIES; i++) {
      server.db.counter.reset();
      const t0 = performance.now();
      const d = await gql(ROUND, { id: roundId });
      roundMs.push(performance.now() - t0);
      statements.push(server.db.counter.count);
      members = d.round.teams.reduce((n: number, t: { members: unknown[] }) => n + t.members.length, 0);
    }
    // The same query without team.violations: what the rules (avoidance included) add.
    const plain = ROUND.replace('violations { rule severity message person { name } unit { name } }', '');
    const plainMs: number[] = [];
    for (let i = 0; i < ROUND_QUERIES; i++) {
      const t0 = performance.now();
      await gql(plain, { id: roundId });
      plainMs.push(performance.now() - t0);
    }
    return {
      database: dialect,
      teams: TEAMS,
      members,
      pool: pool.leaders.length + pool.deputies.length + pool.specialists.length,
      assignments: { ...stats(assignMs), refused },
      roundQuery: { ...stats(roundMs.slice(1)), firstMs: Math.round(roundMs[0]), statements: statements[statements.length - 1] },
      roundQueryWithoutViolations: stats(plainMs.slice(1)),
    };
  } finally {
    await server.stop();
    await database.drop();
  }
}

async function main() {
  const wanted = (process.env.BENCH_DATABASES ?? 'sqlite,mysql').split(',').map((s) => s.trim());
  const mysqlBase = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
  const results = [];
  for (const dialect of ['sqlite', 'mysql'] as const) {
    if (!wanted.includes(dialect)) continue;
    const result = await run(dialect, mysqlBase);
    results.push(result);
    console.log(JSON.stringify(result));
    const out = path.resolve(__dirname, '../../../bench/results');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, `rounds-${dialect}.json`), JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, load: os.loadavg(), ...result }, null, 2));
  }
  console.log('\n| database | assignment mean / p50 / p95 (ms) | refused | round query mean / p50 / p95 (ms) | statements | without violations (ms) |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results) {
    const a = r.assignments;
    const q = r.roundQuery;
    const p = r.roundQueryWithoutViolations;
    console.log(`| ${r.database} | ${a.meanMs} / ${a.p50Ms} / ${a.p95Ms} (n=${a.n}) | ${a.refused} | ${q.meanMs} / ${q.p50Ms} / ${q.p95Ms} | ${q.statements} | ${p.meanMs} / ${p.p50Ms} / ${p.p95Ms} |`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
