import { decode, composedTeams, buildModel } from '../../../src/composition/rules/model';
import { prepare } from '../../../src/composition/rules/proposal';
import { compositionViolations } from '../../../src/composition/rules/outcome';
import { judge, Judgement } from '../../../src/composition/rules/instance';
import { evaluateTeam } from '../../../src/rounds/rules/team-check';
import { instance, PersonSpec, SMALL, TeamSpec } from './fixtures';
import { propose, solveModel, withoutRows } from './solve';

const members = (p: Awaited<ReturnType<typeof propose>>, teamId = 'A') =>
  p.teams.find((t) => t.teamId === teamId)!.members.map((m) => `${m.personId}:${m.role}`).sort();

/** Solves with and without the rows of `rule`; returns both compositions' team facts. */
async function withAndWithout(spec: { teams: TeamSpec[]; people: PersonSpec[]; rules?: object }, rule: string) {
  const inst = instance(spec as never);
  const prep = prepare(inst);
  const full = await solveModel(prep.built!.model);
  const relaxed = await solveModel(withoutRows(prep.built!, rule));
  const teams = (colValue: number[] | null) => composedTeams(inst, decode(prep.judgement, prep.built!, colValue!).placed);
  return { inst, with: teams(full.colValue), without: teams(relaxed.colValue), slackWith: decode(prep.judgement, prep.built!, full.colValue!).slacks };
}
const broken = (teams: ReturnType<typeof composedTeams>, rule: string) => teams.flatMap((t) => evaluateTeam(t)).filter((v) => v.rule === rule && v.severity === 'HARD');

describe('each team rule is a constraint that matters', () => {
  // One team A, rules SMALL (2-3 people, a leader, ≤1 deputy, one full-time), unless said otherwise.
  const leaderPool = (id: string, extra: Partial<PersonSpec> = {}): PersonSpec => ({ id, pools: ['GROUP_LEADER'], fullTime: true, ...extra });

  it('LEADER_COUNT: without it nobody leads (leading costs more than being a member)', async () => {
    const r = await withAndWithout(
      { teams: [{ id: 'A' }], rules: SMALL, people: [leaderPool('L', { history: { ledPreviousRound: '上一轮' } }), { id: 'M1', fullTime: true }, { id: 'M2' }] },
      'LEADER_COUNT',
    );
    expect(broken(r.with, 'LEADER_COUNT')).toEqual([]);
    expect(broken(r.without, 'LEADER_COUNT')).not.toEqual([]);
  });

  it('DEPUTY_COUNT: without it the team has no deputy', async () => {
    const r = await withAndWithout(
      { teams: [{ id: 'A' }], rules: { ...SMALL, minDeputies: 1 }, people: [leaderPool('L'), { id: 'D', pools: ['DEPUTY_LEADER'], findings: [{ unitId: 'A-u', severity: 'SOFT' }] }, { id: 'M1' }] },
      'DEPUTY_COUNT',
    );
    expect(broken(r.with, 'DEPUTY_COUNT')).toEqual([]);
    expect(broken(r.without, 'DEPUTY_COUNT')).not.toEqual([]);
  });

  it('TEAM_SIZE: without it the team stays below the minimum', async () => {
    const r = await withAndWithout(
      { teams: [{ id: 'A' }], rules: { ...SMALL, minSize: 3 }, people: [leaderPool('L'), { id: 'M1', findings: [{ unitId: 'A-u', severity: 'SOFT' }] }, { id: 'M2', findings: [{ unitId: 'A-u', severity: 'SOFT' }] }] },
      'TEAM_SIZE',
    );
    expect(broken(r.with, 'TEAM_SIZE')).toEqual([]);
    expect(broken(r.without, 'TEAM_SIZE')).not.toEqual([]);
  });

  it('FULL_TIME_CORE: without it the cheaper seconded member is taken instead', async () => {
    const r = await withAndWithout(
      { teams: [{ id: 'A' }], rules: SMALL, people: [leaderPool('L', { fullTime: false }), { id: 'F', fullTime: true, findings: [{ unitId: 'A-u', severity: 'SOFT' }] }, { id: 'S' }] },
      'FULL_TIME_CORE',
    );
    expect(broken(r.with, 'FULL_TIME_CORE')).toEqual([]);
    expect(broken(r.without, 'FULL_TIME_CORE')).not.toEqual([]);
  });

  it('REQUIRED_SPECIALTY: without it the cheaper non-specialist is taken instead', async () => {
    const r = await withAndWithout(
      {
        teams: [{ id: 'A' }],
        rules: { ...SMALL, requiredSpecialtiesAnyOf: ['FINANCE', 'AUDIT'] },
        people: [leaderPool('L'), { id: 'FIN', specialties: ['AUDIT'], findings: [{ unitId: 'A-u', severity: 'SOFT' }] }, { id: 'LAW', specialties: ['LAW'] }],
      },
      'REQUIRED_SPECIALTY',
    );
    expect(broken(r.with, 'REQUIRED_SPECIALTY')).toEqual([]);
    expect(broken(r.without, 'REQUIRED_SPECIALTY')).not.toEqual([]);
  });

  it('one team per person (DOUBLE_BOOKED): without it one person sits on two teams', async () => {
    const r = await withAndWithout(
      {
        teams: [{ id: 'A' }, { id: 'B' }],
        rules: { ...SMALL, minSize: 1, minFullTime: 0 },
        people: [leaderPool('L'), leaderPool('L2', { findings: [{ unitId: 'B-u', severity: 'SOFT' }, { unitId: 'A-u', severity: 'SOFT' }] })],
      },
      'DOUBLE_BOOKED',
    );
    const seats = (teams: typeof r.with) => teams.flatMap((t) => t.members.map((m) => m.personId));
    expect(new Set(seats(r.with)).size).toBe(seats(r.with).length);
    expect(new Set(seats(r.without)).size).toBeLessThan(seats(r.without).length);
  });

  /** Per-person rules leave the place out of the program; with the refused places let in, the answer changes. */
  async function refusedLetIn(spec: { teams: TeamSpec[]; people: PersonSpec[]; rules?: object }, rule: string) {
    const inst = instance({ ...(spec as never as Parameters<typeof instance>[0]), judgeEveryone: true });
    const j = judge(inst);
    expect(j.refused.some((r) => r.refusals.some((v) => v.rule === rule))).toBe(true);
    const letIn: Judgement = { ...j, choices: [...j.choices, ...j.refused.filter((r) => r.refusals.some((v) => v.rule === rule)).map((r) => ({ personId: r.personId, teamId: r.teamId, role: r.role, cost: -1, terms: [] }))] };
    const strict = await solveModel(buildModel(inst, j).model);
    const lax = buildModel(inst, letIn);
    const laxTeams = composedTeams(inst, decode(letIn, lax, (await solveModel(lax.model)).colValue!).placed);
    const strictTeams = composedTeams(inst, decode(j, buildModel(inst, j), strict.colValue!).placed);
    return { strictTeams, laxTeams };
  }

  for (const [rule, person] of [
    ['POOL_MEMBERSHIP', { id: 'X', pools: ['DEPUTY_LEADER'] as PersonSpec['pools'], fullTime: true }],
    ['RANK_FLOOR', { id: 'X', pools: ['GROUP_LEADER'] as PersonSpec['pools'], rank: 'STAFF' as const, fullTime: true }],
    ['DOUBLE_BOOKED', { id: 'X', pools: ['GROUP_LEADER'] as PersonSpec['pools'], fullTime: true, booked: true }],
    ['KIN_IN_TARGET', { id: 'X', pools: ['GROUP_LEADER'] as PersonSpec['pools'], fullTime: true, findings: [{ unitId: 'A-u', severity: 'HARD' as const }] }],
    ['FORMER_SUPERIOR_SUBORDINATE', { id: 'X', pools: ['GROUP_LEADER'] as PersonSpec['pools'], fullTime: true, findings: [{ unitId: 'A-u', rule: 'FORMER_SUPERIOR_SUBORDINATE', severity: 'HARD' as const, roles: ['LEADER', 'DEPUTY_LEADER'] as const }] }],
  ] as const) {
    it(`${rule}: a refused person is left out, and would be taken if let in`, async () => {
      const { strictTeams, laxTeams } = await refusedLetIn(
        { teams: [{ id: 'A' }], rules: SMALL, people: [person as PersonSpec, { id: 'L', pools: ['GROUP_LEADER'], fullTime: true, history: { roundsInWindow: 2 } }, { id: 'M' }] },
        rule,
      );
      const leaderOf = (teams: typeof strictTeams) => teams[0].members.find((m) => m.role === 'LEADER')?.personId;
      expect(leaderOf(strictTeams)).toBe('L');
      expect(leaderOf(laxTeams)).toBe('X');
      expect(strictTeams.flatMap(compositionViolations)).toEqual([]);
      expect(laxTeams.flatMap(compositionViolations).map((v) => v.rule)).toContain(rule);
    });
  }

  it('waived hard avoidance does not keep anyone out', async () => {
    const p = await propose(instance({ teams: [{ id: 'A' }], rules: SMALL, people: [{ id: 'L', pools: ['GROUP_LEADER'], fullTime: true, findings: [{ unitId: 'A-u', severity: 'HARD', waived: true }] }, { id: 'M' }] }));
    expect(p.status).toBe('OPTIMAL');
    expect(members(p)).toEqual(['L:LEADER', 'M:MEMBER']);
  });
});

describe('proposals', () => {
  it('keeps current members and fills the rest, cheapest first', async () => {
    const p = await propose(
      instance({
        teams: [{ id: 'A', kept: [{ id: 'L', role: 'LEADER' }] }],
        rules: SMALL,
        people: [{ id: 'L', pools: ['GROUP_LEADER'], servedBefore: true }, { id: 'F1', fullTime: true, history: { roundsInWindow: 1 } }, { id: 'F2', fullTime: true }],
      }),
    );
    expect(p.status).toBe('OPTIMAL');
    expect(p.teams[0].members).toEqual([
      { personId: 'L', role: 'LEADER', kept: true },
      { personId: 'F2', role: 'MEMBER', kept: false },
    ]);
    expect(p.bound).toBe(p.cost);
  });

  it('costs by rule add up to the cost, and every term names its rule', async () => {
    const p = await propose(
      instance({
        teams: [{ id: 'A' }],
        rules: SMALL,
        people: [
          { id: 'L', pools: ['GROUP_LEADER'], fullTime: true, history: { ledPreviousRound: '2024年第一轮', roundsInWindow: 2 } },
          { id: 'M', findings: [{ unitId: 'A-u', severity: 'SOFT', rule: 'REPEAT_TARGET' }] },
        ],
      }),
    );
    expect(p.status).toBe('OPTIMAL');
    const rules = p.costByRule.map((c) => c.rule).sort();
    expect(rules).toEqual(['EXPERIENCE_MIX', 'LEADER_NOT_ROTATED', 'REPEAT_TARGET', 'ROTATION_FAIRNESS']);
    expect(p.costByRule.reduce((s, c) => s + c.cost, 0)).toBeCloseTo(p.cost!, 6);
    expect(p.cost).toBe(15 + 30 + 20 + 8);
  });

  it('is INFEASIBLE with an obstacle naming the rule, the team and the people', async () => {
    const p = await propose(
      instance({
        teams: [{ id: 'A' }, { id: 'B' }],
        rules: SMALL,
        people: [
          { id: 'L1', pools: ['GROUP_LEADER'], fullTime: true },
          { id: 'L2', pools: ['GROUP_LEADER'], fullTime: true, findings: [{ unitId: 'B-u', severity: 'HARD' }, { unitId: 'A-u', severity: 'HARD' }] },
          { id: 'M1' },
          { id: 'M2', fullTime: true },
        ],
      }),
    );
    expect(p.status).toBe('INFEASIBLE');
    expect(p.cost).toBeNull();
    const leaders = p.obstacles.filter((o) => o.rule === 'LEADER_COUNT');
    expect(leaders.length).toBeGreaterThan(0);
    const global = leaders.find((o) => o.teamId === null)!;
    expect(global.explanation.en).toContain('2 team(s) need a leader');
    expect(global.explanation.en).toContain('only 1 can be placed: L1');
    expect(global.personIds).toEqual(expect.arrayContaining(['L1', 'L2']));
    const perTeam = leaders.find((o) => o.teamId !== null)!;
    expect(perTeam.explanation.zh).toContain('L2对');
  });

  it("an obstacle's reasons from avoidance findings come also without the relatives they name", async () => {
    const inst = instance({
      teams: [{ id: 'A' }, { id: 'B' }],
      rules: SMALL,
      people: [
        { id: 'L1', pools: ['GROUP_LEADER'], fullTime: true },
        { id: 'L2', pools: ['GROUP_LEADER'], fullTime: true, findings: [{ unitId: 'B-u', severity: 'HARD' }, { unitId: 'A-u', severity: 'HARD' }] },
        { id: 'M1' },
        { id: 'M2', fullTime: true },
      ],
    });
    // The full sentence names L2's wife; the public one does not.
    for (const f of Object.values(inst.candidateAvoidance).flat()) {
      if (f.personId === 'L2') f.explanation = { zh: `L2 → 妻子 王秀英 → ${f.unitId}`, en: `L2 → wife 王秀英 → ${f.unitId}` };
    }
    const p = await propose(inst);
    expect(p.status).toBe('INFEASIBLE');
    const naming = p.obstacles.filter((o) => o.explanation.zh.includes('王秀英'));
    expect(naming.length).toBeGreaterThan(0);
    for (const o of naming) {
      expect(o.privateOf).toContain('L2');
      expect(o.publicExplanation!.zh).not.toContain('王秀英');
      expect(o.publicExplanation!.en).not.toContain('王秀英');
      expect(o.publicExplanation!.zh).toContain('L2对');
    }
    // Obstacles whose reasons name nobody's relatives carry no second text.
    for (const o of p.obstacles.filter((x) => !x.explanation.zh.includes('王秀英'))) expect(o.publicExplanation).toBeUndefined();
  });

  it('a team without targets is an obstacle before any solving', async () => {
    const p = await propose(instance({ teams: [{ id: 'A', targets: [] }], rules: SMALL, people: [{ id: 'L', pools: ['GROUP_LEADER'], fullTime: true }, { id: 'M' }] }));
    expect(p.status).toBe('INFEASIBLE');
    expect(p.obstacles.map((o) => o.rule)).toEqual(['TARGET_COUNT']);
  });

  it('prefers a newly promoted cadre who has not served, and pays rotation for those who served a lot', async () => {
    const p = await propose(
      instance({
        teams: [{ id: 'A' }],
        rules: SMALL,
        weights: { experienceMix: 0 },
        people: [
          { id: 'L', pools: ['GROUP_LEADER'], fullTime: true },
          { id: 'OLD', history: { roundsInWindow: 3 } },
          { id: 'NEW', history: { newlyPromoted: true } },
          { id: 'ANY' },
        ],
      }),
    );
    expect(members(p)).toEqual(['L:LEADER', 'NEW:MEMBER']);
    expect(p.cost).toBe(-6);
    expect(p.costByRule).toEqual([{ rule: 'NEWLY_PROMOTED', count: 1, cost: -6 }]);
  });
});
