/**
 * The words several features share, each declared once as an `as const` list: the TypeScript
 * type is derived from the list, and so is the GraphQL enum (`enumOf`, registered where the
 * feature's entity or types live). A feature's own words live with its rules (e.g. ranks in
 * people/rules/rank.ts, pool kinds in pools/rules/pool-entry.ts) and are derived the same way.
 */

/** `{ A: 'A', B: 'B' }` for a list of words: what type-graphql registers as an enum. */
export function enumOf<const T extends readonly string[]>(words: T): { readonly [K in T[number]]: K } {
  return Object.freeze(Object.fromEntries(words.map((w) => [w, w]))) as { readonly [K in T[number]]: K };
}

export const ROLES = [
  'ADMIN',
  'ORG_DEPARTMENT',
  'INSPECTION_OFFICE',
  'OFFICE_DIRECTOR',
  'LEADING_GROUP_HEAD',
  'GROUP_LEADER',
  'INSPECTOR',
  'SECURITY_ADMIN',
  'AUDIT_ADMIN',
] as const;
export type RoleName = (typeof ROLES)[number];

export const GENDERS = ['MALE', 'FEMALE'] as const;
export type GenderName = (typeof GENDERS)[number];

export const REGION_LEVELS = ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'] as const;
export type RegionLevelName = (typeof REGION_LEVELS)[number];

export const UNIT_KINDS = ['DEPARTMENT', 'TOWNSHIP', 'VILLAGE', 'COMMUNITY', 'ENTERPRISE', 'INSTITUTION', 'OTHER'] as const;
export type UnitKindName = (typeof UNIT_KINDS)[number];

export const ROUND_KINDS = ['REGULAR', 'SPECIAL', 'MOBILE', 'LOOK_BACK', 'ELEVATED', 'CROSS', 'LINKED'] as const;
export type RoundKindName = (typeof ROUND_KINDS)[number];

/** The lifecycle, in order; a round leaves it only by being called off (CANCELLED) before stationing. */
export const LIFECYCLE = ['PLANNING', 'AUTHORIZED', 'STATIONED', 'REPORTING', 'CLOSED'] as const;
export const ROUND_STATUSES = [...LIFECYCLE, 'CANCELLED'] as const;
export type RoundStatusName = (typeof ROUND_STATUSES)[number];

export const TEAM_ROLES = ['LEADER', 'DEPUTY_LEADER', 'MEMBER'] as const;
export type TeamRoleName = (typeof TEAM_ROLES)[number];

export const SEVERITIES = ['HARD', 'SOFT'] as const;
export type SeverityName = (typeof SEVERITIES)[number];

/** The team rules of a round (src/rounds/rules/team-check.ts). */
export const TEAM_RULE_CODES = [
  'POOL_MEMBERSHIP',
  'LEADER_COUNT',
  'DEPUTY_COUNT',
  'TEAM_SIZE',
  'TARGET_COUNT',
  'RANK_FLOOR',
  'DOUBLE_BOOKED',
  'FULL_TIME_CORE',
  'REQUIRED_SPECIALTY',
  'EXPERIENCE_MIX',
  'READINESS',
  'LEAVE_OVERLAP',
  'LEADER_AUTHORIZATION',
] as const;
export type TeamRuleCode = (typeof TEAM_RULE_CODES)[number];

/** The avoidance rules in the order of DOMAIN.md (rules 1-13, src/avoidance/rules/). */
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

/**
 * The soft-cost terms of composing a team that are not team rules of their own: the "three
 * not-fixed" leader rotation (组长不固定) and rotation fairness. Repeats of a target are the
 * avoidance rule REPEAT_TARGET.
 */
export const COMPOSITION_RULE_CODES = ['LEADER_NOT_ROTATED', 'ROTATION_FAIRNESS', 'NEWLY_PROMOTED'] as const;
export type CompositionRuleCode = (typeof COMPOSITION_RULE_CODES)[number];

/** Every rule a violation, finding or cost term can name: the contract's `Rule`. */
export const RULE_CODES = [...TEAM_RULE_CODES, ...AVOIDANCE_RULES, ...COMPOSITION_RULE_CODES] as const;
export type RuleCode = (typeof RULE_CODES)[number];
