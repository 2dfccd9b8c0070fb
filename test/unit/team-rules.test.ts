import { checkAssignment, evaluateTeam, HARD_AT_ASSIGNMENT, periodsOverlap, regionsRelated, shownViolations } from '../../src/rounds/rules/team-check';
import { decideAdvance } from '../../src/rounds/rules/lifecycle';
import type { AvoidanceFact, Booking, TeamFact } from '../../src/rounds/rules/types';
import {
  CITY,
  COUNTY,
  OTHER_COUNTY,
  TOWNSHIP,
  deputy,
  entry,
  leader,
  member,
  round,
  rulesOf,
  validTeam,
} from './team-rules.fixtures';

const only = (t: TeamFact) => rulesOf(evaluateTeam(t));
const booking = (over: Partial<Booking> = {}): Booking => ({
  teamId: 't9',
  teamName: 'Team 9',
  roundId: 'r9',
  roundName: 'Round 9',
  startsOn: '2025-01-01',
  endsOn: '2025-02-28',
  ...over,
});

describe('a valid team', () => {
  it('breaks no rule', () => {
    expect(evaluateTeam(validTeam())).toEqual([]);
  });
});

describe('POOL_MEMBERSHIP (hard)', () => {
  const withLeaderEntries = (entries: ReturnType<typeof entry>[]) => {
    const t = validTeam();
    const l = { ...t.members[0], poolEntries: entries };
    return { ...t, members: [l, ...t.members.slice(1)] };
  };
  it('passes for a leader with an ACTIVE group-leader entry of the round region, an ancestor or a descendant', () => {
    for (const path of [COUNTY, CITY, TOWNSHIP]) {
      expect(only(withLeaderEntries([entry({ pool: 'GROUP_LEADER', regionPath: path })]))).toEqual([]);
    }
  });
  it('fails for a leader only in the deputy pool', () => {
    const vs = evaluateTeam(withLeaderEntries([entry({ pool: 'DEPUTY_LEADER' })]));
    expect(rulesOf(vs)).toEqual(['POOL_MEMBERSHIP:HARD']);
    expect(vs[0].message.en).toContain('group-leader pool');
  });
  it('fails for a suspended, pending or exited entry', () => {
    for (const status of ['SUSPENDED', 'PENDING', 'EXITED', 'REJECTED'] as const) {
      const vs = evaluateTeam(withLeaderEntries([entry({ pool: 'GROUP_LEADER', status })]));
      expect(rulesOf(vs)).toEqual(['POOL_MEMBERSHIP:HARD']);
    }
  });
  it('fails for an entry of a sibling region', () => {
    const vs = evaluateTeam(withLeaderEntries([entry({ pool: 'GROUP_LEADER', regionPath: OTHER_COUNTY })]));
    expect(rulesOf(vs)).toEqual(['POOL_MEMBERSHIP:HARD']);
    expect(vs[0].personId).toBeDefined();
  });
  it('lets a deputy come from the leader pool and a member from any pool', () => {
    const t = validTeam();
    const d = deputy({ poolEntries: [entry({ pool: 'GROUP_LEADER' })] });
    const m = member({ poolEntries: [entry({ pool: 'DEPUTY_LEADER', specialties: ['AUDIT'] })] });
    expect(only({ ...t, members: [t.members[0], d, m, member()] })).toEqual([]);
  });
  it('refuses the assignment of someone outside the pool', () => {
    const t = validTeam();
    const r = checkAssignment({ ...t, members: t.members.slice(0, 3) }, member({ poolEntries: [] }));
    expect(rulesOf(r.refused)).toEqual(['POOL_MEMBERSHIP:HARD']);
  });
});

describe('LEADER_COUNT (hard)', () => {
  it('fails without a leader, and shows the missing authorization too', () => {
    const t = validTeam();
    expect(only({ ...t, members: [...t.members.slice(1), member()] })).toEqual(['LEADER_AUTHORIZATION:HARD', 'LEADER_COUNT:HARD']);
  });
  it('fails with two leaders (the unauthorized one is named too)', () => {
    const t = validTeam();
    expect(only({ ...t, members: [...t.members, leader()] })).toEqual(['LEADER_AUTHORIZATION:HARD', 'LEADER_COUNT:HARD']);
  });
  it('refuses a second leader at assignment and accepts the first', () => {
    const t = validTeam();
    expect(rulesOf(checkAssignment(t, leader()).refused)).toEqual(['LEADER_COUNT:HARD']);
    const noLeader = { ...t, members: t.members.slice(1) };
    expect(checkAssignment(noLeader, leader()).refused).toEqual([]);
  });
});

describe('DEPUTY_COUNT (hard)', () => {
  it('fails with no deputy (below the minimum), passes with two', () => {
    const t = validTeam();
    expect(only({ ...t, members: [t.members[0], t.members[2], t.members[3], member()] })).toEqual(['DEPUTY_COUNT:HARD']);
    expect(only({ ...t, members: [...t.members, deputy()] })).toEqual([]);
  });
  it('fails with three deputies', () => {
    const t = validTeam();
    expect(only({ ...t, members: [...t.members, deputy(), deputy()] })).toEqual(['DEPUTY_COUNT:HARD']);
  });
  it('refuses a third deputy at assignment, accepts a second', () => {
    const t = validTeam();
    expect(checkAssignment(t, deputy()).refused).toEqual([]);
    const two = { ...t, members: [...t.members, deputy()] };
    expect(rulesOf(checkAssignment(two, deputy()).refused)).toEqual(['DEPUTY_COUNT:HARD']);
  });
  it('follows the round override', () => {
    const r = round({}, { minDeputies: 0, maxDeputies: 0 });
    const t = validTeam({}, r);
    expect(only({ ...t, members: [t.members[0], t.members[2], t.members[3], member()] })).toEqual([]);
    expect(rulesOf(checkAssignment({ ...t, members: [t.members[0]] }, deputy()).refused)).toEqual(['DEPUTY_COUNT:HARD']);
  });
});

describe('TEAM_SIZE (hard)', () => {
  it('fails below the minimum and above the maximum, passes at both bounds', () => {
    const t = validTeam();
    expect(only({ ...t, members: t.members.slice(0, 3) })).toEqual(['TEAM_SIZE:HARD']);
    const seven = [...t.members, member(), member(), member()];
    expect(only({ ...t, members: seven })).toEqual([]);
    expect(only({ ...t, members: [...seven, member()] })).toEqual(['TEAM_SIZE:HARD']);
  });
  it('accepts an assignment to a team still short of the minimum, refuses one beyond the maximum', () => {
    const t = validTeam();
    expect(checkAssignment({ ...t, members: t.members.slice(0, 2) }, member()).refused).toEqual([]);
    const seven = { ...t, members: [...t.members, member(), member(), member()] };
    const r = checkAssignment(seven, member());
    expect(rulesOf(r.refused)).toEqual(['TEAM_SIZE:HARD']);
    expect(r.reported).toEqual([]);
  });
});

describe('TARGET_COUNT (hard)', () => {
  it('passes with 1 to 3 targets, fails with none or four', () => {
    expect(only(validTeam({ targetUnitIds: ['u1'] }))).toEqual([]);
    expect(only(validTeam({ targetUnitIds: [] }))).toEqual(['TARGET_COUNT:HARD']);
    expect(only(validTeam({ targetUnitIds: ['u1', 'u2', 'u3', 'u4'] }))).toEqual(['TARGET_COUNT:HARD']);
  });
  it('follows the round override', () => {
    expect(only(validTeam({ targetUnitIds: ['u1', 'u2', 'u3', 'u4'] }, round({}, { maxTargets: 4 })))).toEqual([]);
  });
});

describe('RANK_FLOOR (hard)', () => {
  it('fails for a deputy below the floor or of unknown rank; passes for a member of any rank', () => {
    const t = validTeam();
    for (const rank of ['STAFF', null] as const) {
      const vs = evaluateTeam({ ...t, members: [t.members[0], deputy({ rank }), t.members[2], t.members[3]] });
      expect(rulesOf(vs)).toEqual(['RANK_FLOOR:HARD']);
    }
    expect(only({ ...t, members: [...t.members.slice(0, 3), member({ rank: null })] })).toEqual([]);
  });
  it('follows the round override and refuses at assignment', () => {
    const t = validTeam({}, round({}, { rankFloor: 'SECTION' }));
    expect(only(t)).toEqual(['RANK_FLOOR:HARD']); // the deputy is DEPUTY_SECTION
    expect(rulesOf(checkAssignment(t, deputy({ rank: 'STAFF' })).refused)).toEqual(['RANK_FLOOR:HARD']);
    expect(checkAssignment(t, deputy({ rank: 'DIVISION' })).refused).toEqual([]);
  });
});

describe('DOUBLE_BOOKED (hard)', () => {
  it('fails for a member on another team of the same round or of a round overlapping in time', () => {
    const t = validTeam();
    const same = member({ otherBookings: [booking({ roundId: 'r1', startsOn: '2025-03-01', endsOn: '2025-04-30' })] });
    expect(only({ ...t, members: [...t.members, same] })).toEqual(['DOUBLE_BOOKED:HARD']);
    const overlapping = member({ otherBookings: [booking({ endsOn: '2025-03-01' })] });
    expect(only({ ...t, members: [...t.members, overlapping] })).toEqual(['DOUBLE_BOOKED:HARD']);
  });
  it('passes for a booking in a round that ends before this one starts', () => {
    const t = validTeam();
    expect(only({ ...t, members: [...t.members, member({ otherBookings: [booking({ endsOn: '2025-02-28' })] })] })).toEqual([]);
  });
  it('refuses the assignment of a booked person, and of someone already on the team', () => {
    const t = validTeam();
    const r = checkAssignment(t, member({ otherBookings: [booking({ startsOn: '2025-04-30', endsOn: '2025-06-01' })] }));
    expect(rulesOf(r.refused)).toEqual(['DOUBLE_BOOKED:HARD']);
    expect(r.refused[0].message.en).toContain('Team 9 of Round 9');
    const again = checkAssignment(t, { ...t.members[3], role: 'MEMBER' });
    expect(rulesOf(again.refused)).toEqual(['DOUBLE_BOOKED:HARD']);
  });
});

describe('FULL_TIME_CORE (hard)', () => {
  it('fails without a full-time inspector, passes when the round asks for none', () => {
    const t = validTeam();
    const members = t.members.map((m) => ({ ...m, fullTimeInspector: false }));
    expect(only({ ...t, members })).toEqual(['FULL_TIME_CORE:HARD']);
    expect(only({ ...t, round: round({}, { minFullTime: 0 }), members })).toEqual([]);
  });
  it('is not refused at assignment', () => {
    const t = validTeam();
    expect(checkAssignment({ ...t, members: t.members.slice(1, 2) }, member()).refused).toEqual([]);
  });
});

describe('REQUIRED_SPECIALTY (hard)', () => {
  it('fails when nobody has finance or audit; passes with audit; a suspended entry does not count', () => {
    const t = validTeam();
    const base = [t.members[0], t.members[1], t.members[3]];
    expect(only({ ...t, members: [...base, member()] })).toEqual(['REQUIRED_SPECIALTY:HARD']);
    expect(only({ ...t, members: [...base, member({ poolEntries: [entry({ specialties: ['AUDIT'] })] })] })).toEqual([]);
    const suspended = member({ poolEntries: [entry({ specialties: ['FINANCE'], status: 'SUSPENDED' })] });
    expect(only({ ...t, members: [...base, suspended] })).toEqual(['POOL_MEMBERSHIP:HARD', 'REQUIRED_SPECIALTY:HARD']);
  });
  it('names the specialties in the reader\'s language, not by code', () => {
    const t = validTeam({}, round({ specialtyNames: { FINANCE: { zh: '财务', en: 'Finance' }, AUDIT: { zh: '审计', en: 'Audit' } } }));
    const v = evaluateTeam({ ...t, members: [t.members[0], t.members[1], t.members[3], member()] }).find((x) => x.rule === 'REQUIRED_SPECIALTY')!;
    expect(v.message.zh).toBe('巡察组须有以下专业之一的人员：财务、审计');
    expect(v.message.en).toBe('The team needs someone with one of these specialties: Finance or Audit');
    expect(v.message.zh).not.toContain('FINANCE');
  });
  it('follows the round override', () => {
    const t = validTeam({}, round({}, { requiredSpecialtiesAnyOf: ['LAW'] }));
    expect(only(t)).toEqual(['REQUIRED_SPECIALTY:HARD']);
    expect(only(validTeam({}, round({}, { requiredSpecialtiesAnyOf: [] })))).toEqual([]);
  });
});

describe('EXPERIENCE_MIX (soft)', () => {
  it('is reported when everyone or nobody served before', () => {
    const t = validTeam();
    expect(only({ ...t, members: t.members.map((m) => ({ ...m, servedBefore: true })) })).toEqual(['EXPERIENCE_MIX:SOFT']);
    expect(only({ ...t, members: t.members.map((m) => ({ ...m, servedBefore: false })) })).toEqual(['EXPERIENCE_MIX:SOFT']);
  });
  it('says who is missing, for an empty team too', () => {
    const t = validTeam();
    const mix = (members: typeof t.members) => evaluateTeam({ ...t, members }).find((v) => v.rule === 'EXPERIENCE_MIX')!.message;
    expect(mix([])).toEqual({
      zh: '巡察组尚无成员；老新结合须至少有一名参加过巡察的人员和一名首次参加巡察的人员',
      en: 'The team has no members yet; to mix experienced and new it needs at least one member who has served in a round before and one serving for the first time',
    });
    expect(mix(t.members.map((m) => ({ ...m, servedBefore: false }))).zh).toBe('老新结合须至少有一名参加过巡察的人员，本组4人均为首次参加巡察');
    expect(mix(t.members.map((m) => ({ ...m, servedBefore: true }))).en).toContain('needs at least one member serving for the first time');
  });
});

describe('READINESS (soft)', () => {
  it('is reported per member missing training or a pledge', () => {
    const t = validTeam();
    const m = member({ readiness: ['TRAINING'] });
    const vs = evaluateTeam({ ...t, members: [...t.members, m] });
    expect(rulesOf(vs)).toEqual(['READINESS:SOFT']);
    expect(vs[0].personId).toBe(m.personId);
    expect(vs[0].message.en).toContain('work-discipline pledge');
    expect(vs[0].message.en).toContain('confidentiality pledge');
  });
});

describe('LEAVE_OVERLAP (soft)', () => {
  it('is reported above 20% of the working days, not at 20%', () => {
    const t = validTeam();
    expect(only({ ...t, members: [...t.members, member({ leaveDays: 4 })] })).toEqual([]);
    expect(only({ ...t, members: [...t.members, member({ leaveDays: 4.5 })] })).toEqual(['LEAVE_OVERLAP:SOFT']);
  });
  it('is not judged when the working days are unknown', () => {
    const t = validTeam({}, round({ workingDays: null }));
    expect(only({ ...t, members: [...t.members, member({ leaveDays: 30 })] })).toEqual([]);
  });
});

describe('LEADER_AUTHORIZATION (hard)', () => {
  it('fails without an authorization, with a revoked one, or with one of a former leader', () => {
    const t = validTeam();
    expect(only({ ...t, authorizations: [] })).toEqual(['LEADER_AUTHORIZATION:HARD']);
    expect(only({ ...t, authorizations: [{ ...t.authorizations[0], status: 'REVOKED' }] })).toEqual(['LEADER_AUTHORIZATION:HARD']);
    expect(only({ ...t, authorizations: [{ ...t.authorizations[0], personId: 'someone-else' }] })).toEqual(['LEADER_AUTHORIZATION:HARD']);
  });
  it('fails with an authorization of another team or round (never reused)', () => {
    const t = validTeam();
    expect(only({ ...t, authorizations: [{ ...t.authorizations[0], teamId: 't2' }] })).toEqual(['LEADER_AUTHORIZATION:HARD']);
    expect(only({ ...t, authorizations: [{ ...t.authorizations[0], roundId: 'r0' }] })).toEqual(['LEADER_AUTHORIZATION:HARD']);
  });
  it('accepts an ENDED authorization only once the round is closed', () => {
    const ended = (status: 'REPORTING' | 'CLOSED') => {
      const t = validTeam({}, round({ status }));
      return only({ ...t, authorizations: [{ ...t.authorizations[0], status: 'ENDED' }] });
    };
    expect(ended('CLOSED')).toEqual([]);
    expect(ended('REPORTING')).toEqual(['LEADER_AUTHORIZATION:HARD']);
  });
});

describe('avoidance findings', () => {
  const finding = (over: Partial<AvoidanceFact>): AvoidanceFact => ({
    rule: 'KIN_IN_TARGET',
    severity: 'HARD',
    personId: 'x',
    unitId: 'u1',
    explanation: { zh: '回避', en: 'avoid' },
    publicExplanation: { zh: '回避（无亲属）', en: 'avoid (no relatives)' },
    waived: false,
    ...over,
  });
  it('reports unwaived findings of members against targets, with their own rule and severity', () => {
    const t = validTeam();
    const p = t.members[2].personId;
    const vs = evaluateTeam({
      ...t,
      avoidance: [
        finding({ personId: p }),
        finding({ personId: p, unitId: 'u2', rule: 'SAME_SYSTEM', severity: 'SOFT' }),
        finding({ personId: p, unitId: 'u3', waived: true }),
        finding({ personId: p, unitId: 'not-a-target' }),
        finding({ personId: 'not-a-member' }),
      ],
    });
    expect(rulesOf(vs)).toEqual(['KIN_IN_TARGET:HARD', 'SAME_SYSTEM:SOFT']);
    expect(vs.find((v) => v.rule === 'KIN_IN_TARGET')).toMatchObject({ personId: p, unitId: 'u1', message: { en: 'avoid' } });
  });
  it('shows a waived finding, marked waived and naming the team, that blocks neither assignment nor authorization', () => {
    const t = validTeam();
    const p = t.members[2].personId;
    const team = { ...t, avoidance: [finding({ personId: p, waived: true })] };
    const shown = shownViolations(team);
    expect(shown.filter((v) => v.waived)).toEqual([
      expect.objectContaining({ rule: 'KIN_IN_TARGET', severity: 'HARD', personId: p, unitId: 'u1', teamId: t.id, waived: true }),
    ]);
    expect(evaluateTeam(team).some((v) => v.rule === 'KIN_IN_TARGET')).toBe(false);
    const ok = shown.filter((v) => v.rule !== 'LEADER_AUTHORIZATION');
    expect(decideAdvance('PLANNING', 'AUTHORIZED', [ok])).toEqual({ kind: 'MOVE' });
    const c = member();
    expect(checkAssignment({ ...team, avoidance: [finding({ personId: c.personId, waived: true })] }, c).refused).toEqual([]);
  });
  it('names the team in every violation', () => {
    const t = validTeam();
    const vs = evaluateTeam({ ...t, members: [], avoidance: [finding({ personId: t.members[0].personId })] });
    expect(vs.length).toBeGreaterThan(3);
    expect(vs.every((v) => v.teamId === t.id)).toBe(true);
  });
  it('refuses an assignment on a hard unwaived finding and reports a soft one', () => {
    const t = validTeam();
    const c = member();
    expect(rulesOf(checkAssignment({ ...t, avoidance: [finding({ personId: c.personId })] }, c).refused)).toEqual(['KIN_IN_TARGET:HARD']);
    expect(checkAssignment({ ...t, avoidance: [finding({ personId: c.personId, waived: true })] }, c).refused).toEqual([]);
    const soft = checkAssignment({ ...t, avoidance: [finding({ personId: c.personId, rule: 'PERSONAL_TIE', severity: 'SOFT' })] }, c);
    expect(soft.refused).toEqual([]);
    expect(rulesOf(soft.reported)).toEqual(['PERSONAL_TIE:SOFT']);
  });
});

describe('checkAssignment reports', () => {
  it("the new member's soft violations and the team's, not other members'", () => {
    const t = validTeam();
    const other = member({ readiness: [], servedBefore: true });
    const team = { ...t, members: [...t.members.map((m) => ({ ...m, servedBefore: true })), other] };
    const c = member({ readiness: ['TRAINING'], servedBefore: true, leaveDays: 10 });
    const r = checkAssignment(team, c);
    expect(r.refused).toEqual([]);
    expect(rulesOf(r.reported)).toEqual(['EXPERIENCE_MIX:SOFT', 'LEAVE_OVERLAP:SOFT', 'READINESS:SOFT']);
    expect(r.reported.every((v) => v.personId === undefined || v.personId === c.personId)).toBe(true);
  });
  it('lists every hard rule the assignment breaks at once', () => {
    const t = validTeam();
    const full = { ...t, members: [...t.members, member(), member(), member()] };
    const c = leader({ rank: 'STAFF', poolEntries: [], otherBookings: [booking({ roundId: 'r1' })] });
    expect(rulesOf(checkAssignment(full, c).refused)).toEqual([
      'DOUBLE_BOOKED:HARD',
      'LEADER_COUNT:HARD',
      'POOL_MEMBERSHIP:HARD',
      'RANK_FLOOR:HARD',
      'TEAM_SIZE:HARD',
    ]);
    expect(HARD_AT_ASSIGNMENT).toEqual(expect.arrayContaining(['DOUBLE_BOOKED', 'LEADER_COUNT', 'POOL_MEMBERSHIP', 'RANK_FLOOR', 'TEAM_SIZE', 'DEPUTY_COUNT']));
  });
});

describe('helpers', () => {
  it('relates a region to itself, its ancestors and descendants only', () => {
    expect(regionsRelated(COUNTY, COUNTY)).toBe(true);
    expect(regionsRelated(COUNTY, CITY)).toBe(true);
    expect(regionsRelated(CITY, TOWNSHIP)).toBe(true);
    expect(regionsRelated(COUNTY, OTHER_COUNTY)).toBe(false);
    expect(regionsRelated(TOWNSHIP, OTHER_COUNTY)).toBe(false);
  });
  it('treats periods sharing a day as overlapping', () => {
    expect(periodsOverlap('2025-01-01', '2025-01-31', '2025-01-31', '2025-02-10')).toBe(true);
    expect(periodsOverlap('2025-01-01', '2025-01-30', '2025-01-31', '2025-02-10')).toBe(false);
  });
});
