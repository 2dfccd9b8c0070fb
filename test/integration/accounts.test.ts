import { AddressInfo } from 'node:net';
import { bootServer } from '../../src/app';
import { SettableClock } from '../../src/common/clock';
import { loadConfig } from '../../src/config';
import { call, createTestAccount, loginAt, ME, signIn, TestAccount } from '../support/accounts';
import { freshDatabase } from '../support/db';
import { basicRegions, createPerson } from '../support/fixtures';
import { codeOf, ok } from '../support/graphql-client';
import { expectError, unique } from '../support/operations';
import { startTestServer, TestServer } from '../support/server';

/** Account lifecycle through the API: policy, changes, resets, must-change flows, expiry, disabling. */
let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
beforeAll(async () => {
  t = await startTestServer();
  r = await basicRegions(t);
});
afterAll(() => t.close());

const ACCOUNT_FIELDS = 'account { id username roles disabled mustChangePassword lockedUntil regions { id } person { id } }';
const office = () => createTestAccount(t, { roles: ['INSPECTION_OFFICE'], regionIds: [r.countyA] });
const changePassword = (token: string, currentPassword: string, newPassword: string) => call(t, 'changePassword', { currentPassword, newPassword }, 'token', { token });

describe('password policy, through every way a password is set', () => {
  // Each rule refused with BAD_USER_INPUT naming the password field, on create, change and reset.
  const refused: [string, (username: string) => string, string][] = [
    ['shorter than 10 characters', () => 'Abc-12345', 'MIN_LENGTH'],
    ['fewer than 3 character classes', () => 'abcdefgh12', 'CHARACTER_CLASSES'],
    ['containing the username', (username) => `X-${username.toUpperCase()}-9`, 'CONTAINS_USERNAME'],
  ];

  test.each(refused)('createAccount refuses a password %s', async (_, password, rule) => {
    const username = unique('pol');
    const res = await call(t, 'createAccount', { username, password: password(username), roles: ['INSPECTION_OFFICE'], regionIds: [r.countyA] }, 'account { id }', { token: t.adminToken });
    expectError(res, 'BAD_USER_INPUT', 'password');
    expect(res.errors![0].extensions!.rules).toContain(rule);
  });

  test.each(refused)('changePassword refuses a new password %s', async (_, password, rule) => {
    const a = await office();
    const res = await changePassword((await signIn(t, a)).token, a.password, password(a.username));
    expectError(res, 'BAD_USER_INPUT', 'newPassword');
    expect(res.errors![0].extensions!.rules).toContain(rule);
  });

  test.each(refused)('resetPassword refuses a temporary password %s', async (_, password, rule) => {
    const a = await office();
    const res = await call(t, 'resetPassword', { accountId: a.id, temporaryPassword: password(a.username) }, 'account { id }', { token: t.adminToken });
    expectError(res, 'BAD_USER_INPUT', 'temporaryPassword');
    expect(res.errors![0].extensions!.rules).toContain(rule);
  });

  test('the well-known 12345678 and password are refused, in the request’s language', async () => {
    for (const password of ['12345678', 'password']) {
      const res = await call(t, 'createAccount', { username: unique('weak'), password, roles: ['INSPECTION_OFFICE'], regionIds: [r.countyA] }, 'account { id }', { token: t.adminToken, lang: 'en' });
      expectError(res, 'BAD_USER_INPUT', 'password');
      expect(res.errors![0].message).toBe('The password does not meet the policy: at least 10 characters; at least 3 of upper case, lower case, digits and symbols');
    }
  });

  test('none of the last 5 passwords (the current one included); the 6th before is allowed again', async () => {
    const a = await office();
    let token = (await signIn(t, a)).token;
    const passwords = [a.password];
    for (let i = 1; i <= 5; i++) {
      const next = `Rotation-${i}-pass`;
      token = ok(await changePassword(token, passwords[passwords.length - 1], next)).changePassword.token;
      passwords.push(next);
    }
    const current = passwords[5];
    // The current one and the four before it are refused.
    for (const old of passwords.slice(1)) {
      const res = await changePassword(token, current, old);
      expectError(res, 'BAD_USER_INPUT', 'newPassword');
      expect(res.errors![0].extensions!.rules).toEqual(['RECENTLY_USED']);
    }
    // The first one is six passwords ago now.
    token = ok(await changePassword(token, current, passwords[0])).changePassword.token;
    expect(ok(await t.gql(ME, {}, { token })).me.id).toBe(a.id);
  });

  test('a stricter policy set by the security administrator applies to the next password set', async () => {
    await t.admin('mutation($i: SetSecuritySettingsInput!) { setSecuritySettings(input: $i) { settings { passwordMinLength passwordMinClasses } } }', {
      i: { passwordMinLength: 14, passwordMinClasses: 4 },
    });
    try {
      const res = await call(t, 'createAccount', { username: unique('strict'), password: 'Abcdefgh-123', roles: ['INSPECTION_OFFICE'], regionIds: [r.countyA] }, 'account { id }', { token: t.adminToken });
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password', rules: ['MIN_LENGTH'] });
      ok(await call(t, 'createAccount', { username: unique('strict'), password: 'Abcdefgh-12345', roles: ['INSPECTION_OFFICE'], regionIds: [r.countyA] }, 'account { id }', { token: t.adminToken }));
    } finally {
      await t.admin('mutation($i: SetSecuritySettingsInput!) { setSecuritySettings(input: $i) { settings { passwordMinLength } } }', { i: { passwordMinLength: 10, passwordMinClasses: 3 } });
    }
  });

  test('settings out of range are refused with the field named', async () => {
    const res = await t.gql('mutation($i: SetSecuritySettingsInput!) { setSecuritySettings(input: $i) { settings { passwordMinLength } } }', { i: { passwordMinLength: 6 } }, { token: t.adminToken });
    expectError(res, 'BAD_USER_INPUT', 'passwordMinLength');
  });
});

describe('changing one’s own password', () => {
  test('needs the current password; ends every other session; gives this session a fresh token', async () => {
    const a = await office();
    const first = (await signIn(t, a)).token;
    const second = (await signIn(t, a)).token;
    expectError(await changePassword(first, 'not-the-password-1', 'Brand-New-Pass-1'), 'BAD_USER_INPUT', 'currentPassword');
    const fresh = ok(await changePassword(first, a.password, 'Brand-New-Pass-1')).changePassword.token;
    expect(fresh).not.toBe(first);
    expect(ok(await t.gql(ME, {}, { token: fresh })).me.id).toBe(a.id);
    expect(ok(await t.gql(ME, {}, { token: first })).me.id).toBe(a.id); // the same session, still open
    expectError(await t.gql(ME, {}, { token: second }), 'UNAUTHENTICATED');
    expectError(await loginAt(t.url, a.username, a.password), 'UNAUTHENTICATED');
    expect((await signIn(t, { username: a.username, password: 'Brand-New-Pass-1' })).passwordChangeRequired).toBe(false);
  });
});

describe('reset, must-change and expiry', () => {
  test('a reset ends the account’s sessions and forces a change: the token can do nothing but changePassword', async () => {
    const a = await office();
    const before = (await signIn(t, a)).token;
    const reset = ok(await call(t, 'resetPassword', { accountId: a.id, temporaryPassword: 'Temporary-Pass-7' }, ACCOUNT_FIELDS, { token: t.adminToken })).resetPassword.account;
    expect(reset.mustChangePassword).toBe(true);
    expectError(await t.gql(ME, {}, { token: before }), 'UNAUTHENTICATED');

    const login = await signIn(t, { username: a.username, password: 'Temporary-Pass-7' });
    expect(login.passwordChangeRequired).toBe(true);
    const restricted = login.token;
    for (const query of [ME, '{ mySessions { id } }', `{ persons(filter: { regionId: "${r.countyA}" }, first: 5) { totalCount } }`]) {
      const res = await t.gql(query, {}, { token: restricted });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', passwordChangeRequired: true });
      expect(res.data ?? null).toBeNull();
    }
    expectError(await call(t, 'createPerson', { regionId: r.countyA, name: '不该建成' }, 'person { id }', { token: restricted }), 'FORBIDDEN');
    // The temporary password is in the history: it cannot be kept.
    expectError(await changePassword(restricted, 'Temporary-Pass-7', 'Temporary-Pass-7'), 'BAD_USER_INPUT', 'newPassword');
    const token = ok(await changePassword(restricted, 'Temporary-Pass-7', 'Chosen-Again-8')).changePassword.token;
    expect(ok(await t.gql(ME, {}, { token })).me.id).toBe(a.id);
    expect(ok(await t.gql(ME, {}, { token: restricted })).me.id).toBe(a.id);
    const after = await signIn(t, { username: a.username, password: 'Chosen-Again-8' });
    expect(after.passwordChangeRequired).toBe(false);
    expect(ok(await t.gql(`{ me { mustChangePassword } }`, {}, { token: after.token })).me.mustChangePassword).toBe(false);
  });

  test('an account an administrator creates need not change its password at first sign-in', async () => {
    const a = await office();
    const login = await signIn(t, a);
    expect(login.passwordChangeRequired).toBe(false);
    expect(ok(await t.gql(ME, {}, { token: login.token })).me.username).toBe(a.username);
  });

  test('a password older than 90 days has expired: sign-in gives a token for changePassword only; 0 turns expiry off', async () => {
    const a = await office();
    const start = t.authClock.now();
    const setMaxAge = (days: number) =>
      t.admin('mutation($i: SetSecuritySettingsInput!) { setSecuritySettings(input: $i) { settings { passwordMaxAgeDays } } }', { i: { passwordMaxAgeDays: days } });
    // Signs in `days` later (no other token is used meanwhile: their sessions would time out).
    const later = async (days: number) => {
      t.authClock.set(new Date(start.getTime() + days * 86_400_000));
      try {
        const login = await signIn(t, a);
        return { required: login.passwordChangeRequired, me: codeOf(await t.gql(ME, {}, { token: login.token })) ?? 'OK' };
      } finally {
        t.authClock.set(start);
      }
    };
    expect(await later(89)).toEqual({ required: false, me: 'OK' });
    expect(await later(91)).toEqual({ required: true, me: 'FORBIDDEN' });
    await setMaxAge(0);
    try {
      expect(await later(91)).toEqual({ required: false, me: 'OK' });
    } finally {
      await setMaxAge(90);
    }
  });

  test('a generated bootstrap password must be changed at first sign-in', async () => {
    const database = await freshDatabase();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, DATA_DIR: database.dataDir, JWT_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent' });
    const { server, generatedAdmin } = await bootServer({ config, clock: new SettableClock('2025-06-02'), authClock: new SettableClock(new Date()) });
    try {
      await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
      expect(generatedAdmin?.username).toBe('admin');
      const login = ok(await loginAt(url, 'admin', generatedAdmin!.password)).login;
      expect(login.passwordChangeRequired).toBe(true);
    } finally {
      await server.stop();
      await database.drop();
    }
  });

  test('BOOTSTRAP_ADMIN_PASSWORD, chosen by the operator, need not be changed', async () => {
    expect(ok(await loginAt(t.url, 'admin', 'Bootstrap-Pass-2025')).login.passwordChangeRequired).toBe(false);
  });
});

describe('updateAccount', () => {
  let a: TestAccount;
  let token: string;
  beforeAll(async () => {
    a = await office();
    token = (await signIn(t, a)).token;
  });

  test('changes roles, regions and person (only the fields given); they apply on the next request', async () => {
    expectError(await t.gql(`{ persons(filter: { regionId: "${r.countyB}" }, first: 1) { totalCount } }`, {}, { token }), 'BAD_USER_INPUT', 'regionId');
    const person = await createPerson(t, r.countyA, '账号人');
    const updated = ok(await call(t, 'updateAccount', { accountId: a.id, regionIds: [r.countyB], personId: person }, ACCOUNT_FIELDS, { token: t.adminToken })).updateAccount.account;
    expect(updated).toMatchObject({ roles: ['INSPECTION_OFFICE'], regions: [{ id: r.countyB }], person: { id: person }, disabled: false });
    expect(ok(await t.gql(`{ persons(filter: { regionId: "${r.countyB}" }, first: 1) { totalCount } }`, {}, { token })).persons.totalCount).toBe(0);
    const roles = ok(await call(t, 'updateAccount', { accountId: a.id, roles: ['ORG_DEPARTMENT'] }, ACCOUNT_FIELDS, { token: t.adminToken })).updateAccount.account;
    expect(roles).toMatchObject({ roles: ['ORG_DEPARTMENT'], regions: [{ id: r.countyB }], person: { id: person } });
    expectError(await call(t, 'createUnit', { regionId: r.countyB, name: '组织部不建单位', kind: 'DEPARTMENT' }, 'unit { id }', { token }), 'FORBIDDEN');
  });

  test('disabling ends its sessions at once and refuses sign-in; enabling lets it sign in again', async () => {
    const b = await office();
    const open = (await signIn(t, b)).token;
    ok(await call(t, 'updateAccount', { accountId: b.id, disabled: true }, ACCOUNT_FIELDS, { token: t.adminToken }));
    expectError(await t.gql(ME, {}, { token: open }), 'UNAUTHENTICATED');
    expectError(await loginAt(t.url, b.username, b.password), 'UNAUTHENTICATED');
    ok(await call(t, 'updateAccount', { accountId: b.id, disabled: false }, ACCOUNT_FIELDS, { token: t.adminToken }));
    expect(ok(await t.gql(ME, {}, { token: (await signIn(t, b)).token })).me.id).toBe(b.id);
    expectError(await t.gql(ME, {}, { token: open }), 'UNAUTHENTICATED');
  });

  test('refused: unknown account, roles that need a person, no region, own roles, disabling oneself, other roles', async () => {
    const admin = ok(await t.gql(ME, {}, { token: t.adminToken })).me.id;
    expectError(await call(t, 'updateAccount', { accountId: 'no-such-account', disabled: true }, 'account { id }', { token: t.adminToken }), 'BAD_USER_INPUT', 'accountId');
    expectError(await call(t, 'updateAccount', { accountId: a.id, roles: ['INSPECTOR'], personId: null }, 'account { id }', { token: t.adminToken }), 'BAD_USER_INPUT', 'personId');
    expectError(await call(t, 'updateAccount', { accountId: a.id, regionIds: [] }, 'account { id }', { token: t.adminToken }), 'BAD_USER_INPUT', 'regionIds');
    expectError(await call(t, 'updateAccount', { accountId: admin, roles: ['ADMIN', 'AUDIT_ADMIN'] }, 'account { id }', { token: t.adminToken }), 'BAD_USER_INPUT', 'roles');
    expectError(await call(t, 'updateAccount', { accountId: admin, disabled: true }, 'account { id }', { token: t.adminToken }), 'BAD_USER_INPUT', 'disabled');
    expectError(await call(t, 'updateAccount', { accountId: a.id, disabled: true }, 'account { id }', { token }), 'FORBIDDEN');
  });

  test('the security administrator finds accounts by username', async () => {
    const security = await createTestAccount(t, { roles: ['SECURITY_ADMIN'] });
    const found = ok(await t.gql('query($u: String) { accounts(first: 5, usernameContains: $u) { totalCount edges { node { id username } } } }', { u: a.username.toUpperCase() }, { token: (await signIn(t, security)).token })).accounts;
    expect(found.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([a.id]);
    expectError(await t.gql('{ accounts(first: 5) { totalCount } }', {}, { token }), 'FORBIDDEN');
  });
});
