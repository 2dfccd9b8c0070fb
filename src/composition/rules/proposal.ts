/**
 * A proposal from start to end, without the solver: `prepare` judges every place and builds the
 * program (or finds that nothing needs solving), the caller runs the solver, and `conclude`
 * turns its answer into teams, costs and, when the rules cannot all be met, obstacles.
 */
import type { TeamRole, Violation } from '../../rounds/rules/types';
import { asConcern, costByRule, CostTerm, RuleCost, roundCost, teamCostTerms, totalCost } from './cost';
import { CompositionInstance, historyOf, judge, Judgement } from './instance';
import { greedyFill } from './greedy';
import { BuiltModel, buildModel, composedTeams, decode, startVector } from './model';
import { blockingObstacles, ObstacleData, shortfalls, slackObstacles } from './obstacles';

export type ProposalStatusName = 'OPTIMAL' | 'FEASIBLE' | 'INFEASIBLE';


export interface Prepared {
  judgement: Judgement;
  /** Nothing to solve: these obstacles stand whatever the solver does. */
  blocking: ObstacleData[];
  /** Supply and demand shortfalls (each proves the rules cannot all be met). */
  shortfalls: ObstacleData[];
  built: BuiltModel | null;
}

/** Judges every place and builds the program, starting the solver from a greedy fill. */
export function prepare(inst: CompositionInstance): Prepared {
  const judgement = judge(inst);
  const blocking = blockingObstacles(inst);
  if (blocking.length) return { judgement, blocking, shortfalls: [], built: null };
  const built = buildModel(inst, judgement);
  built.model.start = startVector(inst, judgement, built, greedyFill(inst, judgement).placed);
  return { judgement, blocking, shortfalls: shortfalls(inst, judgement), built };
}

/** What the solver said: the best solution found (or none), and whether it is proven optimal. */
export interface SolverAnswer {
  optimal: boolean;
  colValue: readonly number[] | null;
  /** The proven lower bound of the program's objective, when known. */
  bound: number | null;
}

export interface ProposedMemberData {
  personId: string;
  role: TeamRole;
  kept: boolean;
}

export interface ProposedTeamData {
  teamId: string;
  members: ProposedMemberData[];
  concerns: Violation[];
  cost: number;
}

export interface ProposalData {
  status: ProposalStatusName;
  cost: number | null;
  bound: number | null;
  teams: ProposedTeamData[];
  costByRule: RuleCost[];
  obstacles: ObstacleData[];
}

const infeasible = (obstacles: ObstacleData[]): ProposalData => ({ status: 'INFEASIBLE', cost: null, bound: null, teams: [], costByRule: [], obstacles });

export function conclude(inst: CompositionInstance, prep: Prepared, answer: SolverAnswer): ProposalData {
  if (!prep.built) return infeasible(prep.blocking);
  const built = prep.built;
  // Without an answer, the start (nobody placed) stands: its slack names every rule left short.
  const { placed, slacks } = decode(prep.judgement, built, answer.colValue ?? built.model.start);
  if (slacks.length > 0 || prep.shortfalls.length > 0) {
    const proven = prep.shortfalls.length > 0 || (answer.optimal && answer.colValue !== null);
    return infeasible([...prep.shortfalls, ...slackObstacles(inst, prep.judgement, slacks, placed, proven)]);
  }
  const history = historyOf(inst);
  const teams = composedTeams(inst, placed);
  const terms: CostTerm[] = [];
  const current = new Set(inst.current.map((m) => `${m.teamId}|${m.personId}|${m.role}`));
  const out: ProposedTeamData[] = teams.map((team) => {
    const own = teamCostTerms(team, history, inst.weights);
    terms.push(...own);
    return {
      teamId: team.id,
      members: team.members.map((m) => ({ personId: m.personId, role: m.role, kept: current.has(`${team.id}|${m.personId}|${m.role}`) })),
      concerns: own.filter((t) => t.cost > 0).map(asConcern),
      cost: totalCost(own),
    };
  });
  const cost = totalCost(terms);
  const bound = answer.optimal ? cost : answer.bound === null ? null : roundCost(Math.min(cost, answer.bound + built.constant));
  return { status: answer.optimal ? 'OPTIMAL' : 'FEASIBLE', cost, bound, teams: out, costByRule: costByRule(terms), obstacles: [] };
}
