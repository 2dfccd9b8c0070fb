/**
 * Avoidance benchmark on MariaDB/MySQL at province scale (the foundation's generator, seed 1:
 * 30,000 persons, 300,000 relations, 20,000 units, 3-5 posts per person), plus three past
 * rounds per county with their teams, and a city-level cross round to check against:
 * - avoidanceMatrix for 2,000 persons × 50 units over GraphQL, and findAvoidance in-process;
 * - single avoidanceCheck calls (latency percentiles);
 * - SQL statements per request, for several matrix sizes (they must not grow with the pairs);
 * - the rules alone (assess) for 1,000 to 200,000 pairs, to choose where a worker thread starts;
 * - the rules and wording alone, and the whole matrix over HTTP, on the event loop and in a
 *   worker thread: time, CPU time of the process, and the longest the event loop was held.
 *
 *   npm run bench:avoidance                  # load a fresh database, measure, drop it
 *   npm run bench:avoidance -- --keep        # keep the database (bench_avoidance) afterwards
 *   npm run bench:avoidance -- --reuse       # reuse a kept database instead of loading again
 *
 * BENCH_DATABASE_URL (default mysql://root@127.0.0.1:3306) names the server; the database is
 * bench_avoidance unless BENCH_DATABASE_NAME names another. Figures are printed and written to bench/results/avoidance.json.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import DataLoader from 'dataloader';
import mysql from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { bootServer } from '../../src/app';
import { BENCH_ADMIN, benchClient } from '../support/server';
import { loadConfig } from '../../src/config';
import type { Ctx } from '../../src/context';
import { findAvoidance } from '../../src/avoidance/avoidance.service';
import { loadAvoidanceGraph, loadPersons } from '../../src/avoidance/avoidance.loader';
import { evaluateGraph } from '../../src/avoidance/evaluation';
import type { PersonRec } from '../../src/avoidance/rules/graph';
import { assess } from '../../src/avoidance/rules/evaluate';
import { AvoidanceDeclaration, AvoidanceSettingsRow } from '../../src/avoidance/avoidance.entity';
import { generateWorld } from '../../src/demo/generator';
import { loadWorld } from '../../src/demo/load';
import { Random } from '../../src/demo/random';
import { Round, RoundKind, RoundStatus } from '../../src/rounds/round.entity';
import { Team, TeamMembership, TeamRole, TeamTarget } from '../../src/rounds/team.entity';

const args = new Set(process.argv.slice(2));
const SERVER = (process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');
const DB = process.env.BENCH_DATABASE_NAME ?? 'bench_avoidance';
const ADMIN = BENCH_ADMIN;
const TODAY = '2025-06-02';
const ROUND_NAME = '2025年市县联动交叉巡察（基准）';
const ROUND_STARTS = '2025-03-01';

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const RULES = { minSize: 4, maxSize: 7, minDeputies: 1, maxDeputies: 2, maxTargets: 3, rankFloor: 'DEPUTY_SECTION', minFullTime: 1, requiredSpecialtiesAnyOf: ['FINANCE', 'AUDIT'] };

/** The world, three past rounds per county (2022-2024, three teams of five on three targets), the cross round. */
async function load(ds: DataSource): Promise<{ generateMs: number; loadMs: number; counts: Record<string, number> }> {
  let t0 = process.hrtime.bigint();
  const world = generateWorld({ scale: 'province', seed: 1, today: TODAY });
  const generateMs = ms(t0);
  t0 = process.hrtime.bigint();
  const { counts } = await loadWorld(ds, world);
  const rng = new Random('avoidance-bench');
  const em = ds.manager;
  const rounds: Round[] = [];
  const teams: Team[] = [];
  const targets: TeamTarget[] = [];
  const members: TeamMembership[] = [];
  for (const county of world.counties) {
    for (let y = 0; y < 3; y++) {
      const year = 2022 + y;
      const round = Object.assign(new Round(), {
        regionId: county.regionId, year, ordinal: 1, name: `${year}年第一轮巡察`, kind: RoundKind.REGULAR, theme: null,
        status: RoundStatus.CLOSED, startsOn: `${year}-03-01`, endsOn: `${year}-05-31`, followsRoundId: null, rules: RULES, createdAt: new Date(),
      });
      rounds.push(round);
      for (let n = 0; n < 3; n++) {
        const team = Object.assign(new Team(), { roundId: round.id, name: `第${n + 1}巡察组`, createdAt: new Date() });
        teams.push(team);
        for (const unitId of rng.sample(county.departmentUnitIds, 3)) targets.push(Object.assign(new TeamTarget(), { teamId: team.id, roundId: round.id, unitId }));
        rng.sample(county.personIds, 5).forEach((personId, i) =>
          members.push(Object.assign(new TeamMembership(), {
            teamId: team.id, roundId: round.id, personId, role: i === 0 ? TeamRole.LEADER : i === 1 ? TeamRole.DEPUTY_LEADER : TeamRole.MEMBER,
            joinedOn: round.startsOn, leftOn: null, leftReason: null, createdAt: new Date(),
          })),
        );
      }
    }
  }
  const city = world.cities[0];
  const cross = Object.assign(new Round(), {
    regionId: city.regionId, year: 2025, ordinal: 1, name: ROUND_NAME, kind: RoundKind.CROSS, theme: null,
    status: RoundStatus.PLANNING, startsOn: ROUND_STARTS, endsOn: '2025-05-31', followsRoundId: null, rules: RULES, createdAt: new Date(),
  });
  rounds.push(cross);
  for (const [entity, rows] of [[Round, rounds], [Team, teams], [TeamTarget, targets], [TeamMembership, members]] as const) {
    for (let i = 0; i < rows.length; i += 1000) await em.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + 1000) as never).execute();
  }
  const [admin] = await em.query('SELECT id FROM accounts WHERE username = ?', [ADMIN.username]);
  await em.insert(AvoidanceSettingsRow, Object.assign(new AvoidanceSettingsRow(), {
    regionId: city.regionId, formerEmployerYears: 3, longTenureYears: 3, superiorSubordinateYears: 3, repeatYears: 5, updatedBy: admin.id, updatedAt: new Date(),
  }));
  const cityPersons = world.counties.filter((c) => c.cityRegionId === city.regionId).flatMap((c) => c.personIds);
  const cityUnits = world.counties.filter((c) => c.cityRegionId === city.regionId).flatMap((c) => c.departmentUnitIds);
  const declarations = Array.from({ length: 50 }, (_, i) =>
    Object.assign(new AvoidanceDeclaration(), { personId: cityPersons[i * 37], unitId: cityUnits[(i * 11) % cityUnits.length], roundId: cross.id, reason: '本人申请回避', declaredBy: admin.id, declaredAt: new Date() }),
  );
  await em.insert(AvoidanceDeclaration, declarations);
  for (const t of ['regions', 'units', 'persons', 'employments', 'relations', 'interest_ties', 'rounds', 'teams', 'team_targets', 'team_memberships']) {
    await em.query(`ANALYZE TABLE \`${t}\``);
  }
  return { generateMs, loadMs: ms(t0), counts: { ...counts, rounds: rounds.length, teams: teams.length, teamTargets: targets.length, memberships: members.length } };
}

async function main() {
  const admin = await mysql.createConnection(`${SERVER}/`);
  const [schemas] = (await admin.query('SELECT COUNT(*) AS n FROM information_schema.schemata WHERE schema_name = ?', [DB])) as any;
  let reuse = args.has('--reuse') && Number(schemas[0].n) === 1;
  if (reuse) {
    const [[row]] = (await admin.query(`SELECT COUNT(*) AS n FROM \`${DB}\`.rounds WHERE name = ?`, [ROUND_NAME])) as any;
    reuse = Number(row.n) === 1;
  }
  if (!reuse) {
    await admin.query(`DROP DATABASE IF EXISTS \`${DB}\``);
    await admin.query(`CREATE DATABASE \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }

  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: `${SERVER}/${DB}`,
    JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256-0123456789',
    BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
  });
  const { server } = await bootServer({ config });
  const ds = server.db.dataSource;
  const loaded = reuse ? null : await load(ds);

  // What to check: the cross round of the first city, 2,000 of its persons, 50 of its departments and townships.
  const [round] = await ds.query('SELECT id, region_id, kind, starts_on FROM rounds WHERE name = ?', [ROUND_NAME]);
  const [city] = await ds.query('SELECT path FROM regions WHERE id = ?', [round.region_id]);
  const cityPersons: string[] = (
    await ds.query('SELECT p.id FROM persons p JOIN regions r ON r.id = p.region_id WHERE r.path LIKE ? ORDER BY p.name, p.id', [`${city.path}%`])
  ).map((x: any) => x.id);
  const cityTargets: string[] = (
    await ds.query("SELECT u.id FROM units u JOIN regions r ON r.id = u.region_id WHERE r.path LIKE ? AND u.kind IN ('DEPARTMENT', 'TOWNSHIP') ORDER BY u.name, u.id", [`${city.path}%`])
  ).map((x: any) => x.id);
  const persons = Array.from({ length: 2000 }, (_, i) => cityPersons[Math.floor((i * cityPersons.length) / 2000)]);
  const units = Array.from({ length: 50 }, (_, i) => cityTargets[Math.floor((i * cityTargets.length) / 50)]);
  const units100 = Array.from({ length: 100 }, (_, i) => cityTargets[Math.floor((i * cityTargets.length) / 100)]);

  const client = await benchClient(server);
  const post = client.post;
  const token = await client.director(round.region_id);

  const FIELDS = 'rule severity waived explanation person { id } unit { id } path { label }';
  const MATRIX = `query($r: ID!, $ps: [ID!]!, $us: [ID!]!) { avoidanceMatrix(roundId: $r, personIds: $ps, unitIds: $us) { ${FIELDS} } }`;
  const CHECK = `query($p: ID!, $u: ID!, $r: ID!) { avoidanceCheck(personId: $p, unitId: $u, roundId: $r) { ${FIELDS} } }`;
  const counter = server.db.counter;
  const matrix = async (ps: string[], us: string[]) => {
    counter.reset();
    const t = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const data = await post(MATRIX, { r: round.id, ps, us }, token);
    const used = process.cpuUsage(cpu);
    // CPU time of the whole process (server, worker thread and client): steadier than wall time on a busy machine.
    return { ms: ms(t), cpuMs: (used.user + used.system) / 1000, statements: counter.count, findings: data.avoidanceMatrix as any[] };
  };

  // Matrix 2,000 × 50 over GraphQL: one warm-up, then timed runs.
  const warm = await matrix(persons, units);
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await matrix(persons, units));
  const byRule: Record<string, number> = {};
  for (const f of warm.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;

  // Statements for other sizes.
  const sizes = [];
  for (const [np, nu] of [[1, 1], [10, 5], [200, 20], [2000, 50]] as const) {
    const m = await matrix(persons.slice(0, np), units.slice(0, nu));
    sizes.push({ persons: np, units: nu, statements: m.statements, findings: m.findings.length, ms: r1(m.ms) });
  }

  // In-process: the service alone (no HTTP, no GraphQL), and its two halves.
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  const ctx = {
    em: ds.manager,
    config,
    loader: <K, V>(key: string, make: () => DataLoader<K, V>) => {
      if (!loaders.has(key)) loaders.set(key, make() as DataLoader<unknown, unknown>);
      return loaders.get(key) as DataLoader<K, V>;
    },
  } as unknown as Ctx;
  const service = [];
  for (let i = 0; i < 5; i++) {
    loaders.clear();
    counter.reset();
    let t = process.hrtime.bigint();
    await findAvoidance(ctx, { roundId: round.id, personIds: persons, unitIds: units });
    const total = ms(t);
    const statements = counter.count;
    t = process.hrtime.bigint();
    const graph = await loadAvoidanceGraph(ds.manager, { id: round.id, regionId: round.region_id, kind: round.kind, startsOn: round.starts_on }, persons, units);
    const loadMs = ms(t);
    t = process.hrtime.bigint();
    assess(graph, { personIds: persons, unitIds: units });
    service.push({ total, load: loadMs, rules: ms(t), statements, relations: graph.relations.length, employments: graph.employments.length });
  }

  // The rules alone on this thread, by number of pairs (median of 3 on one loaded graph each).
  const roundRef = { id: round.id, regionId: round.region_id, kind: round.kind, startsOn: round.starts_on };
  const rulesBySize = [];
  for (const [np, us] of [[100, units.slice(0, 10)], [500, units.slice(0, 10)], [1000, units.slice(0, 10)], [1000, units.slice(0, 20)], [1000, units], [2000, units], [2000, units100]] as const) {
    const ps = persons.slice(0, np);
    const graph = await loadAvoidanceGraph(ds.manager, roundRef, ps, us);
    const times = [];
    for (let i = 0; i < 3; i++) {
      const t = process.hrtime.bigint();
      assess(graph, { personIds: ps, unitIds: us });
      times.push(ms(t));
    }
    const median = pct(times, 50);
    rulesBySize.push({ pairs: ps.length * us.length, ms: r1(median), usPerPair: r1((median * 1000) / (ps.length * us.length)) });
  }

  // The longest the event loop went without a turn while `work` ran (a 5 ms ticker's largest gap).
  const heldLoop = async <T>(work: () => Promise<T>) => {
    let last = performance.now();
    let gap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      gap = Math.max(gap, now - last);
      last = now;
    }, 5);
    const t = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    await work();
    const used = process.cpuUsage(cpu);
    const took = ms(t);
    await new Promise((resolve) => setImmediate(resolve));
    clearInterval(ticker);
    gap = Math.max(gap, performance.now() - last);
    return { ms: took, cpuMs: (used.user + used.system) / 1000, maxGapMs: gap };
  };
  const summary = (xs: { ms: number; cpuMs: number; maxGapMs: number }[]) => ({
    medianMs: r1(pct(xs.map((x) => x.ms), 50)),
    medianCpuMs: r1(pct(xs.map((x) => x.cpuMs), 50)),
    maxGapMs: xs.map((x) => r1(x.maxGapMs)),
  });
  const workerPairs = config.avoidanceWorkerPairs;
  // The pure half alone (rules and wording on a loaded graph), then the whole matrix over HTTP;
  // each on the event loop and in a worker thread, alternately, three times.
  const names = async (ids: string[]) => {
    const into = new Map<string, PersonRec>();
    await loadPersons(ds.manager, ids, into);
    return [...into.values()];
  };
  const pure: Record<string, { ms: number; cpuMs: number; maxGapMs: number }[]> = { onEventLoop: [], inWorker: [] };
  const http: Record<string, { ms: number; cpuMs: number; maxGapMs: number }[]> = { onEventLoop: [], inWorker: [] };
  for (let i = 0; i < 3; i++) {
    for (const [mode, from] of [['onEventLoop', Number.POSITIVE_INFINITY], ['inWorker', workerPairs]] as const) {
      const graph = await loadAvoidanceGraph(ds.manager, roundRef, persons, units);
      pure[mode].push(await heldLoop(() => evaluateGraph(graph, { personIds: persons, unitIds: units }, names, { workerPairs: from, timeoutSeconds: 600 })));
      config.avoidanceWorkerPairs = from;
      http[mode].push(await heldLoop(() => matrix(persons, units)));
    }
  }
  config.avoidanceWorkerPairs = workerPairs;

  // The floor: a trivial signed-in query through the same stack.
  const floor = [];
  for (let i = 0; i < 220; i++) {
    const t = process.hrtime.bigint();
    await post('{ me { id } }', {}, token);
    if (i >= 20) floor.push(ms(t));
  }

  // Single checks: 320 pairs across the city (the first 20 warm up).
  const checks = [];
  for (let i = 0; i < 320; i++) {
    const p = cityPersons[(i * 7919) % cityPersons.length];
    const u = cityTargets[(i * 104729) % cityTargets.length];
    counter.reset();
    const t = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const data = await post(CHECK, { p, u, r: round.id }, token);
    const used = process.cpuUsage(cpu);
    if (i >= 20) checks.push({ ms: ms(t), cpuMs: (used.user + used.system) / 1000, statements: counter.count, findings: data.avoidanceCheck.length });
  }

  const result = {
    at: new Date().toISOString(),
    database: (await ds.query('SELECT VERSION() AS v'))[0].v,
    load: loaded ? { generateMs: Math.round(loaded.generateMs), loadMs: Math.round(loaded.loadMs), counts: loaded.counts } : 'reused',
    matrix2000x50: {
      pairs: persons.length * units.length,
      findings: warm.findings.length,
      responseBytes: Buffer.byteLength(JSON.stringify({ data: { avoidanceMatrix: warm.findings } })),
      byRule,
      runsMs: runs.map((r) => r1(r.ms)),
      medianMs: r1(pct(runs.map((r) => r.ms), 50)),
      cpuRunsMs: runs.map((r) => r1(r.cpuMs)),
      medianCpuMs: r1(pct(runs.map((r) => r.cpuMs), 50)),
      statements: runs.map((r) => r.statements),
    },
    matrixSizes: sizes,
    rulesBySize,
    matrixRules: {
      workerFromPairs: workerPairs,
      pure: { onEventLoop: summary(pure.onEventLoop), inWorker: summary(pure.inWorker) },
      http: { onEventLoop: summary(http.onEventLoop), inWorker: summary(http.inWorker) },
    },
    serviceOnly: {
      medianTotalMs: r1(pct(service.map((s) => s.total), 50)),
      medianLoadMs: r1(pct(service.map((s) => s.load), 50)),
      medianRulesMs: r1(pct(service.map((s) => s.rules), 50)),
      statements: service.map((s) => s.statements),
      loaded: { relations: service[0].relations, employments: service[0].employments },
    },
    trivialQuery: { p50Ms: r1(pct(floor, 50)), p95Ms: r1(pct(floor, 95)) },
    singleCheck: {
      calls: checks.length,
      p50Ms: r1(pct(checks.map((c) => c.ms), 50)),
      p95Ms: r1(pct(checks.map((c) => c.ms), 95)),
      cpuP50Ms: r1(pct(checks.map((c) => c.cpuMs), 50)),
      cpuP95Ms: r1(pct(checks.map((c) => c.cpuMs), 95)),
      maxMs: r1(Math.max(...checks.map((c) => c.ms))),
      statementsMin: Math.min(...checks.map((c) => c.statements)),
      statementsMax: Math.max(...checks.map((c) => c.statements)),
      withFindings: checks.filter((c) => c.findings > 0).length,
    },
  };
  console.log(JSON.stringify(result, null, 2));
  const out = path.resolve(__dirname, '../../../bench/results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'avoidance.json'), JSON.stringify(result, null, 2) + '\n');

  await server.stop();
  if (!args.has('--keep')) await admin.query(`DROP DATABASE IF EXISTS \`${DB}\``);
  await admin.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
