import { Ctx } from '../context';
import { notFound, unknownId } from '../common/errors';
import { msg } from '../common/i18n';
import { paginate, PageArgs } from '../common/pagination';
import { likeContains } from '../common/like';
import { optionalName, requiredName } from '../common/validate';
import { byId } from '../db/loaders';
import { regionLoader, requireRegion, withinRegion } from '../regions/regions.service';
import { Unit, UnitKind } from './unit.entity';

export const UNIT = msg('单位', 'unit');
export const unitLoader = (ctx: Ctx) => byId(ctx, Unit);

/** A unit whose region is in the account's scope, or null. */
export async function unitInScope(ctx: Ctx, id: string): Promise<Unit | null> {
  const unit = await unitLoader(ctx).load(id);
  return unit && (await ctx.auth.covers(unit.regionId)) ? unit : null;
}

/** A unit in scope, or BAD_USER_INPUT on `field` (input ids) / NOT_FOUND (lookups). */
export async function requireUnit(ctx: Ctx, id: string, field?: string): Promise<Unit> {
  const unit = await unitInScope(ctx, id);
  if (unit) return unit;
  throw field ? unknownId(field, UNIT, id) : notFound(UNIT, id);
}

/**
 * A unit of a region's subtree (e.g. of a round's region), or BAD_USER_INPUT on `field`, worded
 * as for a unit that does not exist.
 */
export async function requireUnitWithin(ctx: Ctx, id: string, field: string, region: { path: string }): Promise<Unit> {
  const unit = await unitInScope(ctx, id);
  const unitRegion = unit ? await regionLoader(ctx).load(unit.regionId) : null;
  if (unit && unitRegion?.path.startsWith(region.path)) return unit;
  throw unknownId(field, UNIT, id);
}

export interface CreateUnitData {
  name: string;
  kind: UnitKind;
  regionId: string;
  parentId?: string | null;
  system?: string | null;
}

export async function createUnit(ctx: Ctx, input: CreateUnitData): Promise<Unit> {
  ctx.auth.require('unit:write');
  const name = requiredName(input.name, 'name', 200);
  const region = await requireRegion(ctx, input.regionId, 'regionId');
  if (input.parentId) await requireUnit(ctx, input.parentId, 'parentId');
  const unit = Object.assign(new Unit(), {
    name,
    kind: input.kind,
    regionId: region.id,
    parentId: input.parentId ?? null,
    system: optionalName(input.system, 'system', 100),
  });
  await ctx.em.insert(Unit, unit);
  ctx.touch(unit.id);
  return unit;
}

export async function getUnit(ctx: Ctx, id: string): Promise<Unit> {
  ctx.auth.require('unit:read');
  return requireUnit(ctx, id);
}

export interface UnitFilterData {
  regionId: string;
  kind?: UnitKind | null;
  nameContains?: string | null;
}

/** Units of a region and its subtree. */
export async function listUnits(ctx: Ctx, filter: UnitFilterData, page: PageArgs) {
  ctx.auth.require('unit:read');
  const region = await requireRegion(ctx, filter.regionId, 'regionId');
  const qb = withinRegion(ctx.em.getRepository(Unit).createQueryBuilder('u'), 'u.region_id', region);
  if (filter.kind) qb.andWhere('u.kind = :kind', { kind: filter.kind });
  if (filter.nameContains?.trim()) qb.andWhere(...likeContains('u.name', 'name', filter.nameContains.trim()));
  return paginate(qb, page);
}
