import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, fk } from '../src/db/columns';

/** Avoidance declarations and waivers (kept with their round), and per-region avoidance settings. */
export class Avoidance1763710000000 implements MigrationInterface {
  name = 'Avoidance1763710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'avoidance_declarations',
        columns: [
          col.id(),
          col.ref('person_id'),
          col.ref('unit_id'),
          col.ref('round_id'),
          col.string('reason', 500),
          col.ref('declared_by'),
          col.instant('declared_at'),
        ],
        uniques: [{ name: 'uq_avoidance_declarations', columnNames: ['person_id', 'unit_id', 'round_id'] }],
        indices: [{ name: 'ix_avoidance_declarations_round', columnNames: ['round_id'] }],
        foreignKeys: [fk('person_id', 'persons'), fk('unit_id', 'units'), fk('round_id', 'rounds'), fk('declared_by', 'accounts')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'avoidance_waivers',
        columns: [
          col.id(),
          col.ref('person_id'),
          col.ref('unit_id'),
          col.ref('round_id'),
          col.enum('rule'),
          col.string('reason', 500),
          col.ref('approved_by'),
          col.instant('approved_at'),
        ],
        uniques: [{ name: 'uq_avoidance_waivers', columnNames: ['person_id', 'unit_id', 'round_id', 'rule'] }],
        indices: [{ name: 'ix_avoidance_waivers_round', columnNames: ['round_id'] }],
        foreignKeys: [fk('person_id', 'persons'), fk('unit_id', 'units'), fk('round_id', 'rounds'), fk('approved_by', 'accounts')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'avoidance_settings',
        columns: [
          col.id(),
          col.ref('region_id'),
          col.int('former_employer_years'),
          col.int('long_tenure_years'),
          col.int('superior_subordinate_years'),
          col.int('repeat_years'),
          col.ref('updated_by'),
          col.instant('updated_at'),
        ],
        uniques: [{ name: 'uq_avoidance_settings_region', columnNames: ['region_id'] }],
        foreignKeys: [fk('region_id', 'regions'), fk('updated_by', 'accounts')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'avoidance_rule_settings',
        columns: [col.id(), col.ref('region_id'), col.enum('rule'), col.bool('enabled', true), col.enum('severity'), col.enum('member_severity')],
        uniques: [{ name: 'uq_avoidance_rule_settings', columnNames: ['region_id', 'rule'] }],
        foreignKeys: [fk('region_id', 'regions')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['avoidance_rule_settings', 'avoidance_settings', 'avoidance_waivers', 'avoidance_declarations']) {
      await q.dropTable(t, true, true, true);
    }
  }
}
