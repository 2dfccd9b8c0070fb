/**
 * 社会关系台账: a relation per row, "亲属 is 本人's 关系" (e.g. 父亲), by the two persons' codes or
 * names and birth dates. Kinship words map onto the relation kinds (rules/vocabulary.ts); a
 * relation is stored once per pair and kind, so the same tie written from either side is one.
 */
import { Person } from '../../people/person.entity';
import { Relation } from '../../people/relation.entity';
import { canonicalPair, inverseKind, RELATION_LABELS } from '../../people/rules/relation-kinds';
import { Region } from '../../regions/region.entity';
import { Cells, insertsAndUpdates, LedgerKind, Outcome, personColumns, PERSON_REF_NOTES } from '../ledger';
import { personIndexFor, readByKeys } from '../lookup';
import { KINSHIP_WORDS } from '../rules/vocabulary';

const A = personColumns('本人');
const B = personColumns('亲属');
const KIND = '关系';

const key = (r: { personId: string; relatedPersonId: string; kind: string }) => `${r.personId}|${r.relatedPersonId}|${r.kind}`;

export const relationsKind: LedgerKind = {
  name: 'relations',
  sheet: {
    name: '社会关系',
    title: '社会关系导入模板',
    instructions: [
      '每行一条关系：“亲属”是“本人”的“关系”所填之人，如 本人 张伟、关系 父亲、亲属 张建国。',
      '两人都须已在本地区登记，按编号或“姓名＋出生日期”识别。同一对人员、同一关系从哪一方填写都只记一条。',
      `关系可填称谓，如：配偶、父亲、母亲、儿子、女儿、哥哥、妹妹、祖父、外孙女、伯父、姑姑、侄子、外甥、堂兄、表兄弟、岳父、公公、儿媳、女婿、姐夫、嫂子、小舅子、伯母、舅妈、同学、老师、密友等；称谓只确定关系类别，不修改人员性别。`,
    ],
    columns: [
      { header: A.code, note: PERSON_REF_NOTES.code },
      { header: A.name, note: PERSON_REF_NOTES.name },
      { header: A.birthDate, note: PERSON_REF_NOTES.birthDate },
      { header: KIND, required: true, note: `亲属是本人的何人。类别：${Object.values(RELATION_LABELS).map((l) => l.zh).join('、')}；也可填具体称谓（见上）` },
      { header: B.code, note: PERSON_REF_NOTES.code },
      { header: B.name, note: PERSON_REF_NOTES.name },
      { header: B.birthDate, note: PERSON_REF_NOTES.birthDate },
    ],
  },
  example: ['A0001', '张伟', '1980-05-01', '父亲', 'A0002', '张建国', '1952-03-08'],
  importPermission: 'person:write',
  exportPermissions: ['person:read', 'person:readPrivate'],

  async plan(ctx, { region, table, errors }) {
    const rows = table.rows.map((data) => {
      const c = new Cells(data, errors);
      return {
        row: data.row,
        a: c.personRef('本人'),
        kind: c.word(KIND, KINSHIP_WORDS, true),
        b: c.personRef('亲属'),
      };
    });
    const people = await personIndexFor(ctx, region, rows.flatMap((r) => [r.a, r.b]));

    const resolved: { row: number; personId: string; relatedPersonId: string; kind: Relation['kind'] }[] = [];
    for (const r of rows) {
      const ends = ([[r.a, A], [r.b, B]] as const).map(([ref, cols]) => {
        if (!ref.name && !ref.code) return null;
        const found = people.resolve(ref);
        if (!found.ok) {
          errors.add(r.row, found.column === 'code' ? cols.code : cols.name, found.message);
          return null;
        }
        return found.value;
      });
      const [a, b] = ends;
      if (!a || !b || !r.kind) continue;
      if (a.id === b.id) {
        errors.add(r.row, B.name, { zh: '不能与本人建立关系', en: 'A person cannot be related to themselves' });
        continue;
      }
      resolved.push({ row: r.row, ...canonicalPair(a.id, b.id, r.kind) });
    }
    const existing = new Set<string>();
    const ids = [...new Set(resolved.flatMap((r) => [r.personId, r.relatedPersonId]))];
    // Stored once with the lower id first: the pair's first person holds it.
    const stored = await readByKeys(ids, (part) =>
      ctx.em
        .createQueryBuilder()
        .select(['r.person_id AS personId', 'r.related_person_id AS relatedPersonId', 'r.kind AS kind'])
        .from(Relation, 'r')
        .where('r.person_id IN (:...part)', { part })
        .getRawMany<{ personId: string; relatedPersonId: string; kind: string }>(),
    );
    for (const rel of stored) existing.add(key(rel));

    const outcomes = new Map<number, Outcome>();
    const inserts: Relation[] = [];
    for (const r of resolved) {
      if (existing.has(key(r))) {
        outcomes.set(r.row, 'unchanged');
        continue;
      }
      existing.add(key(r));
      inserts.push(Object.assign(new Relation(), { personId: r.personId, relatedPersonId: r.relatedPersonId, kind: r.kind }));
      outcomes.set(r.row, 'created');
    }
    return { outcomes, write: insertsAndUpdates(Relation, inserts, []) };
  },

  async exportRows(ctx, region) {
    // Relations whose two persons are both kept in the region (another region's person is not the office's to name).
    const rows: Record<string, string | null>[] = await ctx.em
      .createQueryBuilder()
      .select(['a.code AS aCode', 'a.name AS aName', 'a.birth_date AS aBirth', 'r.kind AS kind', 'b.code AS bCode', 'b.name AS bName', 'b.birth_date AS bBirth'])
      .from(Relation, 'r')
      .innerJoin(Person, 'a', 'a.id = r.person_id')
      .innerJoin(Person, 'b', 'b.id = r.related_person_id')
      .innerJoin(Region, 'ga', 'ga.id = a.region_id')
      .innerJoin(Region, 'gb', 'gb.id = b.region_id')
      .where('ga.path LIKE :path AND gb.path LIKE :path', { path: `${region.path}%` })
      .orderBy('a.code')
      .addOrderBy('a.name_sort')
      .addOrderBy('r.id')
      .getRawMany();
    // Each relation from the side whose person comes first by code, name and birth date, so that
    // the same records give the same file whatever their ids.
    return rows
      .map((r) => {
        const a = [r.aCode ?? '', r.aName ?? '', r.aBirth ?? ''];
        const b = [r.bCode ?? '', r.bName ?? '', r.bBirth ?? ''];
        const kind = r.kind as Relation['kind'];
        return a.join('\u0000') <= b.join('\u0000') ? [...a, KINSHIP_WORDS.write[kind], ...b] : [...b, KINSHIP_WORDS.write[inverseKind(kind)], ...a];
      })
      .sort((x, y) => (x.join('\u0000') < y.join('\u0000') ? -1 : 1));
  },
};
