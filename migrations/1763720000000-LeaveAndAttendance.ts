import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, fk } from '../src/db/columns';
import { newId } from '../src/db/ids';
import { OFFICIAL_NOTICES } from '../src/calendar/rules/official-notices';
import { noticeDays } from '../src/calendar/rules/working-calendar';

/**
 * The working-day calendar, leave requests with their approval steps and policies, attendance
 * and monthly notices. Ships the national calendar for 2024, 2025 and 2026 from the State
 * Council General Office's notices (国办发明电〔2023〕7号, 国办发明电〔2024〕12号, and the
 * notice of 2025-11-04), kept as data in src/calendar/rules/official-notices.ts.
 */
export class LeaveAndAttendance1763720000000 implements MigrationInterface {
  name = 'LeaveAndAttendance1763720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'calendar_years',
        columns: [col.id(), col.int('year'), col.bool('published'), col.string('source', 300, { nullable: true }), col.instant('imported_at'), col.ref('imported_by', { nullable: true })],
        uniques: [{ name: 'uq_calendar_years_year', columnNames: ['year'] }],
        foreignKeys: [fk('imported_by', 'accounts')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'calendar_days',
        columns: [col.id(), col.int('year'), col.date('date'), col.enum('kind'), col.string('name', 100, { nullable: true })],
        uniques: [{ name: 'uq_calendar_days_date', columnNames: ['date'] }],
        indices: [{ name: 'ix_calendar_days_year', columnNames: ['year'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'leave_policy_tiers',
        columns: [col.id(), col.ref('region_id'), col.int('ordinal'), col.decimal('up_to_working_days', { nullable: true }), col.string('approver_roles', 200)],
        uniques: [{ name: 'uq_leave_policy_tiers', columnNames: ['region_id', 'ordinal'] }],
        foreignKeys: [fk('region_id', 'regions')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'leave_requests',
        columns: [
          col.id(),
          col.ref('region_id'),
          col.ref('person_id'),
          col.enum('type'),
          col.date('start_date'),
          col.enum('start_half', { length: 2 }),
          col.date('end_date'),
          col.enum('end_half', { length: 2 }),
          col.decimal('working_days'),
          col.string('reason', 500),
          col.enum('status'),
          col.date('report_back_due'),
          col.date('returned_on', { nullable: true }),
          col.ref('requested_by'),
          col.instant('requested_at'),
          col.string('closed_reason', 500, { nullable: true }),
          col.ref('closed_by', { nullable: true }),
          col.instant('closed_at', { nullable: true }),
        ],
        indices: [
          { name: 'ix_leave_requests_person_start', columnNames: ['person_id', 'start_date'] },
          { name: 'ix_leave_requests_region_status', columnNames: ['region_id', 'status'] },
          { name: 'ix_leave_requests_status_due', columnNames: ['status', 'report_back_due'] },
        ],
        foreignKeys: [fk('region_id', 'regions'), fk('person_id', 'persons'), fk('requested_by', 'accounts'), fk('closed_by', 'accounts')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'leave_approval_steps',
        columns: [
          col.id(),
          col.ref('leave_id'),
          col.int('step_order'),
          col.enum('role'),
          col.enum('status'),
          col.ref('decided_by', { nullable: true }),
          col.instant('decided_at', { nullable: true }),
          col.string('comment', 500, { nullable: true }),
        ],
        uniques: [{ name: 'uq_leave_approval_steps', columnNames: ['leave_id', 'step_order'] }],
        foreignKeys: [fk('leave_id', 'leave_requests'), fk('decided_by', 'accounts')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'attendance_records',
        columns: [
          col.id(),
          col.ref('round_id'),
          col.ref('person_id'),
          col.date('date'),
          col.enum('half_key', { length: 3 }),
          col.enum('status'),
          col.string('note', 200, { nullable: true }),
          col.ref('recorded_by'),
          col.instant('recorded_at'),
        ],
        uniques: [{ name: 'uq_attendance_records', columnNames: ['person_id', 'date', 'half_key'] }],
        indices: [{ name: 'ix_attendance_records_round_date', columnNames: ['round_id', 'date'] }],
        foreignKeys: [fk('round_id', 'rounds'), fk('person_id', 'persons'), fk('recorded_by', 'accounts')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'attendance_notices',
        columns: [
          col.id(),
          col.ref('region_id'),
          col.string('month', 7),
          col.int('revision'),
          col.instant('published_at'),
          col.ref('published_by'),
          col.ref('superseded_by_id', { nullable: true }),
        ],
        uniques: [{ name: 'uq_attendance_notices', columnNames: ['region_id', 'month', 'revision'] }],
        foreignKeys: [fk('region_id', 'regions'), fk('published_by', 'accounts'), fk('superseded_by_id', 'attendance_notices')],
      }),
    );
    const days = (name: string) => col.decimal(name);
    await q.createTable(
      new Table({
        name: 'attendance_notice_rows',
        columns: [
          col.id(),
          col.ref('notice_id'),
          col.int('ordinal'),
          col.ref('person_id'),
          col.string('person_name', 100),
          ...[
            'working_days',
            'present_days',
            'business_trip_days',
            'leave_days',
            'absent_days',
            'home_unit_recall_days',
            'unrecorded_days',
            'leave_personal',
            'leave_sick',
            'leave_annual',
            'leave_home_unit_recall',
            'leave_marriage',
            'leave_bereavement',
            'leave_other',
          ].map(days),
        ],
        uniques: [{ name: 'uq_attendance_notice_rows', columnNames: ['notice_id', 'ordinal'] }],
        foreignKeys: [fk('notice_id', 'attendance_notices'), fk('person_id', 'persons')],
      }),
    );
    await this.seedCalendar(q);
  }

  private async seedCalendar(q: QueryRunner): Promise<void> {
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
    for (const t of [
      'attendance_notice_rows',
      'attendance_notices',
      'attendance_records',
      'leave_approval_steps',
      'leave_requests',
      'leave_policy_tiers',
      'calendar_days',
      'calendar_years',
    ]) {
      await q.dropTable(t, true, true, true);
    }
  }
}
