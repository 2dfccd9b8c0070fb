import { DataSource } from 'typeorm';
import { allMigrations } from '../../migrations';
import { parseDatabaseUrl } from '../../src/config';
import { dataSourceOptions } from '../../src/db/data-source';
import { allEntities } from '../../src/modules';
import { runMigrations } from '../../src/db/migrate';
import { newId } from '../../src/db/ids';
import { freshDatabase, FreshDatabase } from '../support/db';

/** The name-sort migration on a database in use: every existing person gets the key of their name. */
let db: FreshDatabase;
let ds: DataSource;
beforeAll(async () => {
  db = await freshDatabase();
  ds = new DataSource({ ...dataSourceOptions(parseDatabaseUrl(db.url, db.dataDir), allEntities()), migrations: allMigrations.filter((m) => m.name !== 'NameSort1763820000000') });
  await ds.initialize();
  await runMigrations(ds);
});
afterAll(async () => {
  if (ds.isInitialized) await ds.destroy();
  await db.drop();
});

test('existing persons get the pinyin sort key of their names, in batches', async () => {
  const regionId = newId();
  await ds.query("INSERT INTO regions (id, code, name, level, parent_id, path) VALUES (?, 'M-1', '东安县', 'COUNTY', NULL, ?)", [regionId, `/${regionId}/`]);
  // More persons than one batch of the migration.
  const names = Array.from({ length: 1203 }, (_, i) => ['刘海涛', '李娜', '单雄', '王芳'][i % 4]);
  const ids = names.map(() => newId());
  for (let i = 0; i < names.length; i += 300) {
    const part = names.slice(i, i + 300);
    await ds.query(
      `INSERT INTO persons (id, region_id, name, full_time_inspector, young_reserve) VALUES ${part.map(() => '(?, ?, ?, 0, 0)').join(', ')}`,
      part.flatMap((name, k) => [ids[i + k], regionId, name]),
    );
  }
  await ds.destroy();

  ds = new DataSource(dataSourceOptions(parseDatabaseUrl(db.url, db.dataDir), allEntities()));
  await ds.initialize();
  expect(await runMigrations(ds)).toEqual(['NameSort1763820000000']);
  const rows: { id: string; name_sort: string }[] = await ds.query('SELECT id, name_sort FROM persons ORDER BY name_sort, id');
  const keys = { 刘海涛: 'liu2 hai3 tao1', 李娜: 'li3 na4', 单雄: 'shan4 xiong2', 王芳: 'wang2 fang1' } as Record<string, string>;
  const byId = new Map(rows.map((r) => [r.id, r.name_sort]));
  expect(ids.every((id, i) => byId.get(id) === keys[names[i]])).toBe(true);
  expect([...new Set(rows.map((r) => r.name_sort))]).toEqual(['li3 na4', 'liu2 hai3 tao1', 'shan4 xiong2', 'wang2 fang1']);
});
