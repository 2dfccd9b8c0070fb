import DataLoader from 'dataloader';
import { SelectQueryBuilder } from 'typeorm';
import { Ctx } from '../context';
import { badInput, conflict, unknownId } from '../common/errors';
import { msg } from '../common/i18n';
import { paginate, PageArgs } from '../common/pagination';
import { ListOrder, pageOrderOf } from '../common/list-order';
import { optionalName, optionalText, requiredName, requiredText } from '../common/validate';
import { byId, manyBy, primeById } from '../db/loaders';
import { lockRows } from '../db/locks';
import { isUniqueViolation } from '../db/transaction';
import { Person } from '../people/person.entity';
import { personLoader, requirePerson } from '../people/people.service';
import { requireRegion, withinRegion } from '../regions/regions.service';
import { requireUnit } from '../units/units.service';
import { PoolEntry, PoolEntryEvent, PoolEntrySpecialty, PoolEntryStatus, PoolKind, Specialty } from './pool.entity';
import { decideEnrollment, decideReview, decideStatusChange, Decision } from './rules/pool-entry';

export const POOL_ENTRY = msg('人才库条目', 'pool entry');

// ---------------------------------------------------------------- specialties

/** The reference list of specialties, read once per request. */
export function allSpecialties(ctx: Ctx): Promise<Specialty[]> {
  return ctx
    .loader('pools:specialties', () => new DataLoader<string, Specialty[]>(async (keys) => {
      const rows = await ctx.em.find(Specialty, { order: { sortOrder: 'ASC', code: 'ASC' } });
      return keys.map(() => rows);
    }))
    .load('all');
}

export async function listSpecialties(ctx: Ctx): Promise<Specialty[]> {
  ctx.auth.signedIn();
  return allSpecialties(ctx);
}

/** The codes deduplicated, each checked against the reference list (BAD_USER_INPUT on `field`). */
export async function checkSpecialtyCodes(ctx: Ctx, codes: readonly string[], field: string): Promise<string[]> {
  const known = new Set((await allSpecialties(ctx)).map((s) => s.code));
  const unique = [...new Set(codes.map((c) => c.trim()))];
  const unknown = unique.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw badInput(field, msg(`未知的专业代码：${unknown.join('、')}`, `Unknown specialty codes: ${unknown.join(', ')}`), { codes: unknown });
  }
  return unique;
}

const CODE = /^[A-Z][A-Z0-9_]{1,31}$/;

export interface AddSpecialtyData {
  code: string;
  name: string;
  nameEn?: string | null;
}

/** Extends the reference list (ADMIN). */
export async function addSpecialty(ctx: Ctx, input: AddSpecialtyData): Promise<Specialty> {
  ctx.auth.require('specialty:write');
  const code = input.code.trim();
  if (!CODE.test(code)) {
    throw badInput('code', msg('专业代码须为大写字母、数字和下划线，以字母开头，2 至 32 位', 'A specialty code is 2 to 32 capital letters, digits or underscores, starting with a letter'));
  }
  const nameZh = requiredName(input.name, 'name', 50);
  const nameEn = optionalName(input.nameEn, 'nameEn', 100) ?? nameZh;
  const last = await ctx.em.getRepository(Specialty).createQueryBuilder('s').select('MAX(s.sort_order)', 'max').getRawOne<{ max: number | null }>();
  const specialty = Object.assign(new Specialty(), { code, nameZh, nameEn, sortOrder: Number(last?.max ?? 0) + 10 });
  const duplicate = () => conflict(msg(`专业代码 ${code} 已存在`, `Specialty code ${code} already exists`));
  if (await ctx.em.existsBy(Specialty, { code })) throw duplicate();
  try {
    await ctx.em.insert(Specialty, specialty);
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate();
    throw e;
  }
  ctx.touch(specialty.id);
  return specialty;
}

// ---------------------------------------------------------------- entries

function decided<T>(d: Decision<T>): T {
  if (d.ok) return d.value;
  throw d.code === 'CONFLICT' ? conflict(d.message) : badInput(d.field, d.message);
}

/** An entry whose region is in the account's scope, or BAD_USER_INPUT on `field`. */
async function requireEntry(ctx: Ctx, id: string, field: string): Promise<PoolEntry> {
  const entry = await ctx.em.findOneBy(PoolEntry, { id });
  if (entry && (await ctx.auth.covers(entry.regionId))) return entry;
  throw unknownId(field, POOL_ENTRY, id);
}

async function writeEvent(ctx: Ctx, entry: PoolEntry, from: PoolEntryStatus | null, reason: string | null, codes?: string[]) {
  const specialties = codes ?? (await ctx.em.findBy(PoolEntrySpecialty, { entryId: entry.id })).map((s) => s.specialtyCode);
  const event = Object.assign(new PoolEntryEvent(), {
    entryId: entry.id,
    fromStatus: from,
    toStatus: entry.status,
    reason,
    specialties: specialties.join(','),
    accountId: ctx.account?.id ?? null,
    at: ctx.clock.now(),
  });
  await ctx.em.insert(PoolEntryEvent, event);
}

export interface EnrollData {
  personId: string;
  regionId: string;
  pool: PoolKind;
  specialties: string[];
  recommendedByUnitId?: string | null;
}

/**
 * Enrolls a person in a region's pool as PENDING (入库). One entry per person, pool and region:
 * a REJECTED or EXITED entry goes back to PENDING, any other is a CONFLICT.
 */
export async function enrollInPool(ctx: Ctx, input: EnrollData): Promise<PoolEntry> {
  ctx.auth.require('pool:enroll');
  const region = await requireRegion(ctx, input.regionId, 'regionId');
  const person = await requirePerson(ctx, input.personId, 'personId');
  const codes = await checkSpecialtyCodes(ctx, input.specialties, 'specialties');
  const unit = input.recommendedByUnitId ? await requireUnit(ctx, input.recommendedByUnitId, 'recommendedByUnitId') : null;
  // One enrollment of a person at a time, so that the entry read below stays true.
  await lockRows(ctx.em, Person, [person.id]);
  const existing = await ctx.em.findOneBy(PoolEntry, { personId: person.id, pool: input.pool, regionId: region.id });
  const how = decided(decideEnrollment(existing));
  const from = existing?.status ?? null;
  const now = ctx.clock.now();
  let entry: PoolEntry;
  if (how === 'CREATE') {
    entry = Object.assign(new PoolEntry(), {
      personId: person.id,
      regionId: region.id,
      pool: input.pool,
      status: PoolEntryStatus.PENDING,
      recommendedByUnitId: unit?.id ?? null,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await ctx.em.insert(PoolEntry, entry);
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(msg('此人在该库已有条目', 'This person already holds an entry in this pool'));
      throw e;
    }
  } else {
    entry = Object.assign(existing!, { status: PoolEntryStatus.PENDING, recommendedByUnitId: unit?.id ?? null, updatedAt: now });
    await ctx.em.update(PoolEntry, { id: entry.id }, { status: entry.status, recommendedByUnitId: entry.recommendedByUnitId, updatedAt: now });
    await ctx.em.delete(PoolEntrySpecialty, { entryId: entry.id });
  }
  if (codes.length > 0) {
    await ctx.em.insert(
      PoolEntrySpecialty,
      codes.map((specialtyCode) => Object.assign(new PoolEntrySpecialty(), { entryId: entry.id, specialtyCode })),
    );
  }
  await writeEvent(ctx, entry, from, null, codes);
  ctx.touch(entry.id);
  return entry;
}

/** Locks an entry and reads it afresh. */
async function lockedEntry(ctx: Ctx, id: string, field: string): Promise<PoolEntry> {
  const entry = await requireEntry(ctx, id, field);
  await lockRows(ctx.em, PoolEntry, [entry.id]);
  return (await ctx.em.findOneBy(PoolEntry, { id: entry.id }))!;
}

async function moveEntry(ctx: Ctx, entry: PoolEntry, to: PoolEntryStatus, reason: string | null): Promise<PoolEntry> {
  const from = entry.status;
  const now = ctx.clock.now();
  await ctx.em.update(PoolEntry, { id: entry.id }, { status: to, updatedAt: now });
  Object.assign(entry, { status: to, updatedAt: now });
  await writeEvent(ctx, entry, from, reason);
  ctx.touch(entry.id);
  return entry;
}

/**
 * The organization department's review (审核): ACTIVE or REJECTED. Leaders and deputies below
 * the rank floor (副科级) cannot be approved.
 */
export async function reviewPoolEntry(ctx: Ctx, input: { entryId: string; approve: boolean; comment?: string | null }): Promise<PoolEntry> {
  ctx.auth.require('pool:review');
  const comment = optionalText(input.comment, 'comment', 500);
  const entry = await lockedEntry(ctx, input.entryId, 'entryId');
  const person = await personLoader(ctx).load(entry.personId);
  const to = decided(decideReview(entry, { rank: person?.rank }, input.approve));
  return moveEntry(ctx, entry, to as PoolEntryStatus, comment);
}

/** Dynamic management (动态管理): suspend, reinstate or exit, with a reason. */
export async function changePoolEntryStatus(ctx: Ctx, input: { entryId: string; status: PoolEntryStatus; reason: string }): Promise<PoolEntry> {
  ctx.auth.require('pool:review');
  const entry = await lockedEntry(ctx, input.entryId, 'entryId');
  const to = decided(decideStatusChange(entry.status, input.status, input.reason ?? ''));
  return moveEntry(ctx, entry, to as PoolEntryStatus, requiredText(input.reason, 'reason', 500));
}

export interface PoolEntryFilterData {
  regionId: string;
  pool?: PoolKind | null;
  status?: PoolEntryStatus | null;
  specialty?: string | null;
}

export type PoolEntryOrderField = 'CREATED' | 'PERSON_NAME';
/** An entry read for a page, with its person (joined for the name order). */
type ListedEntry = PoolEntry & { listedPerson?: Person };
const POOL_ENTRY_ORDERS = {
  CREATED: { columns: ['e.id'], key: (e: ListedEntry) => [e.id] },
  PERSON_NAME: { columns: ['lp.name_sort', 'e.id'], key: (e: ListedEntry) => [e.listedPerson!.nameSort, e.id] },
};

/**
 * Entries of a region's pools and of the pools of its subtree (a city sees every county's). In
 * the name order the entries' persons come with the page (one join) and serve the `person`
 * field; otherwise that field reads them in one batch.
 */
export async function listPoolEntries(ctx: Ctx, filter: PoolEntryFilterData, page: PageArgs, order?: ListOrder<PoolEntryOrderField> | null) {
  ctx.auth.require('pool:read');
  const region = await requireRegion(ctx, filter.regionId, 'regionId');
  const qb = withinRegion(ctx.em.getRepository(PoolEntry).createQueryBuilder('e'), 'e.region_id', region) as SelectQueryBuilder<ListedEntry>;
  const byName = order?.field === 'PERSON_NAME';
  if (byName) qb.innerJoinAndMapOne('e.listedPerson', Person, 'lp', 'lp.id = e.person_id');
  if (filter.pool) qb.andWhere('e.pool = :pool', { pool: filter.pool });
  if (filter.status) qb.andWhere('e.status = :status', { status: filter.status });
  if (filter.specialty) {
    const [code] = await checkSpecialtyCodes(ctx, [filter.specialty], 'specialty');
    qb.andWhere('EXISTS (SELECT 1 FROM pool_entry_specialties s WHERE s.entry_id = e.id AND s.specialty_code = :code)', { code });
  }
  const conn = await paginate(qb, page, pageOrderOf(POOL_ENTRY_ORDERS, order, { field: 'CREATED', direction: 'ASC' }));
  if (byName) {
    primeById(ctx, Person, conn.edges.map((e) => e.node.listedPerson!));
    for (const e of conn.edges) delete e.node.listedPerson;
  }
  return conn;
}

// ---------------------------------------------------------------- batched reads

export const poolEntryLoader = (ctx: Ctx) => byId(ctx, PoolEntry);
export const entriesOfPerson = (ctx: Ctx) => manyBy(ctx, PoolEntry, 'personId');
export const specialtiesOfEntry = (ctx: Ctx) => manyBy(ctx, PoolEntrySpecialty, 'entryId');
export const historyOfEntry = (ctx: Ctx) => manyBy(ctx, PoolEntryEvent, 'entryId', { at: 'ASC', id: 'ASC' });

/**
 * The people an office can draw on for a round of the region at `regionPath`: an ACTIVE entry in
 * a pool of that region, of an ancestor (a city cadre sent down) or of a descendant; optionally
 * only with `specialty` on such an entry. One statement, person ids in name order.
 */
export async function drawablePeople(ctx: Ctx, regionPath: string, opts: { specialty?: string | null } = {}): Promise<string[]> {
  const ancestors = regionPath.split('/').filter(Boolean);
  const qb = ctx.em
    .createQueryBuilder()
    .select('e.person_id', 'personId')
    .addSelect('p.name', 'name')
    .from('pool_entries', 'e')
    .innerJoin('regions', 'g', 'g.id = e.region_id')
    .innerJoin('persons', 'p', 'p.id = e.person_id')
    .where('e.status = :active', { active: PoolEntryStatus.ACTIVE })
    .andWhere('(g.path LIKE :below OR e.region_id IN (:...ancestors))', { below: `${regionPath}%`, ancestors: ancestors.length ? ancestors : [''] });
  if (opts.specialty) {
    qb.andWhere('EXISTS (SELECT 1 FROM pool_entry_specialties s WHERE s.entry_id = e.id AND s.specialty_code = :code)', { code: opts.specialty });
  }
  const rows = await qb.orderBy('p.name').addOrderBy('e.person_id').getRawMany<{ personId: string }>();
  return [...new Set(rows.map((r) => r.personId))];
}
