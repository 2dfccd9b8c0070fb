import fc from 'fast-check';
import { RULE_CODES } from '../../../src/common/vocabulary';
import { greedyFill } from '../../../src/composition/rules/greedy';
import { Choice, CompositionInstance, judge } from '../../../src/composition/rules/instance';
import { composedTeams } from '../../../src/composition/rules/model';
import { compositionCost, compositionViolations } from '../../../src/composition/rules/outcome';
import { evaluateTeam } from '../../../src/rounds/rules/team-check';
import { instance, PersonSpec, TeamSpec } from './fixtures';
import { propose } from './solve';

/** The least cost of any composition that meets every rule, by trying them all; null when none does. */
function bruteForce(inst: CompositionInstance): number | null {
  const j = judge(inst);
  const options = inst.candidates.map((p) => [null, ...j.choices.filter((c) => c.personId === p.personId)]);
  let best: number | null = null;
  const placed: Choice[] = [];
  const walk = (i: number) => {
    if (i === options.length) {
      const teams = composedTeams(inst, placed);
      if (teams.some((t) => compositionViolations(t).length > 0)) return;
      const cost = compositionCost(inst, teams);
      if (best === null || cost < best - 1e-9) best = cost;
      return;
    }
    for (const o of options[i]) {
      if (o) placed.push(o);
      walk(i + 1);
      if (o) placed.pop();
    }
  };
  walk(0);
  return best;
}

const TEAMS = ['A', 'B'];
const person = (id: string, teams: number) =>
  fc.record({
    pools: fc.subarray(['GROUP_LEADER', 'DEPUTY_LEADER', 'SPECIALIST'] as const, { minLength: 1 }),
    fullTime: fc.boolean(),
    finance: fc.boolean(),
    servedBefore: fc.boolean(),
    staff: fc.integer({ min: 0, max: 3 }).map((x) => x === 0),
    findings: fc.array(fc.constantFrom('none', 'none', 'none', 'SOFT', 'SOFT', 'HARD', 'LEAD_HARD'), { minLength: teams, maxLength: teams }),
    rounds: fc.integer({ min: 0, max: 2 }),
    led: fc.boolean(),
    promoted: fc.boolean(),
  }).map((r): PersonSpec => ({
    id,
    pools: [...r.pools],
    rank: r.staff ? 'STAFF' : 'SECTION',
    fullTime: r.fullTime,
    specialties: r.finance ? ['FINANCE'] : [],
    servedBefore: r.servedBefore,
    history: { roundsInWindow: r.rounds, ledPreviousRound: r.led ? '上一轮' : null, newlyPromoted: r.promoted },
    findings: r.findings.flatMap((f, t) =>
      f === 'none' ? [] : [{ unitId: `${TEAMS[t]}-u`, severity: f === 'SOFT' ? 'SOFT' : 'HARD', roles: f === 'LEAD_HARD' ? ['LEADER', 'DEPUTY_LEADER'] : undefined }],
    ),
  }));

const problem = fc
  .record({ teams: fc.integer({ min: 1, max: 2 }), people: fc.integer({ min: 2, max: 5 }) })
  .chain(({ teams, people }) =>
    fc.record({
      teams: fc.constant(TEAMS.slice(0, teams).map((id): TeamSpec => ({ id }))),
      people: fc.tuple(...Array.from({ length: people }, (_, i) => person(`P${i}`, teams))),
      minSize: fc.integer({ min: 1, max: 2 }),
      extra: fc.integer({ min: 0, max: 1 }),
      minDeputies: fc.integer({ min: 0, max: 1 }),
      minFullTime: fc.integer({ min: 0, max: 1 }),
      finance: fc.boolean(),
    }),
  )
  .map((p) =>
    instance({
      teams: p.teams,
      people: p.people,
      rules: {
        minSize: Math.max(p.minSize, 1 + p.minDeputies),
        maxSize: Math.max(p.minSize, 1 + p.minDeputies) + p.extra,
        minDeputies: p.minDeputies,
        maxDeputies: 1,
        minFullTime: p.minFullTime,
        requiredSpecialtiesAnyOf: p.finance ? ['FINANCE'] : [],
      },
    }),
  );

/** How many generated problems were feasible and how many not: both kinds must be well represented. */
const seen = { feasible: 0, infeasible: 0 };
test('the solver finds the least cost that enumeration finds; proposals break no hard rule; infeasible ones say why', async () => {
  await fc.assert(
    fc.asyncProperty(problem, async (inst) => {
      const proposal = await propose(inst);
      const best = bruteForce(inst);
      seen[best === null ? 'infeasible' : 'feasible']++;
      if (best === null) {
        expect(proposal.status).toBe('INFEASIBLE');
        expect(proposal.obstacles.length).toBeGreaterThan(0);
        for (const o of proposal.obstacles) {
          expect(RULE_CODES).toContain(o.rule);
          expect(o.explanation.zh.length).toBeGreaterThan(0);
          expect(o.explanation.en.length).toBeGreaterThan(0);
        }
        return;
      }
      expect(proposal.status).toBe('OPTIMAL');
      expect(proposal.cost).toBeCloseTo(best, 6);
      const placed = proposal.teams.flatMap((t) => t.members.filter((m) => !m.kept).map((m) => ({ ...m, teamId: t.teamId, cost: 0, terms: [] })));
      for (const team of composedTeams(inst, placed)) {
        expect(evaluateTeam(team).filter((v) => v.severity === 'HARD' && !['LEADER_AUTHORIZATION', 'TARGET_COUNT'].includes(v.rule))).toEqual([]);
      }
      const greedy = greedyFill(inst, judge(inst));
      if (greedy.complete) expect(greedy.cost).toBeGreaterThanOrEqual(proposal.cost! - 1e-6);
    }),
    { numRuns: 120, seed: 20251125 },
  );
});

test('the problems above include both feasible and infeasible ones', () => {
  expect(seen.feasible).toBeGreaterThanOrEqual(30);
  expect(seen.infeasible).toBeGreaterThanOrEqual(30);
});
