/** Plain data the round and team rules decide on. */
import type { PoolEntryStatus, PoolKind, Msg } from '../../pools/rules/pool-entry';
import type { Rank } from '../../people/rules/rank';

export type { Msg, PoolEntryStatus, PoolKind, Rank };

import type { RoundKindName as RoundKind, RoundStatusName as RoundStatus, SeverityName as Severity, TeamRoleName as TeamRole } from '../../common/vocabulary';
export { COMPOSITION_RULE_CODES, LIFECYCLE, ROUND_KINDS, ROUND_STATUSES, SEVERITIES, TEAM_ROLES, TEAM_RULE_CODES } from '../../common/vocabulary';
export type {
  RoundKindName as RoundKind,
  RoundStatusName as RoundStatus,
  SeverityName as Severity,
  TeamRoleName as TeamRole,
  TeamRuleCode,
  CompositionRuleCode,
} from '../../common/vocabulary';

export const READINESS_KINDS = ['TRAINING', 'DISCIPLINE_PLEDGE', 'CONFIDENTIALITY_PLEDGE'] as const;
export type ReadinessKind = (typeof READINESS_KINDS)[number];

export const EVALUATION_GRADES = ['EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];

export const AUTHORIZATION_STATUSES = ['ACTIVE', 'ENDED', 'REVOKED'] as const;
export type AuthorizationStatus = (typeof AUTHORIZATION_STATUSES)[number];

/** A broken rule: a team rule, or an avoidance rule carried over from the avoidance check. */
export interface Violation {
  rule: string;
  severity: Severity;
  message: Msg;
  personId?: string;
  unitId?: string;
  /** For readers who may not see relatives: the message without them (avoidance findings). */
  publicMessage?: Msg;
  /** The team the violation belongs to, where it belongs to one. */
  teamId?: string;
  /** An avoidance finding let through by a director's waiver: shown, refusing nothing. */
  waived?: boolean;
}

export interface TeamRules {
  minSize: number;
  maxSize: number;
  minDeputies: number;
  maxDeputies: number;
  maxTargets: number;
  rankFloor: Rank;
  minFullTime: number;
  requiredSpecialtiesAnyOf: string[];
  /** LEAVE_OVERLAP is reported when approved leave exceeds this share of the round's working days. */
  maxLeaveShare: number;
}

export interface PoolEntryFact {
  pool: PoolKind;
  status: PoolEntryStatus;
  /** Materialized path of the entry's region ("/root/…/self/"). */
  regionPath: string;
  specialties: readonly string[];
}

/** Another current (not removed) team membership of the same person. */
export interface Booking {
  teamId: string;
  teamName: string;
  roundId: string;
  roundName: string;
  startsOn: string;
  endsOn: string;
}

export interface MemberFact {
  personId: string;
  name: string;
  role: TeamRole;
  rank: Rank | null;
  fullTimeInspector: boolean;
  poolEntries: readonly PoolEntryFact[];
  /** Served on a team of an earlier round (for the experienced/new mix, 老新结合). */
  servedBefore: boolean;
  /** Readiness recorded for this round. */
  readiness: readonly ReadinessKind[];
  /** Working days of approved leave within the round's period. */
  leaveDays: number;
  /** The person's other current memberships, on any team of any round. */
  otherBookings: readonly Booking[];
}

/** A person's facts without a role: what the rules need to judge them in any role. */
export type PersonFact = Omit<MemberFact, 'role'>;

export interface AvoidanceFact {
  rule: string;
  severity: Severity;
  personId: string;
  unitId: string;
  explanation: Msg;
  /** The explanation without relatives and other private facts. */
  publicExplanation: Msg;
  waived: boolean;
}

export interface AuthorizationFact {
  id: string;
  roundId: string;
  teamId: string;
  personId: string;
  status: AuthorizationStatus;
}

export interface RoundFact {
  id: string;
  status: RoundStatus;
  startsOn: string;
  endsOn: string;
  /** Materialized path of the round's region ("/root/…/self/"). */
  regionPath: string;
  /** Working days in the stationing period; null when the calendar cannot say. */
  workingDays: number | null;
  rules: TeamRules;
  /** The names of the specialties by code (reference data), for messages; a code without a name reads as itself. */
  specialtyNames?: Readonly<Record<string, Msg>>;
}

export interface TeamFact {
  id: string;
  round: RoundFact;
  targetUnitIds: readonly string[];
  /** Current members (not removed). */
  members: readonly MemberFact[];
  authorizations: readonly AuthorizationFact[];
  /** Avoidance findings for the members against the team's targets (waived ones included). */
  avoidance: readonly AvoidanceFact[];
}
