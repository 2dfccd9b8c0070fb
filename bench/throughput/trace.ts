/**
 * Prints the SQL statements the service sends for each workload of the throughput benchmark, on
 * the kept database (run `npm run bench:throughput` once first).
 *
 *   npm run build && node dist/bench/throughput/trace.js
 */
import 'reflect-metadata';
import mysql from 'mysql2/promise';
import { client, login, startBenchServer } from '../support/gql';
import { QUERIES, WorkloadName } from './workloads';

const SERVER = (process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');
const DB = process.env.BENCH_DATABASE_NAME ?? 'bench_throughput';

async function main() {
  const url = `${SERVER}/${DB}`;
  const { server, url: base } = await startBenchServer(url, { admin: { username: 'bench-admin', password: 'Bench-Pass-2025' }, today: '2025-06-02' });
  try {
    const token = await login(client(base, () => null), 'bench-office', 'Office-Pass-2025');
    const gql = client(base, () => token);
    const conn = await mysql.createConnection(url);
    const [[round]] = (await conn.query('SELECT id, region_id FROM rounds ORDER BY id LIMIT 1')) as any;
    const [[county]] = (await conn.query("SELECT id FROM regions WHERE parent_id = ? AND level = 'COUNTY' ORDER BY code LIMIT 1", [round.region_id])) as any;
    await conn.end();
    const vars: Record<WorkloadName, Record<string, unknown>> = { W1: { region: county.id }, W2: { region: round.region_id }, R: { id: round.id } };
    for (const w of (process.env.BENCH_WORKLOADS ?? 'W1,W2,R').split(',') as WorkloadName[]) {
      await gql(QUERIES[w], vars[w]);
      server.db.counter.reset(true);
      await gql(QUERIES[w], vars[w]);
      const recorded = server.db.counter.recorded ?? [];
      console.log(`\n== ${w}: ${recorded.length} statements`);
      for (const q of recorded) console.log(`- ${q.replace(/\s+/g, ' ').slice(0, Number(process.env.TRACE_WIDTH ?? 400))}`);
    }
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
