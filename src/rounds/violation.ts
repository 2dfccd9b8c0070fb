import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { Msg } from '../common/i18n';
import type { Violation as RuleViolation } from './rules/types';

/** Every rule a violation or an avoidance finding can name: the team rules, then the avoidance rules. */
export enum Rule {
  POOL_MEMBERSHIP = 'POOL_MEMBERSHIP',
  LEADER_COUNT = 'LEADER_COUNT',
  DEPUTY_COUNT = 'DEPUTY_COUNT',
  TEAM_SIZE = 'TEAM_SIZE',
  TARGET_COUNT = 'TARGET_COUNT',
  RANK_FLOOR = 'RANK_FLOOR',
  DOUBLE_BOOKED = 'DOUBLE_BOOKED',
  FULL_TIME_CORE = 'FULL_TIME_CORE',
  REQUIRED_SPECIALTY = 'REQUIRED_SPECIALTY',
  EXPERIENCE_MIX = 'EXPERIENCE_MIX',
  READINESS = 'READINESS',
  LEAVE_OVERLAP = 'LEAVE_OVERLAP',
  LEADER_AUTHORIZATION = 'LEADER_AUTHORIZATION',
  CURRENT_EMPLOYER = 'CURRENT_EMPLOYER',
  FORMER_EMPLOYER = 'FORMER_EMPLOYER',
  KIN_IN_TARGET = 'KIN_IN_TARGET',
  FORMER_SUPERIOR_SUBORDINATE = 'FORMER_SUPERIOR_SUBORDINATE',
  LOCALITY = 'LOCALITY',
  DECLARED = 'DECLARED',
  HOMETOWN_GRASSROOTS = 'HOMETOWN_GRASSROOTS',
  PERSONAL_TIE = 'PERSONAL_TIE',
  SAME_SYSTEM = 'SAME_SYSTEM',
  REPEAT_TARGET = 'REPEAT_TARGET',
  TWO_HOP_KIN = 'TWO_HOP_KIN',
  HOMETOWN_COUNTY = 'HOMETOWN_COUNTY',
  INTEREST_TIE = 'INTEREST_TIE',
}
registerEnumType(Rule, { name: 'Rule' });

export enum Severity {
  HARD = 'HARD',
  SOFT = 'SOFT',
}
registerEnumType(Severity, { name: 'Severity' });

/** A broken rule as the API shows it; `message` is put in the request's language by its resolver. */
@ObjectType('Violation')
export class ViolationView {
  @Field(() => Rule) rule!: Rule;
  @Field(() => Severity) severity!: Severity;
  text!: Msg;
  personId!: string | null;
  unitId!: string | null;
}

export function toView(v: RuleViolation): ViolationView {
  return Object.assign(new ViolationView(), {
    rule: v.rule as Rule,
    severity: v.severity as Severity,
    text: v.message,
    personId: v.personId ?? null,
    unitId: v.unitId ?? null,
  });
}
