/**
 * The vocabulary the avoidance rules speak: bilingual text, relation kinds, rule codes and the
 * shape of a finding. Plain data only.
 */
import type { Msg } from '../../common/i18n';

export type { Msg } from '../../common/i18n';
export { msg } from '../../common/i18n';
export type { RelationKindName } from '../../people/rules/relation-kinds';
export { inverseKind } from '../../people/rules/relation-kinds';
export { addYears, daysBetween } from '../../common/dates';

import type { SeverityName, UnitKindName } from '../../common/vocabulary';
export type {
  AvoidanceRuleName,
  GenderName,
  RegionLevelName,
  RoundKindName,
  SeverityName,
  TeamRoleName,
  UnitKindName,
} from '../../common/vocabulary';
export { AVOIDANCE_RULES } from '../../common/vocabulary';
import { AVOIDANCE_RULES, AvoidanceRuleName } from '../../common/vocabulary';
export const GRASSROOTS_UNIT_KINDS: readonly UnitKindName[] = ['TOWNSHIP', 'VILLAGE', 'COMMUNITY'];

export const isAvoidanceRule = (s: string): s is AvoidanceRuleName => (AVOIDANCE_RULES as readonly string[]).includes(s);

/** One step of a finding's path: what it is, and the person or unit it reaches. */
export interface PathStepData {
  label: Msg;
  personId?: string;
  unitId?: string;
}

export interface AvoidanceFindingData {
  rule: AvoidanceRuleName;
  severity: SeverityName;
  personId: string;
  unitId: string;
  /** One sentence a clerk can act on. */
  explanation: Msg;
  /** From the person to the unit, step by step. */
  path: PathStepData[];
  /** The sentence and path for readers who may not see relatives and other private facts. */
  publicExplanation: Msg;
  publicPath: PathStepData[];
  waived: boolean;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date: cheap enough to call per pair in a matrix. */
export const dayNumber = (d: string): number => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;

/** The earlier / later of two 'YYYY-MM-DD' dates. */
export const minDate = (a: string, b: string) => (a < b ? a : b);
export const maxDate = (a: string, b: string) => (a > b ? a : b);
