/**
 * Throughput benchmark: the service against a bare node:http + mysql2 server (bare.ts) that does
 * the same essential work, on the county-scale world in MariaDB/MySQL with a composed city round.
 * Both run as child processes (the service compiled, NODE_ENV=production); the bodies of the three
 * queries (workloads.ts) are asserted byte-identical, then autocannon runs alternate between the
 * two at 1 and at 50 connections. Reported per run: requests/s, p50/p99 latency, SQL statements
 * per request (counted by each process: /metrics) and CPU per request (/proc/<pid>/stat).
 *
 *   npm run bench:throughput                   # fresh database bench_throughput, kept afterwards
 *   npm run bench:throughput -- --reuse        # measure again on the kept database
 *   BENCH_REPEATS=3 BENCH_SECONDS=5 BENCH_WORKLOADS=W1,W2,R BENCH_CONNECTIONS=1,50
 *   BENCH_PROFILE=1                            # the service writes a V8 CPU profile to bench/results/profiles
 *   BENCH_DATABASE_URL=mysql://user:pass@host:3306
 *   BENCH_DATABASE_NAME=bench_throughput_x  # another database (several worktrees share one MariaDB)
 *   BENCH_TIMEOUT_SECONDS=60                 # per request (raise it on a busy machine)
 *
 * Figures are printed and written to bench/results/throughput.json.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { ChildProcess, spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { generateWorld } from '../../src/demo/generator';
import { loadWorld } from '../../src/demo/load';
import { composeCityRound } from '../support/city-round';
import { BENCH_JWT_SECRET as JWT_SECRET, client, login, median, scratchDatabase, startBenchServer } from '../support/gql';
import { QUERIES, WorkloadName } from './workloads';

const SERVER = (process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');
const DB = process.env.BENCH_DATABASE_NAME ?? 'bench_throughput';
const TODAY = '2025-06-02';
const ADMIN = { username: 'bench-admin', password: 'Bench-Pass-2025' };
const OFFICE = { username: 'bench-office', password: 'Office-Pass-2025' };
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WORKLOADS = (process.env.BENCH_WORKLOADS ?? 'W1,W2,R').split(',') as WorkloadName[];
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '1,50').split(',').map(Number);
const ROOT = path.resolve(__dirname, '../../..');
const TICK_MS = 1000 / 100; // USER_HZ

/** The world, a composed city round (12 teams of 6) and the account the benchmark signs in as. */
async function prepare(databaseUrl: string) {
  const { server, gql } = await startBenchServer(databaseUrl, { admin: ADMIN, today: TODAY });
  try {
    const world = generateWorld({ scale: 'county', seed: 1, today: TODAY });
    await loadWorld(server.db.dataSource, world);
    await composeCityRound(gql, world, { teams: 12, teamSize: 6 });
    await gql('mutation($i: CreateAccountInput!) { createAccount(input: $i) { account { id } } }', {
      i: { ...OFFICE, roles: ['INSPECTION_OFFICE'], regionIds: [world.cities[0].regionId] },
    });
  } finally {
    await server.stop();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

interface Child {
  name: 'service' | 'bare';
  url: string;
  proc: ChildProcess;
}

async function start(name: Child['name'], script: string, databaseUrl: string, nodeArgs: string[] = []): Promise<Child> {
  const port = await freePort();
  const proc = spawn(process.execPath, [...nodeArgs, path.join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, JWT_SECRET, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (proc.exitCode !== null) throw new Error(`${name} exited with ${proc.exitCode}`);
    try {
      if ((await fetch(`${url}/metrics`)).ok) return { name, url, proc };
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not start`);
}

async function stop(child: Child) {
  if (child.proc.exitCode !== null) return;
  const exited = new Promise((r) => child.proc.once('exit', r));
  child.proc.kill('SIGTERM');
  await exited;
}

/** Statements sent so far (the process's own count) and CPU time used (user + system, ms). */
async function sample(child: Child): Promise<{ statements: number; cpuMs: number }> {
  const text = await (await fetch(`${child.url}/metrics`)).text();
  const m = /^db_statements_total (\d+)/m.exec(text);
  if (!m) throw new Error(`${child.name}: no db_statements_total in /metrics`);
  const stat = fs.readFileSync(`/proc/${child.proc.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { statements: Number(m[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
}

function requestOf(workload: WorkloadName, vars: Record<string, unknown>, token: string) {
  return {
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERIES[workload], variables: vars }),
  };
}

interface Measure {
  workload: WorkloadName;
  connections: number;
  target: Child['name'];
  repeat: number;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  statementsPerRequest: number;
  cpuMsPerRequest: number;
}

/**
 * One autocannon run of `amount` requests (every request answered before the run ends, so the
 * statements and CPU time counted belong to exactly these requests).
 */
async function measure(child: Child, workload: WorkloadName, connections: number, amount: number, req: ReturnType<typeof requestOf>) {
  const before = await sample(child);
  const result = await autocannon({ url: `${child.url}/graphql`, connections, amount, timeout: Number(process.env.BENCH_TIMEOUT_SECONDS ?? 60), ...req });
  const after = await sample(child);
  const ok = result['2xx'];
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0 || ok === 0) {
    throw new Error(`${child.name} ${workload}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  const seconds = (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000;
  return {
    rps: ok / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: ok,
    statementsPerRequest: (after.statements - before.statements) / ok,
    cpuMsPerRequest: (after.cpuMs - before.cpuMs) / ok,
  };
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const range = (xs: number[]) => `${r2(Math.min(...xs))}-${r2(Math.max(...xs))}`;

async function main() {
  const db = await scratchDatabase(SERVER, DB, process.argv.includes('--reuse'));
  if (!db.existed) await prepare(db.url);
  const profileDir = path.join(ROOT, 'bench/results/profiles');
  const profile = process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const service = await start('service', 'dist/src/main.js', db.url, profile);
  const bare = await start('bare', 'dist/bench/throughput/bare.js', db.url);
  try {
    const token = await login(client(service.url, () => null), OFFICE.username, OFFICE.password);
    const mysql = await import('mysql2/promise');
    const conn = await mysql.createConnection(db.url);
    const [[round]] = (await conn.query('SELECT id, region_id FROM rounds ORDER BY id LIMIT 1')) as any;
    const [[county]] = (await conn.query("SELECT id FROM regions WHERE parent_id = ? AND level = 'COUNTY' ORDER BY code LIMIT 1", [round.region_id])) as any;
    await conn.end();
    const vars: Record<WorkloadName, Record<string, unknown>> = { W1: { region: county.id }, W2: { region: round.region_id }, R: { id: round.id } };

    // The same bytes from both, before anything is measured.
    for (const w of WORKLOADS) {
      const req = requestOf(w, vars[w], token);
      const [a, b] = await Promise.all([service, bare].map(async (c) => (await fetch(`${c.url}/graphql`, req)).text()));
      if (a !== b) {
        const at = [...a].findIndex((ch, i) => ch !== b[i]);
        throw new Error(`${w}: bodies differ at ${at}:\n service: ${a.slice(Math.max(0, at - 200), at + 200)}\n bare:    ${b.slice(Math.max(0, at - 200), at + 200)}`);
      }
      if (a.includes('"errors"')) throw new Error(`${w}: ${a.slice(0, 300)}`);
      console.log(`${w}: bodies identical (${Buffer.byteLength(a)} bytes)`);
    }

    // Warm up both (JIT, pools) and size each run to about BENCH_SECONDS; then alternate:
    // service, bare, bare, service, … per repeat.
    const amounts = new Map<string, number>();
    for (const w of WORKLOADS) {
      for (const connections of CONNECTIONS) {
        for (const c of [service, bare]) {
          const warm = await measure(c, w, connections, Math.max(connections * 2, 20), requestOf(w, vars[w], token));
          amounts.set(`${w}:${connections}:${c.name}`, Math.max(connections * 2, Math.round(warm.rps * SECONDS)));
        }
      }
    }
    const measures: Measure[] = [];
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      for (const w of WORKLOADS) {
        for (const connections of CONNECTIONS) {
          const order = repeat % 2 === 0 ? [service, bare] : [bare, service];
          for (const c of order) {
            const m = await measure(c, w, connections, amounts.get(`${w}:${connections}:${c.name}`)!, requestOf(w, vars[w], token));
            measures.push({ workload: w, connections, target: c.name, repeat, ...m });
            console.log(JSON.stringify(measures[measures.length - 1]));
          }
        }
      }
    }

    // Ratios within each repeat (service / bare), then their medians and ranges over the repeats.
    const rows = [];
    for (const w of WORKLOADS) {
      for (const connections of CONNECTIONS) {
        const of = (t: Child['name']) => measures.filter((m) => m.workload === w && m.connections === connections && m.target === t);
        const s = of('service');
        const b = of('bare');
        const rpsRatio = s.map((m, i) => m.rps / b[i].rps);
        const p50Ratio = s.map((m, i) => b[i].p50 / m.p50);
        const med = (xs: Measure[], k: keyof Measure) => r2(median(xs.map((m) => m[k] as number)));
        rows.push({
          workload: w,
          connections,
          service: { rps: med(s, 'rps'), p50: med(s, 'p50'), p99: med(s, 'p99'), statements: med(s, 'statementsPerRequest'), cpuMs: med(s, 'cpuMsPerRequest') },
          bare: { rps: med(b, 'rps'), p50: med(b, 'p50'), p99: med(b, 'p99'), statements: med(b, 'statementsPerRequest'), cpuMs: med(b, 'cpuMsPerRequest') },
          rpsRatio: { median: r2(median(rpsRatio)), range: range(rpsRatio) },
          p50Ratio: { median: r2(median(p50Ratio)), range: range(p50Ratio) },
        });
      }
    }
    console.log('\n| workload | conns | service req/s | bare req/s | service/bare req/s (median, range) | p50 ms service / bare | bare/service p50 | p99 ms service / bare | statements service / bare | CPU ms/req service / bare |');
    console.log('|---|---:|---:|---:|---|---|---|---|---|---|');
    for (const r of rows) {
      console.log(
        `| ${r.workload} | ${r.connections} | ${r.service.rps} | ${r.bare.rps} | ${r.rpsRatio.median} (${r.rpsRatio.range}) | ${r.service.p50} / ${r.bare.p50} | ${r.p50Ratio.median} (${r.p50Ratio.range}) | ${r.service.p99} / ${r.bare.p99} | ${r.service.statements} / ${r.bare.statements} | ${r.service.cpuMs} / ${r.bare.cpuMs} |`,
      );
    }
    const out = path.join(ROOT, 'bench/results');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'throughput.json'), JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, load: os.loadavg(), seconds: SECONDS, rows, measures }, null, 2) + '\n');
  } finally {
    await stop(service);
    await stop(bare);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
