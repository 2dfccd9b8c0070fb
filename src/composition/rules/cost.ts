/**
 * The soft cost of a team (lower is better), one model for candidate lists and proposals alike.
 * Every term names its rule and says why in one sentence:
 * - the team rules' soft violations, from the team rules themselves: each unwaived soft
 *   avoidance finding (REPEAT_TARGET weighed apart: the person or the leader inspected the unit
 *   before), LEAVE_OVERLAP, EXPERIENCE_MIX;
 * - the "three not-fixed" leader rotation: LEADER_NOT_ROTATED for a leader who led a team in the
 *   region's previous round;
 * - rotation fairness: ROTATION_FAIRNESS for each round served in the last three years, and the
 *   NEWLY_PROMOTED discount for a newly promoted cadre who has not served yet.
 * A team's cost is the sum of its members' terms and EXPERIENCE_MIX, so that a person's share
 * depends on the team only through its targets: the proposal's objective is linear in who is
 * on which team.
 */
import type { Msg } from '../../common/i18n';
import { experienceMixViolation, memberSoftViolations } from '../../rounds/rules/team-check';
import type { MemberFact, TeamFact, Violation } from '../../rounds/rules/types';
import type { CostWeights } from './weights';

/** Rounds served within this many years before a round count towards rotation fairness. */
export const ROTATION_WINDOW_YEARS = 3;
/** A cadre promoted within this many years before a round is newly promoted (新提拔). */
export const NEWLY_PROMOTED_YEARS = 2;

/** What the cost model knows of a person beyond the team rules' facts. */
export interface ServiceHistory {
  /** Rounds served (on a team, not removed before joining) that started in the window before this round. */
  roundsInWindow: number;
  /** The name of the region's previous round when the person led a team in it, else null. */
  ledPreviousRound: string | null;
  /** Promoted within NEWLY_PROMOTED_YEARS before the round's start. */
  newlyPromoted: boolean;
}

export const NO_HISTORY: ServiceHistory = Object.freeze({ roundsInWindow: 0, ledPreviousRound: null, newlyPromoted: false });

export interface CostTerm {
  rule: string;
  cost: number;
  message: Msg;
  /** The message without relatives, for readers who may not see them (avoidance findings). */
  publicMessage?: Msg;
  personId?: string;
  unitId?: string;
}

/** Costs are kept to six decimals: weights have one, so sums stay exact for reading and comparing. */
export const roundCost = (x: number): number => Math.round(x * 1e6) / 1e6;

const weightOf = (v: Violation, w: CostWeights): number =>
  v.rule === 'LEAVE_OVERLAP' ? w.leaveOverlap : v.rule === 'REPEAT_TARGET' ? w.repeatTarget : v.rule === 'EXPERIENCE_MIX' ? w.experienceMix : w.softAvoidance;

const fromViolation = (v: Violation, w: CostWeights): CostTerm => ({
  rule: v.rule,
  cost: weightOf(v, w),
  message: v.message,
  ...(v.publicMessage ? { publicMessage: v.publicMessage } : {}),
  ...(v.personId ? { personId: v.personId } : {}),
  ...(v.unitId ? { unitId: v.unitId } : {}),
});

/**
 * What a member costs on a team, whoever else is on it: their soft violations (judged against
 * the team's targets for their role), leader rotation and rotation fairness. Terms of zero cost
 * are left out.
 */
export function memberCostTerms(
  team: Pick<TeamFact, 'avoidance' | 'targetUnitIds' | 'round'>,
  m: MemberFact,
  h: ServiceHistory | undefined,
  w: CostWeights,
): CostTerm[] {
  const history = h ?? NO_HISTORY;
  const out = memberSoftViolations(team, m).map((v) => fromViolation(v, w));
  if (m.role === 'LEADER' && history.ledPreviousRound) {
    out.push({
      rule: 'LEADER_NOT_ROTATED',
      cost: w.leaderNotRotated,
      message: {
        zh: `${m.name}在本地区上一轮（${history.ledPreviousRound}）已担任组长（组长不固定）`,
        en: `${m.name} led a team in the region's previous round (${history.ledPreviousRound}); leaders should rotate`,
      },
      personId: m.personId,
    });
  }
  if (history.roundsInWindow > 0) {
    out.push({
      rule: 'ROTATION_FAIRNESS',
      cost: w.rotationPerRound * history.roundsInWindow,
      message: {
        zh: `${m.name}近${ROTATION_WINDOW_YEARS}年已参加${history.roundsInWindow}轮巡察`,
        en: `${m.name} served in ${history.roundsInWindow} round(s) in the last ${ROTATION_WINDOW_YEARS} years`,
      },
      personId: m.personId,
    });
  }
  if (history.newlyPromoted && !m.servedBefore) {
    out.push({
      rule: 'NEWLY_PROMOTED',
      cost: -w.newlyPromoted,
      message: {
        zh: `${m.name}为新提拔干部，尚未参加巡察，宜安排参加一至两轮`,
        en: `${m.name} is a newly promoted cadre who has not served yet and is expected to serve one or two rounds`,
      },
      personId: m.personId,
    });
  }
  return out.filter((t) => t.cost !== 0);
}

/** Every term of a team: its members' terms, and EXPERIENCE_MIX. */
export function teamCostTerms(team: TeamFact, history: ReadonlyMap<string, ServiceHistory>, w: CostWeights): CostTerm[] {
  const out = team.members.flatMap((m) => memberCostTerms(team, m, history.get(m.personId), w));
  if (team.members.length > 0) {
    const mix = experienceMixViolation(team.members);
    if (mix && w.experienceMix !== 0) out.push(fromViolation(mix, w));
  }
  return out;
}

export const totalCost = (terms: readonly { cost: number }[]): number => roundCost(terms.reduce((s, t) => s + t.cost, 0));

export interface RuleCost {
  rule: string;
  count: number;
  cost: number;
}

/** Terms summed per rule, costliest first. */
export function costByRule(terms: readonly CostTerm[]): RuleCost[] {
  const by = new Map<string, RuleCost>();
  for (const t of terms) {
    const r = by.get(t.rule) ?? { rule: t.rule, count: 0, cost: 0 };
    r.count++;
    r.cost = roundCost(r.cost + t.cost);
    by.set(t.rule, r);
  }
  return [...by.values()].sort((a, b) => b.cost - a.cost || a.rule.localeCompare(b.rule));
}

/** A term as a soft violation (what the API shows as a concern). */
export const asConcern = (t: CostTerm): Violation => ({
  rule: t.rule,
  severity: 'SOFT',
  message: t.message,
  ...(t.publicMessage ? { publicMessage: t.publicMessage } : {}),
  ...(t.personId ? { personId: t.personId } : {}),
  ...(t.unitId ? { unitId: t.unitId } : {}),
});
