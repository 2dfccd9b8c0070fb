import { call, createTestAccount, loginAt, ME, signIn, TestAccount } from '../support/accounts';
import { basicRegions } from '../support/fixtures';
import { codeOf, ok } from '../support/graphql-client';
import { expectError } from '../support/operations';
import { startTestServer, TestServer } from '../support/server';
import { totpCode } from '../../src/auth/totp';

/** TOTP second factor (RFC 6238), with the auth clock fixed: enrolment, sign-in, recovery codes, required roles. */
let t: TestServer;
let countyA: string;
let securityToken: string;
beforeAll(async () => {
  t = await startTestServer();
  countyA = (await basicRegions(t)).countyA;
  securityToken = (await signIn(t, await createTestAccount(t, { roles: ['SECURITY_ADMIN'] }))).token;
  // Mid-step, so that "the next step" is 30 s away for every test.
  t.authClock.set(new Date(Math.floor(t.authClock.now().getTime() / 30_000) * 30_000 + 10_000));
});
afterAll(() => t.close());

const office = () => createTestAccount(t, { roles: ['INSPECTION_OFFICE'], regionIds: [countyA] });
const START = 'mutation { startTotpEnrolment { secret provisioningUri } }';
const codeAt = (secret: string, seconds = 0) => totpCode(secret, new Date(t.authClock.now().getTime() + seconds * 1000));

async function enrol(a: TestAccount, token?: string): Promise<{ secret: string; recoveryCodes: string[]; token: string }> {
  const tk = token ?? (await signIn(t, a)).token;
  const { secret } = ok(await t.gql(START, {}, { token: tk })).startTotpEnrolment;
  const recoveryCodes = ok(await call(t, 'confirmTotpEnrolment', { code: codeAt(secret) }, 'recoveryCodes', { token: tk })).confirmTotpEnrolment.recoveryCodes;
  return { secret, recoveryCodes, token: tk };
}

/** Moves the auth clock by whole 30 s steps (codes are used once: a later sign-in needs a later step). */
const nextStep = () => t.authClock.set(new Date(t.authClock.now().getTime() + 30_000));

describe('enrolment', () => {
  test('a provisioning URI for the app; a wrong code is refused; the right one enrols and returns ten recovery codes', async () => {
    const a = await office();
    const token = (await signIn(t, a)).token;
    const start = ok(await t.gql(START, {}, { token })).startTotpEnrolment;
    expect(start.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(start.provisioningUri);
    expect([uri.protocol, uri.host, decodeURIComponent(uri.pathname)]).toEqual(['otpauth:', 'totp', `/Inspection Personnel:${a.username}`]);
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({ secret: start.secret, algorithm: 'SHA1', digits: '6', period: '30' });

    const wrong = codeAt(start.secret, 120);
    expectError(await call(t, 'confirmTotpEnrolment', { code: wrong }, 'recoveryCodes', { token }), 'BAD_USER_INPUT', 'code');
    expect(ok(await t.gql('{ me { totpEnabled } }', {}, { token })).me.totpEnabled).toBe(false);

    const codes = ok(await call(t, 'confirmTotpEnrolment', { code: codeAt(start.secret) }, 'recoveryCodes', { token })).confirmTotpEnrolment.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(ok(await t.gql('{ me { totpEnabled } }', {}, { token })).me.totpEnabled).toBe(true);
    // Stored as hashes only.
    const raw = JSON.stringify(await t.server.db.dataSource.query('SELECT * FROM recovery_codes'));
    for (const c of codes) expect(raw).not.toContain(c);
    // A second enrolment waits until this one is removed.
    expectError(await t.gql(START, {}, { token }), 'CONFLICT');
  });
});

describe('signing in with a code', () => {
  let a: TestAccount;
  let secret: string;
  let recoveryCodes: string[];
  beforeAll(async () => {
    a = await office();
    ({ secret, recoveryCodes } = await enrol(a));
    nextStep();
  });

  test('without a code: UNAUTHENTICATED asking for it; with a wrong one: the usual failure', async () => {
    expect((await loginAt(t.url, a.username, a.password)).errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', field: 'otp', otpRequired: true });
    expect((await loginAt(t.url, a.username, a.password, '000000')).errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    // A wrong password is not told apart by the code.
    expect((await loginAt(t.url, a.username, 'Wrong-Pass-1x', codeAt(secret))).errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  test('the current code signs in, once; a code one step off is accepted, two steps off is not', async () => {
    const login = await signIn(t, a, codeAt(secret));
    expect(ok(await t.gql(ME, {}, { token: login.token })).me.id).toBe(a.id);
    expectError(await loginAt(t.url, a.username, a.password, codeAt(secret)), 'UNAUTHENTICATED');
    nextStep();
    nextStep();
    expectError(await loginAt(t.url, a.username, a.password, codeAt(secret, -60)), 'UNAUTHENTICATED');
    expect((await signIn(t, a, codeAt(secret, -30))).account.id).toBe(a.id);
    nextStep();
    nextStep();
    expect((await signIn(t, a, codeAt(secret, 30))).account.id).toBe(a.id);
  });

  test('a recovery code signs in once', async () => {
    expect((await signIn(t, a, recoveryCodes[0].toLowerCase())).account.id).toBe(a.id);
    expectError(await loginAt(t.url, a.username, a.password, recoveryCodes[0]), 'UNAUTHENTICATED');
    expect((await signIn(t, a, recoveryCodes[1].replace(/-/g, ''))).account.id).toBe(a.id);
  });

  test('wrong and reused codes counted towards the lockout: five of them locked the account', async () => {
    expectError(await loginAt(t.url, a.username, a.password, codeAt(secret, 30)), 'UNAUTHENTICATED');
    ok(await call(t, 'unlockAccount', { accountId: a.id }, 'account { id }', { token: securityToken }));
  });

  test('removing it needs the current password; sign-in then needs no code', async () => {
    // Past the last step accepted (one step ahead, in the test before last).
    nextStep();
    nextStep();
    const token = (await signIn(t, a, codeAt(secret))).token;
    expectError(await call(t, 'disableTotp', { currentPassword: 'Wrong-Pass-1x' }, 'account { totpEnabled }', { token }), 'BAD_USER_INPUT', 'currentPassword');
    expect(ok(await call(t, 'disableTotp', { currentPassword: a.password }, 'account { totpEnabled }', { token })).disableTotp.account.totpEnabled).toBe(false);
    expect((await signIn(t, a)).account.id).toBe(a.id);
  });
});

describe('required for chosen roles', () => {
  const setRequired = (roles: string[]) => t.gql('mutation($i: SetSecuritySettingsInput!) { setSecuritySettings(input: $i) { settings { totpRequiredRoles } } }', { i: { totpRequiredRoles: roles } }, { token: securityToken });
  beforeAll(async () => ok(await setRequired(['INSPECTION_OFFICE'])));
  afterAll(async () => ok(await setRequired([])));

  test('an account of such a role without a code enrols before anything else, with the same session', async () => {
    const a = await office();
    const login = await signIn(t, a);
    expect(login).toMatchObject({ totpEnrolmentRequired: true, passwordChangeRequired: false });
    const res = await t.gql(ME, {}, { token: login.token });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', totpEnrolmentRequired: true });
    const { secret } = await enrol(a, login.token);
    expect(ok(await t.gql(ME, {}, { token: login.token })).me.id).toBe(a.id);
    // Required: it cannot be removed by its owner.
    expectError(await call(t, 'disableTotp', { currentPassword: a.password }, 'account { id }', { token: login.token }), 'CONFLICT');
    nextStep();
    expect((await signIn(t, a, codeAt(secret))).totpEnrolmentRequired).toBe(false);
  });

  test('other roles are not asked', async () => {
    const other = await createTestAccount(t, { roles: ['ORG_DEPARTMENT'], regionIds: [countyA] });
    expect((await signIn(t, other)).totpEnrolmentRequired).toBe(false);
  });

  test('the security administrator removes a lost authenticator: its sessions end, and it must enrol again', async () => {
    const a = await office();
    const { secret } = await enrol(a, (await signIn(t, a)).token);
    nextStep();
    const open = (await signIn(t, a, codeAt(secret))).token;
    ok(await call(t, 'resetTotp', { accountId: a.id }, 'account { totpEnabled }', { token: securityToken }));
    expect(codeOf(await t.gql(ME, {}, { token: open }))).toBe('UNAUTHENTICATED');
    expect((await signIn(t, a)).totpEnrolmentRequired).toBe(true);
    expectError(await call(t, 'resetTotp', { accountId: a.id }, 'account { id }', { token: open }), 'UNAUTHENTICATED');
  });

  test('enrolment and removal are recorded', async () => {
    const kinds = ok(await t.gql('{ auditLog(first: 100) { edges { node { kind } } } }', {}, { token: t.adminToken })).auditLog.edges.map((e: { node: { kind: string } }) => e.node.kind);
    expect(kinds).toEqual(expect.arrayContaining(['SECOND_FACTOR_ENROLLED', 'SECOND_FACTOR_REMOVED', 'RECOVERY_CODE_USED']));
  });
});
