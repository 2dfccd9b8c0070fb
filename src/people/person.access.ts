/**
 * How much of each person the signed-in account sees (src/access/levels.ts), decided once per
 * person per request and applied wherever a Person is returned (the guard), and to every person
 * id in an input (`requirePerson`).
 *
 * FULL: ADMIN, the person themselves, and accounts with person:read whose regions cover the
 * person's region. LIMITED: persons another feature lets the account read (members of teams it
 * may read, requesters of leave it may read, people it may draw into its teams); the features
 * say so through their `personGrants`. PATH: persons reached in this request as relatives
 * through a relation or an avoidance path the account may read.
 */
import DataLoader from 'dataloader';
import type { Ctx } from '../context';
import type { Guard } from '../access/guard';
import { Level } from '../access/levels';
import { forbidden } from '../common/errors';
import { msg } from '../common/i18n';
import { byId } from '../db/loaders';
import { Person } from './person.entity';

const rows = (ctx: Ctx) => byId(ctx, Person);

/** Ids of the persons this request has found the account to see in full (checks on them then wait for nothing). */
const fullIds = (ctx: Ctx) => ctx.local('access:personFull', () => new Set<string>());

/** FULL when the roles and regions decide it without reading anything; undefined otherwise. */
function plainlyFull(ctx: Ctx, p: Person): boolean {
  if (!ctx.account) return false;
  if (ctx.auth.isAdmin || ctx.auth.isSelf(p.id)) return true;
  return ctx.auth.has('person:read') && ctx.auth.coversKnown(p.regionId) === true;
}

async function judge(ctx: Ctx, persons: readonly Person[]): Promise<Level[]> {
  if (!ctx.account) return persons.map(() => Level.NONE);
  const readsPeople = ctx.auth.has('person:read');
  const levels: Level[] = await Promise.all(
    persons.map((p) =>
      plainlyFull(ctx, p) ? Level.FULL : readsPeople ? ctx.auth.covers(p.regionId).then((c) => (c ? Level.FULL : Level.NONE)) : Level.NONE,
    ),
  );
  const rest = persons.filter((_, i) => levels[i] === Level.NONE).map((p) => p.id);
  if (rest.length > 0 && ctx.personGrants.length > 0) {
    const granted = await Promise.all(ctx.personGrants.map((grant) => grant(ctx, rest)));
    persons.forEach((p, i) => {
      if (levels[i] === Level.NONE && granted.some((ids) => ids.has(p.id))) levels[i] = Level.LIMITED;
    });
  }
  const full = fullIds(ctx);
  persons.forEach((p, i) => levels[i] === Level.FULL && full.add(p.id));
  return levels;
}

/** The level each person has through the account's roles, regions and the features' grants. */
const baseLevels = (ctx: Ctx) =>
  ctx.loader('access:personLevels', () => new DataLoader<Person, Level, string>((ps) => judge(ctx, ps), { cacheKeyFn: (p) => p.id }));

const pathGrants = (ctx: Ctx) => ctx.local('access:personPaths', () => new Set<string>());

/**
 * Lets the account see these persons at PATH level for the rest of the request: the relatives
 * named by a relation or an avoidance path it has just been allowed to read.
 */
export function grantPath(ctx: Ctx, ids: Iterable<string | null | undefined>) {
  const set = pathGrants(ctx);
  for (const id of ids) if (id) set.add(id);
}

export async function personLevel(ctx: Ctx, person: Person): Promise<Level> {
  if (fullIds(ctx).has(person.id)) return Level.FULL;
  const base = await baseLevels(ctx).load(person);
  return base === Level.NONE && pathGrants(ctx).has(person.id) ? Level.PATH : base;
}

/** Views made in this request: row → view, and each view's level. */
const views = (ctx: Ctx) => ctx.local('access:personViews', () => ({ of: new WeakMap<Person, Person>(), level: new WeakMap<Person, Level>() }));

/** What a narrower level shows of a person; everything else is empty. */
function narrow(p: Person, level: Level): Person {
  const limited = level === Level.LIMITED;
  return Object.assign(Object.create(Person.prototype) as Person, {
    id: p.id,
    name: p.name,
    regionId: p.regionId,
    gender: limited ? p.gender : null,
    rank: limited ? p.rank : null,
    fullTimeInspector: limited ? p.fullTimeInspector : false,
    newlyPromotedOn: limited ? p.newlyPromotedOn : null,
    youngReserve: limited ? p.youngReserve : false,
    birthDate: null,
    hometownRegionId: null,
  });
}

function project(ctx: Ctx, p: Person, level: Level): Person | null {
  if (level === Level.NONE) return null;
  const v = views(ctx);
  if (level === Level.FULL) fullIds(ctx).add(p.id);
  const view = level === Level.FULL ? p : narrow(p, level);
  v.of.set(p, view);
  v.level.set(view, level);
  return view;
}

/** Every Person the API returns passes here. */
export const personGuard: Guard<Person> = {
  view(ctx, p) {
    const v = views(ctx);
    if (v.level.has(p)) return p;
    const made = v.of.get(p);
    if (made) return made;
    if (fullIds(ctx).has(p.id) || plainlyFull(ctx, p)) return project(ctx, p, Level.FULL);
    return personLevel(ctx, p).then((level) => project(ctx, p, level));
  },
};

/** The level of a person as the API returned it (NONE for anything the guard did not pass). */
export function levelOf(ctx: Ctx, view: Person): Level {
  return views(ctx).level.get(view) ?? Level.NONE;
}

/** The persons of these ids that the account sees at `min` or above (missing ones left out). */
export async function readablePersons(ctx: Ctx, ids: readonly string[], min: Level = Level.LIMITED): Promise<Map<string, Person>> {
  const found = (await rows(ctx).loadMany([...new Set(ids)])).filter((p): p is Person => p instanceof Person);
  const levels = await Promise.all(found.map((p) => personLevel(ctx, p)));
  return new Map(found.filter((_, i) => levels[i] >= min).map((p) => [p.id, p]));
}

/** Whether the account may read the person's relations, interest ties and birth date. */
export function readsPrivateFacts(ctx: Ctx, view: Person): boolean {
  if (levelOf(ctx, view) !== Level.FULL) return false;
  return ctx.auth.isSelf(view.id) || ctx.auth.has('person:readPrivate');
}

/**
 * Private facts of a person: FORBIDDEN to a role that never reads them (about anyone but
 * itself), otherwise shown only where the person is seen in full; every read is audited (one
 * record per request lists the persons whose private facts it read).
 */
export function privateFactsShown(ctx: Ctx, view: Person): boolean {
  ctx.auth.signedIn();
  if (!ctx.auth.isSelf(view.id) && !ctx.auth.has('person:readPrivate')) {
    throw forbidden(msg('无权查看此人的社会关系、利益关联和出生日期', "You may not see this person's relations, interest ties or birth date"));
  }
  const shown = readsPrivateFacts(ctx, view);
  if (shown) ctx.notePrivateRead([view.id]);
  return shown;
}

/**
 * Whether the account may read private facts of the person with this id, when known without
 * waiting (no account, self, no permission, the person already seen in full); undefined otherwise.
 */
function readsPrivateFactsKnown(ctx: Ctx, personId: string): boolean | undefined {
  if (!ctx.account) return false;
  if (ctx.auth.isSelf(personId)) return true;
  if (!ctx.auth.has('person:readPrivate')) return false;
  return fullIds(ctx).has(personId) ? true : undefined;
}

/** Whether the account may read private facts of the person with this id (for guards of relations, findings). */
export async function readsPrivateFactsOf(ctx: Ctx, personId: string): Promise<boolean> {
  const known = readsPrivateFactsKnown(ctx, personId);
  if (known !== undefined) return known;
  const p = await rows(ctx).load(personId);
  return !!p && (await personLevel(ctx, p)) === Level.FULL;
}

/** A post is read where its person is seen in full. */
export const employmentGuard: Guard<{ personId: string }> = {
  view(ctx, e) {
    if (fullIds(ctx).has(e.personId)) return e;
    return rows(ctx)
      .load(e.personId)
      .then(async (p) => (p && (await personLevel(ctx, p)) === Level.FULL ? e : null));
  },
};

/**
 * A relation or an interest tie is read with its person's private facts; reading a relation
 * makes its other person readable at PATH level (id, name, region) for the rest of the request.
 */
export const privateFactGuard: Guard<{ personId: string; relatedPersonId?: string }> = {
  view(ctx, fact) {
    const shown = (yes: boolean) => {
      if (!yes) return null;
      grantPath(ctx, [fact.relatedPersonId]);
      return fact;
    };
    const known = readsPrivateFactsKnown(ctx, fact.personId);
    return known !== undefined ? shown(known) : readsPrivateFactsOf(ctx, fact.personId).then(shown);
  },
};
