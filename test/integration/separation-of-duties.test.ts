import ExcelJS from 'exceljs';
import { call, createTestAccount, ME, signIn } from '../support/accounts';
import { basicRegions } from '../support/fixtures';
import { codeOf, ok } from '../support/graphql-client';
import { expectError, unique } from '../support/operations';
import { ADMIN, startTestServer, TestServer } from '../support/server';

/** Separation of duties (三员分立): SECURITY_ADMIN and AUDIT_ADMIN beside ADMIN, on and off. */

const AUDIT = 'query($f: AuditFilter) { auditLog(first: 100, filter: $f) { totalCount edges { node { kind account { id } } } } }';
const REGION = (code: string) => ({ i: { code, name: '分立县', level: 'COUNTY' } });
const CREATE_REGION = 'mutation($i: CreateRegionInput!) { createRegion(input: $i) { region { id } } }';

async function exportRows(t: TestServer, token: string, query = ''): Promise<{ status: number; rows: string[][] }> {
  const res = await fetch(`${t.url}/exports/audit-log.xlsx${query}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) return { status: res.status, rows: [] };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return { status: 200, rows };
}

describe('SEPARATION_OF_DUTIES=on', () => {
  let t: TestServer;
  let security: string;
  let admin: { id: string; token: string };
  let auditor: { id: string; username: string; token: string };
  beforeAll(async () => {
    t = await startTestServer({ env: { SEPARATION_OF_DUTIES: 'on' } });
    // On an empty database the first account is the security administrator.
    security = t.adminToken;
    const a = await createTestAccount(t, { roles: ['ADMIN'], as: security });
    admin = { id: a.id, token: (await signIn(t, a)).token };
    const u = await createTestAccount(t, { roles: ['AUDIT_ADMIN'], as: security });
    auditor = { id: u.id, username: u.username, token: (await signIn(t, u)).token };
  });
  afterAll(() => t.close());

  test('the first account is SECURITY_ADMIN, who creates the ADMIN and AUDIT_ADMIN accounts', async () => {
    expect(ok(await t.gql('{ me { username roles } }', {}, { token: security })).me).toEqual({ username: ADMIN.username, roles: ['SECURITY_ADMIN'] });
  });

  test('ADMIN keeps the data but loses accounts, security and audit', async () => {
    ok(await t.gql(CREATE_REGION, REGION(unique('S')), { token: admin.token }));
    const forbidden = [
      await call(t, 'createAccount', { username: unique('x'), password: 'password-123', roles: ['AUDIT_ADMIN'], regionIds: [] }, 'account { id }', { token: admin.token }),
      await call(t, 'updateAccount', { accountId: auditor.id, disabled: true }, 'account { id }', { token: admin.token }),
      await call(t, 'resetPassword', { accountId: auditor.id, temporaryPassword: 'Temporary-Pass-7' }, 'account { id }', { token: admin.token }),
      await call(t, 'unlockAccount', { accountId: auditor.id }, 'account { id }', { token: admin.token }),
      await call(t, 'endAccountSessions', { accountId: auditor.id }, 'endedSessions', { token: admin.token }),
      await t.gql('{ securitySettings { passwordMinLength } }', {}, { token: admin.token }),
      await t.gql(AUDIT, {}, { token: admin.token }),
      await t.gql('{ verifyAuditLog { intact } }', {}, { token: admin.token }),
    ];
    expect(forbidden.map(codeOf)).toEqual(forbidden.map(() => 'FORBIDDEN'));
    expect((await exportRows(t, admin.token)).status).toBe(403);
  });

  test('SECURITY_ADMIN manages accounts and settings, and reads neither data nor the audit log', async () => {
    expect(ok(await t.gql('{ securitySettings { passwordMinLength } }', {}, { token: security })).securitySettings.passwordMinLength).toBe(10);
    expectError(await t.gql(CREATE_REGION, REGION(unique('S')), { token: security }), 'FORBIDDEN');
    expectError(await t.gql(AUDIT, {}, { token: security }), 'FORBIDDEN');
  });

  test('AUDIT_ADMIN reads, verifies and exports the log, and does nothing else', async () => {
    expect(ok(await t.gql('{ verifyAuditLog { intact } }', {}, { token: auditor.token })).verifyAuditLog.intact).toBe(true);
    expect(ok(await t.gql(AUDIT, { f: { accountId: admin.id } }, { token: auditor.token })).auditLog.totalCount).toBeGreaterThan(0);
    expectError(await t.gql(CREATE_REGION, REGION(unique('S')), { token: auditor.token }), 'FORBIDDEN');
    expectError(await call(t, 'createAccount', { username: unique('x'), password: 'password-123', roles: ['INSPECTOR'], regionIds: [] }, 'account { id }', { token: auditor.token }), 'FORBIDDEN');
    expectError(await t.gql('{ securitySettings { passwordMinLength } }', {}, { token: auditor.token }), 'FORBIDDEN');
  });

  test('nobody audits themselves: the audit administrator does not see the records of its own actions', async () => {
    // It has signed in and exported: records of its own exist.
    expect((await exportRows(t, auditor.token)).status).toBe(200);
    const own = Number((await t.server.db.dataSource.query('SELECT COUNT(*) AS n FROM audit_log WHERE account_id = ?', [auditor.id]))[0].n);
    expect(own).toBeGreaterThanOrEqual(2);
    expect(ok(await t.gql(AUDIT, { f: { accountId: auditor.id } }, { token: auditor.token })).auditLog.totalCount).toBe(0);
    const seen = ok(await t.gql(AUDIT, {}, { token: auditor.token })).auditLog.edges.map((e: { node: { account: { id: string } | null } }) => e.node.account?.id);
    expect(seen).not.toContain(auditor.id);
    expect(seen).toContain(admin.id);
    const { rows } = await exportRows(t, auditor.token);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).map((r) => r[4])).not.toContain(auditor.username);
    // A second audit administrator sees them.
    const second = await createTestAccount(t, { roles: ['AUDIT_ADMIN'], as: security });
    const token = (await signIn(t, second)).token;
    expect(ok(await t.gql(AUDIT, { f: { accountId: auditor.id } }, { token })).auditLog.totalCount).toBe(own + 1);
  });

  test('no account holds two of ADMIN, SECURITY_ADMIN and AUDIT_ADMIN', async () => {
    for (const roles of [['ADMIN', 'AUDIT_ADMIN'], ['SECURITY_ADMIN', 'AUDIT_ADMIN'], ['ADMIN', 'SECURITY_ADMIN']]) {
      expectError(await call(t, 'createAccount', { username: unique('two'), password: 'password-123', roles, regionIds: [] }, 'account { id }', { token: security }), 'BAD_USER_INPUT', 'roles');
    }
    expectError(await call(t, 'updateAccount', { accountId: auditor.id, roles: ['AUDIT_ADMIN', 'ADMIN'] }, 'account { id }', { token: security }), 'BAD_USER_INPUT', 'roles');
    // One administrator role beside the data roles is fine.
    const regionId = ok(await t.gql(CREATE_REGION, REGION(unique('S')), { token: admin.token })).createRegion.region.id;
    ok(await call(t, 'createAccount', { username: unique('one'), password: 'password-123', roles: ['ADMIN', 'INSPECTION_OFFICE'], regionIds: [regionId] }, 'account { id }', { token: security }));
  });
});

describe('SEPARATION_OF_DUTIES off (the default)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  test('ADMIN does everything, reads its own records, and an account may hold several administrator roles', async () => {
    const adminId = ok(await t.gql(ME, {}, { token: t.adminToken })).me.id;
    const { countyA } = await basicRegions(t);
    expect(ok(await t.gql('{ me { roles } }', {}, { token: t.adminToken })).me.roles).toEqual(['ADMIN']);
    const both = await createTestAccount(t, { roles: ['ADMIN', 'AUDIT_ADMIN'] });
    const a = await createTestAccount(t, { roles: ['INSPECTION_OFFICE'], regionIds: [countyA] });
    ok(await call(t, 'resetPassword', { accountId: a.id, temporaryPassword: 'Temporary-Pass-7' }, 'account { id }', { token: t.adminToken }));
    ok(await t.gql('mutation($i: SetSecuritySettingsInput!) { setSecuritySettings(input: $i) { settings { lockoutMinutes } } }', { i: { lockoutMinutes: 20 } }, { token: t.adminToken }));
    expect(ok(await t.gql(AUDIT, { f: { accountId: adminId } }, { token: t.adminToken })).auditLog.totalCount).toBeGreaterThan(0);
    expect((await exportRows(t, t.adminToken)).status).toBe(200);
    expect(ok(await t.gql(AUDIT, {}, { token: (await signIn(t, both)).token })).auditLog.totalCount).toBeGreaterThan(0);
  });

  test('SECURITY_ADMIN and AUDIT_ADMIN have their powers beside ADMIN', async () => {
    const security = (await signIn(t, await createTestAccount(t, { roles: ['SECURITY_ADMIN'] }))).token;
    const auditor = (await signIn(t, await createTestAccount(t, { roles: ['AUDIT_ADMIN'] }))).token;
    ok(await call(t, 'createAccount', { username: unique('s'), password: 'password-123', roles: ['AUDIT_ADMIN'], regionIds: [] }, 'account { id }', { token: security }));
    expectError(await t.gql(AUDIT, {}, { token: security }), 'FORBIDDEN');
    ok(await t.gql(AUDIT, {}, { token: auditor }));
    expectError(await t.gql(CREATE_REGION, REGION(unique('S')), { token: auditor }), 'FORBIDDEN');
  });
});
