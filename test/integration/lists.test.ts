import { startTestServer, TestServer } from '../support/server';
import { addEmployment, basicRegions, createPerson, createRegion, createUnit } from '../support/fixtures';
import { codeOf, ok } from '../support/graphql-client';
import { createRound, enroll } from '../support/rounds';
import { leaveInput, requestOk } from '../support/leave-fixtures';
import { csvFile, download, imported, sheetRows } from '../support/ledgers';

/**
 * The office's lists: persons with or without a pool entry, the region tree, and the main lists
 * sorted by name (pinyin) or by date, paged by cursor in that order.
 */
let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
let office: string;

beforeAll(async () => {
  t = await startTestServer({ today: '2025-11-01' });
  r = await basicRegions(t, 'LS');
  office = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyA]);
});
afterAll(() => t.close());

type Page = { edges: { node: any }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** Every node of a list, read `first` at a time through the cursors. */
async function readAll(query: string, field: string, variables: Record<string, unknown>, first: number, token: string): Promise<any[]> {
  const out: any[] = [];
  for (let after: string | null = null; ; ) {
    const page: Page = ok(await t.gql(query, { ...variables, first, after }, { token }))[field];
    out.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

const PERSONS = `query($f: PersonFilter!, $first: Int!, $after: String, $o: PersonOrder) {
  persons(filter: $f, first: $first, after: $after, orderBy: $o) { edges { node { id name } } pageInfo { hasNextPage endCursor } } }`;

describe('persons', () => {
  let region: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    region = await createRegion(t, 'LS-N', '南湖县', 'COUNTY', r.city);
    // Created in an order that is neither pinyin nor code-point order.
    for (const [key, name] of [
      ['zhang', '张伟'], ['lin', '林'], ['lina', '李娜'], ['an', '安'], ['liu3', '柳海涛'], ['liu2a', '刘海涛'],
      ['li', '李'], ['wang', '王芳'], ['zeng', '曾国藩'], ['liu2b', '刘海涛'],
    ]) ids[key] = await createPerson(t, region, name);
  });

  test('sorted by name in pinyin order, same names by creation, across pages and in reverse', async () => {
    const pinyin = ['an', 'li', 'lina', 'lin', 'liu2a', 'liu2b', 'liu3', 'wang', 'zeng', 'zhang'].map((k) => ids[k]);
    for (const first of [1, 3, 10]) {
      const nodes = await readAll(PERSONS, 'persons', { f: { regionId: region }, o: { field: 'NAME' } }, first, t.adminToken);
      expect(nodes.map((n) => n.id)).toEqual(pinyin);
    }
    const reverse = await readAll(PERSONS, 'persons', { f: { regionId: region }, o: { field: 'NAME', direction: 'DESC' } }, 4, t.adminToken);
    expect(reverse.map((n) => n.id)).toEqual([...pinyin].reverse());
    // The default order is creation order, and its cursors are not those of the name order.
    const created = await readAll(PERSONS, 'persons', { f: { regionId: region } }, 4, t.adminToken);
    expect(created.map((n) => n.id)).toEqual(Object.values(ids));
    const named = ok(await t.gql(PERSONS, { f: { regionId: region }, first: 2, o: { field: 'NAME' } }, { token: t.adminToken })).persons;
    const mixed = await t.gql(PERSONS, { f: { regionId: region }, first: 2, after: named.pageInfo.endCursor }, { token: t.adminToken });
    expect(codeOf(mixed)).toBe('BAD_USER_INPUT');
  });

  test('a renamed person moves to the place of the new name', async () => {
    const UPDATE = 'mutation($i: UpdatePersonInput!) { updatePerson(input: $i) { person { name } } }';
    ok(await t.gql(UPDATE, { i: { personId: ids.an, name: '赵安' } }, { token: t.adminToken }));
    const nodes = await readAll(PERSONS, 'persons', { f: { regionId: region }, o: { field: 'NAME' } }, 5, t.adminToken);
    expect(nodes.map((n) => n.name)).toEqual(['李', '李娜', '林', '刘海涛', '刘海涛', '柳海涛', '王芳', '曾国藩', '张伟', '赵安']);
    ok(await t.gql(UPDATE, { i: { personId: ids.an, name: '安' } }, { token: t.adminToken }));
  });

  test('persons imported from a ledger take their place in the name order', async () => {
    const head = ['编号', '姓名', '性别', '出生日期', '籍贯', '职级', '专职巡察干部', '提拔日期', '年轻后备干部'];
    await imported(t, 'persons', region, csvFile([head, ['NH-01', '鲍勃', '男', '1980-01-01', '', '', '', '', ''], ['NH-02', '吴二', '男', '1981-01-01', '', '', '', '', '']]));
    const nodes = await readAll(PERSONS, 'persons', { f: { regionId: region }, o: { field: 'NAME' } }, 20, t.adminToken);
    expect(nodes.map((n) => n.name)).toEqual(['安', '鲍勃', '李', '李娜', '林', '刘海涛', '刘海涛', '柳海涛', '王芳', '吴二', '曾国藩', '张伟']);
    // The exported ledger lists the persons without a code (first) in pinyin order too.
    const sheet = await sheetRows((await download(t, `/exports/persons.xlsx?regionId=${region}`)).body);
    expect(sheet.slice(1).map((row) => row[1])).toEqual(['安', '李', '李娜', '林', '刘海涛', '刘海涛', '柳海涛', '王芳', '曾国藩', '张伟', '鲍勃', '吴二']);
  });

  test('inPool keeps people with an entry in a pool of the subtree, or those without', async () => {
    const inCounty = await createPerson(t, r.countyA, '入库甲');
    const inTown = await createPerson(t, r.townA, '入库乙');
    const exited = await createPerson(t, r.countyA, '出库丙');
    const cityOnly = await createPerson(t, r.countyA, '市库丁');
    const none = await createPerson(t, r.countyA, '库外戊');
    await enroll(t, inCounty, r.countyA, 'SPECIALIST');
    // A township person in the county's leader pool; any status counts.
    await enroll(t, inTown, r.countyA, 'GROUP_LEADER');
    const entry = await enroll(t, exited, r.countyA, 'SPECIALIST');
    ok(await t.gql('mutation($i: ReviewPoolEntryInput!) { reviewPoolEntry(input: $i) { entry { status } } }', { i: { entryId: entry, approve: false } }, { token: t.adminToken }));
    // A pool of the city lies outside county A's subtree.
    await enroll(t, cityOnly, r.city, 'SPECIALIST');
    const list = async (inPool: boolean | null, regionId = r.countyA) =>
      (await readAll(PERSONS, 'persons', { f: { regionId, inPool } }, 100, office)).map((n) => n.id);
    expect(await list(true)).toEqual([inCounty, inTown, exited]);
    const without = await list(false);
    expect(without).toEqual(expect.arrayContaining([cityOnly, none]));
    expect(without).not.toEqual(expect.arrayContaining([inCounty]));
    expect(without.some((id) => [inCounty, inTown, exited].includes(id))).toBe(false);
    expect((await list(null)).length).toBe((await list(true)).length + without.length);
    // From the township, the county's pool is not in the subtree.
    expect(await list(true, r.townA)).toEqual([]);
    expect(await readAll(PERSONS, 'persons', { f: { regionId: r.city, inPool: true } }, 100, t.adminToken).then((ns) => ns.map((n) => n.id)))
      .toEqual([inCounty, inTown, exited, cityOnly]);
  });
});

describe('regions', () => {
  const TREE = '{ regions { id code children { id code children { id } } } }';
  test('children are the regions directly below, by code, and only those in scope', async () => {
    const admin = (await t.admin(TREE)).regions;
    const city = admin.find((g: any) => g.id === r.city);
    const counties = city.children.map((c: any) => c.code).filter((c: string) => c.startsWith('LS-'));
    expect(counties).toEqual([...counties].sort());
    expect(counties).toEqual(expect.arrayContaining(['LS-A', 'LS-B']));
    expect(city.children.find((c: any) => c.id === r.countyA).children).toEqual([{ id: r.townA }]);
    expect(admin.find((g: any) => g.id === r.townA).children).toEqual([]);

    // A county account reaches the city through a parent, and sees only its own county below it.
    const mine = ok(await t.gql(`{ regions { id parent { id children { id } } } }`, {}, { token: office })).regions;
    const countyA = mine.find((g: any) => g.id === r.countyA);
    expect(countyA.parent).toEqual({ id: r.city, children: [{ id: r.countyA }] });
    expect(JSON.stringify(mine)).not.toContain(r.countyB);
  });

  test('children at every depth are read in one batched statement, whatever the number of regions', async () => {
    t.resetCount();
    ok(await t.gql('{ regions { id } }', {}, { token: t.adminToken }));
    const flat = t.queryCount;
    t.resetCount();
    const regions = ok(await t.gql(TREE, {}, { token: t.adminToken })).regions;
    expect(regions.length).toBeGreaterThanOrEqual(4);
    // Every region of the list asks for its children in one batch; the grandchildren are
    // children of regions of that batch, already read.
    expect(t.queryCount).toBe(flat + 1);
    // Regions reached only through a nested field are batched too: one more statement per level.
    t.resetCount();
    ok(await t.gql('{ regions { id parent { id } } }', {}, { token: t.adminToken }));
    const withParents = t.queryCount;
    t.resetCount();
    const deep = ok(await t.gql('{ regions { parent { children { children { children { id } } } } } }', {}, { token: t.adminToken })).regions;
    expect(deep.filter((g: any) => g.parent).length).toBeGreaterThanOrEqual(4);
    expect(t.queryCount).toBeLessThanOrEqual(withParents + 3);
  });
});

const ENTRIES = `query($f: PoolEntryFilter!, $first: Int!, $after: String, $o: PoolEntryOrder) {
  poolEntries(filter: $f, first: $first, after: $after, orderBy: $o) { edges { node { id
    person { id name birthDate employments { post unit { name } } } } } pageInfo { hasNextPage endCursor } } }`;

describe('pool entries', () => {
  let region: string;
  const entries: string[] = [];
  beforeAll(async () => {
    region = await createRegion(t, 'LS-P', '北河县', 'COUNTY', r.city);
    const units = [await createUnit(t, region, '北河县财政局'), await createUnit(t, region, '北河县教育局')];
    const names = ['王芳', '刘海涛', '安', '张伟', '刘海涛', '李娜', '林', '柳海涛', '曾国藩', '李', '陈明', '周红'];
    for (const [i, name] of names.entries()) {
      const p = await createPerson(t, region, name, { birthDate: `${1970 + i}-03-01` });
      await addEmployment(t, p, units[i % 2], i % 2 ? '科长' : '副局长', '2015-01-01');
      entries.push(await enroll(t, p, region, 'SPECIALIST'));
    }
  });

  test('sorted by the person\'s name; the two 刘海涛 are told apart by unit and birth year', async () => {
    const nodes = await readAll(ENTRIES, 'poolEntries', { f: { regionId: region }, o: { field: 'PERSON_NAME' } }, 5, t.adminToken);
    expect(nodes.map((n) => n.person.name)).toEqual(['安', '陈明', '李', '李娜', '林', '刘海涛', '刘海涛', '柳海涛', '王芳', '曾国藩', '张伟', '周红']);
    const liu = nodes.filter((n) => n.person.name === '刘海涛');
    expect(liu.map((n) => n.id)).toEqual([entries[1], entries[4]]);
    expect(liu.map((n) => [n.person.birthDate.slice(0, 4), n.person.employments[0].unit.name])).toEqual([
      ['1971', '北河县教育局'],
      ['1974', '北河县财政局'],
    ]);
    const byCreation = await readAll(ENTRIES, 'poolEntries', { f: { regionId: region } }, 5, t.adminToken);
    expect(byCreation.map((n) => n.id)).toEqual(entries);
  });

  test.each(['PERSON_NAME', 'CREATED'])('a page with each person, birth date and units costs the same at 3 rows and at 12 (%s)', async (field) => {
    const statements = async (first: number) => {
      t.resetCount();
      const page = ok(await t.gql(ENTRIES, { f: { regionId: region }, first, o: { field } }, { token: t.adminToken })).poolEntries;
      expect(page.edges).toHaveLength(first);
      expect(page.edges.every((e: any) => e.node.person.birthDate && e.node.person.employments[0].unit.name)).toBe(true);
      return t.queryCount;
    };
    expect(await statements(12)).toBe(await statements(3));
  });
});

describe('rounds and leave requests', () => {
  test('rounds by start date (default), year and ordinal, or creation, either way', async () => {
    const region = await createRegion(t, 'LS-R', '东河县', 'COUNTY', r.city);
    const a = await createRound(t, region, { year: 2025, ordinal: 2, startsOn: '2025-03-01', endsOn: '2025-04-15' });
    const b = await createRound(t, region, { year: 2024, ordinal: 1, startsOn: '2024-09-01', endsOn: '2024-10-15' });
    const c = await createRound(t, region, { year: 2025, ordinal: 1, startsOn: '2025-05-01', endsOn: '2025-06-15' });
    const ROUNDS = `query($f: RoundFilter!, $first: Int!, $after: String, $o: RoundOrder) {
      rounds(filter: $f, first: $first, after: $after, orderBy: $o) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    const list = async (o: Record<string, string> | null) => (await readAll(ROUNDS, 'rounds', { f: { regionId: region }, o }, 2, t.adminToken)).map((n) => n.id);
    expect(await list(null)).toEqual([b, a, c]);
    expect(await list({ field: 'START_DATE', direction: 'DESC' })).toEqual([c, a, b]);
    expect(await list({ field: 'YEAR' })).toEqual([b, c, a]);
    expect(await list({ field: 'CREATED' })).toEqual([a, b, c]);
  });

  test('leave requests newest first (default), by start date, or by the requester\'s name', async () => {
    const people = [await createPerson(t, r.townA, '周请假'), await createPerson(t, r.townA, '艾请假')];
    const [zhou, ai] = people;
    const tokens = [await t.tokenFor(['INSPECTOR'], [r.townA], zhou), await t.tokenFor(['INSPECTOR'], [r.townA], ai)];
    const l1 = (await requestOk(t, tokens[0], leaveInput(r.townA, zhou, { startDate: '2025-11-12' }))).id;
    const l2 = (await requestOk(t, tokens[1], leaveInput(r.townA, ai, { startDate: '2025-11-14' }))).id;
    const l3 = (await requestOk(t, tokens[0], leaveInput(r.townA, zhou, { startDate: '2025-11-10' }))).id;
    const LEAVE = `query($f: LeaveFilter!, $first: Int!, $after: String, $o: LeaveOrder) {
      leaveRequests(filter: $f, first: $first, after: $after, orderBy: $o) { edges { node { id person { name } } } pageInfo { hasNextPage endCursor } } }`;
    const list = async (o: Record<string, string> | null) => (await readAll(LEAVE, 'leaveRequests', { f: { regionId: r.townA }, o }, 2, t.adminToken)).map((n) => n.id);
    expect(await list(null)).toEqual([l3, l2, l1]);
    expect(await list({ field: 'START_DATE' })).toEqual([l3, l1, l2]);
    expect(await list({ field: 'PERSON_NAME' })).toEqual([l2, l1, l3]);
    const named = await readAll(LEAVE, 'leaveRequests', { f: { regionId: r.townA }, o: { field: 'PERSON_NAME', direction: 'DESC' } }, 2, t.adminToken);
    expect(named.map((n) => [n.id, n.person.name])).toEqual([[l3, '周请假'], [l1, '周请假'], [l2, '艾请假']]);
    // A cursor names its order: one of another field or direction is refused, not misread.
    const byStart = ok(await t.gql(LEAVE, { f: { regionId: r.townA }, first: 1, o: { field: 'START_DATE' } }, { token: t.adminToken })).leaveRequests;
    for (const o of [{ field: 'PERSON_NAME' }, { field: 'START_DATE', direction: 'DESC' }]) {
      const wrong = await t.gql(LEAVE, { f: { regionId: r.townA }, first: 1, after: byStart.pageInfo.endCursor, o }, { token: t.adminToken });
      expect([codeOf(wrong), wrong.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'after']);
    }
  });
});
