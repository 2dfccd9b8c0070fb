/**
 * A composition problem as plain data, and who may take which place in it. Eligibility comes
 * from the team rules' per-person checks (`personRefusals`, the same that refuse an assignment),
 * and the cost of each place from the cost model: one source of truth for candidate lists,
 * proposals and assignment.
 */
import { memberSpecialties, personRefusals } from '../../rounds/rules/team-check';
import type { AvoidanceFact, MemberFact, PersonFact, RoundFact, TeamFact, TeamRole, Violation } from '../../rounds/rules/types';
import { CostTerm, memberCostTerms, roundCost, ServiceHistory } from './cost';
import type { CostWeights } from './weights';

export interface CompositionInstance {
  round: RoundFact;
  /** The teams to fill, their members being the members kept (none when they are not kept). */
  teams: TeamFact[];
  teamNames: Record<string, string>;
  /** Today's members of these teams, kept or set aside. */
  current: { teamId: string; personId: string; role: TeamRole }[];
  /** Everyone who may be drawn for these teams, but the members kept. */
  candidates: PersonFact[];
  /** Who is judged for which role (someone in no pool for a role is not judged for it). */
  judged: Partial<Record<TeamRole, string[]>>;
  /** The candidates' avoidance findings against every team's targets, by the role judged for. */
  candidateAvoidance: Partial<Record<TeamRole, AvoidanceFact[]>>;
  /** Service history of candidates and kept members. */
  history: Record<string, ServiceHistory>;
  weights: CostWeights;
}

/** A place someone may take: a person on a team in a role, with what it costs. */
export interface Choice {
  personId: string;
  teamId: string;
  role: TeamRole;
  cost: number;
  terms: CostTerm[];
}

/** A place someone may not take, and why. */
export interface Refusal {
  personId: string;
  teamId: string;
  role: TeamRole;
  refusals: Violation[];
}

export interface Judgement {
  choices: Choice[];
  refused: Refusal[];
  people: Map<string, PersonFact>;
}

export const ROLE_ORDER: readonly TeamRole[] = ['LEADER', 'DEPUTY_LEADER', 'MEMBER'];

/** The team as a candidate meets it: their own findings (for the role) against its targets. */
export function teamForCandidate(team: TeamFact, findings: readonly AvoidanceFact[]): TeamFact {
  return { ...team, avoidance: findings.filter((f) => team.targetUnitIds.includes(f.unitId)) };
}

/** Each person's findings for each role, indexed once. */
export function findingsIndex(inst: Pick<CompositionInstance, 'candidateAvoidance'>): (personId: string, role: TeamRole) => AvoidanceFact[] {
  const index = new Map<string, AvoidanceFact[]>();
  for (const role of ROLE_ORDER) {
    for (const f of inst.candidateAvoidance[role] ?? []) {
      const key = `${role}|${f.personId}`;
      const list = index.get(key);
      if (list) list.push(f);
      else index.set(key, [f]);
    }
  }
  return (personId, role) => index.get(`${role}|${personId}`) ?? [];
}

export const historyOf = (inst: Pick<CompositionInstance, 'history'>): Map<string, ServiceHistory> => new Map(Object.entries(inst.history));

/** Every (person, team, role) judged: eligible places with their cost, and refusals. */
export function judge(inst: CompositionInstance): Judgement {
  const people = new Map(inst.candidates.map((p) => [p.personId, p]));
  const findings = findingsIndex(inst);
  const choices: Choice[] = [];
  const refused: Refusal[] = [];
  for (const role of ROLE_ORDER) {
    for (const personId of inst.judged[role] ?? []) {
      const person = people.get(personId);
      if (!person) continue;
      const member: MemberFact = { ...person, role };
      const own = findings(personId, role);
      for (const team of inst.teams) {
        // The team as this candidate meets it (the rules read the team's id, round, members, targets and findings).
        const seen = teamForCandidate(team, own);
        const refusals = personRefusals(seen, member);
        if (refusals.length > 0) {
          refused.push({ personId, teamId: team.id, role, refusals });
          continue;
        }
        const terms = memberCostTerms(seen, member, inst.history[personId], inst.weights);
        choices.push({ personId, teamId: team.id, role, cost: roundCost(terms.reduce((s, t) => s + t.cost, 0)), terms });
      }
    }
  }
  return { choices, refused, people };
}

/** Whether the person brings one of the round's required specialties. */
export function hasRequiredSpecialty(p: PersonFact, round: RoundFact): boolean {
  const required = round.rules.requiredSpecialtiesAnyOf;
  if (required.length === 0) return false;
  const own = memberSpecialties({ ...p, role: 'MEMBER' }, round);
  return required.some((s) => own.has(s));
}
