import { decodeJwt, SignJWT } from 'jose';
import { authClockLater, call, createTestAccount, ME, signIn, TestAccount } from '../support/accounts';
import { basicRegions } from '../support/fixtures';
import { codeOf, ok } from '../support/graphql-client';
import { expectError } from '../support/operations';
import { startTestServer, TEST_JWT_SECRET, TestServer } from '../support/server';

/** Sessions: every token names a server-side session that ends on sign-out, timeouts and administrator action. */
let t: TestServer;
let countyA: string;
beforeAll(async () => {
  t = await startTestServer();
  countyA = (await basicRegions(t)).countyA;
});
afterAll(() => t.close());

const office = () => createTestAccount(t, { roles: ['INSPECTION_OFFICE'], regionIds: [countyA] });
const meCode = async (token: string) => codeOf(await t.gql(ME, {}, { token })) ?? 'OK';
const SESSIONS = '{ mySessions { id current createdAt lastSeenAt expiresAt clientAddress } }';

const after = <T>(minutes: number, work: () => Promise<T>) => authClockLater(t, minutes, work);

describe('tokens', () => {
  const key = new TextEncoder().encode(TEST_JWT_SECRET);
  const forge = (claims: { sid: string; sub: string }, exp: boolean) => {
    const jwt = new SignJWT({ sid: claims.sid }).setProtectedHeader({ alg: 'HS256' }).setSubject(claims.sub).setIssuer('inspection-personnel-service').setIssuedAt();
    if (exp) jwt.setExpirationTime('1h');
    return jwt.sign(key);
  };

  test('a token carries the session and an expiry; a correctly signed token without exp is refused', async () => {
    const a = await office();
    const claims = decodeJwt((await signIn(t, a)).token) as { sid: string; sub: string; exp: number };
    expect(claims).toMatchObject({ sid: expect.any(String), sub: a.id, exp: expect.any(Number) });
    expect(await meCode(await forge(claims, true))).toBe('OK');
    expect(await meCode(await forge(claims, false))).toBe('UNAUTHENTICATED');
  });

  test('a token naming no session, or another account’s session, is refused', async () => {
    const [a, b] = [await office(), await office()];
    const claims = decodeJwt((await signIn(t, a)).token) as { sid: string; sub: string };
    expect(await meCode(await forge({ sid: '01900000-0000-7000-8000-000000000000', sub: a.id }, true))).toBe('UNAUTHENTICATED');
    expect(await meCode(await forge({ sid: claims.sid, sub: b.id }, true))).toBe('UNAUTHENTICATED');
  });
});

describe('signing out', () => {
  test('this session only, or every session of the account', async () => {
    const a = await office();
    const [one, two, three] = [(await signIn(t, a)).token, (await signIn(t, a)).token, (await signIn(t, a)).token];
    expect(ok(await call(t, 'signOut', { allSessions: false }, 'endedSessions', { token: one })).signOut.endedSessions).toBe(1);
    expect([await meCode(one), await meCode(two), await meCode(three)]).toEqual(['UNAUTHENTICATED', 'OK', 'OK']);
    expect(ok(await call(t, 'signOut', { allSessions: true }, 'endedSessions', { token: two })).signOut.endedSessions).toBe(2);
    expect([await meCode(two), await meCode(three)]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expectError(await call(t, 'signOut', { allSessions: true }, 'endedSessions', { token: two }), 'UNAUTHENTICATED');
  });
});

describe('timeouts (auth clock moved; the session is used only by the test meanwhile)', () => {
  test('30 minutes idle ends a session; use within them keeps it open', async () => {
    const a = await office();
    const token = (await signIn(t, a)).token;
    expect(await after(29, () => meCode(token))).toBe('OK');
    // Used at 29 minutes: idle from then on.
    expect(await after(58, () => meCode(token))).toBe('OK');
    expect(await after(58 + 30, () => meCode(token))).toBe('UNAUTHENTICATED');
    // Ended, not only idle: the clock coming back does not revive it.
    expect(await meCode(token)).toBe('UNAUTHENTICATED');
  });

  test('12 hours in all end a session however busy', async () => {
    const a = await office();
    const token = (await signIn(t, a)).token;
    for (let minutes = 25; minutes < 12 * 60; minutes += 25) expect([minutes, await after(minutes, () => meCode(token))]).toEqual([minutes, 'OK']);
    expect(await after(12 * 60, () => meCode(token))).toBe('UNAUTHENTICATED');
  });

  test('the limits are settings', async () => {
    const a = await office();
    const token = (await signIn(t, a)).token;
    const set = (i: Record<string, number>) => t.admin('mutation($i: SetSecuritySettingsInput!) { setSecuritySettings(input: $i) { settings { sessionIdleMinutes } } }', { i });
    await set({ sessionIdleMinutes: 10 });
    try {
      expect(await after(11, () => meCode(token))).toBe('UNAUTHENTICATED');
    } finally {
      await set({ sessionIdleMinutes: 30 });
    }
  });

  test('a timed-out session is recorded as ended, once', async () => {
    const a = await office();
    const token = (await signIn(t, a)).token;
    await after(31, async () => {
      expect(await meCode(token)).toBe('UNAUTHENTICATED');
      expect(await meCode(token)).toBe('UNAUTHENTICATED');
    });
    const ends = ok(await t.gql('query($f: AuditFilter) { auditLog(first: 10, filter: $f) { edges { node { reason account { id } } } } }', { f: { kind: 'SESSION_ENDED', accountId: a.id } }, { token: t.adminToken })).auditLog.edges;
    expect(ends.map((e: { node: unknown }) => e.node)).toEqual([{ reason: 'IDLE', account: { id: a.id } }]);
  });
});

describe('the cost of a signed-in request', () => {
  test('one statement loads session, account, regions and settings; last-seen is written at most once a minute', async () => {
    const a = await office();
    const token = (await signIn(t, a)).token;
    const statements = async () => {
      t.resetCount();
      ok(await t.gql('{ __typename }', {}, { token }));
      return t.queryCount;
    };
    expect(await statements()).toBe(1);
    expect(await statements()).toBe(1);
    await after(1, async () => {
      // The SELECT, then the update of last-seen in its transaction (BEGIN, UPDATE, COMMIT).
      expect(await statements()).toBeGreaterThan(1);
      expect(await statements()).toBe(1);
    });
  });

  test('requests that find last-seen stale at the same time write it once', async () => {
    const token = (await signIn(t, await office())).token;
    await after(2, async () => {
      t.server.db.counter.reset(true);
      await Promise.all(Array.from({ length: 8 }, async () => ok(await t.gql('{ __typename }', {}, { token }))));
      const writes = (t.server.db.counter.recorded ?? []).filter((q) => /^UPDATE\s+\S*sessions/i.test(q));
      expect(writes).toHaveLength(1);
    });
  });
});

describe('listing and ending sessions', () => {
  let a: TestAccount;
  let tokens: string[];
  beforeAll(async () => {
    a = await office();
    tokens = [(await signIn(t, a)).token, (await signIn(t, a)).token];
  });

  test('mySessions lists one’s own active sessions, marking the current one', async () => {
    const mine = ok(await t.gql(SESSIONS, {}, { token: tokens[1] })).mySessions;
    expect(mine).toHaveLength(2);
    expect(mine.map((s: { current: boolean }) => s.current)).toEqual([true, false]);
    expect(mine[0]).toMatchObject({ clientAddress: expect.stringMatching(/127\.0\.0\.1/) });
    expect(new Date(mine[0].expiresAt).getTime() - new Date(mine[0].lastSeenAt).getTime()).toBe(30 * 60_000);
  });

  test('the security administrator lists and ends an account’s sessions; nobody else may', async () => {
    const security = await createTestAccount(t, { roles: ['SECURITY_ADMIN'] });
    const st = (await signIn(t, security)).token;
    const listed = ok(await t.gql('query($a: ID!) { accountSessions(accountId: $a) { id } }', { a: a.id }, { token: st })).accountSessions;
    expect(listed).toHaveLength(2);
    const one = listed[1].id;
    expect(ok(await call(t, 'endAccountSessions', { accountId: a.id, sessionId: one }, 'endedSessions', { token: st })).endAccountSessions.endedSessions).toBe(1);
    expect([await meCode(tokens[0]), await meCode(tokens[1])]).toEqual(['UNAUTHENTICATED', 'OK']);
    expect(ok(await call(t, 'endAccountSessions', { accountId: a.id }, 'endedSessions', { token: st })).endAccountSessions.endedSessions).toBe(1);
    expect(await meCode(tokens[1])).toBe('UNAUTHENTICATED');

    const other = await office();
    const ot = (await signIn(t, other)).token;
    expectError(await t.gql('query($a: ID!) { accountSessions(accountId: $a) { id } }', { a: a.id }, { token: ot }), 'FORBIDDEN');
    expectError(await call(t, 'endAccountSessions', { accountId: security.id }, 'endedSessions', { token: ot }), 'FORBIDDEN');
    expect(await meCode(st)).toBe('OK');
  });
});
