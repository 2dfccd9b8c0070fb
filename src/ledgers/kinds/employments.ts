/**
 * 任职台账 (履历): a post per row. A post is known by its person, unit, 职务 and 任职开始; a row
 * naming a known post may change whether it is a leadership post and when it ended.
 */
import { Employment } from '../../people/employment.entity';
import { Person } from '../../people/person.entity';
import { Region } from '../../regions/region.entity';
import { Unit } from '../../units/unit.entity';
import { Cells, insertsAndUpdates, LedgerKind, Outcome, personColumns, PERSON_REF_NOTES } from '../ledger';
import { personIndexFor, readByKeys, UnitIndex, unitsByNames } from '../lookup';
import { YES_NO } from '../rules/vocabulary';

const P = personColumns();
const C = { unit: '单位', post: '职务', leadership: '领导班子成员', startedOn: '任职开始', endedOn: '任职结束' };

const key = (personId: string, unitId: string, post: string, startedOn: string) => `${personId}|${unitId}|${post}|${startedOn}`;

export const employmentsKind: LedgerKind = {
  name: 'employments',
  sheet: {
    name: '任职',
    title: '任职经历（履历）导入模板',
    instructions: [
      '每行一段任职经历。同一人员、单位、职务、任职开始日期的记录视为同一条，可更新“领导班子成员”和“任职结束”。',
      '人员按“编号”识别，未填编号时按“姓名＋出生日期”识别；人员须已在本地区登记（可先导入人员台账）。',
      '单位按名称在本地区（含下级地区）查找。日期格式 YYYY-MM-DD；仍在任填“至今”或留空。',
    ],
    columns: [
      { header: P.code, note: PERSON_REF_NOTES.code },
      { header: P.name, note: PERSON_REF_NOTES.name },
      { header: P.birthDate, note: PERSON_REF_NOTES.birthDate },
      { header: C.unit, required: true, note: '任职单位的全称，如 东安县财政局', width: 24 },
      { header: C.post, required: true, note: '职务，如 副局长', width: 16 },
      { header: C.leadership, note: '是／否（领导班子成员），默认否' },
      { header: C.startedOn, required: true, note: 'YYYY-MM-DD' },
      { header: C.endedOn, note: 'YYYY-MM-DD；仍在任填“至今”或留空' },
    ],
  },
  example: ['A0001', '张伟', '1980-05-01', '东安县财政局', '副局长', '是', '2019-01-01', '至今'],
  importPermission: 'person:write',
  exportPermissions: ['person:read', 'person:readPrivate'],

  async plan(ctx, { region, table, errors }) {
    const rows = table.rows.map((data) => {
      const c = new Cells(data, errors);
      return {
        row: data.row,
        ref: c.personRef(),
        unit: c.required(C.unit),
        post: c.required(C.post, 100),
        leadership: c.flag(C.leadership),
        startedOn: c.date(C.startedOn, true),
        endedOn: c.endDate(C.endedOn),
      };
    });
    const [people, units] = await Promise.all([
      personIndexFor(ctx, region, rows.map((r) => r.ref)),
      unitsByNames(ctx, region, rows.flatMap((r) => (r.unit ? [r.unit] : []))),
    ]);
    const unitIndex = new UnitIndex(units);

    const resolved: { row: number; person: Person; unit: Unit; post: string; startedOn: string; leadership: boolean | null; endedOn: string | null | undefined }[] = [];
    for (const r of rows) {
      const person = r.ref.name || r.ref.code ? people.resolve(r.ref) : null;
      if (person && !person.ok) errors.add(r.row, person.column === 'code' ? P.code : P.name, person.message);
      const unit = r.unit ? unitIndex.resolve(r.unit) : null;
      if (unit && !unit.ok) errors.add(r.row, C.unit, unit.message);
      if (person?.ok && unit?.ok && r.post && r.startedOn) {
        resolved.push({ row: r.row, person: person.value, unit: unit.value, post: r.post, startedOn: r.startedOn, leadership: r.leadership, endedOn: r.endedOn });
      }
    }
    // Raw rows: thousands of posts are read here, and entities would cost more than the query.
    const existing = new Map<string, Pick<Employment, 'id' | 'leadership' | 'endedOn'>>();
    const stored = await readByKeys(resolved.map((r) => r.person.id), (part) =>
      ctx.em
        .createQueryBuilder()
        .select(['e.id AS id', 'e.person_id AS personId', 'e.unit_id AS unitId', 'e.post AS post', 'e.started_on AS startedOn', 'e.ended_on AS endedOn', 'e.leadership AS leadership'])
        .from(Employment, 'e')
        .where('e.person_id IN (:...part)', { part })
        .getRawMany<{ id: string; personId: string; unitId: string; post: string; startedOn: string; endedOn: string | null; leadership: number | boolean }>(),
    );
    for (const e of stored) existing.set(key(e.personId, e.unitId, e.post, e.startedOn), { id: e.id, endedOn: e.endedOn, leadership: Number(e.leadership) === 1 });

    const outcomes = new Map<number, Outcome>();
    const inserts: Employment[] = [];
    const updates: { id: string; changes: Partial<Employment> }[] = [];
    const seen = new Map<string, number>();
    for (const r of resolved) {
      const k = key(r.person.id, r.unit.id, r.post, r.startedOn);
      const first = seen.get(k);
      if (first !== undefined) {
        errors.add(r.row, C.post, { zh: `与第${first}行是同一任职记录`, en: `The same post as row ${first}` });
        continue;
      }
      seen.set(k, r.row);
      const stored = existing.get(k);
      const endedOn = r.endedOn === undefined ? (stored?.endedOn ?? null) : r.endedOn;
      if (endedOn !== null && endedOn < r.startedOn) {
        errors.add(r.row, C.endedOn, { zh: `任职结束 ${endedOn} 早于任职开始 ${r.startedOn}`, en: `The end ${endedOn} is before the start ${r.startedOn}` });
        continue;
      }
      if (!stored) {
        inserts.push(Object.assign(new Employment(), { personId: r.person.id, unitId: r.unit.id, post: r.post, leadership: r.leadership ?? false, startedOn: r.startedOn, endedOn }));
        outcomes.set(r.row, 'created');
        continue;
      }
      const changes: Partial<Employment> = {};
      if (r.leadership !== null && r.leadership !== stored.leadership) changes.leadership = r.leadership;
      if (endedOn !== stored.endedOn) changes.endedOn = endedOn;
      if (Object.keys(changes).length === 0) outcomes.set(r.row, 'unchanged');
      else {
        updates.push({ id: stored.id, changes });
        outcomes.set(r.row, 'updated');
      }
    }
    return { outcomes, write: insertsAndUpdates(Employment, inserts, updates) };
  },

  async exportRows(ctx, region) {
    const rows: { code: string | null; name: string; birthDate: string | null; unit: string; post: string; leadership: boolean | number; startedOn: string; endedOn: string | null }[] = await ctx.em
      .createQueryBuilder()
      .select(['p.code AS code', 'p.name AS name', 'p.birth_date AS birthDate', 'u.name AS unit', 'e.post AS post', 'e.leadership AS leadership', 'e.started_on AS startedOn', 'e.ended_on AS endedOn'])
      .from(Employment, 'e')
      .innerJoin(Person, 'p', 'p.id = e.person_id')
      .innerJoin(Region, 'g', 'g.id = p.region_id')
      .innerJoin(Unit, 'u', 'u.id = e.unit_id')
      .where('g.path LIKE :path', { path: `${region.path}%` })
      .orderBy('p.code')
      .addOrderBy('p.name_sort')
      .addOrderBy('p.id')
      .addOrderBy('e.started_on')
      .addOrderBy('e.id')
      .getRawMany();
    return rows.map((r) => [r.code ?? '', r.name, r.birthDate ?? '', r.unit, r.post, YES_NO.write[Number(r.leadership) === 1 || r.leadership === true ? 'YES' : 'NO'], r.startedOn, r.endedOn ?? '至今']);
  },
};
