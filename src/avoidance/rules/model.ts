/**
 * The vocabulary the avoidance rules speak: bilingual text, relation kinds, rule codes and the
 * shape of a finding. Plain data only.
 */
import { DateTime } from 'luxon';

export interface Msg {
  zh: string;
  en: string;
}
export const msg = (zh: string, en: string): Msg => ({ zh, en });

export type RelationKindName =
  | 'SPOUSE'
  | 'PARENT'
  | 'CHILD'
  | 'GRANDPARENT'
  | 'GRANDCHILD'
  | 'SIBLING'
  | 'UNCLE_AUNT'
  | 'NEPHEW_NIECE'
  | 'COUSIN'
  | 'PARENT_IN_LAW'
  | 'CHILD_IN_LAW'
  | 'SIBLING_IN_LAW'
  | 'OTHER_IN_LAW'
  | 'CLASSMATE'
  | 'TEACHER_STUDENT'
  | 'SAME_SUPERVISOR'
  | 'CLOSE_FRIEND'
  | 'OTHER_TIE';

const INVERSE: Partial<Record<RelationKindName, RelationKindName>> = {
  PARENT: 'CHILD',
  CHILD: 'PARENT',
  GRANDPARENT: 'GRANDCHILD',
  GRANDCHILD: 'GRANDPARENT',
  UNCLE_AUNT: 'NEPHEW_NIECE',
  NEPHEW_NIECE: 'UNCLE_AUNT',
  PARENT_IN_LAW: 'CHILD_IN_LAW',
  CHILD_IN_LAW: 'PARENT_IN_LAW',
};
/** What person is to relatedPerson, given what relatedPerson is to person. */
export const inverseKind = (kind: RelationKindName): RelationKindName => INVERSE[kind] ?? kind;

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
  waived: boolean;
}

// ---------------------------------------------------------------- dates ('YYYY-MM-DD' strings)

const ZONE = 'Asia/Shanghai';
const dt = (d: string) => DateTime.fromISO(d, { zone: ZONE });
export const addYears = (d: string, years: number): string => dt(d).plus({ years }).toISODate()!;
export const daysBetween = (a: string, b: string): number => Math.round(dt(b).diff(dt(a), 'days').days);
export const minDate = (a: string, b: string) => (a < b ? a : b);
export const maxDate = (a: string, b: string) => (a > b ? a : b);
