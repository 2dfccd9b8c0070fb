import 'reflect-metadata';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';
import { loadConfig } from '../config';
import { createDatabase } from '../db/data-source';
import { allEntities } from '../modules';
import { runMigrations } from '../db/migrate';
import { countsOf, generateWorld, Scale } from './generator';
import { loadWorld } from './load';

const USAGE = `Generates a deterministic example world and loads it into a database.

  node dist/src/demo/generate-cli.js --scale province --database-url mysql://root@127.0.0.1:3306/bench_1 --seed 1

Options:
  --scale county|province   size of the world (default county)
  --database-url URL        sqlite:<file> or mysql://… (default: DATABASE_URL)
  --seed N                  generator seed (default 1)
  --today YYYY-MM-DD        the world's today (default: the real today)
  --fresh                   start from an empty database: drop the MySQL database or delete the
                            SQLite file first (otherwise the database must hold no world yet)
  --chunk N                 rows per INSERT (default 1000)
`;

/** Creates the MySQL database of `url` when it does not exist (dropping it first when fresh). */
async function prepareMysql(url: string, fresh: boolean) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[\w$]+$/.test(name)) throw new Error(`the database name in the URL must be a plain identifier (got "${name}")`);
  const c = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) });
  try {
    if (fresh) await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await c.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await c.end();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'county' },
      'database-url': { type: 'string' },
      seed: { type: 'string', default: '1' },
      today: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      chunk: { type: 'string', default: '1000' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const scale = values.scale as Scale;
  if (scale !== 'county' && scale !== 'province') throw new Error(`--scale must be county or province (got ${values.scale})`);
  const url = values['database-url'] ?? process.env.DATABASE_URL;
  if (!url) throw new Error('--database-url (or DATABASE_URL) is required');
  const seed = /^\d+$/.test(values.seed!) ? Number(values.seed) : values.seed!;
  const config = loadConfig({ ...process.env, DATABASE_URL: url });
  if (config.database.dialect === 'mysql') await prepareMysql(config.database.url, values.fresh!);
  else if (values.fresh) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(config.database.file + suffix, { force: true });

  const db = createDatabase(config, allEntities());
  await db.dataSource.initialize();
  try {
    const t0 = Date.now();
    await runMigrations(db.dataSource);
    const tMigrate = Date.now() - t0;
    const t1 = Date.now();
    const world = generateWorld({ scale, seed, today: values.today });
    const tGenerate = Date.now() - t1;
    const c = countsOf(world);
    process.stdout.write(
      `generated ${scale} world (seed ${seed}, today ${world.today}) in ${(tGenerate / 1000).toFixed(1)} s: ` +
        `${c.regions} regions, ${c.units} units, ${c.persons} persons, ${c.employments} employments, ${c.relations} relations, ${c.interestTies} interest ties\n`,
    );
    const result = await loadWorld(db.dataSource, world, {
      chunkSize: Number(values.chunk),
      progress: (table, rows, ms) => process.stdout.write(`  ${table.padEnd(13)} ${String(rows).padStart(8)} rows  ${(ms / 1000).toFixed(1).padStart(6)} s\n`),
    });
    const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `loaded ${rows} rows into ${config.database.dialect} in ${(result.ms.total / 1000).toFixed(1)} s ` +
        `(${Math.round(rows / (result.ms.total / 1000))} rows/s; migrations ${(tMigrate / 1000).toFixed(1)} s)\n`,
    );
    const first = world.counties[0];
    process.stdout.write(`first county: ${first.name} (${first.regionId}), ${first.personIds.length} persons\n`);
  } finally {
    await db.dataSource.destroy();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
