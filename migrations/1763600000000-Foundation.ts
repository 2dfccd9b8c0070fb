import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, fk } from '../src/db/columns';

/** Regions, units, people, accounts, the audit log and the round skeleton. */
export class Foundation1763600000000 implements MigrationInterface {
  name = 'Foundation1763600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'regions',
        columns: [col.id(), col.string('code', 32), col.string('name', 100), col.enum('level'), col.ref('parent_id', { nullable: true }), col.string('path', 400)],
        uniques: [{ name: 'uq_regions_code', columnNames: ['code'] }],
        indices: [{ name: 'ix_regions_path', columnNames: ['path'] }],
        foreignKeys: [fk('parent_id', 'regions')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'units',
        columns: [col.id(), col.string('name', 200), col.enum('kind'), col.ref('region_id'), col.ref('parent_id', { nullable: true }), col.string('system', 100, { nullable: true })],
        indices: [{ name: 'ix_units_region', columnNames: ['region_id'] }, { name: 'ix_units_parent', columnNames: ['parent_id'] }],
        foreignKeys: [fk('region_id', 'regions'), fk('parent_id', 'units')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'persons',
        columns: [
          col.id(),
          col.ref('region_id'),
          col.string('name', 100),
          col.enum('gender', { nullable: true }),
          col.date('birth_date', { nullable: true }),
          col.ref('hometown_region_id', { nullable: true }),
          col.enum('rank', { nullable: true }),
          col.bool('full_time_inspector'),
          col.date('newly_promoted_on', { nullable: true }),
          col.bool('young_reserve'),
        ],
        indices: [{ name: 'ix_persons_region_name', columnNames: ['region_id', 'name'] }],
        foreignKeys: [fk('region_id', 'regions'), fk('hometown_region_id', 'regions')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'employments',
        columns: [col.id(), col.ref('person_id'), col.ref('unit_id'), col.string('post', 100), col.bool('leadership'), col.date('started_on'), col.date('ended_on', { nullable: true })],
        indices: [{ name: 'ix_employments_person', columnNames: ['person_id', 'started_on'] }, { name: 'ix_employments_unit', columnNames: ['unit_id'] }],
        foreignKeys: [fk('person_id', 'persons'), fk('unit_id', 'units')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'relations',
        columns: [col.id(), col.ref('person_id'), col.ref('related_person_id'), col.enum('kind')],
        uniques: [{ name: 'uq_relations_pair_kind', columnNames: ['person_id', 'related_person_id', 'kind'] }],
        indices: [{ name: 'ix_relations_related', columnNames: ['related_person_id'] }],
        foreignKeys: [fk('person_id', 'persons'), fk('related_person_id', 'persons')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'interest_ties',
        columns: [col.id(), col.ref('person_id'), col.ref('unit_id'), col.string('description', 500)],
        indices: [{ name: 'ix_interest_ties_person', columnNames: ['person_id'] }, { name: 'ix_interest_ties_unit', columnNames: ['unit_id'] }],
        foreignKeys: [fk('person_id', 'persons'), fk('unit_id', 'units')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'accounts',
        columns: [col.id(), col.string('username', 64), col.string('password_hash', 200), col.string('roles', 200), col.ref('person_id', { nullable: true }), col.bool('disabled'), col.instant('created_at')],
        uniques: [{ name: 'uq_accounts_username', columnNames: ['username'] }],
        foreignKeys: [fk('person_id', 'persons')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'account_regions',
        columns: [col.id(), col.ref('account_id'), col.ref('region_id')],
        uniques: [{ name: 'uq_account_regions', columnNames: ['account_id', 'region_id'] }],
        foreignKeys: [fk('account_id', 'accounts', 'CASCADE'), fk('region_id', 'regions')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [col.id(), col.ref('account_id', { nullable: true }), col.string('operation', 64), col.text('target_ids'), col.instant('at'), col.string('request_id', 64, { nullable: true })],
        indices: [{ name: 'ix_audit_log_at', columnNames: ['at'] }],
        foreignKeys: [fk('account_id', 'accounts')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rounds',
        columns: [
          col.id(),
          col.ref('region_id'),
          col.int('year'),
          col.int('ordinal'),
          col.string('name', 200),
          col.enum('kind'),
          col.string('theme', 200, { nullable: true }),
          col.enum('status'),
          col.date('starts_on'),
          col.date('ends_on'),
          col.ref('follows_round_id', { nullable: true }),
          col.json('rules'),
          col.instant('created_at'),
        ],
        uniques: [{ name: 'uq_rounds_region_year_ordinal', columnNames: ['region_id', 'year', 'ordinal'] }],
        indices: [{ name: 'ix_rounds_period', columnNames: ['starts_on', 'ends_on'] }],
        foreignKeys: [fk('region_id', 'regions'), fk('follows_round_id', 'rounds')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'teams',
        columns: [col.id(), col.ref('round_id'), col.string('name', 100), col.instant('created_at')],
        uniques: [{ name: 'uq_teams_round_name', columnNames: ['round_id', 'name'] }],
        foreignKeys: [fk('round_id', 'rounds')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'team_targets',
        columns: [col.id(), col.ref('team_id'), col.ref('round_id'), col.ref('unit_id')],
        uniques: [{ name: 'uq_team_targets', columnNames: ['team_id', 'unit_id'] }],
        indices: [{ name: 'ix_team_targets_unit', columnNames: ['unit_id'] }],
        foreignKeys: [fk('team_id', 'teams'), fk('round_id', 'rounds'), fk('unit_id', 'units')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'team_memberships',
        columns: [
          col.id(),
          col.ref('team_id'),
          col.ref('round_id'),
          col.ref('person_id'),
          col.enum('role'),
          col.date('joined_on'),
          col.date('left_on', { nullable: true }),
          col.string('left_reason', 500, { nullable: true }),
          col.instant('created_at'),
        ],
        indices: [{ name: 'ix_team_memberships_person_round', columnNames: ['person_id', 'round_id'] }, { name: 'ix_team_memberships_team', columnNames: ['team_id'] }],
        foreignKeys: [fk('team_id', 'teams'), fk('round_id', 'rounds'), fk('person_id', 'persons')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'authorizations',
        columns: [
          col.id(),
          col.ref('round_id'),
          col.ref('team_id'),
          col.ref('person_id'),
          col.string('document_no', 100),
          col.date('authorized_on'),
          col.string('authorized_by', 200),
          col.enum('status'),
          col.date('ended_on', { nullable: true }),
          col.instant('created_at'),
        ],
        indices: [{ name: 'ix_authorizations_team_status', columnNames: ['team_id', 'status'] }],
        foreignKeys: [fk('round_id', 'rounds'), fk('team_id', 'teams'), fk('person_id', 'persons')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'authorizations',
      'team_memberships',
      'team_targets',
      'teams',
      'rounds',
      'audit_log',
      'account_regions',
      'accounts',
      'interest_ties',
      'relations',
      'employments',
      'persons',
      'units',
      'regions',
    ]) {
      await q.dropTable(t, true, true, true);
    }
  }
}
