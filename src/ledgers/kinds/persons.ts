/**
 * 人员台账: a person per row, matched within the region's subtree by 编号 (code), else by 姓名 +
 * 出生日期 (two matches are an error naming both); new persons are kept by the region. An empty
 * cell leaves the stored value as it is (clearing is a correction through the API).
 */
import { Ctx } from '../../context';
import { Person, personName, Gender as GenderEnum, Rank as RankEnum } from '../../people/person.entity';
import { rankChangeRefusal, OpenLead } from '../../people/rules/corrections';
import { openLeadsOf } from '../../rounds/person-facts';
import { Region } from '../../regions/region.entity';
import { Cells, insertsAndUpdates, LedgerKind, Outcome, PERSON_REF_NOTES } from '../ledger';
import { ambiguous, chunked, PersonIndex, personsByKeys, regionsByKeys } from '../lookup';
import { GENDER_WORDS, RANK_WORDS, YES_NO } from '../rules/vocabulary';

const C = {
  code: '编号',
  name: '姓名',
  gender: '性别',
  birthDate: '出生日期',
  hometown: '籍贯',
  rank: '职级',
  fullTime: '专职巡察干部',
  promoted: '提拔日期',
  reserve: '年轻后备干部',
};

type Fields = Pick<Person, 'name' | 'gender' | 'birthDate' | 'hometownRegionId' | 'rank' | 'fullTimeInspector' | 'newlyPromotedOn' | 'youngReserve' | 'code'>;

export const personsKind: LedgerKind = {
  name: 'persons',
  sheet: {
    name: '人员',
    title: '人员台账导入模板',
    instructions: [
      '每行一名人员。按“编号”识别已有人员；未填编号时按“姓名＋出生日期”识别，找不到则新增。',
      '空白单元格表示不修改已有信息（新增人员时取默认值）；清除某项请在系统中更正。',
      '日期格式 YYYY-MM-DD（如 1980-05-01），也可使用日期格式的单元格。',
    ],
    columns: [
      { header: C.code, note: PERSON_REF_NOTES.code },
      { header: C.name, required: true, note: '人员姓名' },
      { header: C.gender, note: `可填：${GENDER_WORDS.words.join('、')}` },
      { header: C.birthDate, note: PERSON_REF_NOTES.birthDate },
      { header: C.hometown, note: '籍贯所在地区的名称（如 城关镇）或地区代码；同名地区请填代码' },
      { header: C.rank, note: `可填：${Object.values(RANK_WORDS.write).join('、')}（副县级、正县级亦可）` },
      { header: C.fullTime, note: '是／否，默认否' },
      { header: C.promoted, note: '最近一次提拔的日期（新提拔干部），YYYY-MM-DD' },
      { header: C.reserve, note: '是／否，默认否' },
    ],
  },
  example: ['A0001', '张伟', '男', '1980-05-01', '城关镇', '正科级', '是', '2024-03-01', '否'],
  importPermission: 'person:write',
  exportPermissions: ['person:read', 'person:readPrivate'],

  async plan(ctx, { region, table, errors }) {
    const rows = table.rows.map((data) => {
      const c = new Cells(data, errors);
      return {
        row: data.row,
        code: c.text(C.code, 50),
        name: c.required(C.name, 100),
        gender: c.word(C.gender, GENDER_WORDS),
        birthDate: c.date(C.birthDate),
        hometown: c.text(C.hometown, 100),
        rank: c.word(C.rank, RANK_WORDS),
        fullTime: c.flag(C.fullTime),
        promoted: c.date(C.promoted),
        reserve: c.flag(C.reserve),
      };
    });
    const today = ctx.clock.today();
    for (const r of rows) {
      if (r.birthDate && r.birthDate > today) errors.add(r.row, C.birthDate, { zh: '出生日期不能晚于今天', en: 'The birth date cannot be in the future' });
      if (r.promoted && r.promoted > today) errors.add(r.row, C.promoted, { zh: '提拔日期不能晚于今天', en: 'The promotion date cannot be in the future' });
    }

    const [existing, places] = await Promise.all([
      personsByKeys(ctx, region, rows.flatMap((r) => (r.code ? [r.code] : [])), rows.flatMap((r) => (r.name ? [r.name] : []))),
      regionsByKeys(ctx, rows.flatMap((r) => (r.hometown ? [r.hometown] : []))),
    ]);
    const index = new PersonIndex(existing);
    const hometownOf = (text: string): Region | null | 'ambiguous' => {
      const byCode = places.find((g) => g.code === text);
      if (byCode) return byCode;
      const named = places.filter((g) => g.name === text);
      return named.length === 1 ? named[0] : named.length > 1 ? 'ambiguous' : null;
    };

    const outcomes = new Map<number, Outcome>();
    const inserts: Person[] = [];
    const updates: { id: string; changes: Partial<Fields & Pick<Person, 'nameSort'>> }[] = [];
    const seen = new Map<string, number>();
    const codesTaken = new Map<string, string>(existing.filter((p) => p.regionId === region.id && p.code).map((p) => [p.code!, p.id]));
    const lowered: { row: number; person: Person; rank: RankEnum | null }[] = [];

    for (const r of rows) {
      if (!r.name) continue;
      let hometownRegionId: string | null | undefined;
      if (r.hometown) {
        const g = hometownOf(r.hometown);
        if (g === 'ambiguous') errors.add(r.row, C.hometown, { zh: `有多个名为“${r.hometown}”的地区，请填地区代码`, en: `Several regions are called "${r.hometown}"; give the region code` });
        else if (!g) errors.add(r.row, C.hometown, { zh: `没有名称或代码为“${r.hometown}”的地区`, en: `No region named or coded "${r.hometown}"` });
        else hometownRegionId = g.id;
      }
      // The same person twice in the file.
      const key = r.code ? `code:${r.code}` : `name:${r.name}|${r.birthDate ?? ''}`;
      const first = seen.get(key);
      if (first !== undefined) {
        errors.add(r.row, r.code ? C.code : C.name, { zh: `与第${first}行是同一人员`, en: `The same person as row ${first}` });
        continue;
      }
      seen.set(key, r.row);

      let match: Person | null = null;
      if (r.code) {
        const byCode = index.withCode(r.code);
        if (byCode.length > 1) {
          errors.add(r.row, C.code, ambiguous(byCode));
          continue;
        }
        match = byCode[0] ?? null;
        if (!match) {
          const uncoded = index.withNameAndBirth(r.name, r.birthDate).filter((p) => !p.code);
          if (uncoded.length > 1) {
            errors.add(r.row, C.name, ambiguous(uncoded));
            continue;
          }
          match = uncoded[0] ?? null;
        }
      } else {
        const hits = index.withNameAndBirth(r.name, r.birthDate);
        if (hits.length > 1) {
          errors.add(r.row, C.name, ambiguous(hits));
          continue;
        }
        match = hits[0] ?? null;
      }

      const given: Partial<Fields> = {};
      given.name = r.name;
      if (r.gender) given.gender = r.gender as GenderEnum;
      if (r.birthDate) given.birthDate = r.birthDate;
      if (hometownRegionId !== undefined) given.hometownRegionId = hometownRegionId;
      if (r.rank) given.rank = r.rank as RankEnum;
      if (r.fullTime !== null) given.fullTimeInspector = r.fullTime;
      if (r.promoted) given.newlyPromotedOn = r.promoted;
      if (r.reserve !== null) given.youngReserve = r.reserve;
      if (r.code) given.code = r.code;

      const ownerRegion = match?.regionId ?? region.id;
      if (r.code && ownerRegion === region.id) {
        const holder = codesTaken.get(r.code);
        if (holder && holder !== match?.id) {
          errors.add(r.row, C.code, { zh: `本地区已有编号为“${r.code}”的其他人员`, en: `Another person of this region has the code "${r.code}"` });
          continue;
        }
      }

      if (!match) {
        const person = Object.assign(new Person(), {
          regionId: region.id,
          ...personName(r.name),
          gender: given.gender ?? null,
          birthDate: given.birthDate ?? null,
          hometownRegionId: given.hometownRegionId ?? null,
          rank: given.rank ?? null,
          fullTimeInspector: given.fullTimeInspector ?? false,
          newlyPromotedOn: given.newlyPromotedOn ?? null,
          youngReserve: given.youngReserve ?? false,
          code: given.code ?? null,
        });
        inserts.push(person);
        if (person.code) codesTaken.set(person.code, person.id);
        outcomes.set(r.row, 'created');
        continue;
      }
      const changes = Object.fromEntries(
        Object.entries(given).filter(([k, v]) => (match as unknown as Record<string, unknown>)[k] !== v),
      ) as Partial<Fields>;
      if (Object.keys(changes).length === 0) {
        outcomes.set(r.row, 'unchanged');
        continue;
      }
      if (changes.rank !== undefined) lowered.push({ row: r.row, person: match, rank: changes.rank });
      if (changes.code) codesTaken.set(changes.code, match.id);
      updates.push({ id: match.id, changes: changes.name === undefined ? changes : { ...changes, ...personName(changes.name) } });
      outcomes.set(r.row, 'updated');
    }

    // A new rank may not fall below the floor of a team the person leads in a round not closed.
    for (const l of lowered) {
      const why = rankChangeRefusal(l.person.name, l.rank, (await openLeadsOf(ctx, l.person.id)) as OpenLead[]);
      if (why) errors.add(l.row, C.rank, why);
    }

    return { outcomes, write: insertsAndUpdates(Person, inserts, updates) };
  },

  async exportRows(ctx, region) {
    const persons = await ctx.em
      .getRepository(Person)
      .createQueryBuilder('p')
      .innerJoin(Region, 'g', 'g.id = p.region_id')
      .where('g.path LIKE :path', { path: `${region.path}%` })
      .orderBy('p.code')
      .addOrderBy('p.name_sort')
      .addOrderBy('p.id')
      .getMany();
    const homes = await hometownWords(ctx, persons.map((p) => p.hometownRegionId).filter((id): id is string => !!id));
    return persons.map((p) => [
      p.code ?? '',
      p.name,
      p.gender ? GENDER_WORDS.write[p.gender] : '',
      p.birthDate ?? '',
      p.hometownRegionId ? (homes.get(p.hometownRegionId) ?? '') : '',
      p.rank ? RANK_WORDS.write[p.rank] : '',
      YES_NO.write[p.fullTimeInspector ? 'YES' : 'NO'],
      p.newlyPromotedOn ?? '',
      YES_NO.write[p.youngReserve ? 'YES' : 'NO'],
    ]);
  },
};

/** How each hometown is written: its name where no other region has it, else its code. */
async function hometownWords(ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(ids)];
  for (const part of chunked(unique)) {
    const rows: { id: string; code: string; name: string; same: number | string }[] = await ctx.em
      .createQueryBuilder()
      .select('g.id', 'id')
      .addSelect('g.code', 'code')
      .addSelect('g.name', 'name')
      .addSelect('(SELECT COUNT(*) FROM regions o WHERE o.name = g.name)', 'same')
      .from(Region, 'g')
      .where('g.id IN (:...part)', { part })
      .getRawMany();
    for (const r of rows) out.set(r.id, Number(r.same) > 1 ? r.code : r.name);
  }
  return out;
}
