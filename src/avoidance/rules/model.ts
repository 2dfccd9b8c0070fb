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

export type GenderName = 'MALE' | 'FEMALE';
export type RegionLevelName = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';
export type UnitKindName = 'DEPARTMENT' | 'TOWNSHIP' | 'VILLAGE' | 'COMMUNITY' | 'ENTERPRISE' | 'INSTITUTION' | 'OTHER';
export const GRASSROOTS_UNIT_KINDS: readonly UnitKindName[] = ['TOWNSHIP', 'VILLAGE', 'COMMUNITY'];
export type RoundKindName = 'REGULAR' | 'SPECIAL' | 'MOBILE' | 'LOOK_BACK' | 'ELEVATED' | 'CROSS' | 'LINKED';
export type TeamRoleName = 'LEADER' | 'DEPUTY_LEADER' | 'MEMBER';
export type SeverityName = 'HARD' | 'SOFT';

/** The avoidance rules in the order of DOMAIN.md (rules 1-13). */
export const AVOIDANCE_RULES = [
  'CURRENT_EMPLOYER',
  'FORMER_EMPLOYER',
  'KIN_IN_TARGET',
  'FORMER_SUPERIOR_SUBORDINATE',
  'LOCALITY',
  'DECLARED',
  'HOMETOWN_GRASSROOTS',
  'PERSONAL_TIE',
  'SAME_SYSTEM',
  'REPEAT_TARGET',
  'TWO_HOP_KIN',
  'HOMETOWN_COUNTY',
  'INTEREST_TIE',
] as const;
export type AvoidanceRuleName = (typeof AVOIDANCE_RULES)[number];
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
