import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../../src/config';
import { dataSourceOptions } from '../../src/db/data-source';
import { allEntities } from '../../src/modules';
import { freshDatabase, FreshDatabase } from '../support/db';
import { allMigrations } from '../../migrations';
import { LeaveAndAttendance1763720000000 } from '../../migrations/1763720000000-LeaveAndAttendance';

let db: FreshDatabase;
let ds: DataSource;
beforeAll(async () => {
  db = await freshDatabase();
  ds = new DataSource(dataSourceOptions(parseDatabaseUrl(db.url, db.dataDir), allEntities()));
  await ds.initialize();
});
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

const MINE = ['calendar_years', 'calendar_days', 'leave_policy_tiers', 'leave_requests', 'leave_approval_steps', 'attendance_records', 'attendance_notices', 'attendance_notice_rows'];

async function tables(): Promise<string[]> {
  const qr = ds.createQueryRunner();
  try {
    const found: string[] = [];
    for (const t of MINE) if (await qr.hasTable(t)) found.push(t);
    return found;
  } finally {
    await qr.release();
  }
}

/** Undoes the last migrations until `name` has been undone. */
async function undoThrough(name: string) {
  const done = async () => ((await ds.query('SELECT name FROM migrations')) as { name: string }[]).some((m) => m.name === name);
  while (await done()) await ds.undoLastMigration({ transaction: 'each' });
}

const seededDays = async () => Number((await ds.query('SELECT COUNT(*) AS n FROM calendar_days'))[0].n);

test('the calendar, leave and attendance migration runs up, down and up again, seeding the 2024-2026 notices', async () => {
  await ds.runMigrations({ transaction: 'each' });
  expect(await tables()).toEqual(MINE);
  const days = await seededDays();
  // 2024: 28 holiday dates + 8 make-up days; 2025: 28 + 5; 2026: 33 + 6.
  expect(days).toBe(36 + 33 + 39);
  const years = await ds.query('SELECT year, source FROM calendar_years ORDER BY year');
  expect(years.map((y: { year: number }) => Number(y.year))).toEqual([2024, 2025, 2026]);
  expect(years[0].source).toContain('国办发明电〔2023〕7号');

  // Later migrations are undone first, then this one.
  await undoThrough('LeaveAndAttendance1763720000000');
  expect(await tables()).toEqual([]);

  await ds.runMigrations({ transaction: 'each' });
  expect(await tables()).toEqual(MINE);
  expect(await seededDays()).toBe(days);
});
