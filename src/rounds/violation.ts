import { Field, ObjectType } from 'type-graphql';
import type { Msg } from '../common/i18n';
import type { RuleCode } from '../common/vocabulary';
import { Rule, Severity } from '../graphql/enums';
import type { Severity as SeverityName, Violation as RuleViolation } from './rules/types';

/** A broken rule as the API shows it; `message` is put in the request's language by its resolver. */
@ObjectType('Violation')
export class ViolationView {
  @Field(() => Rule) rule!: RuleCode;
  @Field(() => Severity) severity!: SeverityName;
  text!: Msg;
  /** The text for readers who may not see relatives (avoidance findings); null when the same. */
  publicText!: Msg | null;
  personId!: string | null;
  unitId!: string | null;
  teamId!: string | null;
  @Field({ description: "An avoidance finding let through by a director's waiver: shown, but refusing nothing." }) waived!: boolean;
}

export function toView(v: RuleViolation): ViolationView {
  return Object.assign(new ViolationView(), {
    rule: v.rule as RuleCode,
    severity: v.severity,
    text: v.message,
    publicText: v.publicMessage ?? null,
    personId: v.personId ?? null,
    unitId: v.unitId ?? null,
    teamId: v.teamId ?? null,
    waived: v.waived ?? false,
  });
}
