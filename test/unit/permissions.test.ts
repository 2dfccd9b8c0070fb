import fc from 'fast-check';
import { Access, AuthAccount } from '../../src/auth/access';
import { ALL_ROLES, Role } from '../../src/auth/roles';
import { pathCovers, Permission, PERMISSIONS, ROLE_PERMISSIONS, RoleName, rolesGrant } from '../../src/auth/rules/permissions';
import { localeFrom, localize, msg } from '../../src/common/i18n';
import { Region, RegionLevel } from '../../src/regions/region.entity';

/**
 * The access table of the service, cell by cell, written out independently of
 * src/auth/rules/permissions.ts: what each role reads and writes, as permissions.
 * Region scope and "own" rules (own teams, own leave) narrow these in the services.
 */
const READ_IN_REGION: Permission[] = [
  'unit:read',
  'person:read',
  'person:readPrivate',
  'pool:read',
  'round:read',
  'avoidance:read',
  'leave:read',
  'attendance:read',
  'settings:read',
];
const OFFICE_WRITE: Permission[] = [
  'person:write', // people
  'unit:write', // units
  'pool:enroll', // pool enrollment
  'round:write', // rounds, teams
  'readiness:write', // readiness of the people on a round's teams
  'attendance:write', // attendance
  'leave:requestForOthers', // the leave register the office keeps
  'declaration:write', // declarations
];

const TABLE: Record<RoleName, Permission[]> = {
  // everything | accounts, regions, calendar, settings, everything
  ADMIN: [...PERMISSIONS],
  // people, pools, rounds in its regions (units: where people work; avoidance: of people in
  // rounds) | people, employments, relations, pool review and status
  ORG_DEPARTMENT: ['person:read', 'person:readPrivate', 'unit:read', 'pool:read', 'round:read', 'avoidance:read', 'person:write', 'pool:review'],
  // everything in its regions | people, units, pool enrollment, rounds, teams, attendance, declarations
  INSPECTION_OFFICE: [...READ_IN_REGION, ...OFFICE_WRITE],
  // as INSPECTION_OFFICE | as INSPECTION_OFFICE, plus waivers, leave steps, notices
  // (and, by the avoidance rules, the region's avoidance settings)
  OFFICE_DIRECTOR: [...READ_IN_REGION, ...OFFICE_WRITE, 'waiver:write', 'leave:decide', 'notice:publish', 'avoidanceSettings:write'],
  // rounds, teams (their members and target units), leave in its regions | leave steps, evaluations
  // of leaders (no person:read: the people it reads come with the teams and the leave)
  LEADING_GROUP_HEAD: ['round:read', 'unit:read', 'leave:read', 'leave:decide', 'evaluation:leader'],
  // its own teams (their target units come with them) and their members | attendance and
  // evaluations of its own team
  GROUP_LEADER: ['attendance:write', 'evaluation:member'],
  // itself, its teams (their target units) | its own leave requests (no permission: narrowed to self)
  INSPECTOR: [],
  // accounts' roles and regions, resets, unlocks, sessions, security settings; no data
  SECURITY_ADMIN: ['account:read', 'account:write', 'account:reset', 'account:unlock', 'session:end', 'securitySettings:read', 'securitySettings:write'],
  // reads and exports the audit log, and nothing else
  AUDIT_ADMIN: ['audit:read'],
};

/** Spot checks named in the access table, so that a failure reads as the rule it breaks. */
const MUST: [RoleName, Permission[], Permission[]][] = [
  ['ORG_DEPARTMENT', ['person:write', 'pool:review', 'person:readPrivate'], ['unit:write', 'round:write', 'waiver:write', 'pool:enroll', 'audit:read']],
  ['INSPECTION_OFFICE', ['unit:write', 'person:write', 'pool:enroll', 'round:write', 'attendance:write', 'declaration:write'], ['waiver:write', 'leave:decide', 'notice:publish', 'account:write', 'region:write', 'pool:review', 'audit:read', 'settings:write', 'avoidanceSettings:write']],
  ['OFFICE_DIRECTOR', ['waiver:write', 'leave:decide', 'notice:publish', 'unit:write', 'avoidanceSettings:write'], ['account:write', 'region:write', 'calendar:write', 'settings:write', 'leavePolicy:write', 'audit:read']],
  ['LEADING_GROUP_HEAD', ['leave:decide', 'evaluation:leader', 'round:read', 'leave:read'], ['person:read', 'person:write', 'person:readPrivate', 'round:write', 'evaluation:member', 'unit:write']],
  ['GROUP_LEADER', ['attendance:write', 'evaluation:member'], ['person:read', 'person:readPrivate', 'person:write', 'round:write', 'leave:decide', 'evaluation:leader']],
  ['INSPECTOR', [], ['person:read', 'person:readPrivate', 'person:write', 'attendance:write', 'leave:read', 'leave:decide', 'evaluation:member']],
];

const sorted = (ps: readonly Permission[]) => [...new Set(ps)].sort();
const grantedTo = (role: RoleName) => PERMISSIONS.filter((p) => rolesGrant([role], p));

describe('roles table', () => {
  test('every role has a row, and every row is a role', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ALL_ROLES].sort());
    expect(Object.keys(TABLE).sort()).toEqual([...ALL_ROLES].sort());
  });

  test.each(ALL_ROLES)('%s has exactly the permissions of its row, and none other', (role) => {
    expect(sorted(grantedTo(role))).toEqual(sorted(TABLE[role]));
  });

  test.each(MUST)('%s has %j and lacks %j', (role, has, lacks) => {
    for (const p of has) expect([p, rolesGrant([role], p)]).toEqual([p, true]);
    for (const p of lacks) expect([p, rolesGrant([role], p)]).toEqual([p, false]);
  });

  test('regions, calendar, specialties and settings are ADMIN only; accounts ADMIN and SECURITY_ADMIN; the audit log ADMIN and AUDIT_ADMIN', () => {
    for (const p of ['region:write', 'calendar:write', 'specialty:write', 'settings:write', 'leavePolicy:write'] as Permission[]) {
      expect([p, ALL_ROLES.filter((r) => rolesGrant([r], p))]).toEqual([p, [Role.ADMIN]]);
    }
    for (const p of ['account:write', 'account:reset', 'account:unlock', 'session:end', 'securitySettings:write'] as Permission[]) {
      expect([p, ALL_ROLES.filter((r) => rolesGrant([r], p))]).toEqual([p, [Role.ADMIN, Role.SECURITY_ADMIN]]);
    }
    expect(ALL_ROLES.filter((r) => rolesGrant([r], 'audit:read'))).toEqual([Role.ADMIN, Role.AUDIT_ADMIN]);
  });

  test('separation of duties: ADMIN keeps everything but the security and audit powers, which only their roles have', () => {
    const separated = (role: RoleName) => PERMISSIONS.filter((p) => rolesGrant([role], p, true));
    expect(sorted(separated('ADMIN'))).toEqual(sorted(PERMISSIONS.filter((p) => !TABLE.SECURITY_ADMIN.includes(p) && !TABLE.AUDIT_ADMIN.includes(p))));
    expect(separated('ADMIN')).toEqual(expect.arrayContaining(['region:write', 'person:write', 'settings:write', 'calendar:write']));
    for (const role of ALL_ROLES.filter((r) => r !== Role.ADMIN)) expect([role, sorted(separated(role))]).toEqual([role, sorted(TABLE[role])]);
    for (const p of [...TABLE.SECURITY_ADMIN, ...TABLE.AUDIT_ADMIN]) {
      expect([p, ALL_ROLES.filter((r) => rolesGrant([r], p, true))]).toEqual([p, TABLE.SECURITY_ADMIN.includes(p) ? [Role.SECURITY_ADMIN] : [Role.AUDIT_ADMIN]]);
    }
  });

  test('separation of duties: an account holding two administrator roles gets nothing from either, but keeps its other roles', () => {
    const both: RoleName[] = ['SECURITY_ADMIN', 'AUDIT_ADMIN', 'GROUP_LEADER'];
    expect(PERMISSIONS.filter((p) => rolesGrant(both, p, true))).toEqual(['attendance:write', 'evaluation:member']);
    expect(PERMISSIONS.filter((p) => rolesGrant(['ADMIN', 'AUDIT_ADMIN'], p, true))).toEqual([]);
    // Off, the same account has the union.
    expect(rolesGrant(both, 'audit:read')).toBe(true);
  });

  test('several roles grant the union of their rows; no role grants nothing', () => {
    const both: RoleName[] = ['LEADING_GROUP_HEAD', 'GROUP_LEADER'];
    expect(sorted(PERMISSIONS.filter((p) => rolesGrant(both, p)))).toEqual(sorted([...TABLE.LEADING_GROUP_HEAD, ...TABLE.GROUP_LEADER]));
    expect(PERMISSIONS.filter((p) => rolesGrant([], p))).toEqual([]);
    expect(rolesGrant(['NO_SUCH_ROLE' as RoleName], 'unit:read')).toBe(false);
  });
});

describe('pathCovers', () => {
  test('a region covers itself and its subtree, not its parent, siblings or ids it prefixes', () => {
    expect(pathCovers('/a/', '/a/')).toBe(true);
    expect(pathCovers('/a/', '/a/b/')).toBe(true);
    expect(pathCovers('/a/', '/a/b/c/')).toBe(true);
    expect(pathCovers('/a/b/', '/a/')).toBe(false);
    expect(pathCovers('/a/b/', '/a/c/')).toBe(false);
    expect(pathCovers('/a/', '/ab/')).toBe(false);
    expect(pathCovers('/a/b/', '/a/bc/d/')).toBe(false);
  });

  test('covers exactly when the scope is an ancestor-or-self in the tree (property)', () => {
    // Few, prefix-sharing ids, so that near misses ('a' vs 'ab') are common.
    const ids = fc.array(fc.constantFrom('a', 'ab', 'b', 'a1', 'ba'), { minLength: 1, maxLength: 4 });
    const path = (xs: string[]) => `/${xs.join('/')}/`;
    fc.assert(
      fc.property(ids, ids, (scope, region) => {
        const ancestorOrSelf = scope.length <= region.length && scope.every((id, i) => region[i] === id);
        return pathCovers(path(scope), path(region)) === ancestorOrSelf;
      }),
    );
  });
});

describe('Access', () => {
  const region = (id: string, path: string) => Object.assign(new Region(), { id, path, code: id, name: id, level: RegionLevel.COUNTY, parentId: null });
  const regions = new Map([
    ['city', region('city', '/city/')],
    ['a', region('a', '/city/a/')],
    ['a1', region('a1', '/city/a/a1/')],
    ['b', region('b', '/city/b/')],
  ]);
  const access = (account: Partial<AuthAccount> | null) =>
    new Access(
      account && { id: 'x', username: 'x', roles: [], regionIds: [], regionPaths: [], personId: null, ...account },
      async (id) => regions.get(id) ?? null,
    );

  test('an account covers its regions and their subtrees only; ADMIN covers everything', async () => {
    const county = access({ roles: [Role.INSPECTION_OFFICE], regionPaths: ['/city/a/'] });
    expect(await Promise.all(['city', 'a', 'a1', 'b', 'none'].map((id) => county.covers(id)))).toEqual([false, true, true, false, false]);
    expect(county.scopePaths()).toEqual(['/city/a/']);
    const admin = access({ roles: [Role.ADMIN] });
    expect(await Promise.all(['city', 'a', 'b', 'none'].map((id) => admin.covers(id)))).toEqual([true, true, true, false]);
    expect(admin.scopePaths()).toBeNull();
  });

  test('without an account nothing is covered, nothing is granted, and require is UNAUTHENTICATED', async () => {
    const anonymous = access(null);
    expect(await anonymous.covers('a')).toBe(false);
    expect(anonymous.has('unit:read')).toBe(false);
    expect(() => anonymous.require('unit:read')).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => access({ roles: [Role.INSPECTOR] }).require('person:read')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  test('a session restricted to a password change or an enrolment has no permission and is FORBIDDEN but for setup', () => {
    const account = { id: 'x', username: 'x', roles: [Role.ADMIN], regionIds: [], regionPaths: [], personId: null };
    const restricted = new Access(account, async () => null, { restriction: 'PASSWORD_CHANGE' });
    expect(restricted.has('unit:read')).toBe(false);
    expect(() => restricted.require('unit:read')).toThrow(expect.objectContaining({ code: 'FORBIDDEN', details: { passwordChangeRequired: true } }));
    expect(() => restricted.signedIn()).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(restricted.signedInForSetup('PASSWORD_CHANGE').id).toBe('x');
    expect(() => restricted.signedInForSetup('TOTP_ENROLMENT')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    const enrol = new Access(account, async () => null, { restriction: 'TOTP_ENROLMENT' });
    expect(() => enrol.signedIn()).toThrow(expect.objectContaining({ code: 'FORBIDDEN', details: { totpEnrolmentRequired: true } }));
    expect(enrol.signedInForSetup('PASSWORD_CHANGE', 'TOTP_ENROLMENT').id).toBe('x');
  });

  test('isSelf only for the account’s own person', () => {
    const me = access({ roles: [Role.INSPECTOR], personId: 'p1' });
    expect([me.isSelf('p1'), me.isSelf('p2'), me.isSelf(null), access({ roles: [Role.ADMIN] }).isSelf(null)]).toEqual([true, false, false, false]);
  });
});

describe('localeFrom', () => {
  test.each([
    [undefined, 'zh'],
    [null, 'zh'],
    ['', 'zh'],
    ['en', 'en'],
    ['EN-gb', 'en'],
    [' en-US ', 'en'],
    ['zh-CN', 'zh'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['zh;q=0.5, en;q=0.8', 'en'],
    ['fr-FR, en;q=0.5', 'en'],
    ['fr, de', 'zh'],
    ['*', 'zh'],
    ['en, zh', 'en'],
    ['zh, en', 'zh'],
    // q=0 means "not acceptable".
    ['en;q=0', 'zh'],
    ['en;q=0, zh;q=0.1', 'zh'],
    ['en;q=0.0, fr', 'zh'],
  ] as const)('%j → %s', (header, locale) => {
    expect(localeFrom(header)).toBe(locale);
  });

  test('localize picks the language of a message', () => {
    const m = msg('请先登录', 'Please sign in first');
    expect([localize(m, 'zh'), localize(m, 'en')]).toEqual(['请先登录', 'Please sign in first']);
  });
});
