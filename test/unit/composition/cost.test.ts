import fc from 'fast-check';
import { asConcern, costByRule, memberCostTerms, teamCostTerms, totalCost } from '../../../src/composition/rules/cost';
import { rankCandidates } from '../../../src/composition/rules/candidates';
import { weightsFor, weightsProblem, applyWeights, DEFAULT_WEIGHTS } from '../../../src/composition/rules/weights';
import { evaluateTeam } from '../../../src/rounds/rules/team-check';
import type { AvoidanceFact, MemberFact, TeamFact } from '../../../src/rounds/rules/types';
import { entry, leader, member, round, validTeam } from '../team-rules.fixtures';

const W = { ...DEFAULT_WEIGHTS };
const finding = (m: MemberFact, unitId: string, rule: string, severity: 'HARD' | 'SOFT', waived = false): AvoidanceFact => ({
  rule,
  severity,
  personId: m.personId,
  unitId,
  explanation: { zh: `${m.name}：${rule}`, en: `${m.name}: ${rule}` },
  publicExplanation: { zh: `${m.name}：${rule}`, en: `${m.name}: ${rule}` },
  waived,
});

describe('the cost model', () => {
  it('prices each term by its weight, and says why in both languages', () => {
    const m = member({ leaveDays: 10, servedBefore: true });
    const team = validTeam();
    const withFindings: TeamFact = {
      ...team,
      members: [...team.members, m],
      avoidance: [finding(m, 'u1', 'SAME_SYSTEM', 'SOFT'), finding(m, 'u2', 'REPEAT_TARGET', 'SOFT'), finding(m, 'u3', 'PERSONAL_TIE', 'SOFT', true), finding(m, 'elsewhere', 'SAME_SYSTEM', 'SOFT')],
    };
    const terms = memberCostTerms(withFindings, m, { roundsInWindow: 2, ledPreviousRound: null, newlyPromoted: true }, W);
    expect(terms.map((t) => [t.rule, t.cost])).toEqual([
      ['LEAVE_OVERLAP', 20],
      ['SAME_SYSTEM', 10],
      ['REPEAT_TARGET', 20],
      ['ROTATION_FAIRNESS', 8],
    ]);
    for (const t of terms) expect([t.message.zh.length > 0, t.message.en.length > 0]).toEqual([true, true]);
  });

  it('charges a leader who led the previous round, and gives newly promoted cadres who have not served a discount', () => {
    const l = leader();
    const team = validTeam();
    const h = { roundsInWindow: 0, ledPreviousRound: '2024年第二轮巡察', newlyPromoted: false };
    expect(memberCostTerms(team, l, h, W).map((t) => [t.rule, t.cost])).toEqual([['LEADER_NOT_ROTATED', 30]]);
    expect(memberCostTerms(team, { ...l, role: 'MEMBER' }, h, W)).toEqual([]);
    const fresh = member({ servedBefore: false });
    expect(memberCostTerms(team, fresh, { roundsInWindow: 0, ledPreviousRound: null, newlyPromoted: true }, W).map((t) => [t.rule, t.cost])).toEqual([['NEWLY_PROMOTED', -6]]);
    expect(memberCostTerms(team, { ...fresh, servedBefore: true }, { roundsInWindow: 0, ledPreviousRound: null, newlyPromoted: true }, W)).toEqual([]);
  });

  it('keeps the text without relatives of an avoidance finding, for the concerns shown to readers who may not see them', () => {
    const m = member();
    const tie: AvoidanceFact = {
      ...finding(m, 'u1', 'PERSONAL_TIE', 'SOFT'),
      explanation: { zh: `${m.name} → 同学 某某 → 局长`, en: `${m.name} → classmate Someone → director` },
      publicExplanation: { zh: '与被巡察单位现任领导有密切关系', en: 'Personal tie with a current leader of the target unit' },
    };
    const team: TeamFact = { ...validTeam(), members: [...validTeam().members, m], avoidance: [tie] };
    const [concern] = memberCostTerms(team, m, undefined, W).map(asConcern);
    expect(concern).toMatchObject({ rule: 'PERSONAL_TIE', severity: 'SOFT', message: tie.explanation, publicMessage: tie.publicExplanation, personId: m.personId, unitId: 'u1' });
  });

  it("weighs exactly the team rules' soft violations, without readiness", () => {
    const weight: Record<string, number> = { EXPERIENCE_MIX: W.experienceMix, LEAVE_OVERLAP: W.leaveOverlap, REPEAT_TARGET: W.repeatTarget };
    fc.assert(
      fc.property(
        fc.array(fc.record({ served: fc.boolean(), leave: fc.integer({ min: 0, max: 10 }), soft: fc.constantFrom(null, 'SAME_SYSTEM', 'REPEAT_TARGET') }), { minLength: 1, maxLength: 6 }),
        (specs) => {
          const members = specs.map((s) => member({ servedBefore: s.served, leaveDays: s.leave, readiness: [] }));
          const avoidance = specs.flatMap((s, i) => (s.soft ? [finding(members[i], 'u1', s.soft, 'SOFT')] : []));
          const team: TeamFact = { ...validTeam(), members, avoidance };
          const expected = evaluateTeam(team)
            .filter((v) => v.severity === 'SOFT' && v.rule !== 'READINESS')
            .reduce((s, v) => s + (weight[v.rule] ?? W.softAvoidance), 0);
          const terms = teamCostTerms(team, new Map(), W);
          expect(totalCost(terms)).toBeCloseTo(expected, 6);
          expect(costByRule(terms).reduce((s, c) => s + c.cost, 0)).toBeCloseTo(totalCost(terms), 6);
        },
      ),
    );
  });
});

describe('weights', () => {
  it('come from the nearest region that has some, else the defaults', () => {
    const own = { ...DEFAULT_WEIGHTS, softAvoidance: 1 };
    expect(weightsFor(['county', 'city'], new Map([['city', own]]))).toEqual({ weights: own, fromRegionId: 'city' });
    expect(weightsFor(['county', 'city'], new Map())).toEqual({ weights: DEFAULT_WEIGHTS, fromRegionId: null });
    expect(applyWeights(DEFAULT_WEIGHTS, { repeatTarget: 0, softAvoidance: null }).repeatTarget).toBe(0);
    expect(weightsProblem({ leaveOverlap: 0.25 })?.field).toBe('leaveOverlap');
    expect(weightsProblem({ leaveOverlap: 1001 })?.field).toBe('leaveOverlap');
    expect(weightsProblem({ leaveOverlap: 2.5, newlyPromoted: 0 })).toBeNull();
  });
});

describe('candidates for a place', () => {
  it('puts the eligible first by what they add, says what each would mend, and counts who is out per rule', () => {
    const r = round();
    const team: TeamFact = { id: 't1', round: r, targetUnitIds: ['u1'], members: [], authorizations: [], avoidance: [] };
    const cheap = member({ name: '甲', poolEntries: [entry({ specialties: ['FINANCE'] })], fullTimeInspector: true });
    const dear = member({ name: '乙' });
    const kin = member({ name: '丙' });
    const out = member({ name: '丁', poolEntries: [entry({ status: 'SUSPENDED' })] });
    const findings: Record<string, AvoidanceFact[]> = {
      [dear.personId]: [finding(dear, 'u1', 'SAME_SYSTEM', 'SOFT')],
      [kin.personId]: [finding(kin, 'u1', 'KIN_IN_TARGET', 'HARD')],
    };
    const ranked = rankCandidates(team, [dear, kin, out, cheap], 'MEMBER', (id) => findings[id] ?? [], new Map(), W);
    expect(ranked.candidates.map((c) => [c.name, c.eligible, c.costDelta])).toEqual([
      ['甲', true, 15],
      ['乙', true, 25],
      ['丙', false, null],
      ['丁', false, null],
    ]);
    expect(ranked.candidates[0].fixes.sort()).toEqual(['FULL_TIME_CORE', 'REQUIRED_SPECIALTY']);
    expect(ranked.candidates[1].fixes).toEqual([]);
    expect(ranked.candidates[1].concerns.map((c) => c.rule)).toEqual(['SAME_SYSTEM']);
    expect(ranked.candidates[2].refusals.map((v) => v.rule)).toEqual(['KIN_IN_TARGET']);
    expect(ranked.excludedByRule).toEqual([
      { rule: 'KIN_IN_TARGET', count: 1 },
      { rule: 'POOL_MEMBERSHIP', count: 1 },
    ]);
  });
});
