import { evaluateAvoidance } from '../../../src/avoidance/rules/evaluate';
import type { AvoidanceRuleName, RoundKindName, TeamRoleName } from '../../../src/avoidance/rules/model';
import { applyPatch, defaultSettings } from '../../../src/avoidance/rules/settings';
import { baseWorld, World } from './world';

const D = '2024-03-01';

function findings(w: World, o: { rule?: AvoidanceRuleName; role?: TeamRoleName; kind?: RoundKindName; settings?: ReturnType<typeof defaultSettings>; units?: string[] } = {}) {
  const all = evaluateAvoidance(w.graph({ startsOn: D, kind: o.kind, settings: o.settings }), {
    personIds: ['P'],
    unitIds: o.units ?? ['U'],
    roles: o.role ? new Map([['P', o.role]]) : undefined,
  });
  return o.rule ? all.filter((f) => f.rule === o.rule) : all;
}

/** The path as (label, person or unit) pairs in Chinese. */
const steps = (f: { path: { label: { zh: string }; personId?: string; unitId?: string }[] }) =>
  f.path.map((s) => [s.label.zh, s.personId ?? s.unitId ?? null]);

describe('rule 1: P currently works in U or a unit under it', () => {
  it('finds a current post in U, with the post and its dates on the path', () => {
    const w = baseWorld();
    w.job('P', 'U', '2020-01-01', null, { post: '科员' });
    const [f] = findings(w, { rule: 'CURRENT_EMPLOYER' });
    expect(f.severity).toBe('HARD');
    expect(steps(f)).toEqual([
      ['本人', 'P'],
      ['科员（2020-01-01 至今）', 'U'],
    ]);
    expect(f.explanation.zh).toBe('【应回避】本人现在被巡察单位或其下属单位工作：张伟 → 县财政局 科员（2020-01-01 至今）');
    expect(f.explanation.en).toBe('[Must avoid] Works in the target unit or a unit under it: 张伟 → 科员, 县财政局 (2020-01-01 to now)');
  });

  it('finds a post in a unit under U, naming U as what it is part of', () => {
    const w = baseWorld();
    w.unit('Usub', { parentId: 'U', name: '县国库支付中心' });
    w.unit('Usubsub', { parentId: 'Usub', name: '支付科' });
    w.job('P', 'Usubsub', '2020-01-01');
    const [f] = findings(w, { rule: 'CURRENT_EMPLOYER' });
    expect(steps(f)).toEqual([
      ['本人', 'P'],
      ['科员（2020-01-01 至今）', 'Usubsub'],
      ['隶属于', 'U'],
    ]);
  });

  it('counts a post that ends on the round start date, not one that ended the day before or starts after', () => {
    const w = baseWorld();
    w.job('P', 'U', '2020-01-01', '2024-03-01');
    expect(findings(w, { rule: 'CURRENT_EMPLOYER' })).toHaveLength(1);
    const w2 = baseWorld();
    w2.job('P', 'U', '2020-01-01', '2024-02-29');
    w2.job('P', 'U', '2024-03-02');
    expect(findings(w2, { rule: 'CURRENT_EMPLOYER' })).toHaveLength(0);
  });

  it('does not count a post in the unit above U', () => {
    const w = baseWorld();
    w.unit('gov', { name: '县政府' });
    w.units.get('U')!.parentId = 'gov';
    w.job('P', 'gov', '2020-01-01');
    expect(findings(w, { rule: 'CURRENT_EMPLOYER' })).toHaveLength(0);
  });
});

describe('rule 2: P worked in U within 3 years, or for 3 years or more', () => {
  it('finds a post that ended exactly 3 years before the round', () => {
    const w = baseWorld();
    w.job('P', 'U', '2020-06-01', '2021-03-01', { post: '副科长' });
    const [f] = findings(w, { rule: 'FORMER_EMPLOYER' });
    expect(f.severity).toBe('HARD');
    expect(steps(f)).toEqual([
      ['本人', 'P'],
      ['副科长（2020-06-01 至 2021-03-01）', 'U'],
    ]);
    expect(f.explanation.zh).toContain('近3年内曾在被巡察单位工作');
  });

  it('does not find a short post that ended 3 years and 1 day before the round', () => {
    const w = baseWorld();
    w.job('P', 'U', '2020-06-01', '2021-02-28');
    expect(findings(w, { rule: 'FORMER_EMPLOYER' })).toHaveLength(0);
  });

  it('finds 3 years at any time, and not 3 years less a day', () => {
    const w = baseWorld();
    w.job('P', 'U', '2010-01-01', '2013-01-01');
    const [f] = findings(w, { rule: 'FORMER_EMPLOYER' });
    expect(f.explanation.zh).toContain('曾在被巡察单位工作满3年');
    const w2 = baseWorld();
    w2.job('P', 'U', '2010-01-01', '2012-12-31');
    expect(findings(w2, { rule: 'FORMER_EMPLOYER' })).toHaveLength(0);
  });

  it('adds up consecutive posts in U and its units, listing each', () => {
    const w = baseWorld();
    w.unit('Usub', { parentId: 'U' });
    w.job('P', 'U', '2010-01-01', '2011-06-30', { post: '科员' });
    w.job('P', 'Usub', '2011-07-01', '2013-01-01', { post: '副主任' });
    const [f] = findings(w, { rule: 'FORMER_EMPLOYER' });
    expect(steps(f)).toEqual([
      ['本人', 'P'],
      ['科员（2010-01-01 至 2011-06-30）', 'U'],
      ['副主任（2011-07-01 至 2013-01-01）', 'Usub'],
      ['隶属于', 'U'],
    ]);
  });

  it('adds up separate stretches too, and follows the region\'s window', () => {
    const w = baseWorld();
    w.job('P', 'U', '2005-01-01', '2006-07-10');
    w.job('P', 'U', '2010-01-01', '2011-07-01');
    expect(findings(w, { rule: 'FORMER_EMPLOYER' })).toHaveLength(1);
    const short = baseWorld();
    short.job('P', 'U', '2005-01-01', '2006-07-01');
    short.job('P', 'U', '2010-01-01', '2011-07-01');
    expect(findings(short, { rule: 'FORMER_EMPLOYER' })).toHaveLength(0);
    const w2 = baseWorld();
    w2.job('P', 'U', '2019-01-01', '2020-01-01');
    expect(findings(w2, { rule: 'FORMER_EMPLOYER' })).toHaveLength(0);
    const five = applyPatch(defaultSettings(), { formerEmployerYears: 5 });
    expect(findings(w2, { rule: 'FORMER_EMPLOYER', settings: five })[0].explanation.zh).toContain('近5年内');
  });

  it('leaves current posts to rule 1', () => {
    const w = baseWorld();
    w.job('P', 'U', '2000-01-01');
    expect(findings(w, { rule: 'FORMER_EMPLOYER' })).toHaveLength(0);
  });
});

describe('rule 3: a kin relative of P currently works in U', () => {
  it('reads like the example of DOMAIN.md', () => {
    const w = baseWorld();
    w.person('L', { name: '李娜' });
    w.rel('P', 'SPOUSE', 'L');
    w.job('L', 'U', '2019-03-01', null, { post: '副局长', leadership: true });
    const [f] = findings(w, { rule: 'KIN_IN_TARGET' });
    expect(f.severity).toBe('HARD');
    expect(steps(f)).toEqual([
      ['本人', 'P'],
      ['配偶', 'L'],
      ['副局长（2019-03-01 至今）', 'U'],
    ]);
    expect(f.explanation.zh).toBe('【应回避】近亲属（配偶）在被巡察单位任职：张伟 → 配偶 李娜 → 县财政局 副局长（2019-03-01 至今）');
    expect(f.explanation.en).toBe('[Must avoid] A relative (spouse) works in the target unit: 张伟 → spouse 李娜 → 副局长, 县财政局 (2019-03-01 to now)');
  });

  it('walks derived kin step by step and names the relation by gender', () => {
    const w = baseWorld();
    w.person('F', { name: '张父', gender: 'MALE' });
    w.person('A', { name: '张姑', gender: 'FEMALE' });
    w.person('K', { name: '王表弟', gender: 'MALE' });
    w.rel('P', 'PARENT', 'F').rel('A', 'SIBLING', 'F').rel('K', 'PARENT', 'A');
    w.unit('Usub', { parentId: 'U', name: '县财政局国库科' });
    w.job('K', 'Usub', '2022-01-01', null, { post: '科员' });
    const [f] = findings(w, { rule: 'KIN_IN_TARGET' });
    expect(steps(f)).toEqual([
      ['本人', 'P'],
      ['父亲', 'F'],
      ['姐妹', 'A'],
      ['儿子', 'K'],
      ['科员（2022-01-01 至今）', 'Usub'],
      ['隶属于', 'U'],
    ]);
    expect(f.explanation.zh).toBe(
      '【应回避】近亲属（堂表兄弟姐妹）在被巡察单位任职：张伟 → 父亲 张父 → 姐妹 张姑 → 儿子 王表弟 → 县财政局国库科 科员（2022-01-01 至今） → 隶属于 县财政局',
    );
  });

  it('does not count a relative whose post ended before the round, or a cousin\'s cousin', () => {
    const w = baseWorld();
    w.rel('P', 'SPOUSE', 'L');
    w.job('L', 'U', '2019-03-01', '2024-02-29');
    w.rel('P', 'COUSIN', 'C1').rel('C1', 'COUSIN', 'C2');
    w.job('C2', 'U', '2019-03-01');
    expect(findings(w, { rule: 'KIN_IN_TARGET' })).toHaveLength(0);
  });

  it('gives one finding per relative', () => {
    const w = baseWorld();
    w.rel('P', 'SPOUSE', 'L').rel('P', 'SIBLING', 'B');
    w.job('L', 'U', '2019-03-01');
    w.job('B', 'U', '2019-03-01');
    expect(findings(w, { rule: 'KIN_IN_TARGET' }).map((f) => f.path[1].personId)).toEqual(['L', 'B']);
  });
});

describe('rule 4: superior or subordinate of a current leader of U within 3 years', () => {
  function world(pEnd: string) {
    const w = baseWorld();
    w.unit('X', { name: '县审计局' });
    w.person('L', { name: '王强' });
    w.job('L', 'X', '2017-05-01', '2022-12-31', { post: '局长', leadership: true });
    w.job('L', 'U', '2023-01-01', null, { post: '局长', leadership: true });
    w.job('P', 'X', '2015-01-01', pEnd, { post: '科员' });
    return w;
  }

  it('is hard for leaders and deputies, soft for members, with both posts on the path', () => {
    const w = world('2021-06-30');
    const [f] = findings(w, { rule: 'FORMER_SUPERIOR_SUBORDINATE', role: 'LEADER' });
    expect(f.severity).toBe('HARD');
    expect(findings(w, { rule: 'FORMER_SUPERIOR_SUBORDINATE', role: 'DEPUTY_LEADER' })[0].severity).toBe('HARD');
    expect(findings(w, { rule: 'FORMER_SUPERIOR_SUBORDINATE', role: 'MEMBER' })[0].severity).toBe('SOFT');
    expect(steps(f)).toEqual([
      ['本人', 'P'],
      ['科员（2015-01-01 至 2021-06-30）', 'X'],
      ['时任上级（县审计局 局长（2017-05-01 至 2022-12-31））', 'L'],
      ['局长（2023-01-01 至今）', 'U'],
    ]);
    expect(f.explanation.zh).toBe(
      '【应回避】近3年内与被巡察单位现任领导有上下级关系：张伟 → 县审计局 科员（2015-01-01 至 2021-06-30） → 时任上级 王强（县审计局 局长（2017-05-01 至 2022-12-31）） → 县财政局 局长（2023-01-01 至今）',
    );
  });

  it('takes the role from the round when none is given, else judges as a member', () => {
    const w = world('2021-06-30');
    expect(findings(w, { rule: 'FORMER_SUPERIOR_SUBORDINATE' })[0].severity).toBe('SOFT');
    w.currentRoles.set('P', 'LEADER');
    expect(findings(w, { rule: 'FORMER_SUPERIOR_SUBORDINATE' })[0].severity).toBe('HARD');
  });

  it('counts an overlap ending exactly 3 years before the round, not 3 years and 1 day', () => {
    expect(findings(world('2021-03-01'), { rule: 'FORMER_SUPERIOR_SUBORDINATE' })).toHaveLength(1);
    expect(findings(world('2021-02-28'), { rule: 'FORMER_SUPERIOR_SUBORDINATE' })).toHaveLength(0);
  });

  it('needs a leadership post on one side and a current leader of U', () => {
    const w = world('2021-06-30');
    w.employments.find((e) => e.personId === 'L' && e.unitId === 'X')!.leadership = false;
    expect(findings(w, { rule: 'FORMER_SUPERIOR_SUBORDINATE' })).toHaveLength(0);
    const w2 = world('2021-06-30');
    w2.employments.find((e) => e.personId === 'L' && e.unitId === 'U')!.endedOn = '2024-01-01';
    expect(findings(w2, { rule: 'FORMER_SUPERIOR_SUBORDINATE' })).toHaveLength(0);
  });

  it('names P the superior when P led the unit', () => {
    const w = baseWorld();
    w.unit('X');
    w.job('L', 'U', '2023-01-01', null, { leadership: true });
    w.job('L', 'X', '2020-01-01', '2022-12-31', { post: '科员' });
    w.job('P', 'X', '2019-01-01', null, { post: '主任', leadership: true });
    expect(findings(w, { rule: 'FORMER_SUPERIOR_SUBORDINATE' })[0].path[2].label.en).toMatch(/^then subordinate/);
  });
});

describe('rule 5: in a cross round, P works in the same county as U', () => {
  function world() {
    const w = baseWorld();
    w.unit('X', { regionId: 'town', name: '城关镇政府' });
    w.job('P', 'X', '2020-01-01', null, { post: '副镇长' });
    return w;
  }

  it('finds it in a cross round, naming the county', () => {
    const [f] = findings(world(), { rule: 'LOCALITY', kind: 'CROSS' });
    expect(f.severity).toBe('HARD');
    expect(steps(f)).toEqual([
      ['本人', 'P'],
      ['副镇长（2020-01-01 至今）', 'X'],
      ['同在 东安县', 'U'],
    ]);
  });

  it('does not apply to other kinds of rounds, or to a unit in another county', () => {
    expect(findings(world(), { rule: 'LOCALITY', kind: 'REGULAR' })).toHaveLength(0);
    const w = world();
    w.units.get('U')!.regionId = 'countyB';
    expect(findings(w, { rule: 'LOCALITY', kind: 'CROSS' })).toHaveLength(0);
  });
});

describe('rule 6: a declared avoidance', () => {
  it('finds the declaration for this unit only', () => {
    const w = baseWorld();
    w.unit('V');
    w.declarations.push({ personId: 'P', unitId: 'U', reason: '曾在该局实习', bySelf: true });
    const [f] = findings(w, { rule: 'DECLARED', units: ['U', 'V'] }).filter((x) => x.unitId === 'U');
    expect(f.severity).toBe('HARD');
    expect(steps(f)).toEqual([
      ['本人', 'P'],
      ['本人申请回避（理由：曾在该局实习）', 'U'],
    ]);
    expect(f.explanation.zh).toContain('本人已申请回避');
    expect(findings(w, { rule: 'DECLARED', units: ['V'] })).toHaveLength(0);
  });

  it('says when the office recorded the declaration, not the person', () => {
    const w = baseWorld();
    w.declarations.push({ personId: 'P', unitId: 'U', reason: '其兄在该局', bySelf: false });
    const [f] = findings(w, { rule: 'DECLARED', units: ['U'] });
    expect(f.explanation.zh).toContain('巡察办已为其登记回避');
    expect(f.explanation.zh).not.toContain('本人已申请回避');
    expect(f.explanation.en).toContain('inspection office recorded');
    expect(steps(f)[1]).toEqual(['巡察办代为申请回避（理由：其兄在该局）', 'U']);
  });
});

describe('rule 7: grassroots target in P\'s hometown township', () => {
  function world(hometown: string) {
    const w = baseWorld();
    w.unit('VU', { kind: 'VILLAGE', regionId: 'village', name: '桃园村党支部' });
    w.persons.get('P')!.hometownRegionId = hometown;
    return w;
  }

  it('finds a hometown in the same township (the village itself, another village, or the township)', () => {
    for (const home of ['village', 'village2', 'town']) {
      const [f] = findings(world(home), { rule: 'HOMETOWN_GRASSROOTS', units: ['VU'] });
      expect(f.severity).toBe('HARD');
    }
    const [f] = findings(world('village2'), { rule: 'HOMETOWN_GRASSROOTS', units: ['VU'] });
    expect(steps(f)).toEqual([
      ['本人', 'P'],
      ['籍贯 李庄村', null],
      ['位于 城关镇', 'VU'],
    ]);
  });

  it('does not find a hometown in another township of the county (that is rule 12 for departments only)', () => {
    expect(findings(world('town2'), { units: ['VU'] }).map((f) => f.rule)).toEqual([]);
  });

  it('does not apply to departments', () => {
    const w = baseWorld();
    w.persons.get('P')!.hometownRegionId = 'village';
    expect(findings(w, { rule: 'HOMETOWN_GRASSROOTS' })).toHaveLength(0);
  });
});

describe('rule 8: a personal tie with a current leader of U', () => {
  it('finds a classmate who leads U, as a soft finding', () => {
    const w = baseWorld();
    w.person('L', { name: '王强' });
    w.rel('L', 'CLASSMATE', 'P');
    w.job('L', 'U', '2019-03-01', null, { post: '局长', leadership: true });
    const [f] = findings(w, { rule: 'PERSONAL_TIE' });
    expect(f.severity).toBe('SOFT');
    expect(steps(f)).toEqual([
      ['本人', 'P'],
      ['同学', 'L'],
      ['局长（2019-03-01 至今）', 'U'],
    ]);
    expect(f.explanation.zh.startsWith('【提示】')).toBe(true);
  });

  it('does not count OTHER_TIE, staff who do not lead, or a former leader', () => {
    const w = baseWorld();
    w.rel('P', 'OTHER_TIE', 'L1').rel('P', 'CLOSE_FRIEND', 'S').rel('P', 'CLOSE_FRIEND', 'F');
    w.job('L1', 'U', '2019-03-01', null, { leadership: true });
    w.job('S', 'U', '2019-03-01', null, { leadership: false });
    w.job('F', 'U', '2019-03-01', '2024-02-29', { leadership: true });
    expect(findings(w, { rule: 'PERSONAL_TIE' })).toHaveLength(0);
  });
});

describe('rule 9: same system', () => {
  it('finds a current post in another unit of U\'s system', () => {
    const w = baseWorld();
    w.unit('X', { system: 'FINANCE', name: '县税务局' });
    w.job('P', 'X', '2020-01-01');
    const [f] = findings(w, { rule: 'SAME_SYSTEM' });
    expect(f.severity).toBe('SOFT');
    expect(steps(f)).toEqual([
      ['本人', 'P'],
      ['科员（2020-01-01 至今）', 'X'],
      ['同属 FINANCE 系统', 'U'],
    ]);
  });

  it('does not find another system, no system, a former post, or U itself', () => {
    for (const [system, end, unit] of [
      ['EDUCATION', null, 'X'],
      [null, null, 'X'],
      ['FINANCE', '2024-02-29', 'X'],
      ['FINANCE', null, 'U'],
    ] as const) {
      const w = baseWorld();
      w.unit('X', { system });
      w.job('P', unit, '2020-01-01', end);
      expect(findings(w, { rule: 'SAME_SYSTEM' })).toHaveLength(0);
    }
  });
});

describe('rule 10: inspected U in a round within 5 years', () => {
  it('finds a round that started exactly 5 years before, not 5 years and 1 day', () => {
    const w = baseWorld();
    w.served('P', { roundId: 'r1', name: '2019年第一轮巡察', team: '第二巡察组', startsOn: '2019-03-01', targets: ['U', 'V'] });
    const [f] = findings(w, { rule: 'REPEAT_TARGET' });
    expect(f.severity).toBe('SOFT');
    expect(steps(f)).toEqual([
      ['本人', 'P'],
      ['2019年第一轮巡察 第二巡察组 组员（2019-03-01 开始）', null],
      ['巡察对象', 'U'],
    ]);
    const w2 = baseWorld();
    w2.served('P', { roundId: 'r1', startsOn: '2019-02-28', targets: ['U'] });
    expect(findings(w2, { rule: 'REPEAT_TARGET' })).toHaveLength(0);
  });

  it('ignores the round itself, later rounds and other targets', () => {
    const w = baseWorld();
    w.served('P', { roundId: 'round', startsOn: '2024-03-01', targets: ['U'] });
    w.served('P', { roundId: 'r9', startsOn: '2024-05-01', targets: ['U'] });
    w.served('P', { roundId: 'r2', startsOn: '2022-03-01', targets: ['V'] });
    expect(findings(w, { rule: 'REPEAT_TARGET' })).toHaveLength(0);
  });

  it('says so when the same leader leads U again', () => {
    const w = baseWorld();
    w.served('P', { roundId: 'r1', startsOn: '2022-03-01', targets: ['U'], role: 'LEADER' });
    expect(findings(w, { rule: 'REPEAT_TARGET', role: 'LEADER' })[0].explanation.zh).toContain('再次担任组长');
    expect(findings(w, { rule: 'REPEAT_TARGET', role: 'MEMBER' })[0].explanation.zh).toContain('近5年内曾巡察该单位');
  });
});

describe('rule 11: two hops of kinship to a current leader of U', () => {
  it('finds a spouse\'s cousin who leads U (the example of DOMAIN.md)', () => {
    const w = baseWorld();
    w.person('S', { name: '李娜', gender: 'FEMALE' });
    w.person('L', { name: '赵刚', gender: 'MALE' });
    w.rel('P', 'SPOUSE', 'S').rel('S', 'COUSIN', 'L');
    w.job('L', 'U', '2020-01-01', null, { post: '局长', leadership: true });
    const [f] = findings(w, { rule: 'TWO_HOP_KIN' });
    expect(f.severity).toBe('SOFT');
    expect(steps(f)).toEqual([
      ['本人', 'P'],
      ['妻子', 'S'],
      ['堂表兄弟', 'L'],
      ['局长（2020-01-01 至今）', 'U'],
    ]);
    expect(findings(w, { rule: 'KIN_IN_TARGET' })).toHaveLength(0);
  });

  it('finds a cousin\'s cousin who leads U', () => {
    const w = baseWorld();
    w.rel('P', 'COUSIN', 'C1').rel('C1', 'COUSIN', 'L');
    w.job('L', 'U', '2020-01-01', null, { leadership: true });
    expect(findings(w, { rule: 'TWO_HOP_KIN' })).toHaveLength(1);
  });

  it('leaves the leader to rule 3 when a composition reaches them, and ignores staff who do not lead', () => {
    const w = baseWorld();
    w.rel('P', 'SIBLING', 'B').rel('B', 'SPOUSE', 'L');
    w.job('L', 'U', '2020-01-01', null, { leadership: true });
    expect(findings(w).map((f) => f.rule)).toEqual(['KIN_IN_TARGET']);
    const w2 = baseWorld();
    w2.rel('P', 'SPOUSE', 'S').rel('S', 'COUSIN', 'L');
    w2.job('L', 'U', '2020-01-01', null, { leadership: false });
    expect(findings(w2, { rule: 'TWO_HOP_KIN' })).toHaveLength(0);
  });

  it('does not reach three hops', () => {
    const w = baseWorld();
    w.rel('P', 'COUSIN', 'C1').rel('C1', 'COUSIN', 'C2').rel('C2', 'COUSIN', 'L');
    w.job('L', 'U', '2020-01-01', null, { leadership: true });
    expect(findings(w, { rule: 'TWO_HOP_KIN' })).toHaveLength(0);
  });
});

describe('rule 12: hometown in the county of a non-grassroots target', () => {
  it('finds a hometown anywhere in U\'s county', () => {
    const w = baseWorld();
    w.persons.get('P')!.hometownRegionId = 'village';
    const [f] = findings(w, { rule: 'HOMETOWN_COUNTY', kind: 'CROSS' });
    expect(f.severity).toBe('SOFT');
    expect(steps(f)).toEqual([
      ['本人', 'P'],
      ['籍贯 桃园村', null],
      ['位于 东安县', 'U'],
    ]);
  });

  it('does not find a hometown in another county, or apply to grassroots targets', () => {
    const w = baseWorld();
    w.persons.get('P')!.hometownRegionId = 'townB';
    expect(findings(w, { rule: 'HOMETOWN_COUNTY', kind: 'CROSS' })).toHaveLength(0);
    const w2 = baseWorld();
    w2.persons.get('P')!.hometownRegionId = 'town2';
    w2.unit('VU', { kind: 'VILLAGE', regionId: 'village' });
    expect(findings(w2, { units: ['VU'], kind: 'CROSS' })).toHaveLength(0);
  });

  it('applies by default only in cross, elevated and linked rounds; the settings can turn it on everywhere', () => {
    const w = baseWorld();
    w.persons.get('P')!.hometownRegionId = 'village';
    const kinds: RoundKindName[] = ['REGULAR', 'SPECIAL', 'MOBILE', 'LOOK_BACK', 'ELEVATED', 'CROSS', 'LINKED'];
    const found = (settings?: ReturnType<typeof defaultSettings>) =>
      kinds.filter((kind) => findings(w, { rule: 'HOMETOWN_COUNTY', kind, settings }).length > 0);
    expect(found()).toEqual(['ELEVATED', 'CROSS', 'LINKED']);
    expect(found({ ...defaultSettings(), hometownCountyAllRounds: true })).toEqual(kinds);
  });
});

describe('rule 13: an interest tie of P or P\'s kin to U', () => {
  it('finds P\'s own tie and a relative\'s tie', () => {
    const w = baseWorld();
    w.person('S', { name: '李娜' });
    w.rel('P', 'SPOUSE', 'S');
    w.interestTies.push({ personId: 'P', unitId: 'U', description: '持有供应商股份' });
    w.interestTies.push({ personId: 'S', unitId: 'U', description: '其公司承接该局工程' });
    const [own, kin] = findings(w, { rule: 'INTEREST_TIE' });
    expect(own.severity).toBe('SOFT');
    expect(steps(own)).toEqual([
      ['本人', 'P'],
      ['利益关联：持有供应商股份', 'U'],
    ]);
    expect(steps(kin)).toEqual([
      ['本人', 'P'],
      ['配偶', 'S'],
      ['利益关联：其公司承接该局工程', 'U'],
    ]);
    expect(kin.explanation.zh).toContain('近亲属（配偶）与被巡察单位有利益关联');
  });

  it('does not find a tie to another unit or a friend\'s tie', () => {
    const w = baseWorld();
    w.unit('V');
    w.rel('P', 'CLOSE_FRIEND', 'F');
    w.interestTies.push({ personId: 'P', unitId: 'V', description: 'x' });
    w.interestTies.push({ personId: 'F', unitId: 'U', description: 'y' });
    expect(findings(w, { rule: 'INTEREST_TIE' })).toHaveLength(0);
  });
});

describe('settings and waivers', () => {
  function world() {
    const w = baseWorld();
    w.job('P', 'U', '2020-01-01');
    return w;
  }

  it('skips a rule that is off and applies the region\'s severities', () => {
    const off = applyPatch(defaultSettings(), { rules: [{ rule: 'CURRENT_EMPLOYER', enabled: false }] });
    expect(findings(world(), { settings: off, rule: 'CURRENT_EMPLOYER' })).toHaveLength(0);
    const soft = applyPatch(defaultSettings(), { rules: [{ rule: 'CURRENT_EMPLOYER', memberSeverity: 'SOFT' }] });
    expect(findings(world(), { settings: soft, rule: 'CURRENT_EMPLOYER', role: 'MEMBER' })[0].severity).toBe('SOFT');
    expect(findings(world(), { settings: soft, rule: 'CURRENT_EMPLOYER', role: 'LEADER' })[0].severity).toBe('HARD');
  });

  it('marks a waived finding and still shows it', () => {
    const w = world();
    w.waive('P', 'U', 'CURRENT_EMPLOYER');
    const [f] = findings(w, { rule: 'CURRENT_EMPLOYER' });
    expect(f.waived).toBe(true);
    expect(f.severity).toBe('HARD');
    expect(f.explanation.zh.startsWith('【已批准豁免】')).toBe(true);
    expect(f.explanation.en.startsWith('[Waived] ')).toBe(true);
  });

  it('orders findings by person, unit, then rule', () => {
    const w = world();
    w.person('Q');
    w.unit('V');
    w.job('Q', 'V', '2020-01-01');
    w.declarations.push({ personId: 'P', unitId: 'V', reason: 'r', bySelf: false });
    const all = evaluateAvoidance(w.graph({ startsOn: D }), { personIds: ['Q', 'P'], unitIds: ['V', 'U'] });
    expect(all.map((f) => [f.personId, f.unitId, f.rule])).toEqual([
      ['Q', 'V', 'CURRENT_EMPLOYER'],
      ['P', 'V', 'DECLARED'],
      ['P', 'U', 'CURRENT_EMPLOYER'],
    ]);
  });
});

describe('pairs judged', () => {
  it('judges each person only against the units named for them, when units are named per person', () => {
    const w = baseWorld();
    w.unit('U2', { name: '县审计局' });
    w.person('Q', { name: '李娜' });
    w.job('P', 'U', '2020-01-01', null);
    w.job('P', 'U2', '2020-01-01', null);
    w.job('Q', 'U', '2020-01-01', null);
    const g = w.graph({ startsOn: D });
    const pairs = (unitsOf?: Map<string, Set<string>>) =>
      evaluateAvoidance(g, { personIds: ['P', 'Q'], unitIds: ['U', 'U2'], unitsOf })
        .filter((f) => f.rule === 'CURRENT_EMPLOYER')
        .map((f) => `${f.personId}-${f.unitId}`)
        .sort();
    expect(pairs()).toEqual(['P-U', 'P-U2', 'Q-U']);
    expect(pairs(new Map([['P', new Set(['U2'])], ['Q', new Set(['U'])]]))).toEqual(['P-U2', 'Q-U']);
    expect(pairs(new Map([['P', new Set(['U2'])]]))).toEqual(['P-U2']);
  });
});
