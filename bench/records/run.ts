/**
 * Ledger benchmark: a county's ledgers (3,000 persons, about 10,000 posts and 9,000 relations,
 * the pools, 40 past rounds) as .xlsx files, dry-run and imported over HTTP into the real server
 * holding the county's regions and units, on SQLite and on MariaDB. Beside each import, in the
 * same run: reading the file alone, and writing the same rows straight through the loader
 * (src/demo/load.ts) as the baseline of an insert with no checks. Memory: the peak heap growth
 * while importing the full persons file, and while importing 100 rows of it into the database
 * that already holds the county (bounded by the file, not by the database). The peak growth of
 * the JavaScript heap stands for memory (the server runs in this process).
 *
 *   npm run bench:records                         # both databases
 *   BENCH_DATABASES=sqlite npm run bench:records  # one of them
 *   BENCH_MYSQL_URL=mysql://user:pass@host:3306 npm run bench:records
 *
 * Figures go to stdout and to bench/results/records-<database>.json.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import mysql from 'mysql2/promise';
import { bootServer } from '../../src/app';
import { SettableClock } from '../../src/common/clock';
import { addDays } from '../../src/common/dates';
import { loadConfig } from '../../src/config';
import { generateWorld, GeneratedWorld } from '../../src/demo/generator';
import { loadWorld } from '../../src/demo/load';
import { KINDS } from '../../src/ledgers/kinds';
import { ledgerWorkbook, readTable } from '../../src/ledgers/sheet';
import { GENDER_WORDS, KINSHIP_WORDS, RANK_WORDS } from '../../src/ledgers/rules/vocabulary';
import { canonicalRelations } from '../../src/demo/load';

const TODAY = '2025-06-02';
const ADMIN = { username: 'admin', password: 'bench-password' };
const ROUNDS = 40;

/** One county of 3,000 persons (the city keeps a few more, outside the county's ledger). */
function countyWorld(): GeneratedWorld {
  return generateWorld({ scale: 'county', seed: 1, today: TODAY, countiesPerCity: 1, personsPerCounty: 3320, personsPerCity: 60, postsPerPerson: [2, 5], tiesPerPerson: 0.8 });
}

/** The county's ledgers as the template's rows. Every person has a code (P00001…). */
function ledgerRows(world: GeneratedWorld) {
  const county = world.counties[0];
  const mine = new Set(county.personIds);
  const persons = world.persons.filter((p) => mine.has(p.id));
  const code = new Map(persons.map((p, i) => [p.id, `P${String(i + 1).padStart(5, '0')}`]));
  const byId = new Map(persons.map((p) => [p.id, p]));
  const ref = (id: string) => [code.get(id)!, byId.get(id)!.name, byId.get(id)!.birthDate];
  const regionName = new Map(world.regions.map((r) => [r.id, r.code]));
  const unitName = new Map(world.units.map((u) => [u.id, u.name]));
  const rows: Record<string, string[][]> = {};
  rows.persons = persons.map((p) => [code.get(p.id)!, p.name, GENDER_WORDS.write[p.gender], p.birthDate, regionName.get(p.hometownRegionId)!, p.rank ? RANK_WORDS.write[p.rank] : '', p.fullTimeInspector ? '是' : '否', p.newlyPromotedOn ?? '', p.youngReserve ? '是' : '否']);
  rows.employments = world.employments.filter((e) => mine.has(e.personId)).map((e) => [...ref(e.personId), unitName.get(e.unitId)!, e.post, e.leadership ? '是' : '否', e.startedOn, e.endedOn ?? '至今']);
  rows.relations = canonicalRelations(world.relations)
    .filter((r) => mine.has(r.personId) && mine.has(r.relatedPersonId))
    .map((r) => [...ref(r.personId), KINSHIP_WORDS.write[r.kind], ...ref(r.relatedPersonId)]);
  rows['pool-entries'] = [
    ...county.leaderPersonIds.map((id) => [...ref(id), '组长库', '在库', '', '']),
    ...county.deputyPersonIds.map((id) => [...ref(id), '副组长库', '在库', '', '']),
    ...county.specialists.map((s) => [...ref(s.personId), '人才库', '在库', '', '']),
  ];
  // 40 past rounds one after the other (two months each), three teams of five, three targets each.
  const pool = [...county.leaderPersonIds, ...county.deputyPersonIds, ...county.specialists.map((s) => s.personId)];
  const targets = county.departmentUnitIds.map((id) => unitName.get(id)!);
  rows.rounds = [];
  let start = '2018-01-08';
  const perYear = new Map<string, number>();
  for (let n = 0; n < ROUNDS; n++) {
    const end = addDays(start, 50);
    const year = start.slice(0, 4);
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
    const ordinal = String(perYear.get(year));
    for (let t = 0; t < 3; t++) {
      for (let m = 0; m < 5; m++) {
        const person = pool[(n * 15 + t * 5 + m) % pool.length];
        const units = m === 0 ? targets.slice(((n * 3 + t) * 3) % (targets.length - 3), ((n * 3 + t) * 3) % (targets.length - 3) + 3).join('、') : '';
        rows.rounds.push([year, ordinal, '常规', '', start, end, `第${'一二三'[t]}巡察组`, units, ...ref(person), m === 0 ? '组长' : m === 1 ? '副组长' : '组员', '', '', '', m % 2 ? '称职' : '优秀', '']);
      }
    }
    start = addDays(end, 10);
  }
  return rows;
}

async function files(rows: Record<string, string[][]>) {
  const out: Record<string, Buffer> = {};
  for (const kind of KINDS) out[kind.name] = await ledgerWorkbook(kind.sheet, rows[kind.name]);
  return out;
}

/** Peak growth of the JavaScript heap (MB) while `work` runs, sampled every 10 ms. */
async function peakHeap<T>(work: () => Promise<T>): Promise<{ value: T; mb: number }> {
  global.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { value, mb: Math.round(((peak - base) / 2 ** 20) * 10) / 10 };
  } finally {
    clearInterval(timer);
  }
}

const seconds = (ms: number) => Math.round(ms / 10) / 100;

async function freshDatabase(database: 'sqlite' | 'mysql', mysqlBase: string, dataDir: string, tag: string) {
  if (database === 'sqlite') return { url: `sqlite:${path.join(dataDir, `${tag}.sqlite`)}`, drop: async () => undefined };
  const base = new URL(mysqlBase);
  const name = `bench_records_${tag}_${Date.now().toString(36)}`;
  const conn = () => mysql.createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username), password: decodeURIComponent(base.password) });
  const admin = await conn();
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  base.pathname = `/${name}`;
  return {
    url: base.toString(),
    drop: async () => {
      const c = await conn();
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

async function bench(database: 'sqlite' | 'mysql', mysqlBase: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-records-${database}-`));
  const world = countyWorld();
  const rows = ledgerRows(world);
  const bodies = await files(rows);
  const shell = { ...world, persons: [], employments: [], relations: [], interestTies: [] };
  const db = await freshDatabase(database, mysqlBase, dataDir, 'import');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256-0123456789',
    BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
  });
  const { server } = await bootServer({ config, clock: new SettableClock(TODAY) });
  const result: Record<string, unknown> = { database, rows: Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length])) };
  try {
    await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
    const login = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { token } }', variables: { i: ADMIN } }),
    });
    const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
    await loadWorld(server.db.dataSource, shell);
    const regionId = world.counties[0].regionId;
    const post = async (kind: string, body: Buffer, dryRun: boolean) => {
      const t0 = performance.now();
      const res = await fetch(`${url}/imports/${kind}?regionId=${regionId}&dryRun=${dryRun}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
      const report = (await res.json()) as { created: number; unchanged: number; errors: unknown[] };
      if (report.errors?.length) throw new Error(`${kind}: ${JSON.stringify(report.errors.slice(0, 3))}`);
      return { ms: performance.now() - t0, report };
    };

    const kinds: Record<string, unknown> = {};
    for (const kind of KINDS) {
      const body = bodies[kind.name];
      const t0 = performance.now();
      await readTable(body);
      const parseMs = performance.now() - t0;
      const dry = await post(kind.name, body, true);
      const imported = await peakHeap(() => post(kind.name, body, false));
      const again = await post(kind.name, body, false);
      if (imported.value.report.created !== rows[kind.name].length || again.report.unchanged !== rows[kind.name].length) {
        throw new Error(`${kind.name}: ${JSON.stringify([imported.value.report, again.report])}`);
      }
      kinds[kind.name] = {
        rows: rows[kind.name].length,
        fileKB: Math.round(body.length / 1024),
        parseS: seconds(parseMs),
        dryRunS: seconds(dry.ms),
        importS: seconds(imported.value.ms),
        reimportS: seconds(again.ms),
        peakHeapMB: imported.mb,
      };
      process.stdout.write(`${database} ${kind.name}: ${JSON.stringify(kinds[kind.name])}\n`);
    }
    result.kinds = kinds;

    // Memory bounded by the file: 100 new persons into the database that holds the county.
    const small = await ledgerWorkbook(KINDS[0].sheet, rows.persons.slice(0, 100).map((r) => [`N${r[0]}`, `${r[1]}新`, ...r.slice(2)]));
    const smallRun = await peakHeap(() => post('persons', small, false));
    result.smallFile = { rows: 100, importS: seconds(smallRun.value.ms), peakHeapMB: smallRun.mb };
    process.stdout.write(`${database} 100 persons into the full county: ${JSON.stringify(result.smallFile)}\n`);
  } finally {
    await server.stop();
    await db.drop();
  }

  // Baseline: the same persons, posts and relations written straight through the loader.
  const base = await freshDatabase(database, mysqlBase, dataDir, 'baseline');
  const baseConfig = loadConfig({ NODE_ENV: 'test', DATABASE_URL: base.url, DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const { server: raw } = await bootServer({ config: baseConfig, clock: new SettableClock(TODAY) });
  try {
    await loadWorld(raw.db.dataSource, shell);
    const mine = new Set(world.counties[0].personIds);
    const t0 = performance.now();
    await loadWorld(raw.db.dataSource, {
      ...shell,
      regions: [],
      units: [],
      persons: world.persons.filter((p) => mine.has(p.id)),
      employments: world.employments.filter((e) => mine.has(e.personId)),
      relations: world.relations.filter((r) => mine.has(r.personId) && mine.has(r.relatedPersonId)),
    });
    const loaderS = seconds(performance.now() - t0);
    const k = result.kinds as Record<string, { importS: number }>;
    const importS = seconds((k.persons.importS + k.employments.importS + k.relations.importS) * 1000);
    result.baseline = { loaderS, importS, ratio: Math.round((importS / loaderS) * 10) / 10 };
    process.stdout.write(`${database} baseline (loader, no checks): ${JSON.stringify(result.baseline)}\n`);
  } finally {
    await raw.stop();
    await base.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const out = path.resolve(__dirname, '../../../bench/results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, `records-${database}.json`), JSON.stringify(result, null, 2) + '\n');
}

async function main() {
  const databases = (process.env.BENCH_DATABASES ?? 'sqlite,mysql').split(',').map((s) => s.trim()) as ('sqlite' | 'mysql')[];
  const mysqlBase = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
  for (const d of databases) await bench(d, mysqlBase);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});
