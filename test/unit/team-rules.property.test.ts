import fc from 'fast-check';
import { checkAssignment, evaluateTeam, HARD_AT_ASSIGNMENT } from '../../src/rounds/rules/team-check';
import { RANKS } from '../../src/people/rules/rank';
import { POOL_ENTRY_STATUSES, POOL_KINDS } from '../../src/pools/rules/pool-entry';
import { READINESS_KINDS, TEAM_ROLES } from '../../src/rounds/rules/types';
import type { AvoidanceFact, MemberFact, TeamFact } from '../../src/rounds/rules/types';
import { CITY, COUNTY, OTHER_COUNTY, TOWNSHIP, round } from './team-rules.fixtures';

const SEVERITY: Record<string, 'HARD' | 'SOFT'> = {
  POOL_MEMBERSHIP: 'HARD',
  LEADER_COUNT: 'HARD',
  DEPUTY_COUNT: 'HARD',
  TEAM_SIZE: 'HARD',
  TARGET_COUNT: 'HARD',
  RANK_FLOOR: 'HARD',
  DOUBLE_BOOKED: 'HARD',
  FULL_TIME_CORE: 'HARD',
  REQUIRED_SPECIALTY: 'HARD',
  LEADER_AUTHORIZATION: 'HARD',
  EXPERIENCE_MIX: 'SOFT',
  READINESS: 'SOFT',
  LEAVE_OVERLAP: 'SOFT',
};
const UNITS = ['u1', 'u2', 'u3', 'u4'];

const entryArb = fc.record({
  pool: fc.constantFrom(...POOL_KINDS),
  status: fc.constantFrom(...POOL_ENTRY_STATUSES),
  regionPath: fc.constantFrom(COUNTY, CITY, TOWNSHIP, OTHER_COUNTY),
  specialties: fc.subarray(['FINANCE', 'AUDIT', 'LAW']),
});
const bookingArb = fc.record({
  teamId: fc.constantFrom('t2', 't3'),
  teamName: fc.constant('Team'),
  roundId: fc.constantFrom('r1', 'r2'),
  roundName: fc.constant('Round'),
  startsOn: fc.constantFrom('2025-01-01', '2025-04-01', '2025-05-01'),
  endsOn: fc.constantFrom('2025-02-28', '2025-05-31'),
});
const memberArb = (personId: string) =>
  fc.record<MemberFact>({
    personId: fc.constant(personId),
    name: fc.constant(personId),
    role: fc.constantFrom(...TEAM_ROLES),
    rank: fc.constantFrom(null, ...RANKS),
    fullTimeInspector: fc.boolean(),
    poolEntries: fc.array(entryArb, { maxLength: 3 }),
    servedBefore: fc.boolean(),
    readiness: fc.subarray([...READINESS_KINDS]),
    leaveDays: fc.integer({ min: 0, max: 20 }),
    otherBookings: fc.array(bookingArb, { maxLength: 2 }),
  });
const membersArb = (max: number) =>
  fc.integer({ min: 0, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => memberArb(`p${i}`))));
const avoidanceArb = (n: number) =>
  fc.array(
    fc.record<AvoidanceFact>({
      rule: fc.constantFrom('KIN_IN_TARGET', 'SAME_SYSTEM'),
      severity: fc.constantFrom('HARD', 'SOFT'),
      personId: fc.constantFrom(...Array.from({ length: n + 1 }, (_, i) => `p${i}`)),
      unitId: fc.constantFrom(...UNITS),
      explanation: fc.constant({ zh: '回避', en: 'avoid' }),
      publicExplanation: fc.constant({ zh: '回避（无亲属）', en: 'avoid (no relatives)' }),
      waived: fc.boolean(),
    }),
    { maxLength: 4 },
  );
const teamArb = (maxMembers: number) =>
  fc
    .tuple(membersArb(maxMembers), fc.subarray(UNITS), fc.constantFrom('PLANNING', 'REPORTING', 'CLOSED' as const), fc.boolean())
    .chain(([members, targets, status, authorized]) =>
      avoidanceArb(members.length).map(
        (avoidance): TeamFact => ({
          id: 't1',
          round: round({ status }),
          targetUnitIds: targets,
          members,
          authorizations:
            authorized && members.length > 0
              ? [{ id: 'a', roundId: 'r1', teamId: 't1', personId: members[0].personId, status: status === 'CLOSED' ? 'ENDED' : 'ACTIVE' }]
              : [],
          avoidance,
        }),
      ),
    );

const key = (v: { rule: string; personId?: string; unitId?: string }) => `${v.rule}/${v.personId ?? ''}/${v.unitId ?? ''}`;

describe('team rules, properties', () => {
  it('give every team rule its documented severity and pass avoidance severities through', () => {
    fc.assert(
      fc.property(teamArb(9), (team) => {
        for (const v of evaluateTeam(team)) {
          if (v.rule in SEVERITY) expect(v.severity).toBe(SEVERITY[v.rule]);
          else {
            const same = team.avoidance.filter((a) => a.rule === v.rule && a.personId === v.personId && a.unitId === v.unitId && !a.waived);
            expect(same.map((a) => a.severity)).toContain(v.severity);
          }
        }
      }),
    );
  });

  it('do not depend on the order of the members', () => {
    fc.assert(
      fc.property(teamArb(8), fc.nat(), (team, seed) => {
        const shuffled = [...team.members].sort((a, b) => ((a.personId.charCodeAt(1) * 31 + seed) % 7) - ((b.personId.charCodeAt(1) * 31 + seed) % 7));
        const a = evaluateTeam(team).map(key).sort();
        const b = evaluateTeam({ ...team, members: shuffled }).map(key).sort();
        expect(b).toEqual(a);
      }),
    );
  });

  it('refuse an assignment only with hard violations of the assignment rules or of avoidance, and report only soft ones', () => {
    fc.assert(
      fc.property(teamArb(8), memberArb('candidate'), (team, c) => {
        const r = checkAssignment(team, c);
        for (const v of r.refused) {
          expect(v.severity).toBe('HARD');
          if (v.rule in SEVERITY) expect(HARD_AT_ASSIGNMENT).toContain(v.rule);
        }
        for (const v of r.reported) expect(v.severity).toBe('SOFT');
        if (r.refused.length > 0) expect(r.reported).toEqual([]);
      }),
    );
  });

  it('never let a team filled through checkAssignment exceed its limits or hold a person twice', () => {
    const candidates = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.nat()), { maxLength: 25 })
      .chain((picks) =>
        fc.tuple(...Array.from({ length: 12 }, (_, i) => memberArb(`p${i}`))).map((pool) => picks.map(([i, role]) => ({ ...pool[i], role: TEAM_ROLES[role % 3] }))),
      );
    fc.assert(
      fc.property(candidates, (cs) => {
        let team: TeamFact = { id: 't1', round: round(), targetUnitIds: ['u1'], members: [], authorizations: [], avoidance: [] };
        for (const c of cs) {
          if (checkAssignment(team, c).refused.length === 0) team = { ...team, members: [...team.members, c] };
        }
        const rules = team.round.rules;
        expect(team.members.length).toBeLessThanOrEqual(rules.maxSize);
        expect(team.members.filter((m) => m.role === 'LEADER').length).toBeLessThanOrEqual(1);
        expect(team.members.filter((m) => m.role === 'DEPUTY_LEADER').length).toBeLessThanOrEqual(rules.maxDeputies);
        expect(new Set(team.members.map((m) => m.personId)).size).toBe(team.members.length);
        const rulesNow = evaluateTeam(team).map((v) => v.rule);
        for (const r of ['POOL_MEMBERSHIP', 'RANK_FLOOR', 'DOUBLE_BOOKED']) expect(rulesNow).not.toContain(r);
      }),
    );
  });

  it('flag leave exactly when it exceeds the share of working days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 100 }), (halfDays, workingDays, pct) => {
        const leaveDays = halfDays / 2;
        const base = round({ workingDays }, { maxLeaveShare: pct / 100 });
        const m: MemberFact = {
          personId: 'p',
          name: 'p',
          role: 'MEMBER',
          rank: null,
          fullTimeInspector: false,
          poolEntries: [],
          servedBefore: false,
          readiness: [],
          leaveDays,
          otherBookings: [],
        };
        const flagged = evaluateTeam({ id: 't1', round: base, targetUnitIds: [], members: [m], authorizations: [], avoidance: [] }).some(
          (v) => v.rule === 'LEAVE_OVERLAP',
        );
        expect(flagged).toBe(leaveDays / workingDays > pct / 100);
      }),
    );
  });
});
