import DataLoader from 'dataloader';
import { EntityTarget, In, ObjectLiteral } from 'typeorm';
import type { Ctx } from '../context';

const CHUNK = 2000;

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

function entityName(entity: EntityTarget<unknown>): string {
  return typeof entity === 'function' ? entity.name : String(entity);
}

/**
 * A by-id loader that also keeps the rows it has (loaded or primed), so that a field whose row
 * the request already read can return it at once (`rowNow`), without a promise.
 */
export class RowLoader<T> extends DataLoader<string, T | null> {
  readonly known = new Map<string, T | null>();
  override prime(key: string, value: T | null | Error | PromiseLike<T | null>): this {
    if (!(value instanceof Error) && (value === null || typeof (value as PromiseLike<T>).then !== 'function') && !this.known.has(key)) this.known.set(key, value as T | null);
    return super.prime(key, value as T | null);
  }
  override clear(key: string): this {
    this.known.delete(key);
    return super.clear(key);
  }
  override clearAll(): this {
    this.known.clear();
    return super.clearAll();
  }
}

/** The row of this id: at once when the request has it already, else through the loader. */
export function rowNow<T>(loader: RowLoader<T>, id: string): T | null | Promise<T | null> {
  const row = loader.known.get(id);
  return row !== undefined ? row : loader.load(id);
}

/**
 * Per-request loader of rows by id (null for a missing id). Batch functions read `ctx.em` when
 * they run, so inside a mutation they see the mutation's own writes.
 */
export function byId<T extends ObjectLiteral & { id: string }>(ctx: Ctx, entity: EntityTarget<T>): RowLoader<T> {
  return ctx.loader(`byId:${entityName(entity)}`, () => {
    const loader: RowLoader<T> = new RowLoader<T>(async (ids) => {
      const rows: T[] = [];
      for (const part of chunks(ids)) rows.push(...(await ctx.em.findBy(entity, { id: In(part) } as never)));
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => {
        const row = map.get(id) ?? null;
        if (!loader.known.has(id)) loader.known.set(id, row);
        return row;
      });
    });
    return loader;
  }) as RowLoader<T>;
}

/** A row referenced by a column of the loaded rows, read in the same statement (see manyBy). */
export interface AlsoRead<T> {
  /** The referenced entity (its rows go into the request's by-id loader). */
  entity: EntityTarget<ObjectLiteral & { id: string }>;
  /** The property of the loaded rows holding the referenced id. */
  by: keyof T & string;
}

/**
 * Per-request loader of the rows whose `property` equals the key (one-to-many), in `order`
 * (default: id, which is creation order). The rows go into the request's by-id loader of their
 * entity too, and the rows named in `also` are joined in the same statement and put into theirs,
 * so that fields and checks that look them up by id read nothing again.
 */
export function manyBy<T extends ObjectLiteral>(
  ctx: Ctx,
  entity: EntityTarget<T>,
  property: keyof T & string,
  order: Partial<Record<keyof T & string, 'ASC' | 'DESC'>> = { id: 'ASC' } as never,
  also: readonly AlsoRead<T>[] = [],
): DataLoader<string, T[]> {
  const key = `manyBy:${entityName(entity)}:${property}:${JSON.stringify(order)}${also.map((a) => `+${entityName(a.entity)}@${a.by}`).join('')}`;
  return ctx.loader(key, () =>
    new DataLoader<string, T[]>(async (keys) => {
      const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
      const meta = ctx.em.connection.getMetadata(entity);
      const self = meta.hasColumnWithPropertyPath('id') ? byId(ctx, entity as EntityTarget<T & { id: string }>) : null;
      const joined = also.map((a) => ({ loader: byId(ctx, a.entity), as: `__also${entityName(a.entity)}` }));
      for (const part of chunks(keys)) {
        const qb = ctx.em.getRepository(entity).createQueryBuilder('x').where(`x.${property} IN (:...keys)`, { keys: part });
        also.forEach((a, i) => {
          const fk = meta.findColumnWithPropertyPath(a.by)!.databaseName;
          qb.leftJoinAndMapOne(`x.${joined[i].as}`, a.entity as Function, `also${i}`, `also${i}.id = x.${fk}`);
        });
        Object.entries(order).forEach(([col, dir], i) => (i === 0 ? qb.orderBy(`x.${col}`, dir as 'ASC') : qb.addOrderBy(`x.${col}`, dir as 'ASC')));
        for (const r of await qb.getMany()) {
          groups.get(r[property] as string)?.push(r);
          self?.prime(r.id, r as T & { id: string });
          for (const j of joined) {
            const other = (r as Record<string, { id: string } | null>)[j.as];
            if (other) j.loader.prime(other.id, other);
          }
        }
      }
      return keys.map((k) => groups.get(k) ?? []);
    }),
  );
}

/** Puts rows read otherwise (a page of a list) into the request's by-id loader, so that checks on them read nothing again. */
export function primeById<T extends ObjectLiteral & { id: string }>(ctx: Ctx, entity: EntityTarget<T>, rows: readonly T[]): readonly T[] {
  const loader = byId(ctx, entity);
  for (const r of rows) loader.prime(r.id, r);
  return rows;
}
