import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scratchDatabase } from './support/gql';

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
  const db = await scratchDatabase(mysqlBase, `${prefix}_${Date.now().toString(36)}`);
  return {
    url: db.url,
    dataDir,
    async drop() {
      await db.drop();
      await removeDir();
    },
  };
}
