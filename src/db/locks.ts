import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Locks rows by id for the rest of the transaction (SELECT … FOR UPDATE), in id order so that two
 * transactions locking the same rows cannot deadlock each other. On SQLite, where writers are
 * serialized, it only reads the ids. Returns the ids that exist.
 */
export async function lockRows<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const sorted = [...new Set(ids)].sort();
  const qb = em.createQueryBuilder(entity, 'l').select('l.id', 'id').where('l.id IN (:...ids)', { ids: sorted }).orderBy('l.id');
  if (em.connection.options.type === 'mysql') qb.setLock('pessimistic_write');
  const rows = await qb.getRawMany<{ id: string }>();
  return rows.map((r) => r.id);
}
