import { startTestServer, TestServer } from '../support/server';
import { codeOf, ok } from '../support/graphql-client';
import { addEmployment, addRelation, basicRegions, createPerson, createUnit } from '../support/fixtures';
import { advance, assign, authorize, createRound, createTeam, fullTeam, member, poolPerson, ready } from '../support/rounds';
import { mutate } from '../support/operations';

/** Corrections: each with its refusals, its scope, its audit record and its effect on what is derived. */
let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
let office: string;
let officeB: string;
let director: string;
const TODAY = '2025-06-02';

beforeAll(async () => {
  t = await startTestServer({ today: TODAY });
  r = await basicRegions(t);
  office = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyA]);
  officeB = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyB]);
  director = await t.tokenFor(['OFFICE_DIRECTOR'], [r.countyA]);
});
afterAll(() => t.close());

const CHECK = 'query($p: ID!, $u: ID!, $r: ID!) { avoidanceCheck(personId: $p, unitId: $u, roundId: $r) { rule waived } }';
const rulesFound = async (personId: string, unitId: string, roundId: string) =>
  (await t.admin(CHECK, { p: personId, u: unitId, r: roundId })).avoidanceCheck.map((f: { rule: string; waived: boolean }) => `${f.rule}${f.waived ? ':waived' : ''}`).sort();
const VIOLATIONS = 'query($id: ID!) { team(id: $id) { violations { rule severity waived person { id } } } }';
/** The rules a team breaks now, a waived finding shown as RULE:waived. */
const teamRules = async (teamId: string) =>
  (await t.admin(VIOLATIONS, { id: teamId })).team.violations.map((v: { rule: string; waived: boolean }) => `${v.rule}${v.waived ? ':waived' : ''}`);
const AUDIT = 'query { auditLog(first: 5, filter: { kind: MUTATION }) { edges { node { operation note targetIds } } } }';
const lastAudit = async () => (await t.admin(AUDIT)).auditLog.edges[0].node as { operation: string; note: string | null; targetIds: string[] };

/** An out-of-scope id gives exactly the answer a random id gives. */
async function sameAsRandom(name: string, field: string, input: (id: string) => Record<string, unknown>, scopedId: string, token: string) {
  const random = '0198a0a0-0000-7000-8000-000000000000';
  const send = (id: string) => (name.startsWith('remove') ? t.gql(`mutation($i: RemoveRecordInput!) { ${name}(input: $i) { removedId } }`, { i: input(id) }, { token }) : mutate(t, name, input(id), { token }));
  const a = await send(scopedId);
  const b = await send(random);
  expect(a.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(a.errors![0].message.replace(scopedId, 'ID')).toBe(b.errors![0].message.replace(random, 'ID'));
}

describe('updatePerson', () => {
  const UPDATE = 'mutation($i: UpdatePersonInput!) { updatePerson(input: $i) { person { name rank code birthDate youngReserve } } }';

  test('changes only the fields given; a code is unique in its region, empty codes repeat', async () => {
    const a = await createPerson(t, r.countyA, '王强', { rank: 'STAFF', birthDate: '1985-01-01', code: 'DA-001' });
    const b = await createPerson(t, r.countyA, '王刚');
    await createPerson(t, r.countyA, '无编号甲');
    await createPerson(t, r.countyA, '无编号乙');
    const res = ok(await t.gql(UPDATE, { i: { personId: a, rank: 'SECTION', youngReserve: true } }, { token: office }));
    expect(res.updatePerson.person).toEqual({ name: '王强', rank: 'SECTION', code: 'DA-001', birthDate: '1985-01-01', youngReserve: true });
    const taken = await t.gql(UPDATE, { i: { personId: b, code: ' DA-001 ' } }, { token: office });
    expect(codeOf(taken)).toBe('CONFLICT');
    // The same code in another county is another office's file number.
    await createPerson(t, r.countyB, '西平王强', { code: 'DA-001' });
    expect(ok(await t.gql(UPDATE, { i: { personId: b, code: 'DA-002' } }, { token: office })).updatePerson.person.code).toBe('DA-002');
    const blank = await t.gql(UPDATE, { i: { personId: b, name: '  ' } }, { token: office });
    expect([codeOf(blank), blank.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'name']);
    const future = await t.gql(UPDATE, { i: { personId: b, birthDate: '2030-01-01' } }, { token: office });
    expect(codeOf(future)).toBe('BAD_USER_INPUT');
    await sameAsRandom('updatePerson', 'personId', (id) => ({ personId: id, rank: 'SECTION' }), a, officeB);
  });

  test('a rank below the floor is refused while the person leads a team of a round not closed', async () => {
    const unit = await createUnit(t, r.countyA, '东安县水利局');
    const round = await createRound(t, r.countyA, { year: 2025, ordinal: 11, startsOn: '2025-09-01', endsOn: '2025-10-31' });
    const team = await fullTeam(t, r.countyA, round, '降级组', [unit]);
    const res = await t.gql(UPDATE, { i: { personId: team.people.deputy, rank: 'STAFF' } }, { token: office });
    expect(codeOf(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toContain('副组长');
    // A member has no floor; once the deputy is off the team the rank may change.
    expect(ok(await t.gql(UPDATE, { i: { personId: team.people.other, rank: 'STAFF' } }, { token: office })).updatePerson.person.rank).toBe('STAFF');
    await t.admin('mutation($i: RemoveTeamMemberInput!) { removeTeamMember(input: $i) { membership { id } } }', { i: { membershipId: team.memberships.deputy, reason: '调整' } });
    expect(ok(await t.gql(UPDATE, { i: { personId: team.people.deputy, rank: 'STAFF' } }, { token: office })).updatePerson.person.rank).toBe('STAFF');
  });
});

describe('posts, relations and interest ties', () => {
  let round: string;
  let unit: string;
  beforeAll(async () => {
    unit = await createUnit(t, r.countyA, '东安县交通局');
    round = await createRound(t, r.countyA, { year: 2025, ordinal: 12, startsOn: '2025-11-01', endsOn: '2025-12-15' });
  });

  test('ending a post moves the finding from the current to the former employer; a post cannot end before it starts', async () => {
    const p = await createPerson(t, r.countyA, '赵敏');
    const post = await addEmployment(t, p, unit, '科员', '2024-01-01');
    expect(await rulesFound(p, unit, round)).toContain('CURRENT_EMPLOYER');
    const UPDATE = 'mutation($i: UpdateEmploymentInput!) { updateEmployment(input: $i) { employment { post endedOn leadership } } }';
    const bad = await t.gql(UPDATE, { i: { employmentId: post, endedOn: '2023-12-31' } }, { token: office });
    expect([codeOf(bad), bad.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'endedOn']);
    const ended = ok(await t.gql(UPDATE, { i: { employmentId: post, endedOn: '2025-03-31' } }, { token: office }));
    expect(ended.updateEmployment.employment).toEqual({ post: '科员', endedOn: '2025-03-31', leadership: false });
    expect(await rulesFound(p, unit, round)).toEqual(['FORMER_EMPLOYER']);
    await sameAsRandom('updateEmployment', 'employmentId', (id) => ({ employmentId: id, post: 'x' }), post, officeB);
  });

  test('removing a mistaken post or relation clears the team violation it caused, and the reason is audited', async () => {
    const p = await poolPerson(t, r.countyA, '钱多多', 'SPECIALIST');
    const wife = await createPerson(t, r.countyA, '孙丽');
    const team = await createTeam(t, round, '纠错组', [unit]);
    await member(t, team, p);
    const post = await addEmployment(t, wife, unit, '副局长', '2020-01-01', null, true);
    const rel = await addRelation(t, p, wife, 'SPOUSE');
    expect(await teamRules(team)).toContain('KIN_IN_TARGET');

    await sameAsRandom('removeRelation', 'id', (id) => ({ id, reason: '录入错误' }), rel, officeB);
    const blank = await t.gql('mutation($i: RemoveRecordInput!) { removeRelation(input: $i) { removedId } }', { i: { id: rel, reason: ' ' } }, { token: office });
    expect([codeOf(blank), blank.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'reason']);
    const removed = ok(await t.gql('mutation($i: RemoveRecordInput!) { removeRelation(input: $i) { removedId } }', { i: { id: rel, reason: '误将同事录为配偶' } }, { token: office }));
    expect(removed.removeRelation.removedId).toBe(rel);
    expect(await lastAudit()).toMatchObject({ operation: 'removeRelation', note: '误将同事录为配偶', targetIds: expect.arrayContaining([rel]) });
    expect(await teamRules(team)).not.toContain('KIN_IN_TARGET');

    // The member's own mistaken post at the target.
    const own = await addEmployment(t, p, unit, '科员', '2021-01-01');
    expect(await teamRules(team)).toContain('CURRENT_EMPLOYER');
    ok(await t.gql('mutation($i: RemoveRecordInput!) { removeEmployment(input: $i) { removedId } }', { i: { id: own, reason: '单位填错' } }, { token: office }));
    expect(await teamRules(team)).not.toContain('CURRENT_EMPLOYER');
    expect((await lastAudit()).note).toBe('单位填错');
    expect(codeOf(await t.gql('mutation($i: RemoveRecordInput!) { removeEmployment(input: $i) { removedId } }', { i: { id: own, reason: '再删' } }, { token: office }))).toBe('BAD_USER_INPUT');
    expect(post).toBeTruthy();
  });

  test('an interest tie entered by mistake is removed, only within scope', async () => {
    const p = await createPerson(t, r.countyA, '周全');
    const tie = ok(await t.gql('mutation($i: AddInterestTieInput!) { addInterestTie(input: $i) { interestTie { id } } }', { i: { personId: p, unitId: unit, description: '其弟公司承接该局工程' } }, { token: office }))
      .addInterestTie.interestTie.id;
    expect(await rulesFound(p, unit, round)).toContain('INTEREST_TIE');
    await sameAsRandom('removeInterestTie', 'id', (id) => ({ id, reason: 'x' }), tie, officeB);
    ok(await t.gql('mutation($i: RemoveRecordInput!) { removeInterestTie(input: $i) { removedId } }', { i: { id: tie, reason: '张冠李戴' } }, { token: office }));
    expect(await rulesFound(p, unit, round)).not.toContain('INTEREST_TIE');
  });
});

describe('rounds and teams', () => {
  const UPDATE = 'mutation($i: UpdateRoundInput!) { updateRound(input: $i) { round { name theme status startsOn endsOn } } }';
  const CANCEL = 'mutation($i: CancelRoundInput!) { cancelRound(input: $i) { round { status cancelledOn cancelReason } } }';

  test('while planning: dates move the members with the start, the theme renames the round, a clash shows as a violation', async () => {
    const unit = await createUnit(t, r.countyA, '东安县林业局');
    const other = await createUnit(t, r.countyA, '东安县商务局');
    const first = await createRound(t, r.countyA, { year: 2026, ordinal: 1, startsOn: '2026-03-01', endsOn: '2026-04-30' });
    const second = await createRound(t, r.countyA, { year: 2026, ordinal: 2, kind: 'SPECIAL', theme: '乡村振兴', startsOn: '2026-06-01', endsOn: '2026-07-15' });
    const p = await poolPerson(t, r.countyA, '吴双', 'SPECIALIST');
    const team1 = await createTeam(t, first, '一组', [unit]);
    const team2 = await createTeam(t, second, '二组', [other]);
    await member(t, team1, p);
    await member(t, team2, p);
    const moved = ok(await t.gql(UPDATE, { i: { roundId: second, startsOn: '2026-04-15', theme: '粮食安全' } }, { token: office })).updateRound.round;
    expect(moved).toMatchObject({ name: '2026年第2轮专项巡察（粮食安全）', theme: '粮食安全', startsOn: '2026-04-15', endsOn: '2026-07-15' });
    const members = (await t.admin('query($id: ID!) { team(id: $id) { members { joinedOn } } }', { id: team2 })).team.members;
    expect(members).toEqual([{ joinedOn: '2026-04-15' }]);
    // The periods now overlap: the person is double-booked, shown on both teams.
    expect(await teamRules(team2)).toContain('DOUBLE_BOOKED');
    expect(await teamRules(team1)).toContain('DOUBLE_BOOKED');
    const noTheme = await t.gql(UPDATE, { i: { roundId: second, theme: '' } }, { token: office });
    expect([codeOf(noTheme), noTheme.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'theme']);
    const backwards = await t.gql(UPDATE, { i: { roundId: second, endsOn: '2026-04-01' } }, { token: office });
    expect([codeOf(backwards), backwards.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'endsOn']);
    await sameAsRandom('updateRound', 'roundId', (id) => ({ roundId: id, theme: 'x' }), second, officeB);
  });

  test('an authorized round may not gain a hard violation from new dates; while stationed only an earlier end, not before today', async () => {
    const units = [await createUnit(t, r.countyA, '东安县档案局'), await createUnit(t, r.countyA, '东安县气象局')];
    const round = await createRound(t, r.countyA, { year: 2025, ordinal: 20, startsOn: '2025-06-01', endsOn: '2025-07-31' });
    const team = await fullTeam(t, r.countyA, round, '授权组', [units[0]]);
    await authorize(t, team.teamId);
    expect((await advance(t, round, 'AUTHORIZED')).round.status).toBe('AUTHORIZED');
    // The deputy is booked on a round later in the year.
    const later = await createRound(t, r.countyA, { year: 2025, ordinal: 21, startsOn: '2025-09-01', endsOn: '2025-09-30' });
    const laterTeam = await createTeam(t, later, '后组', [units[1]]);
    await member(t, laterTeam, team.people.deputy);
    const clash = await t.gql(UPDATE, { i: { roundId: round, endsOn: '2025-09-10' } }, { token: office });
    expect(codeOf(clash)).toBe('CONFLICT');
    expect(clash.errors![0].extensions!.rules).toEqual(['DOUBLE_BOOKED']);
    expect(ok(await t.gql(UPDATE, { i: { roundId: round, endsOn: '2025-08-15' } }, { token: office })).updateRound.round.endsOn).toBe('2025-08-15');

    for (const p of Object.values(team.people)) await ready(t, p, round);
    expect((await advance(t, round, 'STATIONED')).round.status).toBe('STATIONED');
    const start = await t.gql(UPDATE, { i: { roundId: round, startsOn: '2025-06-02' } }, { token: office });
    expect([codeOf(start), start.errors![0].extensions!.field]).toEqual(['CONFLICT', 'startsOn']);
    const longer = await t.gql(UPDATE, { i: { roundId: round, endsOn: '2025-08-20' } }, { token: office });
    expect([codeOf(longer), longer.errors![0].extensions!.field]).toEqual(['CONFLICT', 'endsOn']);
    const past = await t.gql(UPDATE, { i: { roundId: round, endsOn: '2025-06-01' } }, { token: office });
    expect([codeOf(past), past.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'endsOn']);
    const theme = await t.gql(UPDATE, { i: { roundId: round, theme: '作风建设' } }, { token: office });
    expect(codeOf(theme)).toBe('CONFLICT');
    expect(ok(await t.gql(UPDATE, { i: { roundId: round, endsOn: TODAY } }, { token: office })).updateRound.round).toMatchObject({ status: 'STATIONED', endsOn: TODAY });
    expect(codeOf(await t.gql(CANCEL, { i: { roundId: round, reason: '不办了' } }, { token: office }))).toBe('CONFLICT');
  });

  test('calling a round off ends its authorizations and frees its members; it stays, CANCELLED, with its reason', async () => {
    const units = [await createUnit(t, r.countyA, '东安县统计局'), await createUnit(t, r.countyA, '东安县民政局')];
    const round = await createRound(t, r.countyA, { year: 2026, ordinal: 5, startsOn: '2026-09-01', endsOn: '2026-10-31' });
    const team = await fullTeam(t, r.countyA, round, '取消组', [units[0]]);
    await authorize(t, team.teamId);
    const blank = await t.gql(CANCEL, { i: { roundId: round, reason: '' } }, { token: office });
    expect([codeOf(blank), blank.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'reason']);
    await sameAsRandom('cancelRound', 'roundId', (id) => ({ roundId: id, reason: 'x' }), round, officeB);
    const res = ok(await t.gql(CANCEL, { i: { roundId: round, reason: '县委调整巡察计划' } }, { token: office })).cancelRound.round;
    expect(res).toEqual({ status: 'CANCELLED', cancelledOn: TODAY, cancelReason: '县委调整巡察计划' });
    expect((await lastAudit()).note).toBe('县委调整巡察计划');
    const after = (await t.admin('query($id: ID!) { team(id: $id) { members { id } memberHistory { leftOn leftReason } authorization { status } violations { rule } } }', { id: team.teamId })).team;
    expect(after.authorization.status).toBe('ENDED');
    expect(after.members).toEqual([]);
    expect(after.memberHistory.every((m: { leftReason: string }) => m.leftReason === '轮次取消：县委调整巡察计划')).toBe(true);
    // A called-off round is not judged, and its people may serve in the same period elsewhere.
    expect(after.violations).toEqual([]);
    const other = await createRound(t, r.countyA, { year: 2026, ordinal: 6, startsOn: '2026-09-15', endsOn: '2026-10-15' });
    const otherTeam = await createTeam(t, other, '接替组', [units[1]]);
    expect((await assign(t, otherTeam, team.people.leader, 'LEADER')).membership).not.toBeNull();
    expect(codeOf(await t.gql('mutation($i: AdvanceRoundInput!) { advanceRound(input: $i) { round { id } } }', { i: { roundId: round, to: 'AUTHORIZED' } }, { token: office }))).toBe('CONFLICT');
    expect(codeOf(await t.gql(CANCEL, { i: { roundId: round, reason: '再取消' } }, { token: office }))).toBe('CONFLICT');
    const listed = await t.admin('query($f: RoundFilter!) { rounds(filter: $f, first: 50) { edges { node { id } } } }', { f: { regionId: r.countyA, status: 'CANCELLED' } });
    expect(listed.rounds.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([round]);
  });

  test('a team is removed only while planning, and not once its leader is authorized', async () => {
    const unit = await createUnit(t, r.countyA, '东安县人社局');
    const round = await createRound(t, r.countyA, { year: 2026, ordinal: 7, startsOn: '2026-11-01', endsOn: '2026-11-30' });
    const team = await createTeam(t, round, '多余组', [unit]);
    const p = await poolPerson(t, r.countyA, '郑多余', 'GROUP_LEADER');
    await member(t, team, p, 'LEADER');
    const kept = await fullTeam(t, r.countyA, round, '保留组', []);
    await authorize(t, kept.teamId);
    await sameAsRandom('removeTeam', 'id', (id) => ({ id, reason: 'x' }), team, officeB);
    expect(codeOf(await t.gql('mutation($i: RemoveRecordInput!) { removeTeam(input: $i) { removedId } }', { i: { id: kept.teamId, reason: '合并' } }, { token: office }))).toBe('CONFLICT');
    ok(await t.gql('mutation($i: RemoveRecordInput!) { removeTeam(input: $i) { removedId } }', { i: { id: team, reason: '合并到保留组' } }, { token: office }));
    expect((await t.admin('query($id: ID!) { round(id: $id) { teams { name } } }', { id: round })).round.teams).toEqual([{ name: '保留组' }]);
    expect((await lastAudit()).note).toBe('合并到保留组');
    // The person is free for the team that stays, and the unit for another team.
    expect((await assign(t, kept.teamId, p, 'MEMBER')).membership).not.toBeNull();
    expect(await createTeam(t, round, '新组', [unit])).toBeTruthy();
  });
});

describe('declarations and waivers', () => {
  test('a withdrawn declaration no longer makes a finding and may be declared again; a revoked waiver lets its finding refuse again', async () => {
    const unit = await createUnit(t, r.countyA, '东安县教育局');
    const round = await createRound(t, r.countyA, { year: 2026, ordinal: 8, startsOn: '2026-12-01', endsOn: '2026-12-31' });
    const p = await poolPerson(t, r.countyA, '冯申', 'SPECIALIST');
    const DECLARE = 'mutation($i: DeclareAvoidanceInput!) { declareAvoidance(input: $i) { declaration { id } } }';
    const declaration = ok(await t.gql(DECLARE, { i: { personId: p, unitId: unit, roundId: round, reason: '曾在该局挂职' } }, { token: office })).declareAvoidance.declaration.id;
    expect(await rulesFound(p, unit, round)).toEqual(['DECLARED']);
    await sameAsRandom('withdrawAvoidanceDeclaration', 'declarationId', (id) => ({ declarationId: id, reason: 'x' }), declaration, officeB);
    const WITHDRAW = 'mutation($i: WithdrawAvoidanceDeclarationInput!) { withdrawAvoidanceDeclaration(input: $i) { declaration { withdrawnAt withdrawalReason } } }';
    const withdrawn = ok(await t.gql(WITHDRAW, { i: { declarationId: declaration, reason: '挂职单位记错' } }, { token: office })).withdrawAvoidanceDeclaration.declaration;
    expect(withdrawn).toEqual({ withdrawnAt: expect.any(String), withdrawalReason: '挂职单位记错' });
    expect(await rulesFound(p, unit, round)).toEqual([]);
    expect(codeOf(await t.gql(WITHDRAW, { i: { declarationId: declaration, reason: '再撤' } }, { token: office }))).toBe('CONFLICT');
    ok(await t.gql(DECLARE, { i: { personId: p, unitId: unit, roundId: round, reason: '确曾挂职' } }, { token: office }));
    expect(await rulesFound(p, unit, round)).toEqual(['DECLARED']);

    // A waiver of the hard finding: the team takes the person; revoked, the violation is back.
    const WAIVE = 'mutation($i: WaiveAvoidanceInput!) { waiveAvoidance(input: $i) { waiver { id } } }';
    const waiver = ok(await t.gql(WAIVE, { i: { personId: p, unitId: unit, roundId: round, rule: 'DECLARED', reason: '经研究同意' } }, { token: director })).waiveAvoidance.waiver.id;
    const team = await createTeam(t, round, '豁免组', [unit]);
    await member(t, team, p);
    expect(await teamRules(team)).not.toContain('DECLARED');
    expect(await teamRules(team)).toContain('DECLARED:waived');
    const REVOKE = 'mutation($i: RevokeAvoidanceWaiverInput!) { revokeAvoidanceWaiver(input: $i) { waiver { revokedAt revocationReason } } }';
    expect(codeOf(await t.gql(REVOKE, { i: { waiverId: waiver, reason: 'x' } }, { token: office }))).toBe('FORBIDDEN');
    const otherDirector = await t.tokenFor(['OFFICE_DIRECTOR'], [r.countyB]);
    await sameAsRandom('revokeAvoidanceWaiver', 'waiverId', (id) => ({ waiverId: id, reason: 'x' }), waiver, otherDirector);
    const revoked = ok(await t.gql(REVOKE, { i: { waiverId: waiver, reason: '情况有变' } }, { token: director })).revokeAvoidanceWaiver.waiver;
    expect(revoked.revocationReason).toBe('情况有变');
    expect(await teamRules(team)).toContain('DECLARED');
    expect(await teamRules(team)).not.toContain('DECLARED:waived');
    expect(await rulesFound(p, unit, round)).toEqual(['DECLARED']);
    expect((await lastAudit()).note).toBe('情况有变');
  });
});

describe('a closed round', () => {
  test('keeps its record: corrections change today\'s judgement, not the closed round\'s teams', async () => {
    const unit = await createUnit(t, r.countyA, '东安县卫健委');
    const closedRound = await createRound(t, r.countyA, { year: 2025, ordinal: 30, startsOn: '2025-06-01', endsOn: '2025-06-30' });
    const team = await fullTeam(t, r.countyA, closedRound, '历史组', [unit]);
    await authorize(t, team.teamId);
    await advance(t, closedRound, 'AUTHORIZED');
    for (const p of Object.values(team.people)) await ready(t, p, closedRound);
    const today = t.clock.today();
    t.clock.set('2025-06-30');
    for (const s of ['STATIONED', 'REPORTING', 'CLOSED']) await advance(t, closedRound, s);
    t.clock.set(today);
    // Afterwards it comes out that the leader's spouse heads the unit.
    const spouse = await createPerson(t, r.countyA, '卫健委主任');
    await addEmployment(t, spouse, unit, '主任', '2018-01-01', null, true);
    await addRelation(t, team.people.leader, spouse, 'SPOUSE');
    expect(await teamRules(team.teamId)).toEqual([]);
    const open = await createRound(t, r.countyA, { year: 2026, ordinal: 31, startsOn: '2026-02-01', endsOn: '2026-02-28' });
    expect(await rulesFound(team.people.leader, unit, open)).toContain('KIN_IN_TARGET');
  });
});
