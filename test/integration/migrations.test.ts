import { DataSource } from 'typeorm';
import { allMigrations } from '../../migrations';
import { loadConfig } from '../../src/config';
import { createDatabase, Database, dataSourceOptions } from '../../src/db/data-source';
import { allEntities } from '../../src/modules';
import { runMigrations } from '../../src/db/migrate';
import { freshDatabase, FreshDatabase } from '../support/db';
import { ok } from '../support/graphql-client';
import { mutate } from '../support/operations';
import { startTestServer } from '../support/server';

/**
 * Every migration in migrations/index.ts, on a fresh database: up one at a time, then down one
 * at a time (each down must give back exactly the schema before its up), then up again, and the
 * service works on the result. Later migrations are covered as soon as they are listed.
 */
let database: FreshDatabase;
let db: Database;
let handedOver = false;
const config = () => loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' });
const names = allMigrations.map((M) => new M().name ?? M.name);

beforeAll(async () => {
  database = await freshDatabase();
  db = createDatabase(config(), allEntities());
  await db.dataSource.initialize();
});
afterAll(async () => {
  if (db.dataSource.isInitialized) await db.dataSource.destroy();
  if (!handedOver) await database.drop();
});

type Schema = Record<string, string[]>;

/** Tables (but the bookkeeping of migrations and of SQLite) with their columns, indexes, uniques and foreign keys. */
async function schemaOf(ds: DataSource): Promise<Schema> {
  const qr = ds.createQueryRunner();
  try {
    // Named, because on MySQL an unnamed lookup reads every database on the server, some of
    // them being created and dropped by other tests meanwhile.
    const listed: { name: string }[] = await qr.query(
      ds.options.type === 'mysql' ? 'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()' : "SELECT name FROM sqlite_master WHERE type = 'table'",
    );
    const names = listed.map((t) => t.name).filter((n) => !/^(migrations|sqlite_\w+)$/.test(n));
    const tables = names.length ? await qr.getTables(names) : [];
    return Object.fromEntries(
      tables.map((t) => [
        t.name.split('.').pop()!,
        [
          ...t.columns.map((c) => `column ${c.name} ${c.type}${c.length ? `(${c.length})` : ''}${c.isNullable ? ' null' : ''}${c.isPrimary ? ' primary' : ''}`),
          ...t.indices.map((i) => `index ${i.columnNames.join(',')}${i.isUnique ? ' unique' : ''}`),
          ...t.uniques.map((u) => `unique ${u.columnNames.join(',')}`),
          ...t.foreignKeys.map((f) => `fk ${f.columnNames.join(',')} -> ${f.referencedTableName.split('.').pop()}`),
        ].sort(),
      ]),
    );
  } finally {
    await qr.release();
  }
}

async function executed(ds: DataSource): Promise<number> {
  return Number((await ds.query('SELECT COUNT(*) AS n FROM migrations'))[0].n);
}

test('every migration goes up, down to nothing, and up again; the service then works', async () => {
  expect(names.length).toBeGreaterThan(0);
  const ds = db.dataSource;

  // Up, one migration at a time, keeping the schema after each.
  const after: Schema[] = [await schemaOf(ds)];
  expect(after[0]).toEqual({});
  for (let k = 1; k <= allMigrations.length; k++) {
    const prefix = new DataSource({ ...dataSourceOptions(config().database, allEntities()), migrations: allMigrations.slice(0, k) });
    await prefix.initialize();
    try {
      expect(await runMigrations(prefix)).toEqual([names[k - 1]]);
      after.push(await schemaOf(prefix));
    } finally {
      await prefix.destroy();
    }
    expect([names[k - 1], after[k]]).not.toEqual([names[k - 1], after[k - 1]]);
  }
  expect(await runMigrations(ds)).toEqual([]);

  // The migrations build every table and column the entities map.
  const full = after[allMigrations.length];
  for (const entity of ds.entityMetadatas) {
    expect([entity.tableName, entity.tableName in full]).toEqual([entity.tableName, true]);
    for (const column of entity.columns) {
      expect(full[entity.tableName].some((line) => line.startsWith(`column ${column.databaseName} `))).toBe(true);
    }
  }

  // Down, one at a time: each gives back the schema from before it went up.
  for (let k = allMigrations.length; k >= 1; k--) {
    await ds.undoLastMigration({ transaction: 'each' });
    expect(await executed(ds)).toBe(k - 1);
    expect([names[k - 1], await schemaOf(ds)]).toEqual([names[k - 1], after[k - 1]]);
  }
  await ds.undoLastMigration({ transaction: 'each' }); // nothing left to undo
  expect(await executed(ds)).toBe(0);
  expect(await schemaOf(ds)).toEqual({});

  // Up again, all at once: the same schema as before.
  expect(await runMigrations(ds)).toEqual(names);
  expect(await schemaOf(ds)).toEqual(full);
  await ds.destroy();

  // The service starts on it and keeps people.
  handedOver = true;
  const t = await startTestServer({ database });
  try {
    const regionId = ok(await mutate(t, 'createRegion', { code: 'M-1', name: '迁移县', level: 'COUNTY' }, { token: t.adminToken })).createRegion.region.id;
    const personId = ok(await mutate(t, 'createPerson', { regionId, name: '迁移后', birthDate: '1988-08-08' }, { token: t.adminToken })).createPerson.person.id;
    expect(await t.admin('query($id: ID!) { person(id: $id) { name birthDate region { name } } }', { id: personId })).toEqual({
      person: { name: '迁移后', birthDate: '1988-08-08', region: { name: '迁移县' } },
    });
  } finally {
    await t.close();
  }
});
