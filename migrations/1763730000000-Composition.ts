import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, fk } from '../src/db/columns';

/** Composition proposals (kept with the fingerprint of their inputs) and per-region weights of the soft-cost model. */
export class Composition1763730000000 implements MigrationInterface {
  name = 'Composition1763730000000';

  async up(q: QueryRunner): Promise<void> {
    const dialect = q.connection.options.type;
    await q.createTable(
      new Table({
        name: 'composition_proposals',
        columns: [
          col.id(),
          col.ref('round_id'),
          col.enum('status'),
          col.int('solve_millis'),
          col.bool('keep_current_members', true),
          col.json('team_ids'),
          col.longJson('fingerprint', dialect),
          col.longJson('result', dialect),
          col.ref('created_by'),
          col.instant('created_at'),
        ],
        indices: [{ name: 'ix_composition_proposals_round', columnNames: ['round_id'] }],
        foreignKeys: [fk('round_id', 'rounds'), fk('created_by', 'accounts')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'composition_weights',
        columns: [
          col.id(),
          col.ref('region_id'),
          col.decimal('soft_avoidance'),
          col.decimal('repeat_target'),
          col.decimal('experience_mix'),
          col.decimal('leave_overlap'),
          col.decimal('leader_not_rotated'),
          col.decimal('rotation_per_round'),
          col.decimal('newly_promoted'),
          col.ref('updated_by'),
          col.instant('updated_at'),
        ],
        uniques: [{ name: 'uq_composition_weights_region', columnNames: ['region_id'] }],
        foreignKeys: [fk('region_id', 'regions'), fk('updated_by', 'accounts')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['composition_weights', 'composition_proposals']) await q.dropTable(t, true, true, true);
  }
}
