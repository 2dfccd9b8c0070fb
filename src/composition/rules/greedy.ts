/**
 * A greedy fill, as a clerk composes by hand: team after team, the leader, the deputies, a
 * required specialist, the full-time core, then members up to the minimum size, each time the
 * cheapest person still free. The baseline the proposal's optimum is compared with.
 */
import type { TeamRole } from '../../rounds/rules/types';
import { Choice, CompositionInstance, hasRequiredSpecialty, Judgement } from './instance';
import { composedTeams, keptCounts } from './model';
import { compositionCost, compositionViolations } from './outcome';

export interface GreedyFill {
  placed: Choice[];
  /** Every team then meets the rules a composition answers for. */
  complete: boolean;
  cost: number;
}

export function greedyFill(inst: CompositionInstance, j: Judgement): GreedyFill {
  const rules = inst.round.rules;
  const used = new Set(inst.teams.flatMap((t) => t.members.map((m) => m.personId)));
  const placed: Choice[] = [];
  const byTeam = new Map<string, Choice[]>();
  for (const c of [...j.choices].sort((a, b) => a.cost - b.cost)) byTeam.set(c.teamId, [...(byTeam.get(c.teamId) ?? []), c]);
  for (const team of inst.teams) {
    const options = byTeam.get(team.id) ?? [];
    const kept = keptCounts(team);
    const mine: Choice[] = [];
    const take = (role: TeamRole, keep: (c: Choice) => boolean = () => true): boolean => {
      if (kept.size + mine.length >= rules.maxSize) return false;
      const c = options.find((o) => !used.has(o.personId) && o.role === role && keep(o));
      if (!c) return false;
      used.add(c.personId);
      mine.push(c);
      return true;
    };
    const count = (keep: (c: Choice) => boolean) => mine.filter(keep).length;
    const person = (c: Choice) => j.people.get(c.personId)!;
    if (kept.leaders === 0) take('LEADER');
    while (kept.deputies + count((c) => c.role === 'DEPUTY_LEADER') < rules.minDeputies && take('DEPUTY_LEADER'));
    if (rules.requiredSpecialtiesAnyOf.length > 0 && !kept.specialty && !mine.some((c) => hasRequiredSpecialty(person(c), inst.round))) {
      take('MEMBER', (c) => hasRequiredSpecialty(person(c), inst.round));
    }
    while (kept.fullTime + count((c) => person(c).fullTimeInspector) < rules.minFullTime && take('MEMBER', (c) => person(c).fullTimeInspector));
    while (kept.size + mine.length < rules.minSize && take('MEMBER'));
    placed.push(...mine);
  }
  const teams = composedTeams(inst, placed);
  return { placed, complete: teams.every((t) => compositionViolations(t).length === 0), cost: compositionCost(inst, teams) };
}
