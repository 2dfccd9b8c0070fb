import { TARGET, freshDatabase, FreshDatabase } from '../support/db';
import { startServiceProcess, ServiceProcess } from '../support/process';
import { ACCOUNT_PASSWORD, ADMIN } from '../support/server';
import { codeOf, ok, postGraphql } from '../support/graphql-client';
import { loginAt } from '../support/accounts';
import { mutationDoc } from '../support/operations';

// Replicas share a networked database; SQLite is embedded in one process.
const describeMysql = TARGET === 'mysql' ? describe : describe.skip;

describeMysql('two replicas starting at once on an empty database', () => {
  let db: FreshDatabase;
  let replicas: ServiceProcess[] = [];
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop('SIGKILL')));
    await db.drop();
  });

  test('both start: migrations run once under the lock, one ADMIN account exists', async () => {
    replicas = await Promise.all([0, 1].map(() => startServiceProcess({ DATABASE_URL: db.url, DATA_DIR: db.dataDir })));
    for (const r of replicas) {
      const token = ok(await postGraphql(r.url, 'mutation($i: LoginInput!) { login(input: $i) { token } }', { i: ADMIN })).login.token;
      expect(ok(await postGraphql(r.url, '{ me { username roles } }', {}, { token })).me).toEqual({ username: 'admin', roles: ['ADMIN'] });
    }
    const applied = replicas.map((r) => (r.output().match(/"migrations applied"/g) ?? []).length);
    expect(applied.sort()).toEqual([0, 1]);
  });
});

describeMysql('two replicas on one database: sign-in state lives in the database', () => {
  let db: FreshDatabase;
  let a: ServiceProcess;
  let b: ServiceProcess;
  let adminToken: string;
  let account: { id: string; username: string; password: string };
  beforeAll(async () => {
    db = await freshDatabase();
    a = await startServiceProcess({ DATABASE_URL: db.url, DATA_DIR: db.dataDir });
    b = await startServiceProcess({ DATABASE_URL: db.url, DATA_DIR: db.dataDir });
    adminToken = ok(await loginAt(a.url, ADMIN.username, ADMIN.password)).login.token;
    const username = `replica${Date.now().toString(36)}`;
    const created = ok(await postGraphql(a.url, mutationDoc('createAccount'), { i: { username, password: ACCOUNT_PASSWORD, roles: ['SECURITY_ADMIN'], regionIds: [] } }, { token: adminToken }));
    account = { id: created.createAccount.account.id, username, password: ACCOUNT_PASSWORD };
  });
  afterAll(async () => {
    await Promise.all([a, b].filter(Boolean).map((r) => r.stop('SIGKILL')));
    await db.drop();
  });

  const me = async (url: string, token: string) => codeOf(await postGraphql(url, '{ me { id } }', {}, { token })) ?? 'OK';

  test('a session ended on one replica is refused at once by the other', async () => {
    const token = ok(await loginAt(a.url, account.username, account.password)).login.token;
    expect([await me(a.url, token), await me(b.url, token)]).toEqual(['OK', 'OK']);
    expect(ok(await postGraphql(b.url, mutationDoc('signOut', 'endedSessions'), { i: { allSessions: false } }, { token })).signOut.endedSessions).toBe(1);
    expect([await me(a.url, token), await me(b.url, token)]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
  });

  test('failures on both replicas add up to one lockout, which both enforce; an unlock on one lifts it on both', async () => {
    // Three failures on A, two on B: five consecutive failures of one account.
    for (const url of [a.url, b.url, a.url, b.url, a.url]) expect(codeOf(await loginAt(url, account.username, 'Wrong-Pass-1x'))).toBe('UNAUTHENTICATED');
    for (const url of [a.url, b.url]) expect(codeOf(await loginAt(url, account.username, account.password))).toBe('UNAUTHENTICATED');
    const locks = Number((await postGraphql(a.url, '{ auditLog(first: 1, filter: { kind: LOCKOUT }) { totalCount } }', {}, { token: adminToken })).data.auditLog.totalCount);
    expect(locks).toBe(1);
    ok(await postGraphql(b.url, mutationDoc('unlockAccount', 'account { id lockedUntil }'), { i: { accountId: account.id } }, { token: adminToken }));
    for (const url of [a.url, b.url]) expect(ok(await loginAt(url, account.username, account.password)).login.account.id).toBe(account.id);
  });

  test('failures at once on both replicas lock the account once', async () => {
    await Promise.all(Array.from({ length: 6 }, (_, i) => loginAt(i % 2 ? a.url : b.url, account.username, 'Wrong-Pass-2x')));
    const res = await postGraphql(a.url, '{ auditLog(first: 1, filter: { kind: LOCKOUT }) { totalCount } verifyAuditLog { intact } }', {}, { token: adminToken });
    expect(ok(res)).toEqual({ auditLog: { totalCount: 2 }, verifyAuditLog: { intact: true } });
  });
});
