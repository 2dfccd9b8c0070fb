import fc from 'fast-check';
import { ApprovalTier, blockedRoles, DEFAULT_LEAVE_TIERS, isPersonalRole, PERSONAL_ROLES, routeApproval, tierFor, tierProblems } from '../../src/leave/rules/approval';

type R = 'OFFICE_DIRECTOR' | 'LEADING_GROUP_HEAD' | 'INSPECTION_OFFICE' | 'ADMIN';
const OD: R = 'OFFICE_DIRECTOR';
const LGH: R = 'LEADING_GROUP_HEAD';
const IO: R = 'INSPECTION_OFFICE';
const none = new Set<R>();
const self = (...roles: R[]) => new Set<R>(roles);

const THREE: ApprovalTier<R>[] = [
  { upToWorkingDays: 1, approverRoles: [OD] },
  { upToWorkingDays: 3, approverRoles: [OD, LGH] },
  { upToWorkingDays: null, approverRoles: [LGH] },
];

describe('approval tiers', () => {
  it('default: half a day or less → office director; more → head of the leading group', () => {
    expect(routeApproval(DEFAULT_LEAVE_TIERS, 0.5, new Set()).roles).toEqual([OD]);
    expect(routeApproval(DEFAULT_LEAVE_TIERS, 1, new Set()).roles).toEqual([LGH]);
    expect(routeApproval(DEFAULT_LEAVE_TIERS, 12.5, new Set()).roles).toEqual([LGH]);
  });

  it('picks the tier by its upper bound, inclusive', () => {
    expect([0.5, 1, 1.5, 3, 3.5, 40].map((d) => tierFor(THREE, d))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(routeApproval(THREE, 1, none).roles).toEqual([OD]);
    expect(routeApproval(THREE, 2, none).roles).toEqual([OD, LGH]);
    expect(routeApproval(THREE, 5, none).roles).toEqual([LGH]);
  });

  it('moves a request past the requester’s own role to the next tier', () => {
    const r = routeApproval(DEFAULT_LEAVE_TIERS, 0.5, self(OD));
    expect(r).toEqual({ tier: 0, roles: [LGH], escalated: true });
    // Three tiers: the director's half day goes past tier 2 (which has the director too) to tier 3.
    expect(routeApproval(THREE, 0.5, self(OD)).roles).toEqual([LGH]);
    // In tier 2 only the director's step moves up; the head's step stays, once.
    expect(routeApproval(THREE, 2, self(OD))).toEqual({ tier: 1, roles: [LGH], escalated: true });
  });

  it('keeps the role when no tier is above: another holder must decide', () => {
    expect(routeApproval(DEFAULT_LEAVE_TIERS, 2, self(LGH))).toEqual({ tier: 1, roles: [LGH], escalated: false });
    expect(routeApproval(DEFAULT_LEAVE_TIERS, 0.5, self(OD, LGH)).roles).toEqual([LGH]);
    // Roles the requester holds that approve nothing change nothing.
    expect(routeApproval(DEFAULT_LEAVE_TIERS, 0.5, self(IO))).toEqual({ tier: 0, roles: [OD], escalated: false });
  });

  const roleArb = fc.constantFrom<R>(OD, LGH, IO, 'ADMIN');
  const tiersArb = fc
    .array(
      fc.record({
        step: fc.integer({ min: 1, max: 8 }),
        roles: fc.uniqueArray(roleArb, { minLength: 1, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 4 },
    )
    .map((raw) => {
      let bound = 0;
      return raw.map((t, i) => {
        bound += t.step / 2;
        return { upToWorkingDays: i === raw.length - 1 ? null : bound, approverRoles: t.roles } as ApprovalTier<R>;
      });
    });

  it('routes every valid policy to a non-empty list of distinct roles, none the requester’s unless no tier is above (property)', () => {
    fc.assert(
      fc.property(tiersArb, fc.integer({ min: 1, max: 60 }), fc.uniqueArray(roleArb), (tiers, halves, mine) => {
        expect(tierProblems(tiers)).toEqual([]);
        const selfRoles = new Set(mine);
        const route = routeApproval(tiers, halves / 2, selfRoles);
        expect(route.roles.length).toBeGreaterThan(0);
        expect(new Set(route.roles).size).toBe(route.roles.length);
        const top = new Set(tiers[tiers.length - 1].approverRoles);
        for (const r of route.roles) {
          if (selfRoles.has(r)) expect(top.has(r)).toBe(true);
        }
        // Every role comes from the chosen tier or one above it.
        const reachable = new Set(tiers.slice(route.tier).flatMap((t) => t.approverRoles));
        for (const r of route.roles) expect(reachable.has(r)).toBe(true);
        // Without own roles the route is the tier itself.
        expect(routeApproval(tiers, halves / 2, none).roles).toEqual(tiers[route.tier].approverRoles);
      }),
    );
  });

  it('checks policies', () => {
    expect(tierProblems(DEFAULT_LEAVE_TIERS)).toEqual([]);
    expect(tierProblems(THREE)).toEqual([]);
    const fields = (tiers: ApprovalTier<R>[]) => tierProblems(tiers).map((p) => p.field);
    expect(fields([])).toEqual(['tiers']);
    expect(fields([{ upToWorkingDays: 1, approverRoles: [OD] }])).toEqual(['tiers[0].upToWorkingDays']);
    expect(fields([{ upToWorkingDays: null, approverRoles: [OD] }, { upToWorkingDays: null, approverRoles: [LGH] }])).toEqual([
      'tiers[0].upToWorkingDays',
    ]);
    expect(fields([{ upToWorkingDays: 0.3, approverRoles: [OD] }, { upToWorkingDays: null, approverRoles: [LGH] }])).toEqual([
      'tiers[0].upToWorkingDays',
    ]);
    expect(fields([{ upToWorkingDays: 0, approverRoles: [OD] }, { upToWorkingDays: null, approverRoles: [LGH] }])).toEqual([
      'tiers[0].upToWorkingDays',
    ]);
    expect(
      fields([
        { upToWorkingDays: 3, approverRoles: [OD] },
        { upToWorkingDays: 1, approverRoles: [OD] },
        { upToWorkingDays: null, approverRoles: [LGH] },
      ]),
    ).toEqual(['tiers[1].upToWorkingDays']);
    expect(fields([{ upToWorkingDays: 1, approverRoles: [] }, { upToWorkingDays: null, approverRoles: [LGH, LGH] }])).toEqual([
      'tiers[0].approverRoles',
      'tiers[1].approverRoles',
    ]);
    for (const p of tierProblems([])) expect(p.zh && p.en).toBeTruthy();
  });
});

describe('roles personal to the requester', () => {
  type Q = 'GROUP_LEADER' | 'OFFICE_DIRECTOR' | 'LEADING_GROUP_HEAD';
  const TIERS: ApprovalTier<Q>[] = [
    { upToWorkingDays: 1, approverRoles: ['GROUP_LEADER', 'OFFICE_DIRECTOR'] },
    { upToWorkingDays: null, approverRoles: ['LEADING_GROUP_HEAD'] },
  ];
  const blocked = (requesterRoles: Q[], holder: string | null) =>
    blockedRoles<Q>({ requesterRoles, personalHolders: new Map([['GROUP_LEADER', holder]]), requesterPersons: new Set(['me', 'filer']) });

  it('holding the group leader role elsewhere does not block the step; having no leader, or being it, does', () => {
    expect([...blocked(['GROUP_LEADER'], 'leader')]).toEqual([]);
    expect([...blocked([], null)]).toEqual(['GROUP_LEADER']);
    expect([...blocked([], 'me')]).toEqual(['GROUP_LEADER']);
    expect([...blocked([], 'filer')]).toEqual(['GROUP_LEADER']);
    expect([...blocked(['OFFICE_DIRECTOR'], 'leader')]).toEqual(['OFFICE_DIRECTOR']);
  });

  it('a blocked personal step moves up a tier like one’s own office role', () => {
    expect(routeApproval(TIERS, 1, blocked([], 'leader')).roles).toEqual(['GROUP_LEADER', 'OFFICE_DIRECTOR']);
    expect(routeApproval(TIERS, 1, blocked([], null)).roles).toEqual(['LEADING_GROUP_HEAD', 'OFFICE_DIRECTOR']);
    expect(PERSONAL_ROLES).toEqual(['GROUP_LEADER']);
    expect(isPersonalRole('OFFICE_DIRECTOR')).toBe(false);
  });
});
