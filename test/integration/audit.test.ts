import { addEmployment, createPerson, createUnit } from '../support/fixtures';
import { ok } from '../support/graphql-client';
import { expectError, mutate, unique } from '../support/operations';
import { ADMIN, startTestServer, TestServer } from '../support/server';
import { countyTokens, NON_ADMIN_ROLES, RoleName, TwoCounties, twoCounties } from '../support/world';

/** The audit log: one record per mutation, in its transaction, read by ADMIN (and AUDIT_ADMIN) only. */
let t: TestServer;
let w: TwoCounties;
let tokens: Record<RoleName, string>;
let officeId: string;
let adminId: string;
beforeAll(async () => {
  t = await startTestServer();
  w = await twoCounties(t);
  tokens = await countyTokens(t, w);
  officeId = ok(await t.gql('{ me { id } }', {}, { token: tokens.INSPECTION_OFFICE })).me.id;
  adminId = ok(await t.gql('{ me { id } }', {}, { token: t.adminToken })).me.id;
});
afterAll(() => t.close());

interface Entry {
  id: string;
  operation: string;
  targetIds: string[];
  at: string;
  requestId: string | null;
  account: { id: string } | null;
}
interface Page {
  totalCount: number;
  edges: { cursor: string; node: Entry }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}
const AUDIT = `query($first: Int!, $after: String, $filter: AuditFilter) { auditLog(first: $first, after: $after, filter: $filter) {
  totalCount edges { cursor node { id operation targetIds at requestId account { id } } }
  pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
/** The mutations' records (security events have records of their own beside them). */
const MUTATIONS = { kind: 'MUTATION' };
const auditPage = async (first: number, after?: string | null): Promise<Page> => (await t.admin(AUDIT, { first, after, filter: MUTATIONS })).auditLog;
const latest = async () => {
  const page = await auditPage(1);
  return { total: page.totalCount, entry: page.edges[0].node };
};

describe('every mutation writes one record: operation, account, the ids it touched, time', () => {
  test.each([
    ['createRegion', 'ADMIN', () => ({ code: unique('A'), name: '新镇', level: 'TOWNSHIP', parentId: w.countyA }), (i: any) => [i.parentId]],
    ['createUnit', 'INSPECTION_OFFICE', () => ({ regionId: w.countyA, name: '东安县档案局', kind: 'DEPARTMENT', parentId: w.unitA }), (i: any) => [i.regionId, i.parentId]],
    ['createPerson', 'INSPECTION_OFFICE', () => ({ regionId: w.countyA, name: '吴敏', hometownRegionId: w.countyB, birthDate: '1985-01-01' }), (i: any) => [i.regionId, i.hometownRegionId]],
    ['addEmployment', 'INSPECTION_OFFICE', () => ({ personId: w.personA, unitId: w.unitA, post: '副局长', leadership: true, startedOn: '2018-01-01' }), (i: any) => [i.personId, i.unitId]],
    ['addRelation', 'INSPECTION_OFFICE', () => ({ personId: w.personA, relatedPersonId: w.leaderPerson, kind: 'CLASSMATE' }), (i: any) => [i.personId, i.relatedPersonId]],
    ['addInterestTie', 'INSPECTION_OFFICE', () => ({ personId: w.personA, unitId: w.unitA, description: '配偶经营的公司' }), (i: any) => [i.personId, i.unitId]],
    ['createAccount', 'ADMIN', () => ({ username: unique('aud'), password: 'password-123', roles: ['INSPECTOR'], regionIds: [w.countyA, w.townA], personId: w.personA }), (i: any) => [...i.regionIds, i.personId]],
  ] as const)('%s by %s', async (op, role, makeInput, inputIds) => {
    const before = (await latest()).total;
    const at = new Date(Date.UTC(2025, 5, 3, 1, 2, 3, 456 + before));
    t.clock.set(at);
    const input = makeInput();
    const payload = ok(await mutate(t, op, input, { token: tokens[role] }))[op];
    const created = (Object.values(payload)[0] as { id: string }).id;
    const { total, entry } = await latest();
    expect(total).toBe(before + 1);
    expect(entry).toMatchObject({ operation: op, account: { id: role === 'ADMIN' ? adminId : officeId }, at: at.toISOString() });
    expect(entry.requestId).toEqual(expect.any(String));
    expect([...entry.targetIds].sort()).toEqual([...inputIds(input), created].sort());
  });

  test('login names the account that signed in, even when the request carries another token', async () => {
    const username = unique('login');
    const accountId = ok(await mutate(t, 'createAccount', { username, password: 'password-456', roles: ['ORG_DEPARTMENT'], regionIds: [w.countyA] }, { token: t.adminToken })).createAccount.account.id;
    for (const token of [null, tokens.INSPECTION_OFFICE]) {
      const before = (await latest()).total;
      ok(await mutate(t, 'login', { username, password: 'password-456' }, { token }));
      const { total, entry } = await latest();
      expect(total).toBe(before + 1);
      expect(entry).toMatchObject({ operation: 'login', account: { id: accountId }, targetIds: [accountId] });
    }
  });
});

describe('reading the log', () => {
  test('newest first, with totalCount, page by page', async () => {
    const done: string[] = [];
    for (const name of ['甲', '乙', '丙']) {
      ok(await mutate(t, 'createPerson', { regionId: w.countyA, name }, { token: t.adminToken }));
      done.push('createPerson');
      await createUnit(t, w.countyA, `${name}单位`);
      done.push('createUnit');
    }
    const all = await auditPage(100);
    expect(all.pageInfo.hasNextPage).toBe(false);
    expect(all.edges).toHaveLength(all.totalCount);
    expect(all.edges.slice(0, done.length).map((e) => e.node.operation)).toEqual([...done].reverse());
    const ids = all.edges.map((e) => e.node.id);
    expect(ids).toEqual([...ids].sort().reverse());

    const walked: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages <= all.totalCount; pages++) {
      const page: Page = await auditPage(4, after);
      expect(page.totalCount).toBe(all.totalCount);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      walked.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.edges).toHaveLength(4);
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(ids);
  });

  test.each(NON_ADMIN_ROLES)('%s may not read it', async (role) => {
    expectError(await t.gql('{ auditLog(first: 10) { totalCount } }', {}, { token: tokens[role] }), 'FORBIDDEN');
  });
});

describe('a failed mutation writes no record of a change', () => {
  test('refused for bad input, rights, or a wrong password (which is recorded as a failed sign-in instead)', async () => {
    const before = (await latest()).total;
    const failedSignIns = async () => (await t.admin(AUDIT, { first: 1, filter: { kind: 'SIGN_IN_FAILED' } })).auditLog.totalCount;
    const failuresBefore = await failedSignIns();
    expectError(await mutate(t, 'createPerson', { regionId: w.countyA, name: ' ' }, { token: t.adminToken }), 'BAD_USER_INPUT');
    expectError(await mutate(t, 'createUnit', { regionId: w.countyA, name: '组织部不能建单位', kind: 'DEPARTMENT' }, { token: tokens.ORG_DEPARTMENT }), 'FORBIDDEN');
    expectError(await mutate(t, 'addRelation', { personId: w.personA, relatedPersonId: w.personA, kind: 'SIBLING' }, { token: t.adminToken }), 'BAD_USER_INPUT');
    expectError(await mutate(t, 'login', { username: ADMIN.username, password: 'wrong-password' }), 'UNAUTHENTICATED');
    expect((await latest()).total).toBe(before);
    expect(await failedSignIns()).toBe(failuresBefore + 1);
  });

  test('the record is written in the mutation’s transaction: when it cannot be written, the change is undone', async () => {
    const ds = t.server.db.dataSource;
    const persons = async () => Number((await ds.query('SELECT COUNT(*) AS n FROM persons'))[0].n);
    const before = await persons();
    await ds.query('ALTER TABLE audit_log RENAME TO audit_log_away');
    let failed;
    try {
      failed = await mutate(t, 'createPerson', { regionId: w.countyA, name: '不应留下' }, { token: t.adminToken });
    } finally {
      await ds.query('ALTER TABLE audit_log_away RENAME TO audit_log');
    }
    expectError(failed, 'INTERNAL_SERVER_ERROR');
    expect(await persons()).toBe(before);
    expect(ok(await t.gql('query($r: ID!) { persons(filter: { regionId: $r, nameContains: "不应留下" }, first: 5) { totalCount } }', { r: w.countyA }, { token: t.adminToken })).persons.totalCount).toBe(0);
  });
});

test('passwords, password hashes and tokens never appear in the log', async () => {
  const username = unique('secret');
  const password = 'a-very-secret-password-42';
  ok(await mutate(t, 'createAccount', { username, password, roles: ['INSPECTION_OFFICE'], regionIds: [w.countyA] }, { token: t.adminToken }));
  const token = await t.login(username, password);
  await createPerson(t, w.countyA, '审计检查');
  await addEmployment(t, w.personA, w.unitA, '科员', '2001-01-01', '2002-01-01');
  const ds = t.server.db.dataSource;
  const raw = JSON.stringify(await ds.query('SELECT * FROM audit_log'));
  const hashes: { h: string }[] = await ds.query('SELECT password_hash AS h FROM accounts');
  const secrets = [password, ADMIN.password, 'password-123', token, t.adminToken, ...Object.values(tokens), ...hashes.map((r) => r.h)];
  for (const secret of secrets) expect(raw.includes(secret)).toBe(false);
  expect(raw).not.toMatch(/eyJ[\w-]+\.[\w-]+\./); // no JWT of any kind
  expect(raw).not.toMatch(/scrypt\$/);
  expect(raw).toContain('"login"');
});
