import { startTestServer, TestServer } from '../support/server';
import { ok } from '../support/graphql-client';
import { basicRegions, createPerson, createUnit } from '../support/fixtures';
import { csvFile, download, Encoding, imported, postImport, sheetRows, xlsxFile } from '../support/ledgers';
import { rowCounts } from '../support/rows';

/** Ledger imports and exports over HTTP: every kind, both formats, both encodings, errors, access. */
let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
let office: string;
const TODAY = '2025-06-02';

const HEAD = {
  persons: ['编号', '姓名', '性别', '出生日期', '籍贯', '职级', '专职巡察干部', '提拔日期', '年轻后备干部'],
  employments: ['编号', '姓名', '出生日期', '单位', '职务', '领导班子成员', '任职开始', '任职结束'],
  relations: ['本人编号', '本人姓名', '本人出生日期', '关系', '亲属编号', '亲属姓名', '亲属出生日期'],
  'pool-entries': ['编号', '姓名', '出生日期', '人才库', '状态', '专业', '推荐单位'],
  rounds: ['年度', '轮次', '巡察类型', '主题', '进驻开始', '进驻结束', '巡察组', '巡察对象', '编号', '姓名', '出生日期', '组内职务', '加入日期', '离开日期', '离开原因', '评价等次', '评价意见'],
};
type Kind = keyof typeof HEAD;

const PERSONS = [
  ['DA-01', '张伟', '男', '1975-05-01', '城关镇', '正科级', '是', '', '否'],
  ['DA-02', '李娜', '女', '1978-02-03', '', '副科级', '否', '2024-03-01', '是'],
  ['', '王芳', '女', '1990-07-20', '', '科员', '', '', ''],
  ['', '张建国', '男', '1950-01-09', '', '', '', '', ''],
];
const EMPLOYMENTS = [
  ['DA-01', '张伟', '', '东安县财政局', '副局长', '是', '2015-01-01', '2020-12-31'],
  ['DA-01', '张伟', '', '东安县审计局', '局长', '是', '2021-01-01', '至今'],
  ['', '王芳', '1990-07-20', '东安县审计局', '科员', '', '2016-08-01', ''],
];
const RELATIONS = [
  ['DA-01', '张伟', '', '父亲', '', '张建国', '1950-01-09'],
  ['', '王芳', '1990-07-20', '表兄弟', 'DA-01', '张伟', ''],
  ['DA-02', '李娜', '', '伯母', '', '王芳', '1990-07-20'],
];
const POOLS = [
  ['DA-01', '张伟', '', '组长库', '在库', '', ''],
  ['DA-02', '李娜', '', '副组长库', '暂停', '', '东安县财政局'],
  ['', '王芳', '1990-07-20', '人才库', '在库', '财务、审计', ''],
];
const ROUNDS = [
  ['2024', '1', '常规', '', '2024-03-01', '2024-04-30', '第一巡察组', '东安县财政局、城关镇党委', 'DA-01', '张伟', '', '组长', '', '', '', '优秀', '组织有力'],
  ['2024', '1', '常规', '', '2024-03-01', '2024-04-30', '第一巡察组', '', 'DA-02', '李娜', '', '副组长', '', '2024-04-01', '原单位召回', '称职', ''],
  ['2024', '1', '常规', '', '2024-03-01', '2024-04-30', '第一巡察组', '', '', '王芳', '1990-07-20', '组员', '', '', '', '', ''],
  ['2024', '2', '专项', '乡村振兴', '2024-06-01', '2024-07-15', '第二巡察组', '东安县审计局', '', '王芳', '1990-07-20', '组员', '2024-06-10', '', '', '基本称职', ''],
];

const FORMATS: { name: string; file: (rows: string[][]) => Promise<Buffer> }[] = [
  { name: 'xlsx with date cells', file: (rows) => xlsxFile(rows, { dateCells: true }) },
  ...(['utf-8', 'utf-8-bom', 'gb18030'] as Encoding[]).map((e) => ({ name: `csv ${e}`, file: async (rows: string[][]) => csvFile(rows, e) })),
];

beforeAll(async () => {
  t = await startTestServer({ today: TODAY });
  r = await basicRegions(t);
  office = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyA]);
  await createUnit(t, r.countyA, '东安县财政局');
  await createUnit(t, r.countyA, '东安县审计局');
  await createUnit(t, r.townA, '城关镇党委', 'TOWNSHIP');
  await createUnit(t, r.countyB, '西平县财政局');
});
afterAll(() => t.close());

const PERSON_Q = `query($f: PersonFilter!) { persons(filter: $f, first: 50) { edges { node { code name gender birthDate rank fullTimeInspector youngReserve newlyPromotedOn
  hometown { name } employments { post leadership startedOn endedOn unit { name } } relations { kind relatedPerson { name } }
  teamHistory { role joinedOn leftOn leftReason team { name round { name status } targets { name } } evaluation { grade comment } } } } } }`;
const personsOfA = async () =>
  Object.fromEntries((await t.admin(PERSON_Q, { f: { regionId: r.countyA } })).persons.edges.map((e: { node: { name: string } }) => [e.node.name, e.node])) as Record<string, any>;

describe('each kind, from both formats and both encodings', () => {
  const order: [Kind, string[][], number][] = [
    ['persons', PERSONS, 4],
    ['employments', EMPLOYMENTS, 3],
    ['relations', RELATIONS, 3],
    ['pool-entries', POOLS, 3],
    ['rounds', ROUNDS, 4],
  ];
  test.each(order)('%s: the first file creates, the same rows in every other format change nothing', async (kind, rows, n) => {
    const [first, ...rest] = FORMATS;
    const made = await imported(t, kind, r.countyA, await first.file([HEAD[kind], ...rows]), { token: office, fileName: `${kind}台账.xlsx` });
    expect(made).toEqual({ kind, rows: n, created: n, updated: 0, unchanged: 0, errors: [] });
    for (const format of rest) {
      const again = await imported(t, kind, r.countyA, await format.file([HEAD[kind], ...rows]), { token: office });
      expect([format.name, again]).toEqual([format.name, { kind, rows: n, created: 0, updated: 0, unchanged: n, errors: [] }]);
    }
  });

  test('what the files said is what the service holds', async () => {
    const p = await personsOfA();
    expect(p['张伟']).toMatchObject({ code: 'DA-01', gender: 'MALE', birthDate: '1975-05-01', rank: 'SECTION', fullTimeInspector: true, hometown: { name: '城关镇' } });
    expect(p['李娜']).toMatchObject({ code: 'DA-02', rank: 'DEPUTY_SECTION', newlyPromotedOn: '2024-03-01', youngReserve: true });
    expect(p['王芳']).toMatchObject({ code: null, rank: 'STAFF', fullTimeInspector: false });
    expect(p['张伟'].employments).toEqual([
      { post: '副局长', leadership: true, startedOn: '2015-01-01', endedOn: '2020-12-31', unit: { name: '东安县财政局' } },
      { post: '局长', leadership: true, startedOn: '2021-01-01', endedOn: null, unit: { name: '东安县审计局' } },
    ]);
    // Gendered words give the kind only: 父亲 is PARENT and leaves 张建国's gender as recorded.
    expect(p['张伟'].relations).toEqual(expect.arrayContaining([{ kind: 'PARENT', relatedPerson: { name: '张建国' } }, { kind: 'COUSIN', relatedPerson: { name: '王芳' } }]));
    expect(p['王芳'].gender).toBe('FEMALE');
    expect(p['李娜'].relations).toEqual([{ kind: 'OTHER_IN_LAW', relatedPerson: { name: '王芳' } }]);
    const entries = (await t.admin('query($f: PoolEntryFilter!) { poolEntries(filter: $f, first: 10) { edges { node { pool status specialties person { name } } } } }', { f: { regionId: r.countyA } })).poolEntries.edges.map((e: any) => e.node);
    expect(entries).toEqual(
      expect.arrayContaining([
        { pool: 'GROUP_LEADER', status: 'ACTIVE', specialties: [], person: { name: '张伟' } },
        { pool: 'DEPUTY_LEADER', status: 'SUSPENDED', specialties: [], person: { name: '李娜' } },
        { pool: 'SPECIALIST', status: 'ACTIVE', specialties: expect.arrayContaining(['FINANCE', 'AUDIT']), person: { name: '王芳' } },
      ]),
    );
    expect(p['张伟'].teamHistory).toEqual([
      { role: 'LEADER', joinedOn: '2024-03-01', leftOn: null, leftReason: null, team: { name: '第一巡察组', round: { name: '2024年第1轮常规巡察', status: 'CLOSED' }, targets: [{ name: '东安县财政局' }, { name: '城关镇党委' }] }, evaluation: { grade: 'EXCELLENT', comment: '组织有力' } },
    ]);
    expect(p['李娜'].teamHistory[0]).toMatchObject({ role: 'DEPUTY_LEADER', leftOn: '2024-04-01', leftReason: '原单位召回', evaluation: { grade: 'COMPETENT' } });
    expect(p['王芳'].teamHistory.map((m: any) => [m.team.round.name, m.joinedOn])).toEqual([
      ['2024年第1轮常规巡察', '2024-03-01'],
      ['2024年第2轮专项巡察（乡村振兴）', '2024-06-10'],
    ]);
    // Past rounds are history: not judged again (no pool or composition rule shows).
    const team = p['王芳'].teamHistory[0].team.name;
    expect(team).toBe('第一巡察组');
  });

  test('a changed value updates, an empty cell keeps what is stored, and each import is one audit record', async () => {
    const rows = [HEAD.persons, ['DA-01', '张伟', '', '', '', '副处级', '', '', ''], ['', '王芳', '女', '1990-07-20', '', '', '', '', '']];
    const report = await imported(t, 'persons', r.countyA, csvFile(rows), { token: office, fileName: '人员更正.csv' });
    expect(report).toMatchObject({ rows: 2, created: 0, updated: 1, unchanged: 1 });
    const p = await personsOfA();
    expect(p['张伟']).toMatchObject({ rank: 'DEPUTY_DIVISION', birthDate: '1975-05-01', gender: 'MALE' });
    const audit = (await t.admin('query { auditLog(first: 1, filter: { kind: MUTATION }) { edges { node { operation note targetIds } } } }')).auditLog.edges[0].node;
    expect(audit).toEqual({ operation: 'importLedger', note: 'persons 人员更正.csv: rows 2, created 0, updated 1, unchanged 1', targetIds: [r.countyA] });
    // A post's new end updates it.
    const ended = await imported(t, 'employments', r.countyA, csvFile([HEAD.employments, ['', '王芳', '1990-07-20', '东安县审计局', '科员', '', '2016-08-01', '2025-05-31']]), { token: office });
    expect(ended).toMatchObject({ updated: 1 });
  });
});

describe('errors', () => {
  test('every problem of every row is reported at once, and nothing is written', async () => {
    const before = await rowCounts(t);
    const rows = [
      HEAD.employments,
      ['DA-01', '张伟', '', '东安县财政局', '科员', '否', '2019-13-01', ''],
      ['', '查无此人', '1960-01-01', '不存在的局', '', '', '2020-01-01', ''],
      ['DA-01', '张伟', '', '东安县财政局', '会计', '也许', '2020-01-01', '2019-01-01'],
      ['DA-01', '张伟', '', '东安县财政局', '出纳', '', '2018-01-01', ''],
    ];
    for (const dryRun of [true, false]) {
      const { status, json } = await postImport(t, 'employments', r.countyA, csvFile(rows, 'gb18030'), { token: office, dryRun });
      expect(status).toBe(200);
      expect(json.errors.map((e: any) => [e.row, e.column])).toEqual([
        [1, '任职开始'],
        [2, '姓名'],
        [2, '单位'],
        [2, '职务'],
        [3, '领导班子成员'],
        [3, '任职结束'],
      ]);
      expect(json.errors[1].message).toBe('未找到查无此人（出生日期1960-01-01）');
      expect(json).toMatchObject({ rows: 4, created: 0, updated: 0, unchanged: 0 });
    }
    expect(await rowCounts(t)).toEqual(before);
    // In English when asked.
    const en = await postImport(t, 'employments', r.countyA, csvFile(rows), { token: office, lang: 'en' });
    expect(en.json.errors[1].message).toBe('No person 查无此人 born on 1960-01-01');
  });

  test('a dry run reports what would happen and writes nothing', async () => {
    const before = await rowCounts(t);
    const { json } = await postImport(t, 'persons', r.countyA, csvFile([HEAD.persons, ['DA-09', '新人甲', '男', '1995-01-01', '', '', '', '', '']]), { token: office, dryRun: true });
    expect(json).toEqual({ kind: 'persons', rows: 1, created: 1, updated: 0, unchanged: 0, errors: [] });
    expect(await rowCounts(t)).toEqual(before);
  });

  test('ambiguous and unknown persons: two matches name both, a missing column is reported', async () => {
    await createPerson(t, r.countyA, '刘洋', { birthDate: '1988-08-08' });
    await createPerson(t, r.countyA, '刘洋', { birthDate: '1988-08-08', code: 'DA-77' });
    const emp = await postImport(t, 'employments', r.countyA, csvFile([HEAD.employments, ['', '刘洋', '1988-08-08', '东安县财政局', '科员', '', '2020-01-01', '']]), { token: office });
    expect(emp.json.errors).toEqual([{ row: 1, column: '姓名', message: '有2名人员符合：刘洋（1988-08-08）、刘洋（编号DA-77），请填写编号以区分' }]);
    const persons = await postImport(t, 'persons', r.countyA, csvFile([HEAD.persons, ['', '刘洋', '', '1988-08-08', '', '', '', '', '']]), { token: office });
    expect(persons.json.errors[0]).toMatchObject({ row: 1, column: '姓名', message: expect.stringContaining('DA-77') });
    const wrongName = await postImport(t, 'pool-entries', r.countyA, csvFile([HEAD['pool-entries'], ['DA-77', '刘阳', '', '人才库', '在库', '', '']]), { token: office });
    expect(wrongName.json.errors).toEqual([{ row: 1, column: '姓名', message: '编号“DA-77”的人员是刘洋，不是刘阳' }]);
    const noColumn = await postImport(t, 'relations', r.countyA, csvFile([['本人姓名', '亲属姓名'], ['张伟', '王芳']]), { token: office });
    expect(noColumn.json.errors).toEqual([{ row: 0, column: '关系', message: '文件缺少此列（请使用导入模板）' }]);
    // The office gives the namesake a code: the ledgers tell them apart from then on.
    const uncoded = (await t.admin('query($f: PersonFilter!) { persons(filter: $f, first: 5) { edges { node { id code } } } }', { f: { regionId: r.countyA, nameContains: '刘洋' } })).persons.edges.find((e: any) => !e.node.code).node.id;
    ok(await t.gql('mutation($i: UpdatePersonInput!) { updatePerson(input: $i) { person { id } } }', { i: { personId: uncoded, code: 'DA-78' } }, { token: office }));
    // A code alone names the person.
    expect(await imported(t, 'employments', r.countyA, csvFile([HEAD.employments, ['DA-78', '', '', '东安县财政局', '科员', '', '2020-01-01', '']]), { token: office })).toMatchObject({ created: 1 });
    const notAFile = await postImport(t, 'persons', r.countyA, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), { token: office });
    expect([notAFile.status, notAFile.json.code]).toEqual([400, 'BAD_USER_INPUT']);
  });

  test('a round ledger that double-books someone, or a round not yet over, is refused', async () => {
    const rows = [
      HEAD.rounds,
      ['2024', '3', '常规', '', '2024-09-01', '2024-10-31', '第一巡察组', '东安县财政局', 'DA-01', '张伟', '', '组长', '', '', '', '', ''],
      ['2024', '3', '常规', '', '2024-09-01', '2024-10-31', '第二巡察组', '东安县审计局', 'DA-01', '张伟', '', '组员', '', '', '', '', ''],
      ['2024', '4', '常规', '', '2024-10-15', '2024-11-30', '第一巡察组', '城关镇党委', '', '王芳', '1990-07-20', '组员', '', '', '', '', ''],
      ['2024', '5', '常规', '', '2024-10-20', '2024-11-30', '第一巡察组', '', '', '王芳', '1990-07-20', '组员', '', '', '', '', ''],
      ['2024', '1', '常规', '', '2024-03-01', '2024-04-30', '第三巡察组', '', '', '张建国', '1950-01-09', '组员', '', '', '', '', ''],
      ['2025', '9', '常规', '', '2025-05-01', '2025-07-31', '第一巡察组', '', 'DA-02', '李娜', '', '组员', '', '', '', '', ''],
    ];
    const { json } = await postImport(t, 'rounds', r.countyA, csvFile(rows), { token: office });
    expect(json.errors.map((e: any) => [e.row, e.column])).toEqual([
      [2, '姓名'],
      [4, '姓名'],
      [6, '进驻结束'],
    ]);
    expect(json.errors[0].message).toContain('张伟在本轮已登记（第1行）');
    expect(json.errors[1].message).toContain('王芳同期已在2024年第4轮');
    // Row 5: 张建国 joins round 1 of 2024, already recorded, while 王芳's stay then is not touched.
    const rounds = await t.admin('query($f: RoundFilter!) { rounds(filter: $f, first: 20) { totalCount } }', { f: { regionId: r.countyA } });
    expect(rounds.rounds.totalCount).toBe(2);
  });
});

describe('access', () => {
  test('only offices of the region import; another county\'s people are unknown; exports need the read rights', async () => {
    const officeB = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyB]);
    const inspector = await t.tokenFor(['INSPECTOR'], [r.countyA], await createPerson(t, r.countyA, '某巡察干部'));
    const head = await t.tokenFor(['LEADING_GROUP_HEAD'], [r.countyA]);
    const file = csvFile([HEAD.persons, ['X-1', '某人', '', '', '', '', '', '', '']]);
    const other = await postImport(t, 'persons', r.countyA, file, { token: officeB });
    const random = await postImport(t, 'persons', '0198a0a0-0000-7000-8000-000000000000', file, { token: officeB });
    expect([other.status, other.json.code, other.json.field]).toEqual([400, 'BAD_USER_INPUT', 'regionId']);
    expect(other.json.message.replace(r.countyA, 'ID')).toBe(random.json.message.replace('0198a0a0-0000-7000-8000-000000000000', 'ID'));
    expect((await postImport(t, 'persons', r.countyA, file, { token: inspector })).status).toBe(403);
    expect((await postImport(t, 'rounds', r.countyA, file, { token: await t.tokenFor(['ORG_DEPARTMENT'], [r.countyA]) })).status).toBe(403);
    expect((await fetch(`${t.url}/imports/persons?regionId=${r.countyA}`, { method: 'POST', body: file })).status).toBe(401);

    await createPerson(t, r.countyB, '西平人', { code: 'XP-1', birthDate: '1980-01-01' });
    const cross = await postImport(t, 'relations', r.countyA, csvFile([HEAD.relations, ['DA-01', '张伟', '', '同学', 'XP-1', '西平人', '']]), { token: office });
    expect(cross.json.errors).toEqual([{ row: 1, column: '亲属编号', message: '未找到编号为“XP-1”的人员' }]);
    const byName = await postImport(t, 'relations', r.countyA, csvFile([HEAD.relations, ['DA-01', '张伟', '', '同学', '', '西平人', '1980-01-01']]), { token: office });
    expect(byName.json.errors[0]).toMatchObject({ column: '亲属姓名', message: '未找到西平人（出生日期1980-01-01）' });
    // County B's own office finds its person; the city office sees both counties.
    expect((await imported(t, 'persons', r.countyB, csvFile([HEAD.persons, ['XP-1', '西平人', '', '', '', '科员', '', '', '']]), { token: officeB })).updated).toBe(1);

    expect((await download(t, `/exports/persons.xlsx?regionId=${r.countyA}`, officeB)).status).toBe(400);
    expect((await download(t, `/exports/persons.xlsx?regionId=${r.countyA}`, head)).status).toBe(403);
    expect((await download(t, `/exports/rounds.xlsx?regionId=${r.countyA}`, inspector)).status).toBe(403);
    expect((await download(t, `/exports/nothing.xlsx?regionId=${r.countyA}`, office)).status).toBe(404);
    expect((await download(t, '/imports/templates/persons.xlsx', inspector)).status).toBe(200);
  });
});

describe('templates and exports', () => {
  test('a template has the headers, an example row and an instructions sheet with the allowed values', async () => {
    for (const kind of Object.keys(HEAD) as Kind[]) {
      const { status, body, type } = await download(t, `/imports/templates/${kind}.xlsx`);
      expect([status, type]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
      const [header, example] = await sheetRows(body);
      expect(header).toEqual(HEAD[kind]);
      expect(example).toHaveLength(HEAD[kind].length);
      const help = (await sheetRows(body, '填写说明')).map((row) => row.join(' ')).join('\n');
      for (const h of HEAD[kind]) expect(help).toContain(h);
      expect(help).toContain('YYYY-MM-DD');
    }
    const help = (await sheetRows((await download(t, '/imports/templates/persons.xlsx')).body, '填写说明')).flat().join(' ');
    expect(help).toContain('科员、副科级、正科级、副处级、正处级、副厅级、正厅级');
  });

  test('an export is the template filled with the region\'s records, and imports back unchanged', async () => {
    for (const kind of Object.keys(HEAD) as Kind[]) {
      const { body } = await download(t, `/exports/${kind}.xlsx?regionId=${r.countyA}`, office);
      const rows = await sheetRows(body);
      expect(rows[0]).toEqual(HEAD[kind]);
      expect(rows.length).toBeGreaterThan(1);
      const back = await imported(t, kind, r.countyA, body, { token: office });
      expect([kind, back.created, back.updated, back.unchanged]).toEqual([kind, 0, 0, rows.length - 1]);
    }
  });

  test('the pool roster and a person\'s inspection record are laid out for the cadre files', async () => {
    const roster = await download(t, `/exports/pool-roster.xlsx?regionId=${r.countyA}`, office);
    expect(roster.status).toBe(200);
    const leaders = await sheetRows(roster.body, '组长库');
    expect(leaders[0][0]).toBe('东安县巡察组长库名册');
    expect(leaders[2]).toEqual(['序号', '姓名', '性别', '出生年月', '工作单位及职务', '职级', '专职／抽调', '专业', '状态', '参加巡察（轮）', '编号']);
    expect(leaders[3]).toEqual(['1', '张伟', '男', '1975.05', '东安县审计局局长', '副处级', '专职', '', '在库', '1', 'DA-01']);
    const specialist = (await sheetRows(roster.body, '人才库'))[3];
    expect([specialist[1], specialist[7].split('、').sort(), specialist[9]]).toEqual(['王芳', ['审计', '财务'].sort(), '2']);

    const wang = (await t.admin('query($f: PersonFilter!) { persons(filter: $f, first: 1) { edges { node { id } } } }', { f: { regionId: r.countyA, nameContains: '王芳' } })).persons.edges[0].node.id;
    const record = await download(t, `/exports/inspection-records/${wang}.xlsx`, office);
    const rows = await sheetRows(record.body, '巡察履历');
    expect(rows[0][0]).toBe('王芳巡察工作履历');
    const table = rows.slice(rows.findIndex((x) => x[0] === '序号') + 1);
    expect(table.map((x) => [x[1], x[3], x[7]])).toEqual([
      ['2024年第1轮常规巡察', '组员', ''],
      ['2024年第2轮专项巡察（乡村振兴）', '组员', '基本称职'],
    ]);
    const officeB = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyB]);
    expect((await download(t, `/exports/inspection-records/${wang}.xlsx`, officeB)).status).toBe(404);
    expect(ok(await t.gql('query { me { username } }', {}, { token: office })).me.username).toBeTruthy();
  });
});
