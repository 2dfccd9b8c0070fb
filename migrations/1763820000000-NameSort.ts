import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { col } from '../src/db/columns';
import { NAME_SORT_LENGTH, nameSortKey } from '../src/people/rules/name-sort';

/**
 * persons.name_sort: the pinyin sort key of the name (src/people/rules/name-sort.ts), so that
 * lists can be ordered by name as Chinese offices order them, and paged by a cursor. Existing
 * rows get their key here, computed from their names in batches.
 */
const BATCH = 500;

export class NameSort1763820000000 implements MigrationInterface {
  name = 'NameSort1763820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('persons', new TableColumn({ ...col.string('name_sort', NAME_SORT_LENGTH), default: "''" }));
    for (let after = ''; ; ) {
      const rows: { id: string; name: string }[] = await q.query(
        `SELECT id, name FROM persons WHERE id > ? ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      for (const r of rows) await q.query('UPDATE persons SET name_sort = ? WHERE id = ?', [nameSortKey(r.name), r.id]);
      after = rows[rows.length - 1].id;
    }
    await q.createIndex('persons', new TableIndex({ name: 'ix_persons_name_sort', columnNames: ['name_sort', 'id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('persons', 'ix_persons_name_sort');
    await q.dropColumn('persons', 'name_sort');
  }
}
