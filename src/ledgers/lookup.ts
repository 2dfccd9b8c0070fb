/**
 * Batched look-ups for a ledger import: the rows a file names, read by their keys in chunks
 * (persons by code and by name, units by name, within the region's subtree), so that the reads
 * grow with the file, not with the database.
 */
import { Brackets, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Ctx } from '../context';
import type { Msg } from '../common/i18n';
import { Person } from '../people/person.entity';
import { Region } from '../regions/region.entity';
import { Unit } from '../units/unit.entity';

/** Keys per statement: far below SQLite's limit of host parameters. */
export const CHUNK = 500;

export function chunked<T>(xs: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** Runs `read` per chunk of distinct keys and concatenates the rows. */
export async function readByKeys<K, T>(keys: Iterable<K>, read: (chunk: K[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunked([...new Set(keys)])) out.push(...(await read(part)));
  return out;
}

/** Multi-row inserts, a chunk per statement. */
export async function insertChunks<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, rows: readonly T[]) {
  for (const part of chunked(rows)) await em.createQueryBuilder().insert().into(entity).values(part as T[]).updateEntity(false).execute();
}

/** The persons of the region's subtree that these references may name (by code, else by name). */
export async function personIndexFor(ctx: Ctx, region: Region, refs: readonly PersonRef[]): Promise<PersonIndex> {
  const codes = refs.flatMap((r) => (r.code ? [r.code] : []));
  const names = refs.flatMap((r) => (r.name && !r.code ? [r.name] : []));
  return new PersonIndex(await personsByKeys(ctx, region, codes, names));
}

/** Persons of the region's subtree with one of these codes or names. */
export async function personsByKeys(ctx: Ctx, region: Region, codes: Iterable<string>, names: Iterable<string>): Promise<Person[]> {
  const base = () =>
    ctx.em
      .getRepository(Person)
      .createQueryBuilder('p')
      .innerJoin(Region, 'g', 'g.id = p.region_id')
      .where('g.path LIKE :path', { path: `${region.path}%` });
  const found = new Map<string, Person>();
  for (const p of await readByKeys(codes, (part) => base().andWhere('p.code IN (:...part)', { part }).getMany())) found.set(p.id, p);
  for (const p of await readByKeys(names, (part) => base().andWhere('p.name IN (:...part)', { part }).getMany())) found.set(p.id, p);
  return [...found.values()];
}

/** Units of the region's subtree with one of these names. */
export async function unitsByNames(ctx: Ctx, region: Region, names: Iterable<string>): Promise<Unit[]> {
  return readByKeys(names, (part) =>
    ctx.em
      .getRepository(Unit)
      .createQueryBuilder('u')
      .innerJoin(Region, 'g', 'g.id = u.region_id')
      .where('g.path LIKE :path', { path: `${region.path}%` })
      .andWhere('u.name IN (:...part)', { part })
      .getMany(),
  );
}

/** Regions anywhere (hometowns may lie outside the account's regions) with one of these codes or names. */
export async function regionsByKeys(ctx: Ctx, keys: Iterable<string>): Promise<Region[]> {
  return readByKeys(keys, (part) =>
    ctx.em
      .getRepository(Region)
      .createQueryBuilder('g')
      .where(new Brackets((w) => w.where('g.code IN (:...part)', { part }).orWhere('g.name IN (:...part)', { part })))
      .getMany(),
  );
}

/** How a row names a person: by code, or by name and birth date. */
export interface PersonRef {
  code: string | null;
  name: string | null;
  birthDate: string | null;
}

export type Found<T> = { ok: true; value: T } | { ok: false; column: 'code' | 'name'; message: Msg };

const nameKey = (name: string, birthDate: string | null) => `${name}|${birthDate ?? ''}`;

function describe(p: Person): string {
  return p.code ? `${p.name}（编号${p.code}）` : `${p.name}（${p.birthDate ?? '未登记出生日期'}）`;
}
function describeEn(p: Person): string {
  return p.code ? `${p.name} (code ${p.code})` : `${p.name} (${p.birthDate ?? 'no birth date'})`;
}

export function ambiguous(ps: readonly Person[]): Msg {
  return {
    zh: `有${ps.length}名人员符合：${ps.map(describe).join('、')}，请填写编号以区分`,
    en: `${ps.length} persons match: ${ps.map(describeEn).join(', ')}; give the code to tell them apart`,
  };
}

/** The persons of a region's subtree that a file names, indexed by code and by name + birth date. */
export class PersonIndex {
  private readonly byCode = new Map<string, Person[]>();
  private readonly byName = new Map<string, Person[]>();

  constructor(persons: readonly Person[]) {
    for (const p of persons) this.add(p);
  }

  add(p: Person) {
    if (p.code) this.byCode.set(p.code, [...(this.byCode.get(p.code) ?? []), p]);
    const k = nameKey(p.name, p.birthDate);
    this.byName.set(k, [...(this.byName.get(k) ?? []), p]);
  }

  withCode(code: string): Person[] {
    return this.byCode.get(code) ?? [];
  }

  withNameAndBirth(name: string, birthDate: string | null): Person[] {
    return this.byName.get(nameKey(name, birthDate)) ?? [];
  }

  /** The one person a reference names, or why not (unknown, ambiguous, or a name that is not the code's). */
  resolve(ref: PersonRef): Found<Person> {
    if (ref.code) {
      const hits = this.withCode(ref.code);
      if (hits.length === 0) {
        return { ok: false, column: 'code', message: { zh: `未找到编号为“${ref.code}”的人员`, en: `No person with the code "${ref.code}"` } };
      }
      if (hits.length > 1) return { ok: false, column: 'code', message: ambiguous(hits) };
      if (ref.name && hits[0].name !== ref.name) {
        return {
          ok: false,
          column: 'name',
          message: { zh: `编号“${ref.code}”的人员是${hits[0].name}，不是${ref.name}`, en: `The code "${ref.code}" is ${hits[0].name}'s, not ${ref.name}'s` },
        };
      }
      return { ok: true, value: hits[0] };
    }
    if (!ref.name) return { ok: false, column: 'name', message: { zh: '须填写编号或姓名', en: 'Give the code or the name' } };
    const hits = this.withNameAndBirth(ref.name, ref.birthDate);
    if (hits.length === 1) return { ok: true, value: hits[0] };
    if (hits.length > 1) return { ok: false, column: 'name', message: ambiguous(hits) };
    return {
      ok: false,
      column: 'name',
      message: {
        zh: `未找到${ref.name}${ref.birthDate ? `（出生日期${ref.birthDate}）` : '（未填出生日期）'}`,
        en: `No person ${ref.name}${ref.birthDate ? ` born on ${ref.birthDate}` : ' without a birth date'}`,
      },
    };
  }
}

/** Units by name; a name held by several units of the subtree is ambiguous. */
export class UnitIndex {
  private readonly byName = new Map<string, Unit[]>();
  constructor(units: readonly Unit[]) {
    for (const u of units) this.byName.set(u.name, [...(this.byName.get(u.name) ?? []), u]);
  }
  resolve(name: string): { ok: true; value: Unit } | { ok: false; message: Msg } {
    const hits = this.byName.get(name) ?? [];
    if (hits.length === 1) return { ok: true, value: hits[0] };
    if (hits.length === 0) return { ok: false, message: { zh: `本地区没有名为“${name}”的单位`, en: `No unit called "${name}" in this region` } };
    return { ok: false, message: { zh: `本地区有${hits.length}个名为“${name}”的单位，无法区分`, en: `${hits.length} units of this region are called "${name}"` } };
  }
}
