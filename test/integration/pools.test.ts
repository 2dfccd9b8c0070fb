import { startTestServer, TestServer } from '../support/server';
import { basicRegions, createPerson } from '../support/fixtures';
import { codeOf } from '../support/graphql-client';
import { enroll, review } from '../support/rounds';

let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
beforeAll(async () => {
  t = await startTestServer();
  r = await basicRegions(t);
});
afterAll(() => t.close());

const ENROLL = 'mutation($i: EnrollInPoolInput!) { enrollInPool(input: $i) { entry { id status pool specialties region { id } person { id } } } }';
const REVIEW = 'mutation($i: ReviewPoolEntryInput!) { reviewPoolEntry(input: $i) { entry { id status } } }';
const CHANGE = 'mutation($i: ChangePoolEntryStatusInput!) { changePoolEntryStatus(input: $i) { entry { id status } } }';
const ENTRY_HISTORY = `query($id: ID!) { person(id: $id) { poolEntries { id status history { fromStatus toStatus reason at by { username } specialties } } } }`;
const LIST = `query($f: PoolEntryFilter!, $after: String) { poolEntries(filter: $f, first: 2, after: $after) {
  totalCount edges { node { id person { name } } } pageInfo { hasNextPage endCursor } } }`;

test('the eleven specialties are reference data, in both languages, extendable by an administrator', async () => {
  const zh = (await t.admin('{ specialties { code name } }')).specialties;
  expect(zh.map((s: any) => s.code)).toEqual([
    'DISCIPLINE', 'ORGANIZATION', 'LAW', 'FINANCE', 'AUDIT', 'FISCAL', 'PETITION', 'POLITICAL_LEGAL', 'PUBLICITY', 'ENGINEERING', 'POVERTY_RELIEF',
  ]);
  expect(zh.find((s: any) => s.code === 'AUDIT').name).toBe('审计');
  const en = await t.gql('{ specialties { code name } }', {}, { token: t.adminToken, lang: 'en' });
  expect(en.data.specialties.find((s: any) => s.code === 'AUDIT').name).toBe('Audit');

  const ADD = 'mutation($i: AddSpecialtyInput!) { addSpecialty(input: $i) { specialty { code name } } }';
  const added = await t.admin(ADD, { i: { code: 'ENVIRONMENT', name: '生态环保', nameEn: 'Environment' } });
  expect(added.addSpecialty.specialty).toEqual({ code: 'ENVIRONMENT', name: '生态环保' });
  expect(codeOf(await t.gql(ADD, { i: { code: 'ENVIRONMENT', name: '环保' } }, { token: t.adminToken }))).toBe('CONFLICT');
  const bad = await t.gql(ADD, { i: { code: 'green stuff', name: '环保' } }, { token: t.adminToken });
  expect([codeOf(bad), bad.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'code']);
  const office = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyA]);
  expect(codeOf(await t.gql(ADD, { i: { code: 'TAX', name: '税务' } }, { token: office }))).toBe('FORBIDDEN');
  expect((await t.admin('{ specialties { code } }')).specialties.map((s: any) => s.code)).toContain('ENVIRONMENT');
});

test('enrollment is PENDING, unknown specialties are refused, one entry per person, pool and region', async () => {
  const p = await createPerson(t, r.countyA, '周敏', { rank: 'STAFF' });
  const unknown = await t.gql(ENROLL, { i: { personId: p, regionId: r.countyA, pool: 'SPECIALIST', specialties: ['FINANCE', 'ASTROLOGY'] } }, { token: t.adminToken });
  expect([codeOf(unknown), unknown.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'specialties']);
  expect(unknown.errors![0].message).toContain('ASTROLOGY');

  const d = await t.admin(ENROLL, { i: { personId: p, regionId: r.countyA, pool: 'SPECIALIST', specialties: ['FINANCE', 'AUDIT', 'FINANCE'] } });
  expect(d.enrollInPool.entry).toMatchObject({ status: 'PENDING', pool: 'SPECIALIST', specialties: ['FINANCE', 'AUDIT'], person: { id: p } });
  const again = await t.gql(ENROLL, { i: { personId: p, regionId: r.countyA, pool: 'SPECIALIST', specialties: [] } }, { token: t.adminToken });
  expect(codeOf(again)).toBe('CONFLICT');
  // Another pool, or the same pool of another region, is another entry.
  await enroll(t, p, r.city, 'SPECIALIST', ['AUDIT']);
  const other = await t.admin(ENROLL, { i: { personId: p, regionId: r.countyA, pool: 'DEPUTY_LEADER', specialties: [] } });
  expect(other.enrollInPool.entry.status).toBe('PENDING');
});

test('review by the organization department: approve, reject, and the rank floor for leaders and deputies', async () => {
  const orgA = await t.tokenFor(['ORG_DEPARTMENT'], [r.countyA]);
  const officeA = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyA]);
  const staff = await createPerson(t, r.countyA, '吴刚', { rank: 'STAFF' });
  const leaderEntry = (await t.gql(ENROLL, { i: { personId: staff, regionId: r.countyA, pool: 'GROUP_LEADER', specialties: [] } }, { token: officeA })).data.enrollInPool.entry.id;

  expect(codeOf(await t.gql(REVIEW, { i: { entryId: leaderEntry, approve: true } }, { token: officeA }))).toBe('FORBIDDEN');
  const refused = await t.gql(REVIEW, { i: { entryId: leaderEntry, approve: true } }, { token: orgA, lang: 'en' });
  expect(codeOf(refused)).toBe('CONFLICT');
  expect(refused.errors![0].message).toMatch(/deputy section level or above.*staff/);
  const rejected = await t.gql(REVIEW, { i: { entryId: leaderEntry, approve: false, comment: '职级不够' } }, { token: orgA });
  expect(rejected.data.reviewPoolEntry.entry.status).toBe('REJECTED');
  expect(codeOf(await t.gql(REVIEW, { i: { entryId: leaderEntry, approve: true } }, { token: orgA }))).toBe('CONFLICT');

  const section = await createPerson(t, r.countyA, '郑强', { rank: 'DEPUTY_SECTION' });
  const ok = (await t.gql(ENROLL, { i: { personId: section, regionId: r.countyA, pool: 'DEPUTY_LEADER', specialties: [] } }, { token: officeA })).data.enrollInPool.entry.id;
  expect((await t.gql(REVIEW, { i: { entryId: ok, approve: true } }, { token: orgA })).data.reviewPoolEntry.entry.status).toBe('ACTIVE');

  // The other county's organization department does not see the entry.
  const orgB = await t.tokenFor(['ORG_DEPARTMENT'], [r.countyB]);
  const elsewhere = await t.gql(REVIEW, { i: { entryId: ok, approve: false } }, { token: orgB });
  expect([codeOf(elsewhere), elsewhere.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'entryId']);
});

test('suspension, reinstatement and exit keep every change as history; an exited entry can enroll again', async () => {
  const p = await createPerson(t, r.countyA, '冯丽', { rank: 'STAFF' });
  const entry = await enroll(t, p, r.countyA, 'SPECIALIST', ['LAW']);
  await review(t, entry);
  const change = (status: string, reason: string) => t.gql(CHANGE, { i: { entryId: entry, status, reason } }, { token: t.adminToken });
  expect((await change('SUSPENDED', '身体原因')).data.changePoolEntryStatus.entry.status).toBe('SUSPENDED');
  expect((await change('ACTIVE', '已康复')).data.changePoolEntryStatus.entry.status).toBe('ACTIVE');
  const noReason = await change('SUSPENDED', '  ');
  expect([codeOf(noReason), noReason.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'reason']);
  const toPending = await change('PENDING', '重新审核');
  expect([codeOf(toPending), toPending.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'status']);
  expect((await change('EXITED', '岗位调整')).data.changePoolEntryStatus.entry.status).toBe('EXITED');
  expect(codeOf(await change('ACTIVE', '恢复'))).toBe('CONFLICT');

  const reenrolled = await t.admin(ENROLL, { i: { personId: p, regionId: r.countyA, pool: 'SPECIALIST', specialties: ['AUDIT'] } });
  expect(reenrolled.enrollInPool.entry).toMatchObject({ id: entry, status: 'PENDING', specialties: ['AUDIT'] });

  const [e] = (await t.admin(ENTRY_HISTORY, { id: p })).person.poolEntries;
  expect(e.history.map((h: any) => [h.fromStatus, h.toStatus, h.reason])).toEqual([
    [null, 'PENDING', null],
    ['PENDING', 'ACTIVE', null],
    ['ACTIVE', 'SUSPENDED', '身体原因'],
    ['SUSPENDED', 'ACTIVE', '已康复'],
    ['ACTIVE', 'EXITED', '岗位调整'],
    ['EXITED', 'PENDING', null],
  ]);
  expect(e.history[0].specialties).toEqual(['LAW']);
  expect(e.history[5].specialties).toEqual(['AUDIT']);
  expect(e.history.every((h: any) => h.by.username === 'admin' && typeof h.at === 'string')).toBe(true);
});

test('poolEntries filters by pool, status and specialty, pages, and is scoped to the region subtree', async () => {
  const names = ['甲', '乙', '丙'];
  for (const [i, name] of names.entries()) {
    const p = await createPerson(t, r.countyB, name, { rank: 'STAFF' });
    const e = await enroll(t, p, r.countyB, 'SPECIALIST', i < 2 ? ['AUDIT'] : ['LAW']);
    if (i !== 1) await review(t, e);
  }
  const leader = await createPerson(t, r.countyB, '丁', { rank: 'SECTION' });
  await review(t, await enroll(t, leader, r.countyB, 'GROUP_LEADER', []));

  const list = async (f: Record<string, unknown>, token = t.adminToken) => {
    const out: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await t.gql(LIST, { f: { regionId: r.countyB, ...f }, after }, { token });
      if (res.errors) return res;
      out.push(...res.data.poolEntries.edges.map((e: any) => e.node.person.name));
      if (!res.data.poolEntries.pageInfo.hasNextPage) return out;
      after = res.data.poolEntries.pageInfo.endCursor;
    }
  };
  expect(await list({})).toEqual(['甲', '乙', '丙', '丁']);
  expect(await list({ pool: 'SPECIALIST', status: 'ACTIVE' })).toEqual(['甲', '丙']);
  expect(await list({ specialty: 'AUDIT' })).toEqual(['甲', '乙']);
  expect(await list({ pool: 'GROUP_LEADER' })).toEqual(['丁']);
  const bad = await list({ specialty: 'NOPE' });
  expect([codeOf(bad), bad.errors[0].extensions.field]).toEqual(['BAD_USER_INPUT', 'specialty']);

  // The city sees every county's pools; county A's office does not see county B's; inspectors see none.
  const cityOffice = await t.tokenFor(['INSPECTION_OFFICE'], [r.city]);
  const res = await t.gql(LIST, { f: { regionId: r.city, pool: 'GROUP_LEADER' } }, { token: cityOffice });
  expect(res.data.poolEntries.edges.map((e: any) => e.node.person.name)).toContain('丁');
  const officeA = await t.tokenFor(['OFFICE_DIRECTOR'], [r.countyA]);
  expect(codeOf(await t.gql(LIST, { f: { regionId: r.countyB } }, { token: officeA }))).toBe('BAD_USER_INPUT');
  const inspector = await t.tokenFor(['INSPECTOR'], [r.countyB], leader);
  expect(codeOf(await t.gql(LIST, { f: { regionId: r.countyB } }, { token: inspector }))).toBe('FORBIDDEN');
});
