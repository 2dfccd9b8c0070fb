/** The team rules of a round (每轮可配置): defaults from practice, overridden per round. */
import { RANKS } from '../../people/rules/rank';
import type { Msg, TeamRules } from './types';

export const DEFAULT_TEAM_RULES: Readonly<TeamRules> = Object.freeze({
  minSize: 4,
  maxSize: 7,
  minDeputies: 1,
  maxDeputies: 2,
  maxTargets: 3,
  rankFloor: 'DEPUTY_SECTION',
  minFullTime: 1,
  requiredSpecialtiesAnyOf: ['FINANCE', 'AUDIT'],
  maxLeaveShare: 0.2,
});

export interface RuleProblem {
  field: string;
  message: Msg;
}

/** The round's rules: every field given in `overrides` replaces the default. */
export function resolveTeamRules(overrides: Partial<TeamRules> | null | undefined): TeamRules {
  const out: TeamRules = { ...DEFAULT_TEAM_RULES, requiredSpecialtiesAnyOf: [...DEFAULT_TEAM_RULES.requiredSpecialtiesAnyOf] };
  if (!overrides) return out;
  for (const key of Object.keys(out) as (keyof TeamRules)[]) {
    const v = overrides[key];
    if (v !== undefined && v !== null) (out as unknown as Record<string, unknown>)[key] = Array.isArray(v) ? [...new Set(v)] : v;
  }
  return out;
}

/**
 * Problems with a set of rules, each naming the input field at fault (under `rules.`).
 * `knownSpecialties` is the reference list of specialty codes.
 */
export function validateTeamRules(rules: TeamRules, knownSpecialties: readonly string[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const intField = (field: keyof TeamRules, min: number, max: number) => {
    const v = rules[field] as number;
    if (!Number.isInteger(v) || v < min || v > max) {
      problems.push({
        field: `rules.${field}`,
        message: { zh: `${field} 须为 ${min} 至 ${max} 之间的整数`, en: `${field} must be an integer from ${min} to ${max}` },
      });
      return false;
    }
    return true;
  };
  const sizesOk = intField('minSize', 1, 100) && intField('maxSize', 1, 100);
  const deputiesOk = intField('minDeputies', 0, 100) && intField('maxDeputies', 0, 100);
  intField('maxTargets', 1, 100);
  const fullTimeOk = intField('minFullTime', 0, 100);
  if (sizesOk && rules.minSize > rules.maxSize) {
    problems.push({ field: 'rules.minSize', message: { zh: '最少人数不能大于最多人数', en: 'minSize cannot exceed maxSize' } });
  }
  if (deputiesOk && rules.minDeputies > rules.maxDeputies) {
    problems.push({
      field: 'rules.minDeputies',
      message: { zh: '副组长最少人数不能大于最多人数', en: 'minDeputies cannot exceed maxDeputies' },
    });
  }
  if (sizesOk && deputiesOk && 1 + rules.minDeputies > rules.maxSize) {
    problems.push({
      field: 'rules.minDeputies',
      message: { zh: '组长加副组长的最少人数超过了最多人数', en: 'One leader plus minDeputies exceeds maxSize' },
    });
  }
  if (sizesOk && fullTimeOk && rules.minFullTime > rules.maxSize) {
    problems.push({
      field: 'rules.minFullTime',
      message: { zh: '专职人员最少人数不能大于最多人数', en: 'minFullTime cannot exceed maxSize' },
    });
  }
  if (!RANKS.includes(rules.rankFloor)) {
    problems.push({ field: 'rules.rankFloor', message: { zh: '未知的职级', en: 'Unknown rank' } });
  }
  const unknown = rules.requiredSpecialtiesAnyOf.filter((c) => !knownSpecialties.includes(c));
  if (unknown.length > 0) {
    problems.push({
      field: 'rules.requiredSpecialtiesAnyOf',
      message: { zh: `未知的专业代码：${unknown.join('、')}`, en: `Unknown specialty codes: ${unknown.join(', ')}` },
    });
  }
  if (!(rules.maxLeaveShare >= 0 && rules.maxLeaveShare <= 1)) {
    problems.push({
      field: 'rules.maxLeaveShare',
      message: { zh: '请假比例上限须在 0 到 1 之间', en: 'maxLeaveShare must be between 0 and 1' },
    });
  }
  return problems;
}
