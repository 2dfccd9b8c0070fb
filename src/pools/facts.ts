/**
 * What other features need to know about pools: each person's entries with the path of the
 * pool's region and the entry's specialties (the team rules judge pool membership from them).
 */
import DataLoader from 'dataloader';
import { Ctx } from '../context';

/** A person's pool entry with its region's path and its specialties. */
export interface EntryRow {
  personId: string;
  pool: string;
  status: string;
  regionPath: string;
  specialties: string[];
}

/** Every pool entry of each person (one statement per batch). */
export function poolFactsOfPerson(ctx: Ctx): DataLoader<string, EntryRow[]> {
  return ctx.loader('pools:poolFactsOfPerson', () =>
    new DataLoader<string, EntryRow[]>(async (ids) => {
      const rows = await ctx.em
        .createQueryBuilder()
        .select('e.id', 'id')
        .addSelect('e.person_id', 'personId')
        .addSelect('e.pool', 'pool')
        .addSelect('e.status', 'status')
        .addSelect('g.path', 'regionPath')
        .addSelect('s.specialty_code', 'specialty')
        .from('pool_entries', 'e')
        .innerJoin('regions', 'g', 'g.id = e.region_id')
        .leftJoin('pool_entry_specialties', 's', 's.entry_id = e.id')
        .where('e.person_id IN (:...ids)', { ids: [...ids] })
        .getRawMany<{ id: string; personId: string; pool: string; status: string; regionPath: string; specialty: string | null }>();
      const entries = new Map<string, EntryRow>();
      for (const r of rows) {
        let e = entries.get(r.id);
        if (!e) entries.set(r.id, (e = { personId: r.personId, pool: r.pool, status: r.status, regionPath: r.regionPath, specialties: [] }));
        if (r.specialty) e.specialties.push(r.specialty);
      }
      const out = new Map<string, EntryRow[]>(ids.map((id) => [id, []]));
      for (const e of entries.values()) out.get(e.personId)?.push(e);
      return ids.map((id) => out.get(id)!);
    }),
  );
}

/**
 * An SQL condition with its parameters: the person whose id is in `personIdColumn` has an entry
 * (any status) in a pool of a region under `regionPath` (a subquery of the caller's statement).
 */
export function inPoolUnder(personIdColumn: string, regionPath: string, name = 'inPoolPath'): [string, Record<string, string>] {
  return [
    `EXISTS (SELECT 1 FROM pool_entries ipe INNER JOIN regions ipr ON ipr.id = ipe.region_id WHERE ipe.person_id = ${personIdColumn} AND ipr.path LIKE :${name})`,
    { [name]: `${regionPath}%` },
  ];
}
