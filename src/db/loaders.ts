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
 * Per-request loader of rows by id (null for a missing id). Batch functions read `ctx.em` when
 * they run, so inside a mutation they see the mutation's own writes.
 */
export function byId<T extends ObjectLiteral & { id: string }>(ctx: Ctx, entity: EntityTarget<T>): DataLoader<string, T | null> {
  return ctx.loader(`byId:${entityName(entity)}`, () =>
    new DataLoader<string, T | null>(async (ids) => {
      const rows: T[] = [];
      for (const part of chunks(ids)) rows.push(...(await ctx.em.findBy(entity, { id: In(part) } as never)));
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    }),
  );
}

/**
 * Per-request loader of the rows whose `property` equals the key (one-to-many), in `order`
 * (default: id, which is creation order).
 */
export function manyBy<T extends ObjectLiteral>(
  ctx: Ctx,
  entity: EntityTarget<T>,
  property: keyof T & string,
  order: Partial<Record<keyof T & string, 'ASC' | 'DESC'>> = { id: 'ASC' } as never,
): DataLoader<string, T[]> {
  return ctx.loader(`manyBy:${entityName(entity)}:${property}:${JSON.stringify(order)}`, () =>
    new DataLoader<string, T[]>(async (keys) => {
      const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
      for (const part of chunks(keys)) {
        const rows = await ctx.em.find(entity, { where: { [property]: In(part) } as never, order: order as never });
        for (const r of rows) groups.get(r[property] as string)?.push(r);
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
