import { startTestServer, TestServer } from '../support/server';
import { basicRegions, createPerson } from '../support/fixtures';
import { codeOf } from '../support/graphql-client';
import { insertRound } from '../support/rounds-data';
import { DECIDE, GET, LIST, SET_POLICY, decideOk, leaveInput, requestOk } from '../support/leave-fixtures';

/**
 * A step held by the requester's group leader is decided by that one person; every approver
 * lists what waits for them (`awaitingMyDecision`), group leaders included, and nothing more.
 */
let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
let P: Record<'zhou' | 'ding' | 'wu' | 'li' | 'loner' | 'newLeader', string>;
let tok: Record<'zhou' | 'ding' | 'wu' | 'li' | 'loner' | 'office' | 'director' | 'head' | 'leaderB', string>;
let teamIds: string[];

const ids = (res: any) => res.data!.leaveRequests.edges.map((e: any) => e.node.id);
const inbox = (token: string, regionId = r.countyA) => t.gql(LIST, { f: { regionId, awaitingMyDecision: true }, first: 50 }, { token });
const steps = (leave: any) => leave.approvalSteps.map((s: any) => [s.role, s.status]);

beforeAll(async () => {
  t = await startTestServer({ today: '2026-11-02' });
  r = await basicRegions(t, 'IB');
  P = {
    zhou: await createPerson(t, r.countyA, '周睿瑞'),
    ding: await createPerson(t, r.countyA, '丁海燕'),
    wu: await createPerson(t, r.countyA, '吴组长'),
    li: await createPerson(t, r.countyA, '李成员'),
    loner: await createPerson(t, r.countyA, '孙不在组'),
    newLeader: await createPerson(t, r.countyA, '钱接任'),
  };
  ({ teamIds } = await insertRound(t, {
    regionId: r.countyA,
    startsOn: '2026-10-12',
    endsOn: '2026-12-18',
    teams: [
      { name: '第一巡察组', members: [{ personId: P.ding, role: 'LEADER' }, { personId: P.zhou }] },
      { name: '第二巡察组', members: [{ personId: P.wu, role: 'LEADER' }, { personId: P.li }] },
    ],
  }));
  tok = {
    zhou: await t.tokenFor(['INSPECTOR'], [r.countyA], P.zhou),
    ding: await t.tokenFor(['GROUP_LEADER'], [r.countyA], P.ding),
    wu: await t.tokenFor(['GROUP_LEADER'], [r.countyA], P.wu),
    li: await t.tokenFor(['INSPECTOR'], [r.countyA], P.li),
    loner: await t.tokenFor(['INSPECTOR'], [r.countyA], P.loner),
    office: await t.tokenFor(['INSPECTION_OFFICE'], [r.countyA]),
    director: await t.tokenFor(['OFFICE_DIRECTOR'], [r.countyA]),
    head: await t.tokenFor(['LEADING_GROUP_HEAD'], [r.countyA]),
    leaderB: await t.tokenFor(['GROUP_LEADER'], [r.countyB], await createPerson(t, r.countyB, '高西平')),
  };
  // Up to a day: the group leader, then the office director; more: the head of the leading group.
  await t.admin(SET_POLICY, {
    i: {
      regionId: r.countyA,
      tiers: [
        { upToWorkingDays: 1, approverRoles: ['GROUP_LEADER', 'OFFICE_DIRECTOR'] },
        { upToWorkingDays: null, approverRoles: ['LEADING_GROUP_HEAD'] },
      ],
    },
  });
});
afterAll(() => t.close());

describe("the group leader's step", () => {
  test("only the requester's own group leader decides it; another team's leader cannot see it", async () => {
    const leave = await requestOk(t, tok.zhou, leaveInput(r.countyA, P.zhou, { startDate: '2026-11-04' }));
    expect(steps(leave)).toEqual([
      ['GROUP_LEADER', 'PENDING'],
      ['OFFICE_DIRECTOR', 'WAITING'],
    ]);
    // 吴组长 leads the other team of the same county: the request is not his to see or decide.
    expect(codeOf(await t.gql(DECIDE, { i: { leaveId: leave.id, approve: true } }, { token: tok.wu }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(GET, { id: leave.id }, { token: tok.wu }))).toBe('NOT_FOUND');
    // The director may read it but waits for the leader.
    expect(codeOf(await t.gql(DECIDE, { i: { leaveId: leave.id, approve: true } }, { token: tok.director }))).toBe('FORBIDDEN');
    expect((await t.gql(GET, { id: leave.id }, { token: tok.ding })).data!.leaveRequest.id).toBe(leave.id);
    const first = await decideOk(t, tok.ding, leave.id, true, '同意');
    expect(steps(first)).toEqual([
      ['GROUP_LEADER', 'APPROVED'],
      ['OFFICE_DIRECTOR', 'PENDING'],
    ]);
    expect((await decideOk(t, tok.director, leave.id)).status).toBe('APPROVED');
    // The leader still reads what they decided.
    expect((await t.gql(GET, { id: leave.id }, { token: tok.ding })).data!.leaveRequest.status).toBe('APPROVED');
  });

  test("a group leader's own leave, and leave of someone on no team, move up a tier", async () => {
    const own = await requestOk(t, tok.ding, leaveInput(r.countyA, P.ding, { startDate: '2026-11-05', endHalf: 'AM' }));
    expect(steps(own)).toEqual([['LEADING_GROUP_HEAD', 'PENDING'], ['OFFICE_DIRECTOR', 'WAITING']]);
    const loner = await requestOk(t, tok.loner, leaveInput(r.countyA, P.loner, { startDate: '2026-11-05' }));
    expect(steps(loner)).toEqual([['LEADING_GROUP_HEAD', 'PENDING'], ['OFFICE_DIRECTOR', 'WAITING']]);
    // After the round, nobody is anybody's group leader either.
    const later = await requestOk(t, tok.zhou, leaveInput(r.countyA, P.zhou, { startDate: '2026-12-21' }));
    expect(steps(later)).toEqual([['LEADING_GROUP_HEAD', 'PENDING'], ['OFFICE_DIRECTOR', 'WAITING']]);
  });

  test('a new leader of the team takes over the pending step', async () => {
    const leave = await requestOk(t, tok.zhou, leaveInput(r.countyA, P.zhou, { startDate: '2026-11-09' }));
    const em = t.server.db.dataSource.manager;
    await em.query('UPDATE team_memberships SET left_on = ?, current_round_id = NULL WHERE team_id = ? AND person_id = ?', ['2026-11-03', teamIds[0], P.ding]);
    await em.query(
      "INSERT INTO team_memberships (id, team_id, round_id, person_id, role, joined_on, left_on, left_reason, current_round_id, created_at) SELECT ?, team_id, round_id, ?, 'LEADER', '2026-11-03', NULL, NULL, round_id, created_at FROM team_memberships WHERE team_id = ? AND person_id = ?",
      ['00000000-0000-4000-8000-000000000abc', P.newLeader, teamIds[0], P.zhou],
    );
    const newLeader = await t.tokenFor(['GROUP_LEADER'], [r.countyA], P.newLeader);
    // The former leader no longer sees it; the director is told whose step it is.
    expect(codeOf(await t.gql(DECIDE, { i: { leaveId: leave.id, approve: true } }, { token: tok.ding }))).toBe('BAD_USER_INPUT');
    const refused = await t.gql(DECIDE, { i: { leaveId: leave.id, approve: true } }, { token: tok.director });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].message).toContain('钱接任');
    expect(ids(await inbox(newLeader))).toEqual([leave.id]);
    expect((await decideOk(t, newLeader, leave.id)).approvalSteps[0].status).toBe('APPROVED');
    expect((await decideOk(t, tok.director, leave.id)).status).toBe('APPROVED');
  });
});

describe('awaitingMyDecision', () => {
  test('each approver sees exactly the requests whose current step they may decide', async () => {
    const em = t.server.db.dataSource.manager;
    // Back to 丁海燕 leading team one.
    await em.query('DELETE FROM team_memberships WHERE person_id = ?', [P.newLeader]);
    await em.query('UPDATE team_memberships SET left_on = NULL, current_round_id = round_id WHERE team_id = ? AND person_id = ?', [teamIds[0], P.ding]);

    const zhou = await requestOk(t, tok.zhou, leaveInput(r.countyA, P.zhou, { startDate: '2026-11-10' }));
    const li = await requestOk(t, tok.li, leaveInput(r.countyA, P.li, { startDate: '2026-11-10' }));
    const long = await requestOk(t, tok.office, leaveInput(r.countyA, P.li, { startDate: '2026-11-16', endDate: '2026-11-18' }));
    expect(steps(long)).toEqual([['LEADING_GROUP_HEAD', 'PENDING']]);

    expect(ids(await inbox(tok.ding))).toEqual([zhou.id]);
    expect(ids(await inbox(tok.wu))).toEqual([li.id]);
    const head = ids(await inbox(tok.head));
    expect(head).toContain(long.id);
    expect(head).not.toContain(zhou.id);
    expect(ids(await inbox(tok.director))).toEqual([]);
    // An inspector approves nothing; the office, which holds no step, neither.
    expect(ids(await inbox(tok.zhou))).toEqual([]);
    expect(ids(await inbox(tok.office))).toEqual([]);

    // Once the leader approves, the request waits for the director, no longer for the leader.
    await decideOk(t, tok.ding, zhou.id);
    expect(ids(await inbox(tok.ding))).toEqual([]);
    expect(ids(await inbox(tok.director))).toEqual([zhou.id]);

    // Without the filter a group leader still sees only their own requests; out of scope is not found.
    expect(codeOf(await t.gql(LIST, { f: { regionId: r.countyA }, first: 10 }, { token: tok.ding }))).toBe('FORBIDDEN');
    const outside = await inbox(tok.leaderB);
    expect([codeOf(outside), outside.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'regionId']);
    expect(ids(await inbox(tok.leaderB, r.countyB))).toEqual([]);
  });

  test('nobody finds their own request in their inbox', async () => {
    const dir = await createPerson(t, r.countyA, '王主任');
    const directorSelf = await t.tokenFor(['OFFICE_DIRECTOR'], [r.countyA], dir);
    await t.admin(SET_POLICY, { i: { regionId: r.countyB, tiers: [{ upToWorkingDays: null, approverRoles: ['OFFICE_DIRECTOR'] }] } });
    // In county A the director's own step moves up; filed by the office it still is not theirs to decide.
    const own = await requestOk(t, tok.office, leaveInput(r.countyA, dir, { startDate: '2026-11-11', endHalf: 'AM' }));
    expect(steps(own)).toEqual([['LEADING_GROUP_HEAD', 'PENDING']]);
    expect(ids(await inbox(directorSelf))).not.toContain(own.id);
    expect(ids(await inbox(tok.head))).toContain(own.id);
  });
});
