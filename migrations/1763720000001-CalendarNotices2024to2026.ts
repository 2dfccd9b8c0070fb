import { MigrationInterface, QueryRunner } from 'typeorm';
import { newId } from '../src/db/ids';
import { OFFICIAL_NOTICES } from '../src/calendar/rules/official-notices';
import { noticeDays } from '../src/calendar/rules/working-calendar';

/**
 * Ships the national calendar for 2024, 2025 and 2026 from the State Council General Office's
 * notices (国办发明电〔2023〕7号, 国办发明电〔2024〕12号, and the notice of 2025-11-04).
 * The notices are historical facts, kept as data in src/calendar/rules/official-notices.ts.
 */
export class CalendarNotices2024to20261763720000001 implements MigrationInterface {
  name = 'CalendarNotices2024to20261763720000001';

  async up(q: QueryRunner): Promise<void> {
    // UTC 'YYYY-MM-DD HH:MM:SS.SSS', as the datetime columns hold it on both databases.
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    // Raw statements: the tables' entities may change later, this migration must not.
    for (const notice of OFFICIAL_NOTICES) {
      await q.query('INSERT INTO calendar_years (id, year, published, source, imported_at, imported_by) VALUES (?, ?, 1, ?, ?, NULL)', [
        newId(),
        notice.year,
        [notice.title, notice.documentNo].filter(Boolean).join(' '),
        now,
      ]);
      for (const d of noticeDays(notice)) {
        await q.query('INSERT INTO calendar_days (id, year, date, kind, name) VALUES (?, ?, ?, ?, ?)', [newId(), notice.year, d.date, d.kind, d.name]);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const years = OFFICIAL_NOTICES.map((n) => n.year);
    const marks = years.map(() => '?').join(', ');
    await q.query(`DELETE FROM calendar_days WHERE year IN (${marks})`, years);
    await q.query(`DELETE FROM calendar_years WHERE year IN (${marks})`, years);
  }
}
