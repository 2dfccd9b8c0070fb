import { findAvoidance } from '../../../src/avoidance/avoidance.service';
import { RoundKind, RoundStatus } from '../../../src/rounds/round.entity';
import { addEmployment, addRelation, basicRegions, createPerson, createRegion, createUnit } from '../../support/fixtures';
import { codeOf } from '../../support/graphql-client';
import { startTestServer, TestServer } from '../../support/server';
import { insertRound } from '../../support/rounds-data';
import { serviceContext } from '../../support/service-context';

let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
const u: Record<string, string> = {};
const p: Record<string, string> = {};
let round: string;

const FINDING = `rule severity waived explanation person { name } unit { name } path { label person { name } unit { name } }`;
const CHECK = `query($p: ID!, $u: ID!, $r: ID!) { avoidanceCheck(personId: $p, unitId: $u, roundId: $r) { ${FINDING} } }`;
const MATRIX = `query($r: ID!, $ps: [ID!]!, $us: [ID!]!) { avoidanceMatrix(roundId: $r, personIds: $ps, unitIds: $us) { rule severity waived person { id } unit { id } } }`;
const DECLARE = `mutation($i: DeclareAvoidanceInput!) { declareAvoidance(input: $i) { declaration { id reason person { name } unit { name } round { id name } declaredBy { username } } } }`;
const WAIVE = `mutation($i: WaiveAvoidanceInput!) { waiveAvoidance(input: $i) { waiver { id rule reason person { name } unit { name } round { id } approvedBy { username } } } }`;

beforeAll(async () => {
  t = await startTestServer();
  r = await basicRegions(t, 'AV');
  u.finance = await createUnit(t, r.countyA, '东安县财政局', 'DEPARTMENT', { system: '财政' });
  u.treasury = await createUnit(t, r.countyA, '东安县国库支付中心', 'INSTITUTION', { parentId: u.finance });
  u.audit = await createUnit(t, r.countyA, '东安县审计局', 'DEPARTMENT', { system: '审计' });
  u.tax = await createUnit(t, r.countyA, '东安县税务局', 'DEPARTMENT', { system: '财政' });
  u.far = await createUnit(t, r.countyB, '西平县财政局', 'DEPARTMENT', { system: '财政' });
  p.zhang = await createPerson(t, r.countyA, '张伟', { gender: 'MALE' });
  p.li = await createPerson(t, r.countyA, '李娜', { gender: 'FEMALE' });
  p.wang = await createPerson(t, r.countyA, '王强', { gender: 'MALE' });
  p.zhao = await createPerson(t, r.countyA, '赵敏', { gender: 'FEMALE' });
  p.chen = await createPerson(t, r.countyA, '陈刚', { gender: 'MALE' });
  p.west = await createPerson(t, r.countyB, '孙丽', { gender: 'FEMALE' });
  await addRelation(t, p.zhang, p.li, 'SPOUSE');
  await addEmployment(t, p.li, u.finance, '副局长', '2019-03-01', null, true);
  await addEmployment(t, p.zhang, u.tax, '科长', '2020-01-01', null, false);
  await addEmployment(t, p.wang, u.audit, '局长', '2021-01-01', null, true);
  await addEmployment(t, p.zhao, u.treasury, '主任', '2022-01-01', null, true);
  await addRelation(t, p.chen, p.zhao, 'SIBLING');
  round = (await insertRound(t, { regionId: r.countyA, startsOn: '2024-03-01', endsOn: '2024-05-31', status: RoundStatus.PLANNING, teams: [] })).roundId;
});
afterAll(() => t.close());

describe('avoidanceCheck', () => {
  it('explains a finding step by step, in Chinese and in English', async () => {
    const zh = await t.admin(CHECK, { p: p.zhang, u: u.finance, r: round });
    const kin = zh.avoidanceCheck.find((f: any) => f.rule === 'KIN_IN_TARGET');
    expect(kin).toEqual({
      rule: 'KIN_IN_TARGET',
      severity: 'HARD',
      waived: false,
      explanation: '【应回避】近亲属（配偶）在被巡察单位任职：张伟 → 妻子 李娜 → 东安县财政局 副局长（2019-03-01 至今）',
      person: { name: '张伟' },
      unit: { name: '东安县财政局' },
      path: [
        { label: '本人', person: { name: '张伟' }, unit: null },
        { label: '妻子', person: { name: '李娜' }, unit: null },
        { label: '副局长（2019-03-01 至今）', person: null, unit: { name: '东安县财政局' } },
      ],
    });
    expect(zh.avoidanceCheck.map((f: any) => [f.rule, f.severity])).toEqual([
      ['KIN_IN_TARGET', 'HARD'],
      ['SAME_SYSTEM', 'SOFT'],
    ]);

    const en = await t.gql(CHECK, { p: p.zhang, u: u.finance, r: round }, { token: t.adminToken, lang: 'en' });
    const kinEn = en.data.avoidanceCheck[0];
    expect(kinEn.explanation).toBe('[Must avoid] A relative (spouse) works in the target unit: 张伟 → wife 李娜 → 副局长, 东安县财政局 (2019-03-01 to now)');
    expect(kinEn.path.map((s: any) => s.label)).toEqual(['self', 'wife', '副局长 (2019-03-01 to now)']);
  });

  it('sees units under the target and derived kin', async () => {
    const res = await t.admin(CHECK, { p: p.chen, u: u.finance, r: round });
    expect(res.avoidanceCheck).toHaveLength(1);
    expect(res.avoidanceCheck[0].explanation).toBe(
      '【应回避】近亲属（兄弟姐妹）在被巡察单位任职：陈刚 → 姐妹 赵敏 → 东安县国库支付中心 主任（2022-01-01 至今） → 隶属于 东安县财政局',
    );
  });

  it('returns nothing for a pair without findings', async () => {
    expect((await t.admin(CHECK, { p: p.chen, u: u.audit, r: round })).avoidanceCheck).toEqual([]);
  });

  it('is region-scoped and needs an office role', async () => {
    const other = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyB]);
    const outside = await t.gql(CHECK, { p: p.zhang, u: u.finance, r: round }, { token: other });
    expect(codeOf(outside)).toBe('NOT_FOUND');
    const org = await t.tokenFor(['ORG_DEPARTMENT'], [r.countyA]);
    expect((await t.gql(CHECK, { p: p.zhang, u: u.finance, r: round }, { token: org })).data.avoidanceCheck).toHaveLength(2);
    const inspector = await t.tokenFor(['INSPECTOR'], [r.countyA], p.zhang);
    expect(codeOf(await t.gql(CHECK, { p: p.zhang, u: u.finance, r: round }, { token: inspector }))).toBe('FORBIDDEN');
    const office = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyA]);
    const west = await t.gql(CHECK, { p: p.west, u: u.finance, r: round }, { token: office });
    expect(codeOf(west)).toBe('NOT_FOUND');
    expect(west.errors![0].extensions!.field).toBe('personId');
    expect(codeOf(await t.gql(CHECK, { p: p.zhang, u: u.finance, r: 'no-such-round' }, { token: office }))).toBe('NOT_FOUND');
  });
});

describe('avoidanceMatrix', () => {
  it('lists every finding of every pair and leaves out pairs without any', async () => {
    const persons = [p.zhang, p.chen, p.wang];
    const units = [u.finance, u.audit, u.tax];
    const m = (await t.admin(MATRIX, { r: round, ps: persons, us: units })).avoidanceMatrix;
    const singles: any[] = [];
    for (const person of persons) {
      for (const unit of units) {
        singles.push(...(await t.admin(CHECK, { p: person, u: unit, r: round })).avoidanceCheck.map((f: any) => [f.rule, person, unit]));
      }
    }
    expect(m.map((f: any) => [f.rule, f.person.id, f.unit.id])).toEqual(singles);
    expect(new Set(m.map((f: any) => `${f.person.id}|${f.unit.id}`))).toEqual(
      new Set([`${p.zhang}|${u.finance}`, `${p.zhang}|${u.tax}`, `${p.chen}|${u.finance}`, `${p.wang}|${u.audit}`]),
    );
  });

  it('costs the same number of SQL statements for 1 pair and for 30 pairs', async () => {
    const extra: string[] = [];
    for (let i = 0; i < 9; i++) {
      const a = await createPerson(t, r.countyA, `甲${i}`);
      const b = await createPerson(t, r.countyA, `乙${i}`);
      await addRelation(t, a, b, 'SIBLING');
      await addEmployment(t, b, u.audit, '科员', '2015-01-01', null);
      extra.push(a);
    }
    const count = async (persons: string[], units: string[]) => {
      t.resetCount();
      await t.admin(MATRIX, { r: round, ps: persons, us: units });
      return t.queryCount;
    };
    const one = await count([p.chen], [u.finance]);
    const many = await count([p.chen, ...extra], [u.finance, u.audit, u.tax]);
    expect(many).toBe(one);
  });

  it('refuses more persons than one matrix may hold', async () => {
    const res = await t.gql(MATRIX, { r: round, ps: Array.from({ length: 5001 }, (_, i) => `p${i}`), us: [u.finance] }, { token: t.adminToken });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe('personIds');
  });
});

describe('declarations', () => {
  it('an office declares; the finding is hard; a second one is a conflict; both are audited', async () => {
    const office = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyA]);
    const i = { personId: p.wang, unitId: u.tax, roundId: round, reason: '其妻在该局下属企业任职' };
    const res = await t.gql(DECLARE, { i }, { token: office });
    const d = res.data.declareAvoidance.declaration;
    expect(d).toMatchObject({ reason: i.reason, person: { name: '王强' }, unit: { name: '东安县税务局' }, round: { id: round } });
    const check = (await t.admin(CHECK, { p: p.wang, u: u.tax, r: round })).avoidanceCheck;
    expect(check.map((f: any) => [f.rule, f.severity])).toEqual([['DECLARED', 'HARD']]);
    expect(check[0].explanation).toContain('申请回避 东安县税务局（理由：其妻在该局下属企业任职）');
    // Said as what it is: the office recorded it, the person did not apply.
    expect(check[0].explanation).toContain('巡察办已为其登记回避');
    expect(check[0].explanation).not.toContain('本人已申请回避');
    expect(codeOf(await t.gql(DECLARE, { i }, { token: office }))).toBe('CONFLICT');
    const log = await t.admin('{ auditLog(first: 5) { edges { node { operation targetIds } } } }');
    const entry = log.auditLog.edges.map((e: any) => e.node).find((n: any) => n.operation === 'declareAvoidance');
    expect(entry.targetIds).toEqual(expect.arrayContaining([d.id, p.wang, u.tax, round]));
  });

  it('the person may declare for themselves in a round they are on, not for others', async () => {
    const own = await t.tokenFor(['INSPECTOR'], [r.countyA], p.chen);
    const notOn = await t.gql(DECLARE, { i: { personId: p.chen, unitId: u.audit, roundId: round, reason: '曾与该局局长共事' } }, { token: own });
    expect([codeOf(notOn), notOn.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'roundId']);
    const onTeam = (
      await insertRound(t, { regionId: r.countyA, startsOn: '2024-03-01', endsOn: '2024-05-31', status: RoundStatus.PLANNING, teams: [{ name: '第一巡察组', members: [{ personId: p.chen }] }] })
    ).roundId;
    const mine = await t.gql(DECLARE, { i: { personId: p.chen, unitId: u.audit, roundId: onTeam, reason: '曾与该局局长共事' } }, { token: own });
    expect(mine.data.declareAvoidance.declaration).toMatchObject({ person: { name: '陈刚' }, round: { id: onTeam }, declaredBy: { username: expect.any(String) } });
    const [byThemselves] = (await t.admin(CHECK, { p: p.chen, u: u.audit, r: onTeam })).avoidanceCheck.filter((f: any) => f.rule === 'DECLARED');
    expect(byThemselves.explanation).toContain('本人已申请回避');
    expect(byThemselves.explanation).toContain('本人申请回避 东安县审计局');
    const theirs = await t.gql(DECLARE, { i: { personId: p.zhao, unitId: u.audit, roundId: onTeam, reason: 'x' } }, { token: own });
    expect(codeOf(theirs)).toBe('FORBIDDEN');
  });

  it('needs a reason, an open round, and an office covering the round', async () => {
    const blank = await t.gql(DECLARE, { i: { personId: p.zhao, unitId: u.audit, roundId: round, reason: '  ' } }, { token: t.adminToken });
    expect(codeOf(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors![0].extensions!.field).toBe('reason');
    const closed = (await insertRound(t, { regionId: r.countyA, startsOn: '2023-03-01', endsOn: '2023-05-31', status: RoundStatus.CLOSED, teams: [] })).roundId;
    expect(codeOf(await t.gql(DECLARE, { i: { personId: p.zhao, unitId: u.audit, roundId: closed, reason: 'x' } }, { token: t.adminToken }))).toBe('CONFLICT');
    const west = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyB]);
    const res = await t.gql(DECLARE, { i: { personId: p.zhao, unitId: u.audit, roundId: round, reason: 'x' } }, { token: west });
    // Another county's round is, to this office, no such round.
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe('roundId');
  });
});

describe('waivers', () => {
  it('only the office director waives a hard finding, with a reason; it still shows, marked waived', async () => {
    const office = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyA]);
    const director = await t.tokenFor(['OFFICE_DIRECTOR'], [r.countyA]);
    const i = { personId: p.zhang, unitId: u.finance, roundId: round, rule: 'KIN_IN_TARGET', reason: '经研究，该同志配偶不分管被巡察业务' };
    expect(codeOf(await t.gql(WAIVE, { i }, { token: office }))).toBe('FORBIDDEN');
    const blank = await t.gql(WAIVE, { i: { ...i, reason: '' } }, { token: director });
    expect(codeOf(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors![0].extensions!.field).toBe('reason');

    const res = await t.gql(WAIVE, { i }, { token: director });
    expect(res.data.waiveAvoidance.waiver).toMatchObject({ rule: 'KIN_IN_TARGET', reason: i.reason, person: { name: '张伟' }, unit: { name: '东安县财政局' }, round: { id: round } });
    expect(res.data.waiveAvoidance.waiver.approvedBy.username).toMatch(/^user/);

    const check = (await t.admin(CHECK, { p: p.zhang, u: u.finance, r: round })).avoidanceCheck;
    expect(check.map((f: any) => [f.rule, f.severity, f.waived])).toEqual([
      ['KIN_IN_TARGET', 'HARD', true],
      ['SAME_SYSTEM', 'SOFT', false],
    ]);
    expect(check[0].explanation.startsWith('【已批准豁免】')).toBe(true);
    expect(codeOf(await t.gql(WAIVE, { i }, { token: director }))).toBe('CONFLICT');

    // both are kept with the round
    const withRound = await t.gql(
      `mutation($i: DeclareAvoidanceInput!) { declareAvoidance(input: $i) { declaration { round { id avoidanceDeclarations { reason person { name } } avoidanceWaivers { rule reason approvedBy { username } } } } } }`,
      { i: { personId: p.zhang, unitId: u.audit, roundId: round, reason: '本人曾在该局挂职' } },
      { token: director },
    );
    const kept = withRound.data.declareAvoidance.declaration.round;
    expect(kept.avoidanceDeclarations.map((d: any) => [d.person.name, d.reason])).toEqual(
      expect.arrayContaining([['王强', '其妻在该局下属企业任职'], ['张伟', '本人曾在该局挂职']]),
    );
    expect(kept.avoidanceWaivers).toEqual([{ rule: 'KIN_IN_TARGET', reason: i.reason, approvedBy: { username: expect.stringMatching(/^user/) } }]);
  });

  it('refuses soft findings, team rules and pairs without that finding', async () => {
    const director = await t.tokenFor(['OFFICE_DIRECTOR'], [r.countyA]);
    const base = { personId: p.zhang, unitId: u.finance, roundId: round, reason: 'r' };
    for (const i of [
      { ...base, rule: 'SAME_SYSTEM' },
      { ...base, rule: 'TEAM_SIZE' },
      { ...base, unitId: u.audit, rule: 'KIN_IN_TARGET' },
    ]) {
      const res = await t.gql(WAIVE, { i }, { token: director });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.field).toBe('rule');
    }
    const outside = await t.tokenFor(['OFFICE_DIRECTOR'], [r.countyB]);
    expect(codeOf(await t.gql(WAIVE, { i: { ...base, rule: 'KIN_IN_TARGET', unitId: u.treasury } }, { token: outside }))).toBe('BAD_USER_INPUT');
  });
});

describe('settings', () => {
  const READ = `query($r: ID!) { avoidanceSettings(regionId: $r) { region { id } definedIn { id } formerEmployerYears longTenureYears superiorSubordinateYears repeatYears rules { rule enabled severity memberSeverity } } }`;
  const SET = `mutation($i: SetAvoidanceSettingsInput!) { setAvoidanceSettings(input: $i) { settings { definedIn { id } formerEmployerYears repeatYears rules { rule enabled severity memberSeverity } } } }`;

  afterAll(async () => {
    // back to the defaults for the tests that follow
    for (const regionId of [r.city, r.countyA]) {
      await t.admin(SET, { i: { regionId, formerEmployerYears: 3, repeatYears: 5, rules: [{ rule: 'SAME_SYSTEM', enabled: true }] } });
    }
  });

  it('has the defaults of the domain, then the nearest ancestor\'s, then its own', async () => {
    const fresh = await createRegion(t, 'AV-D', '新区', 'COUNTY', r.city);
    const director = await t.tokenFor(['OFFICE_DIRECTOR'], [r.city]);
    const d = (await t.gql(READ, { r: fresh }, { token: director })).data.avoidanceSettings;
    expect(d).toMatchObject({ definedIn: null, formerEmployerYears: 3, longTenureYears: 3, superiorSubordinateYears: 3, repeatYears: 5 });
    expect(d.rules).toHaveLength(13);
    expect(d.rules.find((x: any) => x.rule === 'FORMER_SUPERIOR_SUBORDINATE')).toEqual({ rule: 'FORMER_SUPERIOR_SUBORDINATE', enabled: true, severity: 'HARD', memberSeverity: 'SOFT' });
    expect(d.rules.filter((x: any) => x.severity === 'SOFT').map((x: any) => x.rule)).toEqual([
      'PERSONAL_TIE', 'SAME_SYSTEM', 'REPEAT_TARGET', 'TWO_HOP_KIN', 'HOMETOWN_COUNTY', 'INTEREST_TIE',
    ]);

    await t.admin(SET, { i: { regionId: r.city, repeatYears: 6, rules: [{ rule: 'SAME_SYSTEM', enabled: false }] } });
    const inherited = (await t.gql(READ, { r: r.countyA }, { token: director })).data.avoidanceSettings;
    expect(inherited).toMatchObject({ definedIn: { id: r.city }, repeatYears: 6 });
    expect((await t.admin(CHECK, { p: p.zhang, u: u.finance, r: round })).avoidanceCheck.map((f: any) => f.rule)).toEqual(['KIN_IN_TARGET']);

    const own = (await t.admin(SET, { i: { regionId: r.countyA, formerEmployerYears: 5, rules: [{ rule: 'SAME_SYSTEM', enabled: true, memberSeverity: 'SOFT' }] } }))
      .setAvoidanceSettings.settings;
    expect(own).toMatchObject({ definedIn: { id: r.countyA }, formerEmployerYears: 5, repeatYears: 6 });
    expect((await t.admin(CHECK, { p: p.zhang, u: u.finance, r: round })).avoidanceCheck.map((f: any) => f.rule)).toEqual(['KIN_IN_TARGET', 'SAME_SYSTEM']);
  });

  it('is set by ADMIN and the office director of the region, with valid values only', async () => {
    for (const role of ['INSPECTION_OFFICE', 'ORG_DEPARTMENT', 'LEADING_GROUP_HEAD']) {
      const token = await t.tokenFor([role], [r.countyA]);
      expect(codeOf(await t.gql(SET, { i: { regionId: r.countyA, repeatYears: 4 } }, { token }))).toBe('FORBIDDEN');
    }
    const director = await t.tokenFor(['OFFICE_DIRECTOR'], [r.countyA]);
    const set = await t.gql(SET, { i: { regionId: r.countyA, repeatYears: 4 } }, { token: director });
    expect(set.data.setAvoidanceSettings.settings).toMatchObject({ definedIn: { id: r.countyA }, repeatYears: 4 });
    expect(codeOf(await t.gql(SET, { i: { regionId: r.countyB, repeatYears: 4 } }, { token: director }))).toBe('BAD_USER_INPUT');
    for (const [i, field] of [
      [{ regionId: r.countyA, formerEmployerYears: 0 }, 'formerEmployerYears'],
      [{ regionId: r.countyA, rules: [{ rule: 'TEAM_SIZE', enabled: false }] }, 'rules'],
      [{ regionId: r.countyA, rules: [{ rule: 'SAME_SYSTEM' }, { rule: 'SAME_SYSTEM' }] }, 'rules'],
    ] as const) {
      const res = await t.gql(SET, { i }, { token: t.adminToken });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.field).toBe(field);
    }
    const west = await t.tokenFor(['OFFICE_DIRECTOR'], [r.countyB]);
    expect(codeOf(await t.gql(READ, { r: r.countyA }, { token: west }))).toBe('NOT_FOUND');
  });
});

describe('findAvoidance and past rounds', () => {
  it('judges rule 4 by the role given, else by the role in the round; repeats name the earlier round', async () => {
    const boss = await createPerson(t, r.countyA, '周局长');
    const clerk = await createPerson(t, r.countyA, '吴科员');
    const bureau = await createUnit(t, r.countyA, '东安县统计局');
    await addEmployment(t, boss, u.audit, '副局长', '2018-01-01', '2022-12-31', true);
    await addEmployment(t, boss, bureau, '局长', '2023-01-01', null, true);
    await addEmployment(t, clerk, u.audit, '科员', '2019-01-01', null, false);
    await insertRound(t, {
      regionId: r.countyA,
      startsOn: '2021-04-01',
      endsOn: '2021-06-30',
      status: RoundStatus.CLOSED,
      name: '2021年第一轮巡察',
      teams: [{ name: '第一巡察组', targets: [bureau], members: [{ personId: clerk, role: 'LEADER' }] }],
    });
    const { roundId: now } = await insertRound(t, {
      regionId: r.countyA,
      startsOn: '2024-03-01',
      endsOn: '2024-05-31',
      kind: RoundKind.CROSS,
      status: RoundStatus.PLANNING,
      teams: [{ name: '第二巡察组', targets: [bureau], members: [{ personId: clerk, role: 'LEADER' }] }],
    });

    const ctx = serviceContext(t);
    const asRound = await findAvoidance(ctx, { roundId: now, personIds: [clerk], unitIds: [bureau] });
    expect(asRound.map((f) => [f.rule, f.severity])).toEqual([
      ['FORMER_SUPERIOR_SUBORDINATE', 'HARD'],
      ['LOCALITY', 'HARD'],
      ['REPEAT_TARGET', 'SOFT'],
    ]);
    expect(asRound[2].explanation.zh).toBe(
      '【提示】近5年内曾任该单位的巡察组长，再次担任组长：吴科员 → 2021年第一轮巡察 第一巡察组 组长（2021-04-01 开始） → 巡察 东安县统计局',
    );
    expect(asRound[0].path.map((s) => s.label.zh)).toEqual(['本人', '科员（2019-01-01 至今）', '时任上级（东安县审计局 副局长（2018-01-01 至 2022-12-31））', '局长（2023-01-01 至今）']);
    const asMember = await findAvoidance(ctx, { roundId: now, personIds: [clerk], unitIds: [bureau], roles: new Map([[clerk, 'MEMBER' as const]]) });
    expect(asMember.map((f) => [f.rule, f.severity])).toEqual([
      ['FORMER_SUPERIOR_SUBORDINATE', 'SOFT'],
      ['LOCALITY', 'HARD'],
      ['REPEAT_TARGET', 'SOFT'],
    ]);
    expect(asMember[2].explanation.en).toContain('Inspected this unit within the last 5 years');
  });
});
