/**
 * Spreadsheets laid out for the organization department's cadre files: the roster of a region's
 * pools (组长库、副组长库、人才库名册), and one person's inspection record (巡察履历: rounds,
 * roles, teams, targets, evaluations). For printing: A4, a title, a date line, bordered tables.
 */
import ExcelJS from 'exceljs';
import { Ctx } from '../context';
import { Level } from '../access/levels';
import { Employment } from '../people/employment.entity';
import { Person } from '../people/person.entity';
import { requirePerson } from '../people/people.service';
import { PoolEntry, PoolEntrySpecialty, PoolKind } from '../pools/pool.entity';
import { allSpecialties } from '../pools/pools.service';
import { canReadRound, readsWholeRound } from '../rounds/access';
import { Evaluation } from '../rounds/record.entity';
import { Round, RoundStatus } from '../rounds/round.entity';
import { countsAsServed, SERVED_SQL } from '../rounds/rules/lifecycle';
import { Team, TeamMembership, TeamTarget } from '../rounds/team.entity';
import { Region } from '../regions/region.entity';
import { requireRegion } from '../regions/regions.service';
import { Unit } from '../units/unit.entity';
import { readByKeys } from './lookup';
import { GENDER_WORDS, GRADE_WORDS, joinList, POOL_STATUS_WORDS, RANK_WORDS, ROLE_WORDS } from './rules/vocabulary';

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const month = (date: string | null) => (date ? `${date.slice(0, 4)}.${date.slice(5, 7)}` : '');

/** A printable sheet: a title row, lines under it (the last one right-aligned), a bordered table with its header. */
function table(wb: ExcelJS.Workbook, name: string, title: string, lines: string[], headers: { header: string; width: number }[], rows: (string | number)[][]) {
  const headRow = 2 + lines.length;
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, printTitlesRow: `${headRow}:${headRow}` },
    views: [{ state: 'frozen', ySplit: headRow }],
  });
  const width = headers.length;
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getRow(1).height = 28;
  lines.forEach((text, i) => {
    ws.mergeCells(2 + i, 1, 2 + i, width);
    ws.getCell(2 + i, 1).value = text;
    ws.getCell(2 + i, 1).alignment = { horizontal: i === lines.length - 1 ? 'right' : 'left' };
  });
  const head = ws.getRow(headRow);
  head.values = headers.map((h) => h.header);
  head.font = { bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  headers.forEach((h, i) => (ws.getColumn(i + 1).width = h.width));
  for (const r of rows) ws.addRow(r).alignment = { vertical: 'middle', wrapText: true };
  for (let row = headRow; row <= headRow + rows.length; row++) for (let col = 1; col <= width; col++) ws.getCell(row, col).border = BORDER;
  return ws;
}

/** Each person's current posts as "unit post、unit post". */
async function currentPosts(ctx: Ctx, personIds: string[]): Promise<Map<string, string>> {
  const rows = await readByKeys(personIds, (part) =>
    ctx.em
      .createQueryBuilder()
      .select(['e.person_id AS personId', 'u.name AS unit', 'e.post AS post'])
      .from(Employment, 'e')
      .innerJoin(Unit, 'u', 'u.id = e.unit_id')
      .where('e.person_id IN (:...part)', { part })
      .andWhere('e.ended_on IS NULL')
      .orderBy('e.started_on')
      .getRawMany<{ personId: string; unit: string; post: string }>(),
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.personId, [...(out.get(r.personId) ?? []), `${r.unit}${r.post}`]);
  return new Map([...out].map(([k, v]) => [k, joinList(v)]));
}

const POOL_SHEETS: { pool: PoolKind; name: string }[] = [
  { pool: PoolKind.GROUP_LEADER, name: '组长库' },
  { pool: PoolKind.DEPUTY_LEADER, name: '副组长库' },
  { pool: PoolKind.SPECIALIST, name: '人才库' },
];

/** The roster of the region's own pools: one sheet per pool, entries in force or suspended. */
export async function poolRoster(ctx: Ctx, regionId: string): Promise<{ body: Buffer; title: string }> {
  ctx.auth.require('pool:read');
  ctx.auth.require('person:readPrivate');
  const region = await requireRegion(ctx, regionId, 'regionId');
  const entries = await ctx.em
    .createQueryBuilder(PoolEntry, 'e')
    .where('e.region_id = :region', { region: region.id })
    .andWhere('e.status IN (:...statuses)', { statuses: ['ACTIVE', 'SUSPENDED'] })
    .orderBy('e.created_at')
    .addOrderBy('e.id')
    .getMany();
  const personIds = [...new Set(entries.map((e) => e.personId))];
  const [persons, specialtyRows, specialties, posts, served] = await Promise.all([
    readByKeys(personIds, (part) => ctx.em.createQueryBuilder(Person, 'p').where('p.id IN (:...part)', { part }).getMany()),
    readByKeys(entries.map((e) => e.id), (part) => ctx.em.createQueryBuilder(PoolEntrySpecialty, 's').where('s.entry_id IN (:...part)', { part }).getMany()),
    allSpecialties(ctx),
    currentPosts(ctx, personIds),
    readByKeys(personIds, (part) =>
      ctx.em
        .createQueryBuilder()
        .select(['m.person_id AS personId', 'COUNT(DISTINCT m.round_id) AS n'])
        .from(TeamMembership, 'm')
        .innerJoin(Round, 'r', 'r.id = m.round_id')
        .where('m.person_id IN (:...part)', { part })
        .andWhere('r.status = :closed', { closed: RoundStatus.CLOSED })
        .andWhere(SERVED_SQL)
        .groupBy('m.person_id')
        .getRawMany<{ personId: string; n: number | string }>(),
    ),
  ]);
  const personOf = new Map(persons.map((p) => [p.id, p]));
  const nameOf = new Map(specialties.map((s) => [s.code, s.nameZh]));
  const codesOf = new Map<string, string[]>();
  for (const s of specialtyRows) codesOf.set(s.entryId, [...(codesOf.get(s.entryId) ?? []), nameOf.get(s.specialtyCode) ?? s.specialtyCode]);
  const servedOf = new Map(served.map((s) => [s.personId, Number(s.n)]));

  const title = `${region.name}巡察人才库名册`;
  const wb = new ExcelJS.Workbook();
  wb.creator = region.name;
  const dated = `制表日期：${ctx.clock.today()}`;
  for (const { pool, name } of POOL_SHEETS) {
    const rows = entries
      .filter((e) => e.pool === pool)
      .map((e, i) => {
        const p = personOf.get(e.personId)!;
        return [
          i + 1,
          p.name,
          p.gender ? GENDER_WORDS.write[p.gender] : '',
          month(p.birthDate),
          posts.get(p.id) ?? '',
          p.rank ? RANK_WORDS.write[p.rank] : '',
          p.fullTimeInspector ? '专职' : '抽调',
          joinList(codesOf.get(e.id) ?? []),
          POOL_STATUS_WORDS.write[e.status],
          servedOf.get(p.id) ?? 0,
          p.code ?? '',
        ];
      });
    table(
      wb,
      name,
      `${region.name}巡察${name}名册`,
      [dated],
      [
        { header: '序号', width: 6 },
        { header: '姓名', width: 10 },
        { header: '性别', width: 6 },
        { header: '出生年月', width: 10 },
        { header: '工作单位及职务', width: 36 },
        { header: '职级', width: 10 },
        { header: '专职／抽调', width: 10 },
        { header: '专业', width: 18 },
        { header: '状态', width: 8 },
        { header: '参加巡察（轮）', width: 10 },
        { header: '编号', width: 12 },
      ],
      rows,
    );
  }
  return { body: Buffer.from(await wb.xlsx.writeBuffer()), title };
}

/**
 * One person's inspection record: every round (not called off) the account may read that the
 * person served in, with role, team, targets, period and the latest evaluation (shown to readers
 * of the whole round).
 */
export async function inspectionRecord(ctx: Ctx, personId: string): Promise<{ body: Buffer; title: string }> {
  ctx.auth.require('person:read');
  ctx.auth.require('round:read');
  const person = await requirePerson(ctx, personId, undefined, Level.FULL);
  const memberships = await ctx.em.find(TeamMembership, { where: { personId: person.id }, order: { joinedOn: 'ASC', id: 'ASC' } });
  const roundIds = [...new Set(memberships.map((m) => m.roundId))];
  const [rounds, teams, targets, evaluations, posts, region] = await Promise.all([
    readByKeys(roundIds, (part) => ctx.em.createQueryBuilder(Round, 'r').where('r.id IN (:...part)', { part }).getMany()),
    readByKeys(memberships.map((m) => m.teamId), (part) => ctx.em.createQueryBuilder(Team, 't').where('t.id IN (:...part)', { part }).getMany()),
    readByKeys(memberships.map((m) => m.teamId), (part) =>
      ctx.em
        .createQueryBuilder()
        .select(['tt.team_id AS teamId', 'u.name AS unit'])
        .from(TeamTarget, 'tt')
        .innerJoin(Unit, 'u', 'u.id = tt.unit_id')
        .where('tt.team_id IN (:...part)', { part })
        .orderBy('tt.id')
        .getRawMany<{ teamId: string; unit: string }>(),
    ),
    readByKeys(memberships.map((m) => m.id), (part) =>
      ctx.em.createQueryBuilder(Evaluation, 'e').where('e.membership_id IN (:...part)', { part }).orderBy('e.evaluated_at').addOrderBy('e.id').getMany(),
    ),
    currentPosts(ctx, [person.id]),
    ctx.em.findOneBy(Region, { id: person.regionId }),
  ]);
  const roundOf = new Map(rounds.map((r) => [r.id, r]));
  const teamOf = new Map(teams.map((t) => [t.id, t]));
  const latest = new Map<string, Evaluation>();
  for (const e of evaluations) latest.set(e.membershipId, e);

  const rows: (string | number)[][] = [];
  for (const m of memberships) {
    const round = roundOf.get(m.roundId);
    // Rounds served only: not called off, not withdrawn before stationing.
    if (!round || !countsAsServed(m, round.status) || !(await canReadRound(ctx, round))) continue;
    const e = (await readsWholeRound(ctx, round)) ? latest.get(m.id) : undefined;
    rows.push([
      rows.length + 1,
      round.name,
      teamOf.get(m.teamId)?.name ?? '',
      ROLE_WORDS.write[m.role],
      joinList(targets.filter((t) => t.teamId === m.teamId).map((t) => t.unit)),
      `${round.startsOn}至${round.endsOn}`,
      `${m.joinedOn}至${m.leftOn ?? round.endsOn}${m.leftOn && m.leftReason ? `（${m.leftReason}）` : ''}`,
      e ? GRADE_WORDS.write[e.grade] : '',
      e?.comment ?? '',
    ]);
  }
  const title = `${person.name}巡察工作履历`;
  const wb = new ExcelJS.Workbook();
  wb.creator = region?.name ?? '';
  const about = [
    `姓名：${person.name}`,
    `性别：${person.gender ? GENDER_WORDS.write[person.gender] : ''}`,
    `出生年月：${month(person.birthDate)}`,
    `职级：${person.rank ? RANK_WORDS.write[person.rank] : ''}`,
    `编号：${person.code ?? ''}`,
  ].join('　　');
  table(
    wb,
    '巡察履历',
    title,
    [about, `现工作单位及职务：${posts.get(person.id) ?? ''}　　${person.fullTimeInspector ? '专职巡察干部' : '抽调干部'}`, `制表日期：${ctx.clock.today()}`],
    [
      { header: '序号', width: 6 },
      { header: '轮次', width: 30 },
      { header: '巡察组', width: 12 },
      { header: '组内职务', width: 10 },
      { header: '巡察对象', width: 36 },
      { header: '进驻时间', width: 24 },
      { header: '在组时间', width: 28 },
      { header: '评价等次', width: 10 },
      { header: '评价意见', width: 30 },
    ],
    rows,
  );
  return { body: Buffer.from(await wb.xlsx.writeBuffer()), title };
}
