import { MigrationInterface, QueryRunner, TableColumn, TableIndex, TableUnique } from 'typeorm';
import { col } from '../src/db/columns';

/**
 * Records an office can correct:
 * - persons.code, the office's own file number, unique within the person's region (a unique
 *   index on (region_id, code); a NULL code may repeat on both databases);
 * - the audit record's note (the reason of a correction, the file and counts of an import);
 * - a round's cancellation (day and reason);
 * - withdrawn declarations and revoked waivers stay, with who, when and why; the unique keys
 *   move to an "active" column (the round while in force, NULL after), so that the same
 *   avoidance can be declared or waived again after a withdrawal or revocation.
 */
// A table's `uniques` are unique constraints on SQLite and unique indexes on MySQL/MariaDB (which
// has no named unique constraints to drop): the one dialect difference of this migration.
const isMysql = (q: QueryRunner) => q.connection.options.type === 'mysql';

async function dropUnique(q: QueryRunner, table: string, name: string) {
  if (isMysql(q)) await q.dropIndex(table, name);
  else await q.dropUniqueConstraint(table, name);
}

async function createUnique(q: QueryRunner, table: string, name: string, columnNames: string[]) {
  if (isMysql(q)) await q.createIndex(table, new TableIndex({ name, columnNames, isUnique: true }));
  else await q.createUniqueConstraint(table, new TableUnique({ name, columnNames }));
}

export class Records1763810000000 implements MigrationInterface {
  name = 'Records1763810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('persons', new TableColumn(col.string('code', 50, { nullable: true })));
    await q.createIndex('persons', new TableIndex({ name: 'uq_persons_region_code', columnNames: ['region_id', 'code'], isUnique: true }));

    await q.addColumn('audit_log', new TableColumn(col.string('note', 1000, { nullable: true })));

    await q.addColumns('rounds', [
      new TableColumn(col.date('cancelled_on', { nullable: true })),
      new TableColumn(col.string('cancel_reason', 500, { nullable: true })),
    ]);

    await q.addColumns('avoidance_declarations', [
      new TableColumn(col.ref('active_round_id', { nullable: true })),
      new TableColumn(col.instant('withdrawn_at', { nullable: true })),
      new TableColumn(col.ref('withdrawn_by', { nullable: true })),
      new TableColumn(col.string('withdrawal_reason', 500, { nullable: true })),
    ]);
    await q.query('UPDATE avoidance_declarations SET active_round_id = round_id');
    // The new key first: on MySQL the old one also serves the foreign key on person_id until then.
    await q.createIndex(
      'avoidance_declarations',
      new TableIndex({ name: 'uq_avoidance_declarations_active', columnNames: ['person_id', 'unit_id', 'active_round_id'], isUnique: true }),
    );
    await dropUnique(q, 'avoidance_declarations', 'uq_avoidance_declarations');

    await q.addColumns('avoidance_waivers', [
      new TableColumn(col.ref('active_round_id', { nullable: true })),
      new TableColumn(col.instant('revoked_at', { nullable: true })),
      new TableColumn(col.ref('revoked_by', { nullable: true })),
      new TableColumn(col.string('revocation_reason', 500, { nullable: true })),
    ]);
    await q.query('UPDATE avoidance_waivers SET active_round_id = round_id');
    await q.createIndex(
      'avoidance_waivers',
      new TableIndex({ name: 'uq_avoidance_waivers_active', columnNames: ['person_id', 'unit_id', 'active_round_id', 'rule'], isUnique: true }),
    );
    await dropUnique(q, 'avoidance_waivers', 'uq_avoidance_waivers');
  }

  async down(q: QueryRunner): Promise<void> {
    // Withdrawn declarations and revoked waivers have no place in the older schema.
    await q.query('DELETE FROM avoidance_waivers WHERE active_round_id IS NULL');
    await createUnique(q, 'avoidance_waivers', 'uq_avoidance_waivers', ['person_id', 'unit_id', 'round_id', 'rule']);
    await q.dropIndex('avoidance_waivers', 'uq_avoidance_waivers_active');
    for (const c of ['revocation_reason', 'revoked_by', 'revoked_at', 'active_round_id']) await q.dropColumn('avoidance_waivers', c);

    await q.query('DELETE FROM avoidance_declarations WHERE active_round_id IS NULL');
    await createUnique(q, 'avoidance_declarations', 'uq_avoidance_declarations', ['person_id', 'unit_id', 'round_id']);
    await q.dropIndex('avoidance_declarations', 'uq_avoidance_declarations_active');
    for (const c of ['withdrawal_reason', 'withdrawn_by', 'withdrawn_at', 'active_round_id']) await q.dropColumn('avoidance_declarations', c);

    await q.dropColumn('rounds', 'cancel_reason');
    await q.dropColumn('rounds', 'cancelled_on');
    await q.dropColumn('audit_log', 'note');
    await q.dropIndex('persons', 'uq_persons_region_code');
    await q.dropColumn('persons', 'code');
  }
}
