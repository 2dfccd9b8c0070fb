import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';

/** A fresh database for one benchmark run: a temp SQLite file, or a new database on a MySQL server. */
export interface BenchDatabase {
  url: string;
  dataDir: string;
  /** Drops the MySQL database and removes the data directory. */
  drop(): Promise<void>;
}

export async function benchDatabase(dialect: 'sqlite' | 'mysql', mysqlBase: string, prefix: string): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix.replace(/_/g, '-')}-`));
  const removeDir = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') return { url: `sqlite:${path.join(dataDir, 'bench.sqlite')}`, dataDir, drop: removeDir };
  const base = new URL(mysqlBase);
  const name = `${prefix}_${Date.now().toString(36)}`;
  const conn = () => mysql.createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username), password: decodeURIComponent(base.password) });
  const c = await conn();
  await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
  base.pathname = `/${name}`;
  return {
    url: base.toString(),
    dataDir,
    async drop() {
      const d = await conn();
      await d.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await d.end();
      await removeDir();
    },
  };
}
