/**
 * The avoidance check of persons against units at a round's start date: every enabled rule for
 * every pair, with the severity the region's settings give for the person's team role, and
 * whether a waiver covers it.
 */
import type { AvoidanceGraph } from './graph';
import { explain, FindingDraft, namedIds, Names } from './explain';
import { AVOIDANCE_RULES, AvoidanceFindingData, SeverityName, TeamRoleName } from './model';
import { Neighbourhood } from './neighbourhood';
import { RULES } from './rules';
import { severityFor } from './settings';

export interface AvoidanceQuery {
  personIds: readonly string[];
  unitIds: readonly string[];
  /** Team roles to judge by; a person not in it is judged by their role in the round, else as a member. */
  roles?: ReadonlyMap<string, TeamRoleName>;
  /** The units to judge each person against, when not all of them (e.g. a member and their own team's targets). */
  unitsOf?: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface AssessedFinding extends FindingDraft {
  severity: SeverityName;
  waived: boolean;
}

/** Every finding for every pair, in the order of the query's persons, then units, then rules. */
export function assess(g: AvoidanceGraph, q: AvoidanceQuery): AssessedFinding[] {
  const personIds = [...new Set(q.personIds)];
  const unitIds = [...new Set(q.unitIds)];
  const n = new Neighbourhood(g, unitIds);
  const rules = AVOIDANCE_RULES.filter((r) => g.settings.rules[r].enabled);
  const judge = rules.map((r) => RULES[r]);
  const units = unitIds.filter((u) => g.units.has(u));
  const out: AssessedFinding[] = [];
  for (const p of personIds) {
    if (!g.persons.has(p)) continue;
    const role = q.roles?.get(p) ?? g.currentRoles.get(p) ?? 'MEMBER';
    const only = q.unitsOf?.get(p);
    for (const u of units) {
      if (q.unitsOf && !only?.has(u)) continue;
      for (let i = 0; i < judge.length; i++) {
        const drafts = judge[i](n, p, u, role);
        if (drafts.length === 0) continue;
        const rule = rules[i];
        const severity = severityFor(g.settings, rule, role);
        const waived = n.isWaived(p, u, rule);
        for (const d of drafts) out.push({ ...d, severity, waived });
      }
    }
  }
  return out;
}

/** The persons the findings name (relatives, colleagues) whose names the graph does not hold yet. */
export function unnamedPersons(findings: readonly AssessedFinding[], g: Pick<AvoidanceGraph, 'persons'>): string[] {
  return [...new Set(findings.flatMap((f) => namedIds(f).persons))].filter((id) => !g.persons.has(id));
}

/** The number of (person, unit) pairs a query asks about. */
export function pairCount(q: AvoidanceQuery): number {
  const persons = new Set(q.personIds);
  if (!q.unitsOf) return persons.size * new Set(q.unitIds).size;
  const units = new Set(q.unitIds);
  let n = 0;
  for (const p of persons) for (const u of q.unitsOf.get(p) ?? []) if (units.has(u)) n++;
  return n;
}

export function describe(findings: readonly AssessedFinding[], names: Names): AvoidanceFindingData[] {
  return findings.map((f) => {
    return { rule: f.rule, severity: f.severity, personId: f.personId, unitId: f.unitId, waived: f.waived, ...explain(f, f.severity, f.waived, names) };
  });
}

/** assess, then describe with the names the graph itself holds. */
export function evaluateAvoidance(g: AvoidanceGraph, q: AvoidanceQuery): AvoidanceFindingData[] {
  return describe(assess(g, q), g);
}
