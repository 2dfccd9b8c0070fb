/** Builders of plain team facts for the team-rule tests. */
import { DEFAULT_TEAM_RULES } from '../../src/rounds/rules/team-rules';
import type { MemberFact, PoolEntryFact, RoundFact, TeamFact, TeamRules } from '../../src/rounds/rules/types';

export const CITY = '/prov/city/';
export const COUNTY = `${CITY}county/`;
export const OTHER_COUNTY = `${CITY}county-b/`;
export const TOWNSHIP = `${COUNTY}town/`;

export function round(over: Partial<RoundFact> = {}, rules: Partial<TeamRules> = {}): RoundFact {
  return {
    id: 'r1',
    status: 'PLANNING',
    startsOn: '2025-03-01',
    endsOn: '2025-04-30',
    regionPath: COUNTY,
    workingDays: 20,
    rules: { ...DEFAULT_TEAM_RULES, requiredSpecialtiesAnyOf: [...DEFAULT_TEAM_RULES.requiredSpecialtiesAnyOf], ...rules },
    ...over,
  };
}

export function entry(over: Partial<PoolEntryFact> = {}): PoolEntryFact {
  return { pool: 'SPECIALIST', status: 'ACTIVE', regionPath: COUNTY, specialties: [], ...over };
}

let seq = 0;
export function member(over: Partial<MemberFact> = {}): MemberFact {
  seq += 1;
  return {
    personId: `p${seq}`,
    name: `Person ${seq}`,
    role: 'MEMBER',
    rank: 'STAFF',
    fullTimeInspector: false,
    poolEntries: [entry()],
    servedBefore: false,
    readiness: ['TRAINING', 'DISCIPLINE_PLEDGE', 'CONFIDENTIALITY_PLEDGE'],
    leaveDays: 0,
    otherBookings: [],
    ...over,
  };
}

export const leader = (over: Partial<MemberFact> = {}) =>
  member({ role: 'LEADER', rank: 'SECTION', poolEntries: [entry({ pool: 'GROUP_LEADER' })], servedBefore: true, fullTimeInspector: true, ...over });
export const deputy = (over: Partial<MemberFact> = {}) =>
  member({ role: 'DEPUTY_LEADER', rank: 'DEPUTY_SECTION', poolEntries: [entry({ pool: 'DEPUTY_LEADER' })], ...over });

/**
 * A team that breaks no rule: a full-time, experienced leader and deputy, two new specialists
 * (one in finance), three targets, the leader authorized.
 */
export function validTeam(over: Partial<TeamFact> = {}, r: RoundFact = round()): TeamFact {
  const l = leader();
  return {
    id: 't1',
    round: r,
    targetUnitIds: ['u1', 'u2', 'u3'],
    members: [l, deputy({ fullTimeInspector: true, servedBefore: true }), member({ poolEntries: [entry({ specialties: ['FINANCE'] })] }), member()],
    authorizations: [{ id: 'a1', roundId: r.id, teamId: 't1', personId: l.personId, status: 'ACTIVE' }],
    avoidance: [],
    ...over,
  };
}

export const rulesOf = (vs: { rule: string; severity: string }[]) => vs.map((v) => `${v.rule}:${v.severity}`).sort();
