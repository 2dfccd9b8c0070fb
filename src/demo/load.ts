/**
 * Writes a generated world into a database through TypeORM: multi-row inserts in chunks, in
 * transactions, parents before children. Works on SQLite and MySQL/MariaDB alike.
 */
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { inTransaction } from '../db/transaction';
import { Employment } from '../people/employment.entity';
import { InterestTie } from '../people/interest-tie.entity';
import { Person, personName } from '../people/person.entity';
import { Relation } from '../people/relation.entity';
import { canonicalPair } from '../people/rules/relation-kinds';
import { Region } from '../regions/region.entity';
import { Unit } from '../units/unit.entity';
import { countsOf, GeneratedWorld, RelationRow, WorldCounts } from './generator';

export interface LoadOptions {
  /** Rows per INSERT statement. */
  chunkSize?: number;
  /** Rows per transaction (a multiple of chunkSize is best). */
  transactionSize?: number;
  /** Called after each table with its row count and milliseconds. */
  progress?: (table: string, rows: number, ms: number) => void;
}

export interface LoadResult {
  counts: WorldCounts;
  /** Milliseconds per table, and in total. */
  ms: Record<keyof WorldCounts | 'total', number>;
}

/**
 * Inserts every row of `world`. `target` is a DataSource (each batch of rows in its own
 * transaction, serialized with the server's own on SQLite) or an EntityManager (inside its
 * transaction if it has one). Relations are written in their canonical form, once per pair and
 * kind, whatever the generator handed over. Returns the counts written and the time taken.
 */
export async function loadWorld(target: DataSource | EntityManager, world: GeneratedWorld, opts: LoadOptions = {}): Promise<LoadResult> {
  const chunkSize = opts.chunkSize ?? 1000;
  const transactionSize = Math.max(chunkSize, opts.transactionSize ?? 20_000);
  const run = <T>(work: (em: EntityManager) => Promise<T>): Promise<T> => {
    if (target instanceof DataSource) return inTransaction(target, (em) => work(em));
    if (target.queryRunner?.isTransactionActive) return work(target);
    return target.transaction((em) => work(em));
  };
  const insertAll = async <T extends ObjectLiteral>(entity: EntityTarget<T>, rows: readonly T[]) => {
    for (let t = 0; t < rows.length; t += transactionSize) {
      const batch = rows.slice(t, t + transactionSize);
      await run(async (em) => {
        for (let i = 0; i < batch.length; i += chunkSize) {
          await em.createQueryBuilder().insert().into(entity).values(batch.slice(i, i + chunkSize)).updateEntity(false).execute();
        }
      });
    }
  };
  const ms = { regions: 0, units: 0, persons: 0, employments: 0, relations: 0, interestTies: 0, total: 0 };
  const started = Date.now();
  const step = async <T extends ObjectLiteral>(table: keyof WorldCounts, entity: EntityTarget<T>, rows: readonly T[]) => {
    const t0 = Date.now();
    await insertAll(entity, rows);
    ms[table] = Date.now() - t0;
    opts.progress?.(table, rows.length, ms[table]);
  };
  // Parents come before children in the generated order (regions in tree order, township
  // units before their villages), which the foreign keys need.
  await step('regions', Region, world.regions as Region[]);
  await step('units', Unit, world.units as Unit[]);
  // Each name with its pinyin sort key.
  await step('persons', Person, world.persons.map((p) => ({ ...p, ...personName(p.name) })) as Person[]);
  await step('employments', Employment, world.employments as Employment[]);
  const relations = canonicalRelations(world.relations);
  await step('relations', Relation, relations as Relation[]);
  await step('interestTies', InterestTie, world.interestTies as InterestTie[]);
  ms.total = Date.now() - started;
  return { counts: { ...countsOf(world), relations: relations.length }, ms };
}

/** Relations in stored form (lower person id first), without self-relations or repeats. */
export function canonicalRelations(rows: readonly RelationRow[]): RelationRow[] {
  const seen = new Set<string>();
  const out: RelationRow[] = [];
  for (const r of rows) {
    if (r.personId === r.relatedPersonId) continue;
    const c = canonicalPair(r.personId, r.relatedPersonId, r.kind);
    const key = `${c.personId}|${c.relatedPersonId}|${c.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ id: r.id, ...c });
  }
  return out;
}
