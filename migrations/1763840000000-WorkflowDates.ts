import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from '../src/db/columns';

/**
 * - avoidance_settings.hometown_county_all_rounds: whether HOMETOWN_COUNTY (rule 12) applies in
 *   rounds of every kind (default off: only cross, elevated and linked rounds);
 * - a membership never leaves before it joins: one taken off before its round started (withdrawn
 *   before stationing) joins and leaves on the day it was taken off.
 */
export class WorkflowDates1763840000000 implements MigrationInterface {
  name = 'WorkflowDates1763840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('avoidance_settings', new TableColumn(col.bool('hometown_county_all_rounds')));
    await q.query('UPDATE team_memberships SET joined_on = left_on WHERE left_on IS NOT NULL AND left_on < joined_on');
  }

  async down(q: QueryRunner): Promise<void> {
    // Withdrawn memberships go back to joining on their round's start.
    await q.query(
      `UPDATE team_memberships SET joined_on = (SELECT r.starts_on FROM rounds r WHERE r.id = team_memberships.round_id)
        WHERE left_on IS NOT NULL AND joined_on = left_on
          AND left_on < (SELECT r.starts_on FROM rounds r WHERE r.id = team_memberships.round_id)`,
    );
    await q.dropColumn('avoidance_settings', 'hometown_county_all_rounds');
  }
}
