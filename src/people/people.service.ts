import { Brackets } from 'typeorm';
import DataLoader from 'dataloader';
import { Level } from '../access/levels';
import { Ctx } from '../context';
import { badInput, conflict, notFound, unknownId } from '../common/errors';
import { msg } from '../common/i18n';
import { assertNotBefore } from '../common/dates';
import { paginate, PageArgs } from '../common/pagination';
import { ListOrder, pageOrderOf } from '../common/list-order';
import { inPoolUnder } from '../pools/facts';
import { likeContains } from '../common/like';
import { requiredName, requiredText } from '../common/validate';
import { byId, manyBy, primeById } from '../db/loaders';
import { isUniqueViolation } from '../db/transaction';
import { primeRowRegions, regionLoader, requireRegion, withinRegionReading } from '../regions/regions.service';
import { requireUnit } from '../units/units.service';
import { Unit } from '../units/unit.entity';
import { Employment } from './employment.entity';
import { InterestTie } from './interest-tie.entity';
import { Gender, Person, personName, Rank } from './person.entity';
import { Relation } from './relation.entity';
import { personLevel } from './person.access';
import { assertCodeFree, checkedCode, codeTaken } from './codes';
import { canonicalPair, inverseKind, isKin, RELATION_LABELS, RelationKindName } from './rules/relation-kinds';

export const PERSON = msg('人员', 'person');
export const personLoader = (ctx: Ctx) => byId(ctx, Person);

/**
 * A person the account sees at `min` or above (LIMITED by default), or BAD_USER_INPUT on `field`
 * (input ids) / NOT_FOUND (lookups), worded exactly as for an id that does not exist.
 */
export async function requirePerson(ctx: Ctx, id: string, field?: string, min: Level = Level.LIMITED): Promise<Person> {
  ctx.auth.signedIn();
  const person = await personLoader(ctx).load(id);
  if (person && (await personLevel(ctx, person)) >= min) return person;
  throw field ? unknownId(field, PERSON, id) : notFound(PERSON, id);
}

/** A person the account may change (person:write and the person's region in scope). */
export async function requireWritablePerson(ctx: Ctx, id: string, field: string): Promise<Person> {
  ctx.auth.require('person:write');
  const person = await personLoader(ctx).load(id);
  if (person && (await ctx.auth.covers(person.regionId))) return person;
  throw unknownId(field, PERSON, id);
}

export interface CreatePersonData {
  regionId: string;
  name: string;
  gender?: Gender | null;
  birthDate?: string | null;
  hometownRegionId?: string | null;
  rank?: Rank | null;
  fullTimeInspector?: boolean | null;
  newlyPromotedOn?: string | null;
  youngReserve?: boolean | null;
  code?: string | null;
}

export async function createPerson(ctx: Ctx, input: CreatePersonData): Promise<Person> {
  ctx.auth.require('person:write');
  const name = requiredName(input.name, 'name', 100);
  const region = await requireRegion(ctx, input.regionId, 'regionId');
  if (input.hometownRegionId) {
    // A hometown may lie outside the account's regions; it only has to exist.
    const home = await regionLoader(ctx).load(input.hometownRegionId);
    if (!home) throw unknownId('hometownRegionId', msg('籍贯地区', 'hometown region'), input.hometownRegionId);
  }
  const today = ctx.clock.today();
  if (input.birthDate && input.birthDate > today) throw badInput('birthDate', msg('出生日期不能晚于今天', 'The birth date cannot be in the future'));
  if (input.newlyPromotedOn && input.newlyPromotedOn > today) {
    throw badInput('newlyPromotedOn', msg('提拔日期不能晚于今天', 'The promotion date cannot be in the future'));
  }
  const person = Object.assign(new Person(), {
    regionId: region.id,
    ...personName(name),
    gender: input.gender ?? null,
    birthDate: input.birthDate ?? null,
    hometownRegionId: input.hometownRegionId ?? null,
    rank: input.rank ?? null,
    fullTimeInspector: input.fullTimeInspector ?? false,
    newlyPromotedOn: input.newlyPromotedOn ?? null,
    youngReserve: input.youngReserve ?? false,
    code: checkedCode(input.code, 'code'),
  });
  await assertCodeFree(ctx, person.regionId, person.code, null);
  try {
    await ctx.em.insert(Person, person);
  } catch (e) {
    if (isUniqueViolation(e) && person.code) throw codeTaken(person.code);
    throw e;
  }
  ctx.touch(person.id);
  return person;
}

export async function getPerson(ctx: Ctx, id: string): Promise<Person> {
  return requirePerson(ctx, id);
}

export interface PersonFilterData {
  regionId: string;
  nameContains?: string | null;
  inPool?: boolean | null;
}

export type PersonOrderField = 'CREATED' | 'NAME';
const PERSON_ORDERS = {
  CREATED: { columns: ['p.id'], key: (p: Person) => [p.id] },
  NAME: { columns: ['p.name_sort', 'p.id'], key: (p: Person) => [p.nameSort, p.id] },
};

/**
 * Persons kept by a region and its subtree; `inPool` keeps only those with (true) or without
 * (false) an entry in a pool of that subtree, in the same statement.
 */
export async function listPersons(ctx: Ctx, filter: PersonFilterData, page: PageArgs, order?: ListOrder<PersonOrderField> | null) {
  ctx.auth.require('person:read');
  const region = await requireRegion(ctx, filter.regionId, 'regionId');
  const qb = withinRegionReading(ctx.em.getRepository(Person).createQueryBuilder('p'), 'p.region_id', region);
  const name = filter.nameContains?.trim();
  if (name) qb.andWhere(...likeContains('p.name', 'name', name));
  if (filter.inPool != null) {
    const [inPool, params] = inPoolUnder('p.id', region.path);
    qb.andWhere(filter.inPool ? inPool : `NOT ${inPool}`, params);
  }
  const conn = await paginate(qb, page, pageOrderOf(PERSON_ORDERS, order, { field: 'CREATED', direction: 'ASC' }));
  const rows = primeById(ctx, Person, conn.edges.map((e) => e.node));
  primeRowRegions(ctx, rows);
  ctx.auth.vouchFor(rows.map((p) => p.regionId));
  return conn;
}

export interface AddEmploymentData {
  personId: string;
  unitId: string;
  post: string;
  leadership: boolean;
  startedOn: string;
  endedOn?: string | null;
}

export async function addEmployment(ctx: Ctx, input: AddEmploymentData): Promise<Employment> {
  const person = await requireWritablePerson(ctx, input.personId, 'personId');
  const unit = await requireUnit(ctx, input.unitId, 'unitId');
  const post = requiredName(input.post, 'post', 100);
  assertNotBefore(input.startedOn, input.endedOn, 'endedOn');
  const employment = Object.assign(new Employment(), {
    personId: person.id,
    unitId: unit.id,
    post,
    leadership: input.leadership,
    startedOn: input.startedOn,
    endedOn: input.endedOn ?? null,
  });
  await ctx.em.insert(Employment, employment);
  ctx.touch(employment.id);
  return employment;
}

export interface AddRelationData {
  personId: string;
  relatedPersonId: string;
  kind: RelationKindName;
}

/** Records a relation once; its inverse is implied. Self-relations and duplicates are refused. */
export async function addRelation(ctx: Ctx, input: AddRelationData): Promise<Relation> {
  ctx.auth.require('person:write');
  if (input.personId === input.relatedPersonId) {
    throw badInput('relatedPersonId', msg('不能与本人建立关系', 'A person cannot be related to themselves'));
  }
  const person = await requireWritablePerson(ctx, input.personId, 'personId');
  const related = await requireWritablePerson(ctx, input.relatedPersonId, 'relatedPersonId');
  const stored = Object.assign(new Relation(), canonicalPair(person.id, related.id, input.kind));
  const duplicate = () =>
    conflict(msg(`${person.name} 与 ${related.name} 的该关系已登记`, `This relation between ${person.name} and ${related.name} is already recorded`));
  const existing = await ctx.em.findBy(Relation, { personId: stored.personId, relatedPersonId: stored.relatedPersonId });
  if (existing.some((r) => r.kind === stored.kind)) throw duplicate();
  // Two persons have one kinship (a parent cannot also be a child or a spouse).
  const kin = existing.find((r) => isKin(r.kind));
  if (kin && isKin(stored.kind)) {
    const label = RELATION_LABELS[orient(kin, person.id).kind];
    throw conflict(msg(`${related.name} 已登记为 ${person.name} 的${label.zh}`, `${related.name} is already recorded as ${person.name}'s ${label.en}`));
  }
  try {
    await ctx.em.insert(Relation, stored);
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate();
    throw e;
  }
  ctx.touch(stored.id);
  return orient(stored, person.id);
}

/** A stored relation seen from one of its two persons. */
export function orient(r: Relation, fromPersonId: string): Relation {
  if (r.personId === fromPersonId) return r;
  return Object.assign(new Relation(), { id: r.id, personId: fromPersonId, relatedPersonId: r.personId, kind: inverseKind(r.kind) });
}

export interface AddInterestTieData {
  personId: string;
  unitId: string;
  description: string;
}

export async function addInterestTie(ctx: Ctx, input: AddInterestTieData): Promise<InterestTie> {
  const person = await requireWritablePerson(ctx, input.personId, 'personId');
  const unit = await requireUnit(ctx, input.unitId, 'unitId');
  const tie = Object.assign(new InterestTie(), {
    personId: person.id,
    unitId: unit.id,
    description: requiredText(input.description, 'description', 500),
  });
  await ctx.em.insert(InterestTie, tie);
  ctx.touch(tie.id);
  return tie;
}

// ---------------------------------------------------------------- batched reads for fields

export const employmentsOf = (ctx: Ctx) => manyBy(ctx, Employment, 'personId', { startedOn: 'ASC', id: 'ASC' }, [{ entity: Unit, by: 'unitId' }]);
export const interestTiesOf = (ctx: Ctx) => manyBy(ctx, InterestTie, 'personId');

/**
 * Every relation of each person, read in both directions, in one statement per batch, with the
 * rows of both persons (into the request's person loader: the related persons are read with it).
 */
export function relationsOf(ctx: Ctx): DataLoader<string, Relation[]> {
  return ctx.loader('people:relations', () =>
    new DataLoader<string, Relation[]>(async (ids) => {
      const rows = await ctx.em
        .getRepository(Relation)
        .createQueryBuilder('r')
        .leftJoinAndMapOne('r.__person', Person, 'rp', 'rp.id = r.person_id')
        .leftJoinAndMapOne('r.__related', Person, 'rr', 'rr.id = r.related_person_id')
        .where(new Brackets((w) => w.where('r.person_id IN (:...ids)', { ids }).orWhere('r.related_person_id IN (:...ids)', { ids })))
        .orderBy('r.id')
        .getMany();
      const persons = personLoader(ctx);
      const out = new Map<string, Relation[]>(ids.map((id) => [id, []]));
      for (const r of rows as (Relation & { __person?: Person | null; __related?: Person | null })[]) {
        if (r.__person) persons.prime(r.__person.id, r.__person);
        if (r.__related) persons.prime(r.__related.id, r.__related);
        out.get(r.personId)?.push(r);
        out.get(r.relatedPersonId)?.push(orient(r, r.relatedPersonId));
      }
      return ids.map((id) => out.get(id)!);
    }),
  );
}
