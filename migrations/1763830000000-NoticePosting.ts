import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { col, fk } from '../src/db/columns';

/**
 * Leave steps decided by one person, and notices an office can post as they are:
 * - leave_approval_steps.team_id: for a step held by a role personal to the requester (their
 *   group leader), the team whose leader decides it;
 * - attendance_notice_settings: a region's posting period (公示期, working days), issuing office
 *   and where to raise objections; a region without its own takes its nearest ancestor's;
 * - attendance_notices: the posting period, issuing office and contact as published (frozen);
 * - attendance_notice_rows: the person's team and a remark as published.
 */
export class NoticePosting1763830000000 implements MigrationInterface {
  name = 'NoticePosting1763830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('leave_approval_steps', new TableColumn(col.ref('team_id', { nullable: true })));
    await q.createIndex('leave_approval_steps', new TableIndex({ name: 'ix_leave_approval_steps_team_status', columnNames: ['team_id', 'status'] }));
    await q.createForeignKey('leave_approval_steps', new TableForeignKey({ name: 'fk_leave_approval_steps_team', ...fk('team_id', 'teams') }));

    await q.createTable(
      new Table({
        name: 'attendance_notice_settings',
        columns: [
          col.id(),
          col.ref('region_id'),
          col.int('posting_working_days'),
          col.string('issuing_office', 200, { nullable: true }),
          col.string('objection_contact', 300, { nullable: true }),
          col.ref('updated_by'),
          col.instant('updated_at'),
        ],
        uniques: [{ name: 'uq_attendance_notice_settings_region', columnNames: ['region_id'] }],
        foreignKeys: [fk('region_id', 'regions'), fk('updated_by', 'accounts')],
      }),
    );

    await q.addColumns('attendance_notices', [
      new TableColumn(col.date('posted_from', { nullable: true })),
      new TableColumn(col.date('posted_until', { nullable: true })),
      new TableColumn(col.int('posting_working_days', { nullable: true })),
      new TableColumn(col.string('issuing_office', 200, { nullable: true })),
      new TableColumn(col.string('objection_contact', 300, { nullable: true })),
    ]);
    await q.addColumns('attendance_notice_rows', [
      new TableColumn(col.string('team_name', 200, { nullable: true })),
      new TableColumn(col.string('remark', 500, { nullable: true })),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of ['remark', 'team_name']) await q.dropColumn('attendance_notice_rows', c);
    for (const c of ['objection_contact', 'issuing_office', 'posting_working_days', 'posted_until', 'posted_from']) await q.dropColumn('attendance_notices', c);
    await q.dropTable('attendance_notice_settings');
    await q.dropForeignKey('leave_approval_steps', 'fk_leave_approval_steps_team');
    await q.dropIndex('leave_approval_steps', 'ix_leave_approval_steps_team_status');
    await q.dropColumn('leave_approval_steps', 'team_id');
  }
}
