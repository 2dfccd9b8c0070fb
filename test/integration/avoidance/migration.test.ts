import { DataSource } from 'typeorm';
import { Avoidance1763710000000 } from '../../../migrations/1763710000000-Avoidance';
import { parseDatabaseUrl } from '../../../src/config';
import { dataSourceOptions } from '../../../src/db/data-source';
import { allEntities } from '../../../src/modules';
import { runMigrations } from '../../../src/db/migrate';
import { freshDatabase, FreshDatabase } from '../../support/db';

const TABLES = ['avoidance_declarations', 'avoidance_waivers', 'avoidance_settings', 'avoidance_rule_settings'];

let db: FreshDatabase;
let ds: DataSource;
beforeAll(async () => {
  db = await freshDatabase();
  ds = new DataSource(dataSourceOptions(parseDatabaseUrl(db.url, db.dataDir), allEntities()));
  await ds.initialize();
  await runMigrations(ds);
});
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

async function present(): Promise<boolean[]> {
  const qr = ds.createQueryRunner();
  try {
    return await Promise.all(TABLES.map((t) => qr.hasTable(t)));
  } finally {
    await qr.release();
  }
}

test('the avoidance migration goes down and up again', async () => {
  expect(await present()).toEqual([true, true, true, true]);
  const m = new Avoidance1763710000000();
  const qr = ds.createQueryRunner();
  try {
    await m.down(qr);
    expect(await present()).toEqual([false, false, false, false]);
    await m.up(qr);
  } finally {
    await qr.release();
  }
  expect(await present()).toEqual([true, true, true, true]);
  // one waiver per person, unit, round and rule; one declaration per person, unit and round
  const qr2 = ds.createQueryRunner();
  try {
    const keys = async (table: string) => {
      const t = (await qr2.getTable(table))!;
      return [...t.uniques.map((u) => u.columnNames), ...t.indices.filter((i) => i.isUnique).map((i) => i.columnNames)].map((c) => [...c].sort().join(','));
    };
    expect(await keys('avoidance_waivers')).toContain('person_id,round_id,rule,unit_id');
    expect(await keys('avoidance_declarations')).toContain('person_id,round_id,unit_id');
  } finally {
    await qr2.release();
  }
});
