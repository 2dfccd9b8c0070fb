import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col, fk } from '../src/db/columns';
import { newId } from '../src/db/ids';

/** The specialties of DOMAIN.md, in their customary order. */
export const INITIAL_SPECIALTIES: [code: string, zh: string, en: string][] = [
  ['DISCIPLINE', '纪检监察', 'Discipline inspection and supervision'],
  ['ORGANIZATION', '组织人事', 'Organization and personnel'],
  ['LAW', '法律', 'Law'],
  ['FINANCE', '财务', 'Finance and accounting'],
  ['AUDIT', '审计', 'Audit'],
  ['FISCAL', '财政', 'Public finance'],
  ['PETITION', '信访', 'Petitions'],
  ['POLITICAL_LEGAL', '政法', 'Political-legal affairs'],
  ['PUBLICITY', '宣传', 'Publicity'],
  ['ENGINEERING', '工程规划', 'Engineering and planning'],
  ['POVERTY_RELIEF', '扶贫', 'Poverty relief'],
];

/**
 * Talent pools (specialties, entries and their history), readiness, evaluations, and the keys
 * that keep a person on one team per round and a team to one ACTIVE authorization.
 */
export class PoolsAndRounds1763700000000 implements MigrationInterface {
  name = 'PoolsAndRounds1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'specialties',
        columns: [col.id(), col.string('code', 32), col.string('name', 50), col.string('name_en', 100), col.int('sort_order')],
        uniques: [{ name: 'uq_specialties_code', columnNames: ['code'] }],
      }),
    );
    let order = 0;
    for (const [code, zh, en] of INITIAL_SPECIALTIES) {
      await q.query('INSERT INTO specialties (id, code, name, name_en, sort_order) VALUES (?, ?, ?, ?, ?)', [newId(), code, zh, en, (order += 10)]);
    }
    await q.createTable(
      new Table({
        name: 'pool_entries',
        columns: [
          col.id(),
          col.ref('person_id'),
          col.ref('region_id'),
          col.enum('pool'),
          col.enum('status'),
          col.ref('recommended_by_unit_id', { nullable: true }),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        uniques: [{ name: 'uq_pool_entries_person_pool_region', columnNames: ['person_id', 'pool', 'region_id'] }],
        indices: [{ name: 'ix_pool_entries_region_pool_status', columnNames: ['region_id', 'pool', 'status'] }],
        foreignKeys: [fk('person_id', 'persons'), fk('region_id', 'regions'), fk('recommended_by_unit_id', 'units')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'pool_entry_specialties',
        columns: [col.id(), col.ref('entry_id'), col.string('specialty_code', 32)],
        uniques: [{ name: 'uq_pool_entry_specialties', columnNames: ['entry_id', 'specialty_code'] }],
        indices: [{ name: 'ix_pool_entry_specialties_code', columnNames: ['specialty_code'] }],
        foreignKeys: [
          fk('entry_id', 'pool_entries'),
          { columnNames: ['specialty_code'], referencedTableName: 'specialties', referencedColumnNames: ['code'], onDelete: 'RESTRICT' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'pool_entry_events',
        columns: [
          col.id(),
          col.ref('entry_id'),
          col.enum('from_status', { nullable: true }),
          col.enum('to_status'),
          col.string('reason', 500, { nullable: true }),
          col.string('specialties', 400),
          col.ref('account_id', { nullable: true }),
          col.instant('at'),
        ],
        indices: [{ name: 'ix_pool_entry_events_entry', columnNames: ['entry_id'] }],
        foreignKeys: [fk('entry_id', 'pool_entries'), fk('account_id', 'accounts')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'readiness_records',
        columns: [
          col.id(),
          col.ref('person_id'),
          col.ref('round_id'),
          col.enum('kind'),
          col.date('completed_on'),
          col.ref('recorded_by', { nullable: true }),
          col.instant('recorded_at'),
        ],
        uniques: [{ name: 'uq_readiness_person_round_kind', columnNames: ['person_id', 'round_id', 'kind'] }],
        indices: [{ name: 'ix_readiness_round', columnNames: ['round_id'] }],
        foreignKeys: [fk('person_id', 'persons'), fk('round_id', 'rounds'), fk('recorded_by', 'accounts')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'evaluations',
        columns: [
          col.id(),
          col.ref('membership_id'),
          col.enum('grade'),
          col.string('comment', 1000, { nullable: true }),
          col.ref('evaluated_by'),
          col.instant('evaluated_at'),
        ],
        indices: [{ name: 'ix_evaluations_membership', columnNames: ['membership_id'] }],
        foreignKeys: [fk('membership_id', 'team_memberships'), fk('evaluated_by', 'accounts')],
      }),
    );
    // The round of a current membership (null once removed): one current membership per person and round.
    await q.addColumn('team_memberships', new TableColumn(col.ref('current_round_id', { nullable: true })));
    await q.createIndex('team_memberships', new TableIndex({ name: 'uq_team_memberships_current', columnNames: ['person_id', 'current_round_id'], isUnique: true }));
    // The team of an ACTIVE authorization (null once revoked or ended): one ACTIVE authorization per team.
    await q.addColumn('authorizations', new TableColumn(col.ref('active_team_id', { nullable: true })));
    await q.createIndex('authorizations', new TableIndex({ name: 'uq_authorizations_active_team', columnNames: ['active_team_id'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('authorizations', 'uq_authorizations_active_team');
    await q.dropColumn('authorizations', 'active_team_id');
    await q.dropIndex('team_memberships', 'uq_team_memberships_current');
    await q.dropColumn('team_memberships', 'current_round_id');
    for (const t of ['evaluations', 'readiness_records', 'pool_entry_events', 'pool_entry_specialties', 'pool_entries', 'specialties']) {
      await q.dropTable(t, true, true, true);
    }
  }
}
