/** Rounds through their lifecycle: guards, authorization, replacements, evaluation, history, coverage and access. */
import { startTestServer, TestServer } from '../support/server';
import { basicRegions, createUnit } from '../support/fixtures';
import { codeOf } from '../support/graphql-client';
import {
  ADVANCE,
  advance,
  assign,
  authorize,
  createRound,
  createTeam,
  fullTeam,
  member,
  poolPerson,
  ready,
  rulesOf,
} from '../support/rounds';

let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
let units: string[];
beforeAll(async () => {
  t = await startTestServer({ today: '2025-06-02' });
  r = await basicRegions(t);
  units = [];
  for (let i = 0; i < 12; i++) units.push(await createUnit(t, r.countyA, `东安县局${i}`));
});
afterAll(() => t.close());

const CREATE = 'mutation($i: CreateRoundInput!) { createRound(input: $i) { round { id name status rules { minSize maxSize minDeputies maxDeputies maxTargets rankFloor minFullTime requiredSpecialtiesAnyOf } } } }';
const ROUND = `query($id: ID!) { round(id: $id) { id status teams { id name
  targets { id } members { id role joinedOn person { id name } }
  memberHistory { id role joinedOn leftOn leftReason person { id } evaluation { grade comment evaluatedBy { username } } }
  authorization { id status documentNo person { id } } violations { rule severity } } } }`;

describe('createRound', () => {
  test('takes the default team rules of DOMAIN.md, or the overrides given, and names the round', async () => {
    const d = await t.admin(CREATE, { i: { regionId: r.countyA, year: 2024, ordinal: 1, kind: 'REGULAR', startsOn: '2024-03-01', endsOn: '2024-04-30' } });
    expect(d.createRound.round).toMatchObject({
      name: '2024年第1轮常规巡察',
      status: 'PLANNING',
      rules: { minSize: 4, maxSize: 7, minDeputies: 1, maxDeputies: 2, maxTargets: 3, rankFloor: 'DEPUTY_SECTION', minFullTime: 1, requiredSpecialtiesAnyOf: ['FINANCE', 'AUDIT'] },
    });
    const o = await t.admin(CREATE, {
      i: { regionId: r.countyA, year: 2024, ordinal: 2, kind: 'SPECIAL', theme: '扶贫', startsOn: '2024-05-01', endsOn: '2024-06-30', rules: { maxSize: 9, requiredSpecialtiesAnyOf: ['POVERTY_RELIEF'] } },
    });
    expect(o.createRound.round.name).toBe('2024年第2轮专项巡察（扶贫）');
    expect(o.createRound.round.rules).toMatchObject({ minSize: 4, maxSize: 9, requiredSpecialtiesAnyOf: ['POVERTY_RELIEF'] });
  });

  test('refuses bad input naming the field, and a second round with the same year and ordinal', async () => {
    const base = { regionId: r.countyA, year: 2024, ordinal: 3, kind: 'REGULAR', startsOn: '2024-09-01', endsOn: '2024-10-31' };
    const cases: [Record<string, unknown>, string][] = [
      [{ endsOn: '2024-08-31' }, 'endsOn'],
      [{ rules: { minSize: 8 } }, 'rules.minSize'],
      [{ rules: { requiredSpecialtiesAnyOf: ['ASTROLOGY'] } }, 'rules.requiredSpecialtiesAnyOf'],
      [{ kind: 'LOOK_BACK' }, 'followsRoundId'],
      [{ kind: 'SPECIAL' }, 'theme'],
      [{ ordinal: 0 }, 'ordinal'],
      [{ regionId: 'nope' }, 'regionId'],
    ];
    for (const [over, field] of cases) {
      const res = await t.gql(CREATE, { i: { ...base, ...over } }, { token: t.adminToken });
      expect([codeOf(res), res.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', field]);
    }
    await t.admin(CREATE, { i: base });
    expect(codeOf(await t.gql(CREATE, { i: base }, { token: t.adminToken }))).toBe('CONFLICT');
  });
});

describe('a round from planning to closing', () => {
  let roundId: string;
  let team: Awaited<ReturnType<typeof fullTeam>>;
  let team2: Awaited<ReturnType<typeof fullTeam>>;

  test('cannot skip a step or go back', async () => {
    roundId = await createRound(t, r.countyA, { year: 2025, ordinal: 1, startsOn: '2025-07-01', endsOn: '2025-08-29' });
    const skip = await t.gql(ADVANCE, { i: { roundId, to: 'STATIONED' } }, { token: t.adminToken });
    expect(codeOf(skip)).toBe('CONFLICT');
    expect(codeOf(await t.gql(ADVANCE, { i: { roundId, to: 'PLANNING' } }, { token: t.adminToken }))).toBe('CONFLICT');
    // A round without teams cannot be authorized.
    expect(codeOf(await t.gql(ADVANCE, { i: { roundId, to: 'AUTHORIZED' } }, { token: t.adminToken }))).toBe('CONFLICT');
  });

  test('is not authorized while a team breaks a hard rule; the payload lists the violations and the round stays', async () => {
    team = await fullTeam(t, r.countyA, roundId, '第一巡察组', units.slice(0, 3));
    team2 = await fullTeam(t, r.countyA, roundId, '第二巡察组', units.slice(3, 6));
    await authorize(t, team.teamId);
    const blocked = await advance(t, roundId, 'AUTHORIZED');
    expect(blocked.round.status).toBe('PLANNING');
    expect(blocked.violations.map((v) => [v.rule, v.severity, v.person?.id])).toEqual([['LEADER_AUTHORIZATION', 'HARD', team2.people.leader]]);
    expect((await t.admin(ROUND, { id: roundId })).round.status).toBe('PLANNING');
  });

  test('authorization needs a leader, replaces the previous one, and is revoked when the leader leaves', async () => {
    const AUTH = 'mutation($i: AuthorizeTeamLeaderInput!) { authorizeTeamLeader(input: $i) { authorization { id status } } }';
    const otherRound = await createRound(t, r.countyA, { year: 2025, ordinal: 9, startsOn: '2025-12-01', endsOn: '2025-12-31' });
    const empty = await createTeam(t, otherRound, '空组', []);
    const none = await t.gql(AUTH, { i: { teamId: empty, documentNo: 'x', authorizedOn: '2025-06-01', authorizedBy: '县委' } }, { token: t.adminToken });
    expect(codeOf(none)).toBe('CONFLICT');

    const first = await authorize(t, team2.teamId, '县委巡察授〔2025〕2号');
    const second = await authorize(t, team2.teamId, '县委巡察授〔2025〕3号');
    expect([first.status, second.status]).toEqual(['ACTIVE', 'ACTIVE']);
    const TEAM_AUTHS = 'query($id: ID!) { team(id: $id) { authorization { id status documentNo } authorizations { id status } } }';
    let q = (await t.admin(TEAM_AUTHS, { id: team2.teamId })).team;
    expect(q.authorization).toMatchObject({ id: second.id, status: 'ACTIVE', documentNo: '县委巡察授〔2025〕3号' });
    expect(q.authorizations.map((a: any) => [a.id, a.status])).toEqual([
      [first.id, 'REVOKED'],
      [second.id, 'ACTIVE'],
    ]);

    // The leader changes: the authorization is revoked and not carried over to the new leader.
    const REMOVE = 'mutation($i: RemoveTeamMemberInput!) { removeTeamMember(input: $i) { membership { leftOn leftReason } } }';
    const removed = await t.admin(REMOVE, { i: { membershipId: team2.memberships.leader, reason: '原单位工作需要' } });
    expect(removed.removeTeamMember.membership).toEqual({ leftOn: '2025-06-02', leftReason: '原单位工作需要' });
    q = (await t.admin(TEAM_AUTHS, { id: team2.teamId })).team;
    expect(q.authorizations.map((a: any) => a.status)).toEqual(['REVOKED', 'REVOKED']);
    const newLeader = await poolPerson(t, r.countyA, '新组长', 'GROUP_LEADER', { fullTimeInspector: true });
    await member(t, team2.teamId, newLeader, 'LEADER');
    const still = await advance(t, roundId, 'AUTHORIZED');
    expect(still.violations.map((v) => `${v.rule}:${v.person?.id}`)).toEqual([`LEADER_AUTHORIZATION:${newLeader}`]);
    expect((await authorize(t, team2.teamId, '县委巡察授〔2025〕4号')).person.id).toBe(newLeader);
    team2.people.leader = newLeader;
  });

  test('moves to AUTHORIZED once every team is valid; teams and targets are then fixed', async () => {
    const moved = await advance(t, roundId, 'AUTHORIZED');
    expect(moved).toEqual({ round: { id: roundId, status: 'AUTHORIZED' }, violations: [] });
    const late = await t.gql('mutation($i: CreateTeamInput!) { createTeam(input: $i) { team { id } } }', { i: { roundId, name: '第五组', targetUnitIds: [] } }, { token: t.adminToken });
    expect(codeOf(late)).toBe('CONFLICT');
    const targets = await t.gql('mutation($i: SetTeamTargetsInput!) { setTeamTargets(input: $i) { team { id } } }', { i: { teamId: team.teamId, targetUnitIds: [units[11]] } }, { token: t.adminToken });
    expect(codeOf(targets)).toBe('CONFLICT');
  });

  test('is stationed only when every member has the training and both pledges for this round', async () => {
    const round = (await t.admin(ROUND, { id: roundId })).round;
    const people: string[] = round.teams.flatMap((x: any) => x.members.map((m: any) => m.person.id));
    for (const p of people.slice(1)) await ready(t, p, roundId);
    // Not before the start date (today is 2025-06-02): a coded refusal naming the date.
    const early = await t.gql(ADVANCE, { i: { roundId, to: 'STATIONED' } }, { token: t.adminToken });
    expect(codeOf(early)).toBe('CONFLICT');
    expect(early.errors![0].message).toContain('2025-07-01');
    const earlyEn = await t.gql(ADVANCE, { i: { roundId, to: 'STATIONED' } }, { token: t.adminToken, lang: 'en' });
    expect(earlyEn.errors![0].message).toContain('stationing starts on 2025-07-01');
    t.clock.set('2025-07-01');
    const blocked = await advance(t, roundId, 'STATIONED');
    expect(blocked.round.status).toBe('AUTHORIZED');
    expect(blocked.violations.map((v) => [v.rule, v.person?.id])).toEqual([['READINESS', people[0]]]);
    await ready(t, people[0], roundId);
    expect((await advance(t, roundId, 'STATIONED')).round.status).toBe('STATIONED');
    // Members assigned before stationing are on the team from the round's start.
    const after = (await t.admin(ROUND, { id: roundId })).round;
    expect(new Set(after.teams.flatMap((x: any) => x.members.map((m: any) => m.joinedOn)))).toEqual(new Set(['2025-07-01']));
  });

  test('a member is replaced while stationed; the history keeps who left, when and why', async () => {
    t.clock.set('2025-07-15');
    const REMOVE = 'mutation($i: RemoveTeamMemberInput!) { removeTeamMember(input: $i) { membership { id leftOn leftReason } } }';
    await t.admin(REMOVE, { i: { membershipId: team.memberships.other, reason: '被原单位召回' } });
    const again = await t.gql(REMOVE, { i: { membershipId: team.memberships.other, reason: '再次' } }, { token: t.adminToken });
    expect(codeOf(again)).toBe('CONFLICT');
    const substitute = await poolPerson(t, r.countyA, '替补', 'SPECIALIST');
    const res = await assign(t, team.teamId, substitute);
    expect(res.membership).toMatchObject({ joinedOn: '2025-07-15', role: 'MEMBER' });
    const q = (await t.admin(ROUND, { id: roundId })).round.teams.find((x: any) => x.id === team.teamId);
    expect(q.members.map((m: any) => m.person.id)).not.toContain(team.people.other);
    expect(q.members.map((m: any) => m.person.id)).toContain(substitute);
    expect(q.memberHistory.find((m: any) => m.person.id === team.people.other)).toMatchObject({ joinedOn: '2025-07-01', leftOn: '2025-07-15', leftReason: '被原单位召回' });
    // The substitute has not signed the pledges for this round: reported, not refused.
    expect(q.violations.map((v: any) => `${v.rule}:${v.severity}`)).toContain('READINESS:SOFT');
    // Reporting waits for the end date (2025-08-29), or an earlier end set first.
    const early = await t.gql(ADVANCE, { i: { roundId, to: 'REPORTING' } }, { token: t.adminToken });
    expect([codeOf(early), early.errors![0].message]).toEqual(['CONFLICT', expect.stringContaining('2025-08-29')]);
  });

  test('members are evaluated from REPORTING on: the leader by the leading group head, members by their leader', async () => {
    const EVAL = 'mutation($i: EvaluateMemberInput!) { evaluateMember(input: $i) { membership { evaluation { grade comment evaluatedBy { username } } } } }';
    const early = await t.gql(EVAL, { i: { membershipId: team.memberships.finance, grade: 'EXCELLENT' } }, { token: t.adminToken });
    expect(codeOf(early)).toBe('CONFLICT');
    t.clock.set('2025-09-01');
    expect((await advance(t, roundId, 'REPORTING')).round.status).toBe('REPORTING');
    // No more member changes once reporting.
    const late = await assign(t, team.teamId, await poolPerson(t, r.countyA, '迟到', 'SPECIALIST')).catch((e) => e);
    expect(String(late)).toMatch(/CONFLICT/);

    const head = await t.tokenFor(['LEADING_GROUP_HEAD'], [r.countyA]);
    const leaderAccount = await t.tokenFor(['GROUP_LEADER'], [r.countyA], team.people.leader);
    const otherLeader = await t.tokenFor(['GROUP_LEADER'], [r.countyA], team2.people.leader);
    const asHead = (id: string) => t.gql(EVAL, { i: { membershipId: id, grade: 'EXCELLENT', comment: '表现突出' } }, { token: head });
    const asLeader = (id: string, token = leaderAccount) => t.gql(EVAL, { i: { membershipId: id, grade: 'COMPETENT' } }, { token });
    expect(codeOf(await asLeader(team.memberships.leader))).toBe('FORBIDDEN');
    expect(codeOf(await asHead(team.memberships.finance))).toBe('FORBIDDEN');
    // Another team's membership is, to its leader, no such membership.
    expect(codeOf(await asLeader(team.memberships.finance, otherLeader))).toBe('BAD_USER_INPUT');
    const h = await asHead(team.memberships.leader);
    expect(h.data.evaluateMember.membership.evaluation).toMatchObject({ grade: 'EXCELLENT', comment: '表现突出' });
    const l = await asLeader(team.memberships.finance);
    expect(l.data.evaluateMember.membership.evaluation.grade).toBe('COMPETENT');
    // The member who left is evaluated by the leader too.
    expect(codeOf(await asLeader(team.memberships.other))).toBeUndefined();
  });

  test('closing ends every authorization of the round; a closed round takes no new one and never moves again', async () => {
    expect((await advance(t, roundId, 'CLOSED')).round.status).toBe('CLOSED');
    const round = (await t.admin(ROUND, { id: roundId })).round;
    expect(new Set(round.teams.map((x: any) => x.authorization.status))).toEqual(new Set(['ENDED']));
    // An ended authorization of a closed round is what it should be.
    expect(round.teams.flatMap((x: any) => x.violations.map((v: any) => v.rule))).not.toContain('LEADER_AUTHORIZATION');
    const AUTH = 'mutation($i: AuthorizeTeamLeaderInput!) { authorizeTeamLeader(input: $i) { authorization { id } } }';
    const res = await t.gql(AUTH, { i: { teamId: team.teamId, documentNo: 'x', authorizedOn: '2025-09-01', authorizedBy: '县委' } }, { token: t.adminToken });
    expect(codeOf(res)).toBe('CONFLICT');
    expect(codeOf(await t.gql(ADVANCE, { i: { roundId, to: 'REPORTING' } }, { token: t.adminToken }))).toBe('CONFLICT');
  });

  test("a person's record lists every team, oldest first, with role and evaluation", async () => {
    const later = await createRound(t, r.countyA, { year: 2025, ordinal: 2, startsOn: '2025-10-08', endsOn: '2025-11-28' });
    const teamId = await createTeam(t, later, '第一巡察组', [units[0]]);
    const m = await assign(t, teamId, team.people.leader, 'LEADER');
    expect(m.membership).not.toBeNull();
    const HISTORY = 'query($id: ID!) { person(id: $id) { teamHistory { role joinedOn team { name round { name } } evaluation { grade } } } }';
    const h = (await t.admin(HISTORY, { id: team.people.leader })).person.teamHistory;
    expect(h).toEqual([
      { role: 'LEADER', joinedOn: '2025-07-01', team: { name: '第一巡察组', round: { name: '2025年第1轮常规巡察' } }, evaluation: { grade: 'EXCELLENT' } },
      { role: 'LEADER', joinedOn: '2025-10-08', team: { name: '第一巡察组', round: { name: '2025年第2轮常规巡察' } }, evaluation: null },
    ]);
    // Having served in the first round, the leader makes the new team's experience mix.
    await member(t, teamId, await poolPerson(t, r.countyA, '首次', 'SPECIALIST'));
    const v = (await t.admin('query($id: ID!) { team(id: $id) { violations { rule } } }', { id: teamId })).team.violations.map((x: any) => x.rule);
    expect(v).not.toContain('EXPERIENCE_MIX');
  });

  test('coverage counts the units inspected by rounds overlapping the window', async () => {
    const COVERAGE = 'query($r: ID!, $from: LocalDate!, $to: LocalDate!) { coverage(regionId: $r, from: $from, to: $to) { totalUnits inspectedUnits notInspected { id } } }';
    const c = (await t.admin(COVERAGE, { r: r.countyA, from: '2025-01-01', to: '2025-12-31' })).coverage;
    // Units 0-5 are targets of the 2025 rounds; units 6-11 are not.
    expect(c.totalUnits).toBe(12);
    expect(c.inspectedUnits).toBe(6);
    expect(c.notInspected.map((u: any) => u.id).sort()).toEqual(units.slice(6).sort());
    const before = (await t.admin(COVERAGE, { r: r.countyA, from: '2025-01-01', to: '2025-06-30' })).coverage;
    expect(before.inspectedUnits).toBe(0);
    const bad = await t.gql(COVERAGE, { r: r.countyA, from: '2025-12-31', to: '2025-01-01' }, { token: t.adminToken });
    expect([codeOf(bad), bad.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'to']);
  });

  test('group leaders read only the teams they lead, inspectors only the teams they are on', async () => {
    const TEAM = 'query($id: ID!) { team(id: $id) { id name } }';
    const leader = await t.tokenFor(['GROUP_LEADER'], [r.countyA], team.people.leader);
    const inspector = await t.tokenFor(['INSPECTOR'], [r.countyA], team.people.finance);
    expect((await t.gql(TEAM, { id: team.teamId }, { token: leader })).data.team.id).toBe(team.teamId);
    expect(codeOf(await t.gql(TEAM, { id: team2.teamId }, { token: leader }))).toBe('NOT_FOUND');
    expect((await t.gql(TEAM, { id: team.teamId }, { token: inspector })).data.team.id).toBe(team.teamId);
    expect(codeOf(await t.gql(TEAM, { id: team2.teamId }, { token: inspector }))).toBe('NOT_FOUND');
    const seen = await t.gql('query($id: ID!) { round(id: $id) { teams { id } } }', { id: roundId }, { token: inspector });
    expect(seen.data.round.teams).toEqual([{ id: team.teamId }]);

    const org = await t.tokenFor(['ORG_DEPARTMENT'], [r.countyA]);
    expect((await t.gql('query($id: ID!) { round(id: $id) { teams { id } } }', { id: roundId }, { token: org })).data.round.teams.length).toBe(2);
    const write = await t.gql('mutation($i: CreateRoundInput!) { createRound(input: $i) { round { id } } }', { i: { regionId: r.countyA, year: 2026, ordinal: 1, kind: 'REGULAR', startsOn: '2026-03-01', endsOn: '2026-04-30' } }, { token: org });
    expect(codeOf(write)).toBe('FORBIDDEN');
    const officeB = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyB]);
    expect(codeOf(await t.gql('query($id: ID!) { round(id: $id) { id } }', { id: roundId }, { token: officeB }))).toBe('NOT_FOUND');
    const list = await t.gql('query($f: RoundFilter!) { rounds(filter: $f, first: 10) { totalCount edges { node { name } } } }', { f: { regionId: r.countyA, year: 2025 } }, { token: org });
    expect(list.data.rounds.edges.map((e: any) => e.node.name)).toEqual(['2025年第1轮常规巡察', '2025年第2轮常规巡察', '2025年第9轮常规巡察']);
  });
});
