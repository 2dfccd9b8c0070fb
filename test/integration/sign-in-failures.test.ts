import { authClockLater, call, createTestAccount, loginAt, signIn, TestAccount } from '../support/accounts';
import { basicRegions } from '../support/fixtures';
import { GqlResult, ok } from '../support/graphql-client';
import { expectError, unique } from '../support/operations';
import { startTestServer, TestServer } from '../support/server';

/** Sign-in failures: lockout, the same answer for every failure, address throttling, and their records. */
let t: TestServer;
let countyA: string;
let security: TestAccount;
let securityToken: string;
beforeAll(async () => {
  t = await startTestServer();
  countyA = (await basicRegions(t)).countyA;
  security = await createTestAccount(t, { roles: ['SECURITY_ADMIN'] });
  securityToken = (await signIn(t, security)).token;
});
afterAll(() => t.close());

const office = () => createTestAccount(t, { roles: ['INSPECTION_OFFICE'], regionIds: [countyA] });
const attempt = (username: string, password: string) => loginAt(t.url, username, password);
const lockedUntil = async (a: TestAccount) =>
  ok(await t.gql('query($u: String) { accounts(first: 1, usernameContains: $u) { edges { node { lockedUntil } } } }', { u: a.username }, { token: securityToken })).accounts.edges[0].node.lockedUntil;
const answer = (r: GqlResult) => ({ data: r.data ?? null, errors: r.errors?.map((e) => ({ message: e.message, extensions: e.extensions })) });
const setSettings = (i: Record<string, unknown>) => t.gql('mutation($i: SetSecuritySettingsInput!) { setSecuritySettings(input: $i) { settings { lockoutThreshold } } }', { i }, { token: securityToken });

const after = <T>(minutes: number, work: () => Promise<T>) => authClockLater(t, minutes, work);

describe('the same answer for every failure that could tell a username exists', () => {
  test('unknown username, wrong password, locked and disabled accounts: one answer, in both languages', async () => {
    const [wrong, locked, disabled] = [await office(), await office(), await office()];
    for (let i = 0; i < 5; i++) await attempt(locked.username, 'Not-The-Pass-1');
    ok(await call(t, 'updateAccount', { accountId: disabled.id, disabled: true }, 'account { id }', { token: securityToken }));
    for (const lang of ['zh', 'en']) {
      const answers = await Promise.all(
        [
          loginAt(t.url, unique('nobody'), 'Not-The-Pass-1', undefined, { lang }),
          loginAt(t.url, wrong.username, 'Not-The-Pass-1', undefined, { lang }),
          loginAt(t.url, locked.username, locked.password, undefined, { lang }),
          loginAt(t.url, disabled.username, disabled.password, undefined, { lang }),
        ].map(async (p) => answer(await p)),
      );
      expect(answers[0].errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect(answers[0].errors![0].message).toMatch(lang === 'en' ? /^Wrong username or password/ : /^用户名或密码错误/);
      expect(answers.slice(1)).toEqual([answers[0], answers[0], answers[0]]);
    }
  });

  test('an unknown username costs about what a wrong password costs (scrypt against a dummy hash): ratio of medians within 3', async () => {
    const a = await office();
    const timed = async (username: string) => {
      const started = process.hrtime.bigint();
      await attempt(username, 'Not-The-Pass-1');
      return Number(process.hrtime.bigint() - started);
    };
    const unknown: number[] = [];
    const wrong: number[] = [];
    // Interleaved, so that the machine's load falls on both alike.
    for (let i = 0; i < 8; i++) {
      unknown.push(await timed(unique('nobody')));
      wrong.push(await timed(a.username));
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });
});

describe('lockout after 5 consecutive failures', () => {
  test('the 5th failure locks for 15 minutes: the right password is refused until then', async () => {
    const a = await office();
    for (let i = 1; i <= 4; i++) expectError(await attempt(a.username, `Wrong-Pass-${i}x`), 'UNAUTHENTICATED');
    expect(await lockedUntil(a)).toBeNull();
    expectError(await attempt(a.username, 'Wrong-Pass-5x'), 'UNAUTHENTICATED');
    const until = new Date(await lockedUntil(a));
    expect(until.getTime() - t.authClock.now().getTime()).toBe(15 * 60_000);
    expectError(await attempt(a.username, a.password), 'UNAUTHENTICATED');
    expect(await after(14, async () => answer(await attempt(a.username, a.password)).errors?.[0].extensions?.code)).toBe('UNAUTHENTICATED');
    expect(await after(15, async () => ok(await attempt(a.username, a.password)).login.account.id)).toBe(a.id);
  });

  test('a success in between starts the count again', async () => {
    const a = await office();
    for (let i = 0; i < 4; i++) await attempt(a.username, 'Wrong-Pass-1x');
    await signIn(t, a);
    for (let i = 0; i < 4; i++) await attempt(a.username, 'Wrong-Pass-1x');
    expect(await lockedUntil(a)).toBeNull();
    expect((await signIn(t, a)).token).toEqual(expect.any(String));
  });

  test('the threshold and the duration are settings', async () => {
    ok(await setSettings({ lockoutThreshold: 3, lockoutMinutes: 60 }));
    try {
      const a = await office();
      for (let i = 0; i < 3; i++) await attempt(a.username, 'Wrong-Pass-1x');
      expect(new Date(await lockedUntil(a)).getTime() - t.authClock.now().getTime()).toBe(60 * 60_000);
    } finally {
      ok(await setSettings({ lockoutThreshold: 5, lockoutMinutes: 15 }));
    }
  });

  test('wrong current passwords in changePassword count too', async () => {
    const a = await office();
    const token = (await signIn(t, a)).token;
    for (let i = 0; i < 5; i++) expectError(await call(t, 'changePassword', { currentPassword: 'Wrong-Pass-1x', newPassword: 'Another-Pass-9' }, 'token', { token }), 'BAD_USER_INPUT', 'currentPassword');
    expect(await lockedUntil(a)).not.toBeNull();
    expectError(await call(t, 'changePassword', { currentPassword: a.password, newPassword: 'Another-Pass-9' }, 'token', { token }), 'BAD_USER_INPUT', 'currentPassword');
  });

  test('the security administrator lifts a lockout; nobody else may', async () => {
    const a = await office();
    for (let i = 0; i < 5; i++) await attempt(a.username, 'Wrong-Pass-1x');
    const other = (await signIn(t, await office())).token;
    expectError(await call(t, 'unlockAccount', { accountId: a.id }, 'account { id }', { token: other }), 'FORBIDDEN');
    const unlocked = ok(await call(t, 'unlockAccount', { accountId: a.id }, 'account { id lockedUntil }', { token: securityToken })).unlockAccount.account;
    expect(unlocked).toEqual({ id: a.id, lockedUntil: null });
    expect((await signIn(t, a)).account.id).toBe(a.id);
  });

  test('failures, the lockout and the unlock are recorded: username as typed, client address, reason', async () => {
    const a = await office();
    const typed = `  ${a.username.toUpperCase()} `;
    for (let i = 0; i < 5; i++) await attempt(typed, 'Wrong-Pass-1x');
    await attempt(`${a.username}-typo`, 'Wrong-Pass-1x');
    ok(await call(t, 'unlockAccount', { accountId: a.id }, 'account { id }', { token: securityToken }));
    const records = ok(
      await t.gql('query($f: AuditFilter) { auditLog(first: 20, filter: $f) { edges { node { kind username clientAddress reason account { id } targetIds } } } }', { f: { personId: a.id } }, { token: t.adminToken }),
    ).auditLog.edges.map((e: { node: any }) => e.node);
    const kinds = records.map((r: { kind: string }) => r.kind);
    expect(kinds.slice(0, 4)).toEqual(['ACCOUNT_UNLOCKED', 'MUTATION', 'LOCKOUT', 'SIGN_IN_FAILED']);
    const failures = records.filter((r: { kind: string }) => r.kind === 'SIGN_IN_FAILED');
    expect(failures).toHaveLength(5);
    for (const f of failures) expect(f).toMatchObject({ username: typed, reason: 'WRONG_PASSWORD', account: { id: a.id }, clientAddress: expect.stringMatching(/127\.0\.0\.1/) });
    const unknown = ok(await t.gql('query($f: AuditFilter) { auditLog(first: 1, filter: $f) { edges { node { username reason account { id } } } } }', { f: { kind: 'SIGN_IN_FAILED' } }, { token: t.adminToken })).auditLog.edges[0].node;
    expect(unknown).toEqual({ username: `${a.username}-typo`, reason: 'UNKNOWN_USERNAME', account: null });
  });
});

describe('throttling per client address', () => {
  test('beyond the limit of failures in the window, an address gets one attempt per delay; the right password then works', async () => {
    // The lowest limit allowed, so that the test stays short; the default is 50.
    ok(await setSettings({ addressFailureLimit: 10, addressDelaySeconds: 5 }));
    const a = await office();
    // Past the window of earlier tests' failures (and their sessions' idle limit: sign in again).
    t.authClock.set(new Date(t.authClock.now().getTime() + 60 * 60_000));
    securityToken = (await signIn(t, security)).token;
    try {
      for (let i = 1; i <= 11; i++) expect([i, (await attempt(unique('nobody'), 'Wrong-Pass-1x')).errors?.[0].extensions]).toEqual([i, { code: 'UNAUTHENTICATED' }]);
      // The 12th attempt: more than 10 failures in the window.
      expect((await attempt(unique('nobody'), 'Wrong-Pass-1x')).errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', retryAfterSeconds: 5 });
      // Delayed: even the right password is not tried.
      expect((await attempt(a.username, a.password)).errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', retryAfterSeconds: 5 });
      const signedIn = await after(5 / 60, async () => ok(await attempt(a.username, a.password)).login.account.id);
      expect(signedIn).toBe(a.id);
    } finally {
      ok(await setSettings({ addressFailureLimit: 50 }));
    }
  });
});
