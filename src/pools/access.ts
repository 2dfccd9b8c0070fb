/**
 * Who reads pool entries: pool:read in the entry's region; the person's own entries; and, for
 * the offices that compose teams (round:write), the ACTIVE entries of the pools of their regions'
 * ancestors, whose people they may draw into their teams (a city cadre sent down). The people of
 * the entries an account reads are readable to it in a limited view.
 */
import type { Ctx } from '../context';
import type { Guard, PersonGrant } from '../access/guard';
import { underAny } from '../regions/regions.service';
import { PoolEntry, PoolEntryStatus } from './pool.entity';

/** The account's regions and every region above them. */
function regionsAndAncestors(ctx: Ctx): string[] {
  return [...new Set((ctx.account?.regionPaths ?? []).flatMap((p) => p.split('/').filter(Boolean)))];
}

export async function canReadEntry(ctx: Ctx, e: PoolEntry): Promise<boolean> {
  if (!ctx.account) return false;
  if (ctx.auth.isAdmin || ctx.auth.isSelf(e.personId)) return true;
  if (ctx.auth.has('pool:read') && (await ctx.auth.covers(e.regionId))) return true;
  return ctx.auth.has('round:write') && e.status === PoolEntryStatus.ACTIVE && regionsAndAncestors(ctx).includes(e.regionId);
}

export const poolEntryGuard: Guard<PoolEntry> = {
  async view(ctx, e) {
    return (await canReadEntry(ctx, e)) ? e : null;
  },
};

export const poolPeopleGrant: PersonGrant = async (ctx, personIds) => {
  const scope = ctx.auth.has('pool:read') ? ctx.auth.scopePaths() : [];
  if (scope === null) return new Set(personIds);
  const upward = ctx.auth.has('round:write') ? regionsAndAncestors(ctx) : [];
  if (scope.length === 0 && upward.length === 0) return new Set();
  const [inScope, scopeParams] = underAny('g.path', scope);
  const ors = [inScope];
  if (upward.length > 0) ors.push(`(e.status = :active AND e.region_id IN (:...upward))`);
  const rows = await ctx.em
    .createQueryBuilder()
    .select('DISTINCT e.person_id', 'personId')
    .from('pool_entries', 'e')
    .innerJoin('regions', 'g', 'g.id = e.region_id')
    .where('e.person_id IN (:...personIds)', { personIds })
    .andWhere(`(${ors.join(' OR ')})`, { ...scopeParams, upward, active: PoolEntryStatus.ACTIVE })
    .getRawMany<{ personId: string }>();
  return new Set(rows.map((r) => r.personId));
};
