import { TestServer } from './server';

/** Rows in every table the entities map, by table name: to show that nothing was written. */
export async function rowCounts(t: TestServer): Promise<Record<string, number>> {
  const ds = t.server.db.dataSource;
  const counts: Record<string, number> = {};
  for (const m of ds.entityMetadatas) counts[m.tableName] = await ds.manager.count(m.target);
  return counts;
}
