/**
 * 人才库名册: a person's entry in one of the region's pools, with its status and specialties as
 * the office's ledger has them. An entry is known by person and pool (one per pool and region);
 * every change an import makes is kept in the entry's history like any other, with the file
 * named as its reason.
 */
import { Ctx } from '../../context';
import { meetsRankFloor, RANK_NAMES } from '../../people/rules/rank';
import { Person } from '../../people/person.entity';
import { PoolEntry, PoolEntryEvent, PoolEntrySpecialty, PoolEntryStatus, PoolKind, Specialty } from '../../pools/pool.entity';
import { POOL_RANK_FLOOR } from '../../pools/rules/pool-entry';
import { allSpecialties } from '../../pools/pools.service';
import { Unit } from '../../units/unit.entity';
import { Cells, LedgerKind, Outcome, personColumns, PERSON_REF_NOTES } from '../ledger';
import { insertChunks, personIndexFor, readByKeys, UnitIndex, unitsByNames } from '../lookup';
import { joinList, POOL_STATUS_WORDS, POOL_WORDS, splitList } from '../rules/vocabulary';

const P = personColumns();
const C = { pool: '人才库', status: '状态', specialties: '专业', unit: '推荐单位' };

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export const poolEntriesKind: LedgerKind = {
  name: 'pool-entries',
  sheet: {
    name: '人才库',
    title: '人才库名册导入模板（组长库、副组长库、人才库）',
    instructions: [
      '每行一名人员在本地区一个库中的条目；同一人员、同一库只有一条，再次导入可更新状态、专业和推荐单位。',
      '人员按编号或“姓名＋出生日期”识别，须已在本地区登记。组长库、副组长库“在库”人员须为副科级及以上。',
      '专业填中文名称，多个用顿号分隔，如：财务、审计。',
    ],
    columns: [
      { header: P.code, note: PERSON_REF_NOTES.code },
      { header: P.name, note: PERSON_REF_NOTES.name },
      { header: P.birthDate, note: PERSON_REF_NOTES.birthDate },
      { header: C.pool, required: true, note: `可填：${Object.values(POOL_WORDS.write).join('、')}` },
      { header: C.status, required: true, note: `可填：${Object.values(POOL_STATUS_WORDS.write).join('、')}` },
      { header: C.specialties, note: '专业中文名称，多个用顿号分隔（见系统专业列表，如 纪检监察、财务、审计）', width: 24 },
      { header: C.unit, note: '推荐单位全称（可空）', width: 24 },
    ],
  },
  example: ['A0001', '张伟', '1980-05-01', '组长库', '在库', '财务、审计', '东安县财政局'],
  importPermission: 'pool:enroll',
  exportPermissions: ['pool:read', 'person:readPrivate'],

  async plan(ctx, { region, table, errors, fileName }) {
    const specialties = await allSpecialties(ctx);
    const specialtyOf = new Map<string, string>();
    for (const s of specialties) {
      specialtyOf.set(s.nameZh, s.code);
      specialtyOf.set(s.code, s.code);
    }
    const rows = table.rows.map((data) => {
      const c = new Cells(data, errors);
      const words = splitList(c.text(C.specialties, 400) ?? '');
      const codes = words.map((w) => specialtyOf.get(w) ?? c.fail(C.specialties, { zh: `没有名为“${w}”的专业`, en: `No specialty called "${w}"` }));
      return {
        row: data.row,
        ref: c.personRef(),
        pool: c.word(C.pool, POOL_WORDS, true),
        status: c.word(C.status, POOL_STATUS_WORDS, true),
        // Empty: as stored (none for a new entry); null: a word that is no specialty.
        specialties: words.length === 0 ? undefined : codes.every((x) => x !== null) ? [...new Set(codes as string[])] : null,
        unit: c.text(C.unit),
      };
    });
    const [people, units] = await Promise.all([
      personIndexFor(ctx, region, rows.map((r) => r.ref)),
      unitsByNames(ctx, region, rows.flatMap((r) => (r.unit ? [r.unit] : []))),
    ]);
    const unitIndex = new UnitIndex(units);

    const resolved: { row: number; person: Person; pool: PoolKind; status: PoolEntryStatus; specialties: string[] | undefined; unitId: string | null | undefined }[] = [];
    for (const r of rows) {
      const person = r.ref.name || r.ref.code ? people.resolve(r.ref) : null;
      if (person && !person.ok) errors.add(r.row, person.column === 'code' ? P.code : P.name, person.message);
      let unitId: string | undefined;
      if (r.unit) {
        const u = unitIndex.resolve(r.unit);
        if (!u.ok) errors.add(r.row, C.unit, u.message);
        else unitId = u.value.id;
      }
      if (!person?.ok || !r.pool || !r.status || r.specialties === null || (r.unit && !unitId)) continue;
      const leads = r.pool === 'GROUP_LEADER' || r.pool === 'DEPUTY_LEADER';
      if (leads && r.status === 'ACTIVE' && !meetsRankFloor(person.value.rank, POOL_RANK_FLOOR)) {
        const has = person.value.rank ? RANK_NAMES[person.value.rank] : { zh: '未登记', en: 'not recorded' };
        errors.add(r.row, C.status, {
          zh: `${POOL_WORDS.write[r.pool]}在库人员须为${RANK_NAMES[POOL_RANK_FLOOR].zh}及以上，${person.value.name}的职级为${has.zh}`,
          en: `Active entries of the ${r.pool === 'GROUP_LEADER' ? 'group-leader' : 'deputy-leader'} pool need ${RANK_NAMES[POOL_RANK_FLOOR].en} or above; ${person.value.name}'s rank is ${has.en}`,
        });
        continue;
      }
      resolved.push({ row: r.row, person: person.value, pool: r.pool as PoolKind, status: r.status as PoolEntryStatus, specialties: r.specialties, unitId });
    }

    const entries = await readByKeys(resolved.map((r) => r.person.id), (part) =>
      ctx.em.createQueryBuilder(PoolEntry, 'e').where('e.person_id IN (:...part)', { part }).andWhere('e.region_id = :region', { region: region.id }).getMany(),
    );
    const entryOf = new Map(entries.map((e) => [`${e.personId}|${e.pool}`, e]));
    const stored = new Map<string, string[]>();
    for (const s of await readByKeys(entries.map((e) => e.id), (part) => ctx.em.createQueryBuilder(PoolEntrySpecialty, 's').where('s.entry_id IN (:...part)', { part }).getMany())) {
      stored.set(s.entryId, [...(stored.get(s.entryId) ?? []), s.specialtyCode]);
    }

    const now = ctx.clock.now();
    const reason = `台账导入：${fileName}`.slice(0, 500);
    const outcomes = new Map<number, Outcome>();
    const inserts: PoolEntry[] = [];
    const updates: { entry: PoolEntry; changes: Partial<PoolEntry>; specialties: string[] | null }[] = [];
    const newSpecialties: PoolEntrySpecialty[] = [];
    const events: PoolEntryEvent[] = [];
    const event = (entryId: string, from: PoolEntryStatus | null, to: PoolEntryStatus, codes: string[]) =>
      Object.assign(new PoolEntryEvent(), { entryId, fromStatus: from, toStatus: to, reason, specialties: codes.join(','), accountId: ctx.account?.id ?? null, at: now });
    const seen = new Map<string, number>();
    for (const r of resolved) {
      const k = `${r.person.id}|${r.pool}`;
      const first = seen.get(k);
      if (first !== undefined) {
        errors.add(r.row, C.pool, { zh: `与第${first}行是同一条目`, en: `The same entry as row ${first}` });
        continue;
      }
      seen.set(k, r.row);
      const entry = entryOf.get(k);
      if (!entry) {
        const created = Object.assign(new PoolEntry(), { personId: r.person.id, regionId: region.id, pool: r.pool, status: r.status, recommendedByUnitId: r.unitId ?? null, createdAt: now, updatedAt: now });
        inserts.push(created);
        for (const code of r.specialties ?? []) newSpecialties.push(Object.assign(new PoolEntrySpecialty(), { entryId: created.id, specialtyCode: code }));
        events.push(event(created.id, null, r.status, r.specialties ?? []));
        outcomes.set(r.row, 'created');
        continue;
      }
      const had = stored.get(entry.id) ?? [];
      const changes: Partial<PoolEntry> = {};
      if (entry.status !== r.status) changes.status = r.status;
      if (r.unitId !== undefined && r.unitId !== entry.recommendedByUnitId) changes.recommendedByUnitId = r.unitId;
      const specialtiesChange = r.specialties !== undefined && !sameSet(had, r.specialties);
      if (Object.keys(changes).length === 0 && !specialtiesChange) {
        outcomes.set(r.row, 'unchanged');
        continue;
      }
      updates.push({ entry, changes: { ...changes, updatedAt: now }, specialties: specialtiesChange ? r.specialties! : null });
      events.push(event(entry.id, entry.status, r.status, specialtiesChange ? r.specialties! : had));
      outcomes.set(r.row, 'updated');
    }
    return {
      outcomes,
      async write(tx: Ctx) {
        const specialtyRows = [...newSpecialties];
        await insertChunks(tx.em, PoolEntry, inserts);
        for (const u of updates) {
          await tx.em.update(PoolEntry, { id: u.entry.id }, u.changes);
          if (u.specialties) {
            await tx.em.delete(PoolEntrySpecialty, { entryId: u.entry.id });
            for (const code of u.specialties) specialtyRows.push(Object.assign(new PoolEntrySpecialty(), { entryId: u.entry.id, specialtyCode: code }));
          }
        }
        await insertChunks(tx.em, PoolEntrySpecialty, specialtyRows);
        await insertChunks(tx.em, PoolEntryEvent, events);
      },
    };
  },

  async exportRows(ctx, region) {
    const [specialties, entries] = await Promise.all([
      allSpecialties(ctx),
      ctx.em
        .createQueryBuilder()
        .select(['e.id AS id', 'p.code AS code', 'p.name AS name', 'p.birth_date AS birthDate', 'e.pool AS pool', 'e.status AS status', 'u.name AS unit'])
        .from(PoolEntry, 'e')
        .innerJoin(Person, 'p', 'p.id = e.person_id')
        .leftJoin(Unit, 'u', 'u.id = e.recommended_by_unit_id')
        .where('e.region_id = :region', { region: region.id })
        .orderBy('e.pool')
        .addOrderBy('p.code')
        .addOrderBy('p.name_sort')
        .addOrderBy('e.id')
        .getRawMany<{ id: string; code: string | null; name: string; birthDate: string | null; pool: PoolKind; status: PoolEntryStatus; unit: string | null }>(),
    ]);
    const nameOf = new Map(specialties.map((s: Specialty) => [s.code, s.nameZh]));
    const codes = new Map<string, string[]>();
    for (const s of await readByKeys(entries.map((e) => e.id), (part) => ctx.em.createQueryBuilder(PoolEntrySpecialty, 's').where('s.entry_id IN (:...part)', { part }).getMany())) {
      codes.set(s.entryId, [...(codes.get(s.entryId) ?? []), s.specialtyCode]);
    }
    return entries.map((e) => [
      e.code ?? '',
      e.name,
      e.birthDate ?? '',
      POOL_WORDS.write[e.pool],
      POOL_STATUS_WORDS.write[e.status],
      joinList((codes.get(e.id) ?? []).map((c) => nameOf.get(c) ?? c)),
      e.unit ?? '',
    ]);
  },
};
