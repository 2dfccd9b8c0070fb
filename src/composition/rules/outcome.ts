/** What a composition is judged by once made: the hard team rules it answers for, and its cost. */
import { evaluateTeam } from '../../rounds/rules/team-check';
import type { TeamFact, Violation } from '../../rounds/rules/types';
import { teamCostTerms, totalCost } from './cost';
import { CompositionInstance, historyOf } from './instance';

/** Rules of `evaluateTeam` that a composition does not decide: targets are set, and leaders authorized, apart. */
export const NOT_COMPOSED: readonly string[] = ['TARGET_COUNT', 'LEADER_AUTHORIZATION'];

/** The hard violations a composition is answerable for. */
export const compositionViolations = (team: TeamFact): Violation[] =>
  evaluateTeam(team).filter((v) => v.severity === 'HARD' && !NOT_COMPOSED.includes(v.rule));

/** A composition's total cost by the cost model (for comparing proposals, greedy fills and enumerations). */
export function compositionCost(inst: CompositionInstance, teams: readonly TeamFact[]): number {
  const history = historyOf(inst);
  return totalCost(teams.flatMap((t) => teamCostTerms(t, history, inst.weights)));
}
