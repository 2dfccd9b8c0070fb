/** Builders of small composition problems (plain data) for the model's tests. */
import type { ServiceHistory } from '../../../src/composition/rules/cost';
import type { CompositionInstance } from '../../../src/composition/rules/instance';
import { DEFAULT_WEIGHTS, CostWeights } from '../../../src/composition/rules/weights';
import { DEFAULT_TEAM_RULES } from '../../../src/rounds/rules/team-rules';
import type { AvoidanceFact, PersonFact, PoolKind, Rank, RoundFact, TeamRole, TeamRules } from '../../../src/rounds/rules/types';

export const REGION = '/prov/city/county/';

export interface FindingSpec {
  unitId: string;
  rule?: string;
  severity: 'HARD' | 'SOFT';
  /** Roles it is found for (all by default); e.g. rule 4, hard only for leaders and deputies. */
  roles?: TeamRole[];
  waived?: boolean;
}

export interface PersonSpec {
  id: string;
  pools?: PoolKind[];
  rank?: Rank;
  fullTime?: boolean;
  specialties?: string[];
  servedBefore?: boolean;
  leaveDays?: number;
  /** Booked elsewhere in an overlapping round. */
  booked?: boolean;
  findings?: FindingSpec[];
  history?: Partial<ServiceHistory>;
}

export interface TeamSpec {
  id: string;
  targets?: string[];
  kept?: { id: string; role: TeamRole }[];
}

const ROLES: TeamRole[] = ['LEADER', 'DEPUTY_LEADER', 'MEMBER'];
const POOLS_FOR: Record<TeamRole, PoolKind[]> = { LEADER: ['GROUP_LEADER'], DEPUTY_LEADER: ['GROUP_LEADER', 'DEPUTY_LEADER'], MEMBER: ['GROUP_LEADER', 'DEPUTY_LEADER', 'SPECIALIST'] };

export function roundFact(rules: Partial<TeamRules> = {}): RoundFact {
  return {
    id: 'r1',
    status: 'PLANNING',
    startsOn: '2025-07-01',
    endsOn: '2025-08-29',
    regionPath: REGION,
    workingDays: 40,
    rules: { ...DEFAULT_TEAM_RULES, requiredSpecialtiesAnyOf: [...DEFAULT_TEAM_RULES.requiredSpecialtiesAnyOf], ...rules },
  };
}

export function personFact(p: PersonSpec): PersonFact {
  const pools = p.pools ?? ['SPECIALIST'];
  return {
    personId: p.id,
    name: p.id,
    rank: p.rank ?? (pools.includes('SPECIALIST') && pools.length === 1 ? 'STAFF' : 'SECTION'),
    fullTimeInspector: p.fullTime ?? false,
    poolEntries: pools.map((pool) => ({ pool, status: 'ACTIVE', regionPath: REGION, specialties: p.specialties ?? [] })),
    servedBefore: p.servedBefore ?? false,
    readiness: [],
    leaveDays: p.leaveDays ?? 0,
    otherBookings: p.booked ? [{ teamId: 'x', teamName: '他轮一组', roundId: 'r0', roundName: '另一轮', startsOn: '2025-07-15', endsOn: '2025-09-01' }] : [],
  };
}

/** A problem: the teams (targets default to one unit named after the team), the people, the rules and weights. */
export function instance(spec: {
  teams: TeamSpec[];
  people: PersonSpec[];
  rules?: Partial<TeamRules>;
  weights?: Partial<CostWeights>;
  /** Judge everyone for every role (as a candidate list does), not only people in a pool for it. */
  judgeEveryone?: boolean;
}): CompositionInstance {
  const round = roundFact(spec.rules);
  const byId = new Map(spec.people.map((p) => [p.id, p]));
  const keptIds = new Set(spec.teams.flatMap((t) => (t.kept ?? []).map((k) => k.id)));
  const allUnits = spec.teams.flatMap((t) => t.targets ?? [`${t.id}-u`]);
  const finding = (p: PersonSpec, f: FindingSpec): AvoidanceFact => ({
    rule: f.rule ?? (f.severity === 'HARD' ? 'KIN_IN_TARGET' : 'SAME_SYSTEM'),
    severity: f.severity,
    personId: p.id,
    unitId: f.unitId,
    explanation: { zh: `${p.id}对${f.unitId}有回避情形`, en: `${p.id} has a finding for ${f.unitId}` },
    publicExplanation: { zh: `${p.id}对${f.unitId}有回避情形`, en: `${p.id} has a finding for ${f.unitId}` },
    waived: f.waived ?? false,
  });
  const findingsFor = (p: PersonSpec, role: TeamRole) => (p.findings ?? []).filter((f) => !f.roles || f.roles.includes(role)).map((f) => finding(p, f));
  const candidates = spec.people.filter((p) => !keptIds.has(p.id));
  const judged: CompositionInstance['judged'] = {};
  const candidateAvoidance: CompositionInstance['candidateAvoidance'] = {};
  for (const role of ROLES) {
    const who = candidates.filter((p) => spec.judgeEveryone || (p.pools ?? ['SPECIALIST']).some((x) => POOLS_FOR[role].includes(x)));
    judged[role] = who.map((p) => p.id);
    candidateAvoidance[role] = who.flatMap((p) => findingsFor(p, role).filter((f) => allUnits.includes(f.unitId)));
  }
  const history: Record<string, ServiceHistory> = {};
  for (const p of spec.people) history[p.id] = { roundsInWindow: 0, ledPreviousRound: null, newlyPromoted: false, ...p.history };
  return {
    round,
    teams: spec.teams.map((t) => {
      const targets = t.targets ?? [`${t.id}-u`];
      const members = (t.kept ?? []).map((k) => ({ ...personFact(byId.get(k.id)!), role: k.role }));
      return {
        id: t.id,
        round,
        targetUnitIds: targets,
        members,
        authorizations: [],
        avoidance: (t.kept ?? []).flatMap((k) => findingsFor(byId.get(k.id)!, k.role).filter((f) => targets.includes(f.unitId))),
      };
    }),
    teamNames: Object.fromEntries(spec.teams.map((t) => [t.id, `组${t.id}`])),
    current: spec.teams.flatMap((t) => (t.kept ?? []).map((k) => ({ teamId: t.id, personId: k.id, role: k.role }))),
    candidates: candidates.map(personFact),
    judged,
    candidateAvoidance,
    history,
    weights: { ...DEFAULT_WEIGHTS, ...spec.weights },
  };
}

/** Rules small enough for enumeration: teams of 2 to 3, a leader, at most one deputy, one full-time, no specialty. */
export const SMALL: Partial<TeamRules> = { minSize: 2, maxSize: 3, minDeputies: 0, maxDeputies: 1, minFullTime: 1, requiredSpecialtiesAnyOf: [] };
