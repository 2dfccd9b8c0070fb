/**
 * Candidates for one place (a role on a team), judged now by the same rules as assignment
 * (`checkAssignment`), ranked: eligible first, then by what they add to the team's soft cost.
 */
import { checkAssignment, evaluateTeam } from '../../rounds/rules/team-check';
import type { AvoidanceFact, MemberFact, PersonFact, TeamFact, TeamRole, Violation } from '../../rounds/rules/types';
import { asConcern, memberCostTerms, ServiceHistory, teamCostTerms, totalCost } from './cost';
import { teamForCandidate } from './instance';
import type { CostWeights } from './weights';

/** Hard team rules a newcomer can mend by joining. */
export const FIXABLE: readonly string[] = ['LEADER_COUNT', 'DEPUTY_COUNT', 'TEAM_SIZE', 'FULL_TIME_CORE', 'REQUIRED_SPECIALTY'];

export interface RankedCandidate {
  personId: string;
  name: string;
  role: TeamRole;
  eligible: boolean;
  refusals: Violation[];
  concerns: Violation[];
  fixes: string[];
  /** The team's cost with the person minus without; null when not eligible. */
  costDelta: number | null;
}

export interface RuleCount {
  rule: string;
  count: number;
}

export interface Ranking {
  /** Eligible first (by costDelta, then name), then the others (by name). */
  candidates: RankedCandidate[];
  /** The people a hard rule keeps off the place, counted once per rule. */
  excludedByRule: RuleCount[];
}

const fixable = (team: TeamFact) => new Set(evaluateTeam(team).filter((v) => v.severity === 'HARD' && FIXABLE.includes(v.rule)).map((v) => v.rule));

export function rankCandidates(
  team: TeamFact,
  people: readonly PersonFact[],
  role: TeamRole,
  findingsOf: (personId: string) => readonly AvoidanceFact[],
  history: ReadonlyMap<string, ServiceHistory>,
  weights: CostWeights,
): Ranking {
  const base = totalCost(teamCostTerms(team, history, weights));
  const brokenNow = fixable(team);
  const out: RankedCandidate[] = [];
  const excluded = new Map<string, number>();
  for (const p of people) {
    const member: MemberFact = { ...p, role };
    const own = teamForCandidate(team, findingsOf(p.personId)).avoidance;
    const seen: TeamFact = { ...team, avoidance: [...team.avoidance, ...own] };
    const { refused } = checkAssignment(seen, member);
    const concerns = memberCostTerms(seen, member, history.get(p.personId), weights)
      .filter((t) => t.cost > 0)
      .map(asConcern);
    if (refused.length > 0) {
      for (const rule of new Set(refused.map((v) => v.rule))) excluded.set(rule, (excluded.get(rule) ?? 0) + 1);
      out.push({ personId: p.personId, name: p.name, role, eligible: false, refusals: refused, concerns, fixes: [], costDelta: null });
      continue;
    }
    const after: TeamFact = { ...seen, members: [...team.members, member] };
    const stillBroken = fixable(after);
    out.push({
      personId: p.personId,
      name: p.name,
      role,
      eligible: true,
      refusals: [],
      concerns,
      fixes: [...brokenNow].filter((r) => !stillBroken.has(r)),
      costDelta: Math.round((totalCost(teamCostTerms(after, history, weights)) - base) * 1e6) / 1e6,
    });
  }
  out.sort(
    (a, b) =>
      Number(b.eligible) - Number(a.eligible) ||
      (a.costDelta ?? 0) - (b.costDelta ?? 0) ||
      a.name.localeCompare(b.name, 'zh') ||
      (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
  );
  return {
    candidates: out,
    excludedByRule: [...excluded].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
  };
}
