import fc from 'fast-check';
import { checkLinks, ChainedRecord, GENESIS_HASH, linkHash } from '../../src/audit/rules/chain';
import { characterClasses, describeViolations, MAX_PASSWORD_LENGTH, passwordExpired, PasswordPolicy, policyViolations } from '../../src/auth/rules/password-policy';
import { DEFAULT_SECURITY_SETTINGS, parseStoredSettings, settingOutOfRange, settingsDiff } from '../../src/auth/rules/security-settings';
import { lastSeenIsStale, LAST_SEEN_RESOLUTION_MS, sessionEndsAt, sessionState } from '../../src/auth/rules/sessions';
import { addressWaitSeconds, isLocked, restrictionAtSignIn } from '../../src/auth/rules/sign-in';
import { looksLikeRecoveryCode, newRecoveryCodes, recoveryCodeHash, totpCode, totpStep } from '../../src/auth/totp';

const POLICY: PasswordPolicy = { minLength: 10, minClasses: 3, history: 5, maxAgeDays: 90 };
const at = (iso: string) => new Date(iso);

describe('password policy (defaults: 10 characters, 3 of 4 classes, not the username)', () => {
  test.each([
    ['Abcdefgh12', 'accepted: 10 characters, upper, lower, digit'],
    ['abcdefgh-1', 'accepted: lower, symbol, digit'],
    ['ABCDEFGH-1', 'accepted: upper, symbol, digit'],
    ['Abcdefgh-!', 'accepted: upper, lower, symbol'],
    ['巡察干部Pass-2025', 'accepted: Chinese characters count as symbols'],
    ['Aa1-'.repeat(32), `accepted: ${MAX_PASSWORD_LENGTH} characters`],
  ])('%s (%s)', (password) => {
    expect(policyViolations(password, 'zhangwei', POLICY)).toEqual([]);
  });

  test.each([
    ['Abcdef-12', ['MIN_LENGTH'], 'nine characters'],
    ['12345678', ['MIN_LENGTH', 'CHARACTER_CLASSES'], 'the well-known 12345678'],
    ['password', ['MIN_LENGTH', 'CHARACTER_CLASSES'], 'the well-known password'],
    ['abcdefghij', ['CHARACTER_CLASSES'], 'one class'],
    ['abcdefgh12', ['CHARACTER_CLASSES'], 'two classes'],
    ['ZhangWei-2025', ['CONTAINS_USERNAME'], 'the username, in any case'],
    ['Aa1-'.repeat(33), ['MAX_LENGTH'], 'too long to hash cheaply'],
  ])('%s is refused: %j (%s)', (password, rules) => {
    expect(policyViolations(password, 'zhangwei', POLICY)).toEqual(rules);
  });

  test('a stricter policy: 4 classes and 12 characters', () => {
    const strict = { ...POLICY, minLength: 12, minClasses: 4 };
    expect(policyViolations('Abcdefgh-123', 'u', strict)).toEqual([]);
    expect(policyViolations('Abcdefgh1234', 'u', strict)).toEqual(['CHARACTER_CLASSES']);
  });

  test('character classes are counted by kind, not by number', () => {
    expect([characterClasses(''), characterClasses('aaa'), characterClasses('aA'), characterClasses('aA1'), characterClasses('aA1!'), characterClasses('ÄÖ')]).toEqual([0, 1, 2, 3, 4, 1]);
  });

  test('the refusal names every broken rule in both languages', () => {
    const text = describeViolations(['MIN_LENGTH', 'CONTAINS_USERNAME', 'RECENTLY_USED'], POLICY);
    expect(text.en).toBe('The password does not meet the policy: at least 10 characters; must not contain the username; must not be one of the last 5 passwords');
    expect(text.zh).toContain('至少 10 个字符');
  });

  test('expiry after maxAgeDays; 0 turns it off', () => {
    const changed = at('2025-01-01T00:00:00Z');
    expect(passwordExpired(changed, at('2025-03-31T23:59:59Z'), POLICY)).toBe(false);
    expect(passwordExpired(changed, at('2025-04-01T00:00:00Z'), POLICY)).toBe(true);
    expect(passwordExpired(changed, at('2030-01-01T00:00:00Z'), { ...POLICY, maxAgeDays: 0 })).toBe(false);
  });
});

describe('security settings', () => {
  test('stored JSON is read with defaults for what is missing, out of range or unknown', () => {
    expect(parseStoredSettings('{}', ['ADMIN'])).toEqual(DEFAULT_SECURITY_SETTINGS);
    expect(parseStoredSettings('not json', ['ADMIN'])).toEqual(DEFAULT_SECURITY_SETTINGS);
    const s = parseStoredSettings(JSON.stringify({ passwordMinLength: 12, lockoutThreshold: 1000, totpRequiredRoles: ['ADMIN', 'NOBODY'], extra: 1 }), ['ADMIN']);
    expect(s).toEqual({ ...DEFAULT_SECURITY_SETTINGS, passwordMinLength: 12, totpRequiredRoles: ['ADMIN'] });
  });

  test('changes out of range are refused with the field named; the floors keep a level-3 policy', () => {
    expect(settingOutOfRange({ passwordMinLength: 7 })?.field).toBe('passwordMinLength');
    expect(settingOutOfRange({ passwordMinClasses: 1 })?.field).toBe('passwordMinClasses');
    expect(settingOutOfRange({ lockoutThreshold: 21 })?.field).toBe('lockoutThreshold');
    expect(settingOutOfRange({ sessionIdleMinutes: 0 })?.field).toBe('sessionIdleMinutes');
    expect(settingOutOfRange({ passwordMaxAgeDays: 0, passwordMinLength: 8, sessionAbsoluteHours: 72 })).toBeNull();
  });

  test('the diff names each changed field with before and after', () => {
    expect(settingsDiff(DEFAULT_SECURITY_SETTINGS, { ...DEFAULT_SECURITY_SETTINGS, lockoutMinutes: 30, totpRequiredRoles: ['ADMIN'] })).toEqual({
      lockoutMinutes: [15, 30],
      totpRequiredRoles: [[], ['ADMIN']],
    });
  });
});

describe('sessions', () => {
  const limits = { sessionIdleMinutes: 30, sessionAbsoluteHours: 12 };
  const start = at('2025-06-02T00:00:00Z');
  const minutes = (m: number) => new Date(start.getTime() + m * 60_000);

  test('active until 30 minutes idle or 12 hours in all; ended is ended', () => {
    expect(sessionState({ createdAt: start, lastSeenAt: start, endedAt: null }, minutes(29.9), limits)).toBe('ACTIVE');
    expect(sessionState({ createdAt: start, lastSeenAt: start, endedAt: null }, minutes(30), limits)).toBe('IDLE');
    expect(sessionState({ createdAt: start, lastSeenAt: minutes(700), endedAt: null }, minutes(719), limits)).toBe('ACTIVE');
    expect(sessionState({ createdAt: start, lastSeenAt: minutes(719), endedAt: null }, minutes(720), limits)).toBe('EXPIRED');
    expect(sessionState({ createdAt: start, lastSeenAt: start, endedAt: minutes(1) }, minutes(2), limits)).toBe('ENDED');
    expect(sessionEndsAt({ createdAt: start, lastSeenAt: minutes(10), endedAt: null }, limits)).toEqual(minutes(40));
    expect(sessionEndsAt({ createdAt: start, lastSeenAt: minutes(710), endedAt: null }, limits)).toEqual(minutes(720));
  });

  test('last-seen is written at most once per resolution (a minute)', () => {
    expect(lastSeenIsStale(start, new Date(start.getTime() + LAST_SEEN_RESOLUTION_MS - 1))).toBe(false);
    expect(lastSeenIsStale(start, new Date(start.getTime() + LAST_SEEN_RESOLUTION_MS))).toBe(true);
  });

  test('a session in use is never judged idle while its last use lies within the limit less the resolution (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: (30 * 60_000) - LAST_SEEN_RESOLUTION_MS }), { minLength: 1, maxLength: 40 }), (gaps) => {
        // Requests at these gaps; last-seen written only when stale, as the service does.
        let now = start.getTime();
        let lastSeen = start;
        for (const gap of gaps) {
          now += gap;
          if (sessionState({ createdAt: start, lastSeenAt: lastSeen, endedAt: null }, new Date(now), { sessionIdleMinutes: 30, sessionAbsoluteHours: 1000 }) !== 'ACTIVE') return false;
          if (lastSeenIsStale(lastSeen, new Date(now))) lastSeen = new Date(now);
        }
        return true;
      }),
    );
  });
});

describe('sign-in failures', () => {
  const s = { addressFailureLimit: 50, addressDelaySeconds: 5 };
  const now = at('2025-06-02T00:00:10Z');

  test('an address is delayed only beyond 50 failures in the window, one attempt per 5 s from its latest failure', () => {
    expect(addressWaitSeconds(50, at('2025-06-02T00:00:09Z'), now, s)).toBe(0);
    expect(addressWaitSeconds(51, at('2025-06-02T00:00:09Z'), now, s)).toBe(4);
    expect(addressWaitSeconds(51, at('2025-06-02T00:00:05Z'), now, s)).toBe(0);
    expect(addressWaitSeconds(500, at('2025-06-02T00:00:09.500Z'), now, s)).toBe(5);
  });

  test('a lock holds until its time', () => {
    expect([isLocked(null, now), isLocked(at('2025-06-02T00:00:11Z'), now), isLocked(now, now)]).toEqual([false, true, false]);
  });

  test('a reset, generated or expired password restricts the session to a change; then a required second factor to enrolment', () => {
    const base = { mustChangePassword: false, passwordExpired: false, secondFactorRequired: false, secondFactorEnrolled: false };
    expect(restrictionAtSignIn(base)).toBeNull();
    expect(restrictionAtSignIn({ ...base, mustChangePassword: true, secondFactorRequired: true })).toBe('PASSWORD_CHANGE');
    expect(restrictionAtSignIn({ ...base, passwordExpired: true })).toBe('PASSWORD_CHANGE');
    expect(restrictionAtSignIn({ ...base, secondFactorRequired: true })).toBe('TOTP_ENROLMENT');
    expect(restrictionAtSignIn({ ...base, secondFactorRequired: true, secondFactorEnrolled: true })).toBeNull();
  });
});

describe('audit hash chain', () => {
  const content = (seq: number): Omit<ChainedRecord, 'prevHash' | 'hash'> => ({
    seq,
    id: `r${seq}`,
    at: new Date(Date.UTC(2025, 5, 2, 0, 0, seq)),
    accountId: 'a1',
    kind: 'MUTATION',
    operation: 'createPerson',
    username: null,
    clientAddress: '127.0.0.1',
    reason: null,
    details: null,
    targetIds: `p${seq}`,
    personIds: '',
    requestId: `q${seq}`,
  });
  function chain(n: number): ChainedRecord[] {
    const out: ChainedRecord[] = [];
    let prev = GENESIS_HASH;
    for (let i = 1; i <= n; i++) {
      const c = content(i);
      const hash = linkHash(prev, c);
      out.push({ ...c, prevHash: prev, hash });
      prev = hash;
    }
    return out;
  }
  const start = { seq: 0, hash: GENESIS_HASH };

  test('an intact chain reaches its last record', () => {
    const records = chain(5);
    expect(checkLinks(records, start)).toEqual({ broken: null, reached: { seq: 5, hash: records[4].hash } });
  });

  test.each([
    ['a changed field', (rs: ChainedRecord[]) => (rs[2].targetIds = 'someone-else')],
    ['a changed time', (rs: ChainedRecord[]) => (rs[2].at = new Date(rs[2].at.getTime() + 1))],
    ['a recomputed hash that does not link', (rs: ChainedRecord[]) => (rs[2].hash = linkHash(GENESIS_HASH, rs[2]))],
    ['a deleted record', (rs: ChainedRecord[]) => rs.splice(2, 1)],
    ['two swapped records', (rs: ChainedRecord[]) => ([rs[2], rs[3]] = [rs[3], rs[2]])],
  ])('%s is found at the first record it breaks', (_, tamper) => {
    const records = chain(6);
    const third = records[2].id;
    const fourth = records[3].id;
    tamper(records);
    expect([third, fourth]).toContain(checkLinks(records, start).broken);
  });

  test('the hash covers every field: changing any one breaks the link (property)', () => {
    const keys = Object.keys(content(1)).filter((k) => k !== 'seq' && k !== 'id' && k !== 'at') as (keyof ChainedRecord)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ minLength: 1, maxLength: 8 }), (key, value) => {
        const records = chain(3);
        const changed = `${String(records[1][key] ?? '')}${value}`;
        (records[1] as unknown as Record<string, unknown>)[key] = changed;
        return checkLinks(records, start).broken === records[1].id;
      }),
    );
  });
});

describe('TOTP through the library (RFC 6238 appendix B, SHA-1, six digits of the eight)', () => {
  // The RFC's secret "12345678901234567890" in base32.
  const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  test.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('at %i s the code is %s', (seconds, code) => {
    const now = new Date(seconds * 1000);
    expect(totpCode(SECRET, now)).toBe(code);
    expect(totpStep(code, SECRET, now)).toBe(Math.floor(seconds / 30));
    expect(totpStep(code, SECRET, new Date((seconds + 90) * 1000))).toBeNull();
  });

  test('recovery codes: ten, distinct, hashed in a normalized form', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    expect(codes.every(looksLikeRecoveryCode)).toBe(true);
    expect(recoveryCodeHash(codes[0].toLowerCase().replace(/-/g, ' '))).toBe(recoveryCodeHash(codes[0]));
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});
