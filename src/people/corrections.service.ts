/**
 * Corrections to a person's record: the person's own fields, posts, relations and interest ties.
 *
 * Removal is a hard delete here, on purpose: `removeEmployment`, `removeRelation` and
 * `removeInterestTie` are for entries that were never true (typed against the wrong person, a
 * relation that does not exist). Keeping them as a "removed" state would keep a falsehood that
 * every avoidance check would have to step around. Something that was true and has ended is not
 * removed: a post is ended (`updateEmployment` with `endedOn`). The audit record keeps the ids
 * and the reason of every removal, and a closed round's record is not re-judged (its teams show
 * no violations once closed), so nothing a past round holds depends on the deleted row.
 */
import { Ctx } from '../context';
import { badInput, conflict, unknownId } from '../common/errors';
import { msg } from '../common/i18n';
import { assertNotBefore } from '../common/dates';
import { requiredText } from '../common/validate';
import { lockRows } from '../db/locks';
import { isUniqueViolation } from '../db/transaction';
import { noteForAudit } from '../audit/audit.service';
import { regionLoader } from '../regions/regions.service';
import { openLeadsOf } from '../rounds/person-facts';
import { Employment } from './employment.entity';
import { InterestTie } from './interest-tie.entity';
import { Person, personName } from './person.entity';
import { Relation } from './relation.entity';
import { CreatePersonData, requireWritablePerson, personLoader } from './people.service';
import { assertCodeFree, checkedCode, codeTaken } from './codes';
import { OpenLead, rankChangeRefusal } from './rules/corrections';

export const EMPLOYMENT = msg('任职记录', 'post');
export const RELATION = msg('社会关系', 'relation');
export const INTEREST_TIE = msg('利益关联', 'interest tie');

/** What createPerson takes, each field optional (absent: unchanged), for the person named. */
export type UpdatePersonData = { personId: string; name?: string | null } & Partial<Omit<CreatePersonData, 'regionId' | 'name'>>;

const given = <T>(v: T | undefined): v is T => v !== undefined;

function required<T>(v: T | null, field: string): T {
  if (v === null) throw badInput(field, msg(`${field} 不能为空`, `${field} must not be empty`));
  return v;
}

/**
 * Corrects or updates a person: only the fields given change (null clears an optional one). A
 * rank below the floor of a team the person leads in a round that has not closed is refused.
 */
export async function updatePerson(ctx: Ctx, input: UpdatePersonData): Promise<Person> {
  const found = await requireWritablePerson(ctx, input.personId, 'personId');
  await lockRows(ctx.em, Person, [found.id]);
  const person = (await ctx.em.findOneBy(Person, { id: found.id }))!;
  const today = ctx.clock.today();
  const changes: Partial<Person> = {};
  if (given(input.name)) Object.assign(changes, personName(requiredText(required(input.name, 'name'), 'name', 100)));
  if (given(input.gender)) changes.gender = input.gender;
  if (given(input.birthDate)) {
    if (input.birthDate && input.birthDate > today) throw badInput('birthDate', msg('出生日期不能晚于今天', 'The birth date cannot be in the future'));
    changes.birthDate = input.birthDate;
  }
  if (given(input.hometownRegionId)) {
    // A hometown may lie outside the account's regions; it only has to exist.
    if (input.hometownRegionId && !(await regionLoader(ctx).load(input.hometownRegionId))) {
      throw unknownId('hometownRegionId', msg('籍贯地区', 'hometown region'), input.hometownRegionId);
    }
    changes.hometownRegionId = input.hometownRegionId;
  }
  if (given(input.rank)) changes.rank = input.rank;
  if (given(input.fullTimeInspector)) changes.fullTimeInspector = required(input.fullTimeInspector, 'fullTimeInspector');
  if (given(input.newlyPromotedOn)) {
    if (input.newlyPromotedOn && input.newlyPromotedOn > today) {
      throw badInput('newlyPromotedOn', msg('提拔日期不能晚于今天', 'The promotion date cannot be in the future'));
    }
    changes.newlyPromotedOn = input.newlyPromotedOn;
  }
  if (given(input.youngReserve)) changes.youngReserve = required(input.youngReserve, 'youngReserve');
  if (given(input.code)) {
    changes.code = checkedCode(input.code, 'code');
    await assertCodeFree(ctx, person.regionId, changes.code, person.id);
  }
  if (given(changes.rank) && changes.rank !== person.rank) {
    const leads = (await openLeadsOf(ctx, person.id)) as OpenLead[];
    const why = rankChangeRefusal(changes.name ?? person.name, changes.rank, leads);
    if (why) throw conflict(why);
  }
  if (Object.keys(changes).length > 0) {
    try {
      await ctx.em.update(Person, { id: person.id }, changes);
    } catch (e) {
      if (isUniqueViolation(e) && changes.code) throw codeTaken(changes.code);
      throw e;
    }
  }
  ctx.touch(person.id);
  return Object.assign(person, changes);
}

/** A post whose person the account may change, or BAD_USER_INPUT on `field` ("no such post"). */
async function requireWritableEmployment(ctx: Ctx, id: string, field: string): Promise<Employment> {
  ctx.auth.require('person:write');
  const employment = await ctx.em.findOneBy(Employment, { id });
  const person = employment ? await personLoader(ctx).load(employment.personId) : null;
  if (employment && person && (await ctx.auth.covers(person.regionId))) return employment;
  throw unknownId(field, EMPLOYMENT, id);
}

export interface UpdateEmploymentData {
  employmentId: string;
  post?: string | null;
  leadership?: boolean | null;
  startedOn?: string | null;
  endedOn?: string | null;
}

/** Corrects a post or ends it (endedOn; null opens it again); only the fields given change. */
export async function updateEmployment(ctx: Ctx, input: UpdateEmploymentData): Promise<Employment> {
  const employment = await requireWritableEmployment(ctx, input.employmentId, 'employmentId');
  const changes: Partial<Employment> = {};
  if (given(input.post)) changes.post = requiredText(required(input.post, 'post'), 'post', 100);
  if (given(input.leadership)) changes.leadership = required(input.leadership, 'leadership');
  if (given(input.startedOn)) changes.startedOn = required(input.startedOn, 'startedOn');
  if (given(input.endedOn)) changes.endedOn = input.endedOn;
  const next = { ...employment, ...changes };
  assertNotBefore(next.startedOn, next.endedOn, given(input.endedOn) ? 'endedOn' : 'startedOn');
  if (Object.keys(changes).length > 0) await ctx.em.update(Employment, { id: employment.id }, changes);
  ctx.touch(employment.id, employment.personId);
  return Object.assign(employment, changes);
}

/** Deletes a post entered by mistake (see the module comment), with the reason in the audit record. */
export async function removeEmployment(ctx: Ctx, input: { id: string; reason: string }): Promise<string> {
  const employment = await requireWritableEmployment(ctx, input.id, 'id');
  noteForAudit(ctx, requiredText(input.reason, 'reason', 500));
  await ctx.em.delete(Employment, { id: employment.id });
  ctx.touch(employment.id, employment.personId);
  return employment.id;
}

/**
 * Deletes a relation entered by mistake. Like adding one, it takes the right to change both
 * persons; any other relation is, to this account, no such relation.
 */
export async function removeRelation(ctx: Ctx, input: { id: string; reason: string }): Promise<string> {
  ctx.auth.require('person:write');
  const relation = await ctx.em.findOneBy(Relation, { id: input.id });
  const persons = relation ? await personLoader(ctx).loadMany([relation.personId, relation.relatedPersonId]) : [];
  const covered = await Promise.all(persons.map((p) => (p instanceof Person ? ctx.auth.covers(p.regionId) : false)));
  if (!relation || covered.length !== 2 || !covered.every(Boolean)) throw unknownId('id', RELATION, input.id);
  noteForAudit(ctx, requiredText(input.reason, 'reason', 500));
  await ctx.em.delete(Relation, { id: relation.id });
  ctx.touch(relation.id, relation.personId, relation.relatedPersonId);
  return relation.id;
}

/** Deletes an interest tie entered by mistake. */
export async function removeInterestTie(ctx: Ctx, input: { id: string; reason: string }): Promise<string> {
  ctx.auth.require('person:write');
  const tie = await ctx.em.findOneBy(InterestTie, { id: input.id });
  const person = tie ? await personLoader(ctx).load(tie.personId) : null;
  if (!tie || !person || !(await ctx.auth.covers(person.regionId))) throw unknownId('id', INTEREST_TIE, input.id);
  noteForAudit(ctx, requiredText(input.reason, 'reason', 500));
  await ctx.em.delete(InterestTie, { id: tie.id });
  ctx.touch(tie.id, tie.personId);
  return tie.id;
}
