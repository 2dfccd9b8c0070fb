import DataLoader from 'dataloader';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Ctx } from '../context';
import { conflict, badInput, notFound, unknownId } from '../common/errors';
import { msg } from '../common/i18n';
import { requiredName } from '../common/validate';
import { byId } from '../db/loaders';
import { isUniqueViolation } from '../db/transaction';
import { LEVEL_DEPTH, Region, RegionLevel } from './region.entity';

export const REGION = msg('地区', 'region');

export const regionLoader = (ctx: Ctx) => byId(ctx, Region);

/** A region in the account's scope, or BAD_USER_INPUT on `field` (input ids) / NOT_FOUND (lookups). */
export async function requireRegion(ctx: Ctx, id: string, field?: string): Promise<Region> {
  const region = await ctx.auth.regionInScope(id);
  if (region) return region;
  throw field ? unknownId(field, REGION, id) : notFound(REGION, id);
}

export interface CreateRegionData {
  code: string;
  name: string;
  level: RegionLevel;
  parentId?: string | null;
}

export async function createRegion(ctx: Ctx, input: CreateRegionData): Promise<Region> {
  ctx.auth.require('region:write');
  const code = requiredName(input.code, 'code', 32);
  const name = requiredName(input.name, 'name', 100);
  let parent: Region | null = null;
  if (input.parentId) {
    parent = await regionLoader(ctx).load(input.parentId);
    if (!parent) throw unknownId('parentId', REGION, input.parentId);
    if (LEVEL_DEPTH[input.level] <= LEVEL_DEPTH[parent.level]) {
      throw badInput('level', msg(`下级地区的层级必须低于上级地区（${parent.level}）`, `A child region must be below its parent's level (${parent.level})`));
    }
  }
  const region = Object.assign(new Region(), { code, name, level: input.level, parentId: parent?.id ?? null });
  region.path = `${parent?.path ?? '/'}${region.id}/`;
  try {
    await ctx.em.insert(Region, region);
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(msg(`地区代码 ${code} 已存在`, `Region code ${code} already exists`));
    throw e;
  }
  ctx.touch(region.id);
  return region;
}

/** The regions the account acts in, with their subtrees, in tree order. */
export async function listRegions(ctx: Ctx): Promise<Region[]> {
  ctx.auth.signedIn();
  const qb = ctx.em.getRepository(Region).createQueryBuilder('r').orderBy('r.path');
  const scope = ctx.auth.scopePaths();
  if (scope) {
    if (scope.length === 0) return [];
    qb.where(...underAny('r.path', scope));
  }
  return qb.getMany();
}

/**
 * The direct children of each region that lie in the account's scope (a county account sees
 * only its own counties under a city), by code; one statement per batch.
 */
export function childrenOf(ctx: Ctx): DataLoader<string, Region[]> {
  return ctx.loader('regions:children', () =>
    new DataLoader<string, Region[]>(async (ids) => {
      const out = new Map<string, Region[]>(ids.map((id) => [id, []]));
      const scope = ctx.auth.scopePaths();
      if (!ctx.account || (scope && scope.length === 0)) return ids.map(() => []);
      const qb = ctx.em
        .getRepository(Region)
        .createQueryBuilder('r')
        .where('r.parent_id IN (:...ids)', { ids: [...ids] })
        .orderBy('r.code')
        .addOrderBy('r.id');
      if (scope) qb.andWhere(...underAny('r.path', scope));
      for (const r of await qb.getMany()) out.get(r.parentId!)?.push(r);
      return ids.map((id) => out.get(id)!);
    }),
  );
}

/**
 * Keeps the rows of a query whose region (the id in `regionIdColumn`, e.g. 'p.region_id') lies in
 * `region`'s subtree, through the regions' materialized paths.
 */
export function withinRegion<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, regionIdColumn: string, region: Region): SelectQueryBuilder<T> {
  return qb
    .innerJoin(Region, 'scope_region', `scope_region.id = ${regionIdColumn}`)
    .andWhere('scope_region.path LIKE :scopePath', { scopePath: `${region.path}%` });
}

const ROW_REGION = '__scopeRegion';

/**
 * withinRegion, reading each row's region in the same statement: `primeRowRegions` then puts them
 * into the request's region loader, so that the rows' region fields and checks read nothing again.
 */
export function withinRegionReading<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, regionIdColumn: string, region: Region): SelectQueryBuilder<T> {
  return qb
    .innerJoinAndMapOne(`${qb.alias}.${ROW_REGION}`, Region, 'scope_region', `scope_region.id = ${regionIdColumn}`)
    .andWhere('scope_region.path LIKE :scopePath', { scopePath: `${region.path}%` });
}

/** Puts the regions read by withinRegionReading into the request's region loader. */
export function primeRowRegions(ctx: Ctx, rows: readonly object[]) {
  const loader = regionLoader(ctx);
  for (const r of rows) {
    const region = (r as Record<string, Region | undefined>)[ROW_REGION];
    if (region) loader.prime(region.id, region);
  }
}

/**
 * An SQL condition "the region path in `column` lies under one of `paths`" with its parameters
 * (prefixed with `name`); never true for no paths.
 */
export function underAny(column: string, paths: readonly string[], name = 'under'): [string, Record<string, string>] {
  if (paths.length === 0) return ['1 = 0', {}];
  return [`(${paths.map((_, i) => `${column} LIKE :${name}${i}`).join(' OR ')})`, Object.fromEntries(paths.map((p, i) => [`${name}${i}`, `${p}%`]))];
}
