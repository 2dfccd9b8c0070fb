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
import { performance } from 'node:perf_hooks';
import { generateWorld } from '../../src/demo/generator';
import { loadWorld } from '../../src/demo/load';
import { composeCityRound } from '../support/city-round';
import { benchDatabase } from '../database';
import { startBenchServer, stats } from '../support/gql';

const TODAY = '2025-06-02';
const ADMIN = { username: 'admin', password: 'Bench-Pass-2025' };
const TEAMS = 12;
const TEAM_SIZE = 6;
const ROUND_QUERIES = 30;

const ROUND = `query($id: ID!) { round(id: $id) { id name status rules { minSize maxSize }
  teams { id name targets { id name }
    members { id role joinedOn person { id name rank fullTimeInspector poolEntries { pool status specialties } } readiness { kind } }
    memberHistory { id leftOn }
    authorization { id status person { name } }
    violations { rule severity message person { name } unit { name } } } } }`;

async function run(dialect: 'sqlite' | 'mysql', mysqlBase: string) {
  const database = await benchDatabase(dialect, mysqlBase, 'bench_rounds');
  const { server, gql } = await startBenchServer(database.url, { admin: ADMIN, today: TODAY, dataDir: database.dataDir });
  try {
    const world = generateWorld({ scale: 'county', seed: 1, today: TODAY });
    await loadWorld(server.db.dataSource, world);
    const { roundId, poolSize, assignMs, refused } = await composeCityRound(gql, world, { teams: TEAMS, teamSize: TEAM_SIZE });

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
      pool: poolSize,
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
