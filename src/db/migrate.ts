import { DataSource } from 'typeorm';

const LOCK = 'inspection_service_migrations';

/**
 * Runs pending migrations. On MySQL/MariaDB it first takes a named lock (GET_LOCK) on a
 * dedicated connection so that replicas starting together run them once; SQLite locks the file.
 */
export async function runMigrations(ds: DataSource): Promise<string[]> {
  if (ds.options.type !== 'mysql') {
    return (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
  }
  const qr = ds.createQueryRunner();
  await qr.connect();
  try {
    const [row] = await qr.query('SELECT GET_LOCK(?, 120) AS got', [LOCK]);
    if (Number(row.got) !== 1) throw new Error('could not take the migration lock within 120 s');
    try {
      return (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
    } finally {
      await qr.query('SELECT RELEASE_LOCK(?)', [LOCK]);
    }
  } finally {
    await qr.release();
  }
}
