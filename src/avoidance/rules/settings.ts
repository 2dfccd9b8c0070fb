/**
 * Per-region avoidance settings: which rules are on, their severities, and the windows.
 * The defaults are those of DOMAIN.md; a region without settings of its own takes those of its
 * nearest ancestor that has some.
 */
import { AVOIDANCE_RULES, AvoidanceRuleName, isAvoidanceRule, RoundKindName, SeverityName, TeamRoleName } from './model';

export interface RuleSetting {
  enabled: boolean;
  /** Severity for team leaders and deputy leaders. */
  severity: SeverityName;
  /** Severity for members (and candidates not yet on a team). */
  memberSeverity: SeverityName;
}

export interface AvoidanceSettingsData {
  /** Rule 2: worked in the unit within this many years before the round. */
  formerEmployerYears: number;
  /** Rule 2: worked in the unit for this many years or more at any time. */
  longTenureYears: number;
  /** Rule 4: superior or subordinate within this many years before the round. */
  superiorSubordinateYears: number;
  /** Rule 10: inspected the unit in a round that started within this many years. */
  repeatYears: number;
  /**
   * Rule 12 (HOMETOWN_COUNTY) in rounds of every kind. Off by default: it applies only where it
   * informs, in rounds whose inspectors come from elsewhere (HOMETOWN_COUNTY_KINDS); in a
   * county's own round nearly everyone's hometown is in the county.
   */
  hometownCountyAllRounds: boolean;
  rules: Record<AvoidanceRuleName, RuleSetting>;
}

export const WINDOW_FIELDS = ['formerEmployerYears', 'longTenureYears', 'superiorSubordinateYears', 'repeatYears'] as const;
export type WindowField = (typeof WINDOW_FIELDS)[number];
export const MAX_WINDOW_YEARS = 50;

const SOFT_RULES: readonly AvoidanceRuleName[] = [
  'PERSONAL_TIE',
  'SAME_SYSTEM',
  'REPEAT_TARGET',
  'TWO_HOP_KIN',
  'HOMETOWN_COUNTY',
  'INTEREST_TIE',
];

export function defaultSettings(): AvoidanceSettingsData {
  const rules = {} as Record<AvoidanceRuleName, RuleSetting>;
  for (const rule of AVOIDANCE_RULES) {
    const severity: SeverityName = SOFT_RULES.includes(rule) ? 'SOFT' : 'HARD';
    rules[rule] = {
      enabled: true,
      severity,
      // Rule 4 is hard for leaders and deputies, soft for members.
      memberSeverity: rule === 'FORMER_SUPERIOR_SUBORDINATE' ? 'SOFT' : severity,
    };
  }
  return { formerEmployerYears: 3, longTenureYears: 3, superiorSubordinateYears: 3, repeatYears: 5, hometownCountyAllRounds: false, rules };
}

/**
 * The settings in force for a region: its own, else the nearest ancestor's, else the defaults.
 * `chain` lists the region and its ancestors, nearest first.
 */
export function settingsFor(
  chain: readonly string[],
  stored: ReadonlyMap<string, AvoidanceSettingsData>,
): { settings: AvoidanceSettingsData; fromRegionId: string | null } {
  for (const regionId of chain) {
    const s = stored.get(regionId);
    if (s) return { settings: s, fromRegionId: regionId };
  }
  return { settings: defaultSettings(), fromRegionId: null };
}

export interface SettingsPatch {
  formerEmployerYears?: number | null;
  longTenureYears?: number | null;
  superiorSubordinateYears?: number | null;
  repeatYears?: number | null;
  hometownCountyAllRounds?: boolean | null;
  rules?: { rule: AvoidanceRuleName; enabled?: boolean | null; severity?: SeverityName | null; memberSeverity?: SeverityName | null }[] | null;
}

/** The settings after applying a patch; fields the patch leaves out keep their values. */
export function applyPatch(base: AvoidanceSettingsData, patch: SettingsPatch): AvoidanceSettingsData {
  const next: AvoidanceSettingsData = { ...base, rules: { ...base.rules } };
  for (const f of WINDOW_FIELDS) {
    const v = patch[f];
    if (v != null) next[f] = v;
  }
  if (patch.hometownCountyAllRounds != null) next.hometownCountyAllRounds = patch.hometownCountyAllRounds;
  for (const r of patch.rules ?? []) {
    const cur = next.rules[r.rule];
    next.rules[r.rule] = {
      enabled: r.enabled ?? cur.enabled,
      severity: r.severity ?? cur.severity,
      memberSeverity: r.memberSeverity ?? cur.memberSeverity,
    };
  }
  return next;
}

/** The field at fault when a patch is not acceptable, or null. */
export function patchProblem(patch: SettingsPatch): { field: string; zh: string; en: string } | null {
  for (const f of WINDOW_FIELDS) {
    const v = patch[f];
    if (v != null && (!Number.isInteger(v) || v < 1 || v > MAX_WINDOW_YEARS)) {
      return { field: f, zh: `年限须为 1 至 ${MAX_WINDOW_YEARS} 之间的整数`, en: `Years must be a whole number from 1 to ${MAX_WINDOW_YEARS}` };
    }
  }
  const seen = new Set<string>();
  for (const r of patch.rules ?? []) {
    if (!isAvoidanceRule(r.rule)) return { field: 'rules', zh: `${r.rule} 不是回避规则`, en: `${r.rule} is not an avoidance rule` };
    if (seen.has(r.rule)) return { field: 'rules', zh: `规则 ${r.rule} 重复设置`, en: `Rule ${r.rule} is given twice` };
    seen.add(r.rule);
  }
  return null;
}

/** The kinds of round in which HOMETOWN_COUNTY applies unless the settings turn it on everywhere. */
export const HOMETOWN_COUNTY_KINDS: readonly RoundKindName[] = ['CROSS', 'ELEVATED', 'LINKED'];

/** Whether HOMETOWN_COUNTY (rule 12) applies in a round of `kind` under these settings. */
export function hometownCountyApplies(settings: AvoidanceSettingsData, kind: RoundKindName): boolean {
  return settings.hometownCountyAllRounds || HOMETOWN_COUNTY_KINDS.includes(kind);
}

export function severityFor(settings: AvoidanceSettingsData, rule: AvoidanceRuleName, role: TeamRoleName): SeverityName {
  const s = settings.rules[rule];
  return role === 'MEMBER' ? s.memberSeverity : s.severity;
}
