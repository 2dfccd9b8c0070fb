import { startTestServer, TestServer } from '../support/server';
import { basicRegions, createPerson } from '../support/fixtures';
import { codeOf } from '../support/graphql-client';
import {
  CANCEL,
  DECIDE,
  GET,
  LIST,
  POLICY,
  REPORT_BACK,
  SET_POLICY,
  decideOk,
  leaveInput,
  request,
  requestOk,
} from '../support/leave-fixtures';

let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
// People of county A and their accounts.
let p: { inspector: string; other: string; director: string; head: string; clerk: string };
let tok: { inspector: string; other: string; office: string; director: string; director2: string; head: string; head2: string; directorB: string };

beforeAll(async () => {
  t = await startTestServer({ today: '2025-11-01' });
  r = await basicRegions(t, 'LV');
  p = {
    inspector: await createPerson(t, r.countyA, '张伟'),
    other: await createPerson(t, r.countyA, '李强'),
    director: await createPerson(t, r.countyA, '王主任'),
    head: await createPerson(t, r.countyA, '赵组长'),
    clerk: await createPerson(t, r.countyA, '钱干事'),
  };
  tok = {
    inspector: await t.tokenFor(['INSPECTOR'], [r.countyA], p.inspector),
    other: await t.tokenFor(['INSPECTOR'], [r.countyA], p.other),
    office: await t.tokenFor(['INSPECTION_OFFICE'], [r.countyA]),
    director: await t.tokenFor(['OFFICE_DIRECTOR'], [r.countyA], p.director),
    director2: await t.tokenFor(['OFFICE_DIRECTOR'], [r.countyA]),
    head: await t.tokenFor(['LEADING_GROUP_HEAD'], [r.countyA], p.head),
    head2: await t.tokenFor(['LEADING_GROUP_HEAD'], [r.city]),
    directorB: await t.tokenFor(['OFFICE_DIRECTOR'], [r.countyB]),
  };
});
afterAll(() => t.close());

const steps = (leave: any) => leave.approvalSteps.map((s: any) => [s.role, s.status]);

describe('approval tiers', () => {
  test('half a day goes to the office director, who approves it', async () => {
    const leave = await requestOk(t, tok.inspector, leaveInput(r.countyA, p.inspector, { startDate: '2025-11-03', endHalf: 'AM' }));
    expect(leave.workingDays).toBe(0.5);
    expect(leave.status).toBe('PENDING');
    expect(steps(leave)).toEqual([['OFFICE_DIRECTOR', 'PENDING']]);
    // Not the head's step, not another county's director.
    expect(codeOf(await t.gql(DECIDE, { i: { leaveId: leave.id, approve: true } }, { token: tok.head }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(DECIDE, { i: { leaveId: leave.id, approve: true } }, { token: tok.directorB }))).toBe('BAD_USER_INPUT');
    const done = await decideOk(t, tok.director, leave.id, true, '同意');
    expect(done.status).toBe('APPROVED');
    expect(done.approvalSteps).toEqual([
      { order: 1, role: 'OFFICE_DIRECTOR', status: 'APPROVED', comment: '同意', decidedAt: expect.any(String), decidedBy: { username: expect.any(String) } },
    ]);
    // Decided once: a second decision is a conflict.
    expect(codeOf(await t.gql(DECIDE, { i: { leaveId: leave.id, approve: true } }, { token: tok.director2 }))).toBe('CONFLICT');
  });

  test('more than half a day goes to the head of the leading group', async () => {
    const leave = await requestOk(t, tok.office, leaveInput(r.countyA, p.inspector, { startDate: '2025-11-04' }));
    expect(leave.workingDays).toBe(1);
    expect(steps(leave)).toEqual([['LEADING_GROUP_HEAD', 'PENDING']]);
    expect(codeOf(await t.gql(DECIDE, { i: { leaveId: leave.id, approve: true } }, { token: tok.director }))).toBe('FORBIDDEN');
    // A head whose region (the city) covers the county decides it.
    expect((await decideOk(t, tok.head2, leave.id)).status).toBe('APPROVED');
  });

  test("the director's own half day moves past the director's tier", async () => {
    const own = await requestOk(t, tok.director, leaveInput(r.countyA, p.director, { startDate: '2025-11-05', endHalf: 'AM' }));
    expect(steps(own)).toEqual([['LEADING_GROUP_HEAD', 'PENDING']]);
    // Filed by the office for the director: still not the director's to sign.
    const filed = await requestOk(t, tok.office, leaveInput(r.countyA, p.director, { startDate: '2025-11-06', endHalf: 'AM' }));
    expect(steps(filed)).toEqual([['LEADING_GROUP_HEAD', 'PENDING']]);
    expect(codeOf(await t.gql(DECIDE, { i: { leaveId: filed.id, approve: true } }, { token: tok.director }))).toBe('FORBIDDEN');
    expect((await decideOk(t, tok.head, own.id)).status).toBe('APPROVED');
  });

  test("the head's own leave stays with the head's role: another head decides", async () => {
    const own = await requestOk(t, tok.head, leaveInput(r.countyA, p.head, { startDate: '2025-11-10', endDate: '2025-11-11' }));
    expect(steps(own)).toEqual([['LEADING_GROUP_HEAD', 'PENDING']]);
    const self = await t.gql(DECIDE, { i: { leaveId: own.id, approve: true } }, { token: tok.head });
    expect(codeOf(self)).toBe('FORBIDDEN');
    expect((await decideOk(t, tok.head2, own.id)).status).toBe('APPROVED');
  });

  test('three tiers set for a region: steps in order, one rejection ends the request', async () => {
    expect(codeOf(await t.gql(SET_POLICY, { i: { regionId: r.countyA, tiers: [] } }, { token: tok.inspector }))).toBe('FORBIDDEN');
    // Settings are ADMIN's.
    expect(codeOf(await t.gql(SET_POLICY, { i: { regionId: r.countyA, tiers: [{ upToWorkingDays: null, approverRoles: ['OFFICE_DIRECTOR'] }] } }, { token: tok.director }))).toBe(
      'FORBIDDEN',
    );
    const bad = await t.gql(SET_POLICY, { i: { regionId: r.countyA, tiers: [{ upToWorkingDays: 1, approverRoles: ['OFFICE_DIRECTOR'] }] } }, { token: t.adminToken });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.field).toBe('tiers[0].upToWorkingDays');

    // The city's policy applies to its counties until a county sets its own.
    const tiers = [
      { upToWorkingDays: 1, approverRoles: ['OFFICE_DIRECTOR'] },
      { upToWorkingDays: 3, approverRoles: ['OFFICE_DIRECTOR', 'LEADING_GROUP_HEAD'] },
      { upToWorkingDays: null, approverRoles: ['LEADING_GROUP_HEAD'] },
    ];
    await t.admin(SET_POLICY, { i: { regionId: r.city, tiers } });
    const policy = (await t.gql(POLICY, { r: r.countyA }, { token: tok.inspector })).data!.leavePolicy;
    expect(policy).toEqual({ region: { id: r.countyA }, definedBy: { id: r.city }, tiers });
    expect((await t.gql(POLICY, { r: r.countyB }, { token: tok.directorB })).data!.leavePolicy.definedBy).toEqual({ id: r.city });

    const a = await requestOk(t, tok.inspector, leaveInput(r.countyA, p.inspector, { startDate: '2025-11-12', endDate: '2025-11-13' }));
    expect(steps(a)).toEqual([
      ['OFFICE_DIRECTOR', 'PENDING'],
      ['LEADING_GROUP_HEAD', 'WAITING'],
    ]);
    // The head may not jump the queue.
    expect(codeOf(await t.gql(DECIDE, { i: { leaveId: a.id, approve: true } }, { token: tok.head }))).toBe('FORBIDDEN');
    const afterFirst = await decideOk(t, tok.director, a.id);
    expect([afterFirst.status, steps(afterFirst)]).toEqual([
      'PENDING',
      [
        ['OFFICE_DIRECTOR', 'APPROVED'],
        ['LEADING_GROUP_HEAD', 'PENDING'],
      ],
    ]);
    const rejected = await decideOk(t, tok.head, a.id, false, '工作紧张');
    expect([rejected.status, steps(rejected)]).toEqual([
      'REJECTED',
      [
        ['OFFICE_DIRECTOR', 'APPROVED'],
        ['LEADING_GROUP_HEAD', 'REJECTED'],
      ],
    ]);

    const b = await requestOk(t, tok.inspector, leaveInput(r.countyA, p.inspector, { startDate: '2025-11-12', endDate: '2025-11-13' }));
    const early = await decideOk(t, tok.director, b.id, false);
    expect([early.status, steps(early)]).toEqual([
      'REJECTED',
      [
        ['OFFICE_DIRECTOR', 'REJECTED'],
        ['LEADING_GROUP_HEAD', 'SKIPPED'],
      ],
    ]);

    // The director's own 2 days under three tiers: the director's step moves up, once.
    const own = await requestOk(t, tok.director, leaveInput(r.countyA, p.director, { startDate: '2025-11-17', endDate: '2025-11-18' }));
    expect(steps(own)).toEqual([['LEADING_GROUP_HEAD', 'PENDING']]);

    // The county's own policy overrides the city's.
    await t.admin(SET_POLICY, { i: { regionId: r.countyA, tiers: [{ upToWorkingDays: null, approverRoles: ['OFFICE_DIRECTOR'] }] } });
    expect((await t.gql(POLICY, { r: r.countyA }, { token: tok.inspector })).data!.leavePolicy.definedBy).toEqual({ id: r.countyA });
    const c = await requestOk(t, tok.inspector, leaveInput(r.countyA, p.inspector, { startDate: '2025-11-19', endDate: '2025-11-21' }));
    expect(steps(c)).toEqual([['OFFICE_DIRECTOR', 'PENDING']]);
    await t.gql(CANCEL, { i: { leaveId: c.id, reason: '不请了' } }, { token: tok.inspector });
    // Back to the city's tiers for the tests that follow.
    await t.admin(SET_POLICY, { i: { regionId: r.countyA, tiers: [{ upToWorkingDays: 0.5, approverRoles: ['OFFICE_DIRECTOR'] }, { upToWorkingDays: null, approverRoles: ['LEADING_GROUP_HEAD'] }] } });
  });
});

describe('refused requests', () => {
  test('a span of holidays only, an end before the start, and an unpublished year are BAD_USER_INPUT', async () => {
    const holiday = await request(t, tok.inspector, leaveInput(r.countyA, p.other, { startDate: '2025-10-01', endDate: '2025-10-08' }));
    expect(codeOf(holiday)).toBe('FORBIDDEN'); // not the inspector's own
    const zero = await request(t, tok.other, leaveInput(r.countyA, p.other, { startDate: '2025-10-01', endDate: '2025-10-08' }));
    expect(codeOf(zero)).toBe('BAD_USER_INPUT');
    const backwards = await request(t, tok.other, leaveInput(r.countyA, p.other, { startDate: '2025-11-05', endDate: '2025-11-04' }));
    expect([codeOf(backwards), backwards.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'endDate']);
    const sameDay = await request(t, tok.other, leaveInput(r.countyA, p.other, { startDate: '2025-11-05', startHalf: 'PM', endHalf: 'AM' }));
    expect(codeOf(sameDay)).toBe('BAD_USER_INPUT');
    const unpublished = await request(t, tok.other, leaveInput(r.countyA, p.other, { startDate: '2026-12-31', endDate: '2027-01-04' }));
    expect([codeOf(unpublished), unpublished.errors![0].extensions!.field, unpublished.errors![0].extensions!.year]).toEqual(['BAD_USER_INPUT', 'endDate', 2027]);
    const noReason = await request(t, tok.other, { ...leaveInput(r.countyA, p.other, { startDate: '2025-11-05' }), reason: '  ' });
    expect([codeOf(noReason), noReason.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'reason']);
    // None of them was written.
    const list = (await t.gql(LIST, { f: { regionId: r.countyA, personId: p.other }, first: 10 }, { token: tok.other })).data!.leaveRequests;
    expect(list.totalCount).toBe(0);
  });

  test('overlapping pending or approved leave is CONFLICT; the two halves of a date are separate', async () => {
    const person = await createPerson(t, r.countyA, '孙丽');
    const am = await requestOk(t, tok.office, leaveInput(r.countyA, person, { startDate: '2025-11-24', endHalf: 'AM' }));
    const pm = await requestOk(t, tok.office, leaveInput(r.countyA, person, { startDate: '2025-11-24', startHalf: 'PM', endDate: '2025-11-25', endHalf: 'AM' }));
    expect([am.workingDays, pm.workingDays]).toEqual([0.5, 1]);
    const whole = await request(t, tok.office, leaveInput(r.countyA, person, { startDate: '2025-11-24' }));
    expect(codeOf(whole)).toBe('CONFLICT');
    expect(whole.errors![0].extensions!.leaveId).toBe(am.id);
    await decideOk(t, tok.director, am.id);
    const stillClashing = await request(t, tok.office, leaveInput(r.countyA, person, { startDate: '2025-11-21', endDate: '2025-11-24', endHalf: 'AM' }));
    expect(codeOf(stillClashing)).toBe('CONFLICT');
    // Rejected and withdrawn requests hold nothing.
    await decideOk(t, tok.head, pm.id, false);
    await t.gql(CANCEL, { i: { leaveId: am.id, reason: '工作需要' } }, { token: tok.office });
    const free = await requestOk(t, tok.office, leaveInput(r.countyA, person, { startDate: '2025-11-24', endDate: '2025-11-25' }));
    expect(free.workingDays).toBe(2);
    // The next afternoon is free, the next morning is not.
    expect(codeOf(await request(t, tok.office, leaveInput(r.countyA, person, { startDate: '2025-11-25', startHalf: 'PM', endDate: '2025-11-26' })))).toBe('CONFLICT');
    expect(codeOf(await request(t, tok.office, leaveInput(r.countyA, person, { startDate: '2025-11-26', startHalf: 'PM', endDate: '2025-11-26' })))).toBeUndefined();
  });
});

describe('withdraw, cancel, report back and overdue', () => {
  test('withdraw while pending, then nothing more', async () => {
    const leave = await requestOk(t, tok.inspector, leaveInput(r.countyA, p.inspector, { startDate: '2025-12-01' }));
    expect(codeOf(await t.gql(CANCEL, { i: { leaveId: leave.id, reason: 'x' } }, { token: tok.other }))).toBe('BAD_USER_INPUT');
    const w = (await t.gql(CANCEL, { i: { leaveId: leave.id, reason: '计划有变' } }, { token: tok.inspector })).data!.cancelLeave.leave;
    expect([w.status, steps(w)]).toEqual(['WITHDRAWN', [['LEADING_GROUP_HEAD', 'SKIPPED']]]);
    expect(codeOf(await t.gql(CANCEL, { i: { leaveId: leave.id, reason: '再撤' } }, { token: tok.inspector }))).toBe('CONFLICT');
    expect(codeOf(await t.gql(DECIDE, { i: { leaveId: leave.id, approve: true } }, { token: tok.head }))).toBe('CONFLICT');
  });

  test('cancel an approved request before it starts, not from its start date', async () => {
    const a = await requestOk(t, tok.inspector, leaveInput(r.countyA, p.inspector, { startDate: '2025-12-02' }));
    await decideOk(t, tok.head, a.id);
    t.clock.set('2025-12-01');
    const c = (await t.gql(CANCEL, { i: { leaveId: a.id, reason: '任务调整' } }, { token: tok.inspector })).data!.cancelLeave.leave;
    expect(c.status).toBe('CANCELLED');

    const b = await requestOk(t, tok.inspector, leaveInput(r.countyA, p.inspector, { startDate: '2025-12-03', endDate: '2025-12-04' }));
    await decideOk(t, tok.head, b.id);
    t.clock.set('2025-12-03');
    const late = await t.gql(CANCEL, { i: { leaveId: b.id, reason: '提前回来' } }, { token: tok.inspector });
    expect(codeOf(late)).toBe('CONFLICT');
    expect((await t.gql(GET, { id: b.id }, { token: tok.inspector })).data!.leaveRequest.status).toBe('APPROVED');
    t.clock.set('2025-11-01');
  });

  test('overdue from the day after the report-back day until reported back', async () => {
    const person = await createPerson(t, r.countyA, '周敏');
    // Monday to Friday; report back due Monday 10 November.
    const leave = await requestOk(t, tok.office, leaveInput(r.countyA, person, { startDate: '2025-11-03', endDate: '2025-11-07' }));
    expect(leave.workingDays).toBe(5);
    await decideOk(t, tok.head, leave.id);
    const overdueList = async () =>
      (await t.gql(LIST, { f: { regionId: r.countyA, personId: person, overdue: true }, first: 10 }, { token: tok.office })).data!.leaveRequests.edges.map(
        (e: any) => e.node.id,
      );
    t.clock.set('2025-11-10');
    expect((await t.gql(GET, { id: leave.id }, { token: tok.office })).data!.leaveRequest.overdue).toBe(false);
    expect(await overdueList()).toEqual([]);
    t.clock.set('2025-11-11');
    expect((await t.gql(GET, { id: leave.id }, { token: tok.office })).data!.leaveRequest.overdue).toBe(true);
    expect(await overdueList()).toEqual([leave.id]);
    const notOverdue = (await t.gql(LIST, { f: { regionId: r.countyA, personId: person, overdue: false }, first: 10 }, { token: tok.office })).data!.leaveRequests;
    expect(notOverdue.totalCount).toBe(0);

    const future = await t.gql(REPORT_BACK, { i: { leaveId: leave.id, returnedOn: '2025-11-12' } }, { token: tok.office });
    expect([codeOf(future), future.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'returnedOn']);
    const back = (await t.gql(REPORT_BACK, { i: { leaveId: leave.id, returnedOn: '2025-11-11' } }, { token: tok.office })).data!.reportBack.leave;
    expect([back.status, back.returnedOn, back.overdue]).toEqual(['RETURNED', '2025-11-11', false]);
    expect(await overdueList()).toEqual([]);
    expect(codeOf(await t.gql(REPORT_BACK, { i: { leaveId: leave.id, returnedOn: '2025-11-11' } }, { token: tok.office }))).toBe('CONFLICT');
    // A pending request cannot be reported back.
    const pending = await requestOk(t, tok.office, leaveInput(r.countyA, person, { startDate: '2025-11-20' }));
    expect(codeOf(await t.gql(REPORT_BACK, { i: { leaveId: pending.id, returnedOn: '2025-11-11' } }, { token: tok.office }))).toBe('CONFLICT');
    t.clock.set('2025-11-01');
  });

  test('the report-back day after leave ending before the National Day holiday is 9 October', async () => {
    const person = await createPerson(t, r.countyA, '吴昊');
    const leave = await requestOk(t, tok.office, leaveInput(r.countyA, person, { startDate: '2025-09-29', endDate: '2025-09-30' }));
    await decideOk(t, tok.head, leave.id);
    t.clock.set('2025-10-09');
    expect((await t.gql(GET, { id: leave.id }, { token: tok.office })).data!.leaveRequest.overdue).toBe(false);
    t.clock.set('2025-10-10');
    expect((await t.gql(GET, { id: leave.id }, { token: tok.office })).data!.leaveRequest.overdue).toBe(true);
    t.clock.set('2025-11-01');
  });

  test('past dates are allowed (sick leave filed afterwards)', async () => {
    const person = await createPerson(t, r.countyA, '郑洁');
    const sick = await requestOk(t, tok.office, leaveInput(r.countyA, person, { startDate: '2025-06-03', endDate: '2025-06-04' }, { type: 'SICK', reason: '住院' }));
    expect([sick.type, sick.workingDays, sick.status]).toEqual(['SICK', 2, 'PENDING']);
  });
});

describe('reading', () => {
  test('an inspector sees only their own requests', async () => {
    const mine = (await t.gql(LIST, { f: { regionId: r.countyA, personId: p.inspector }, first: 50 }, { token: tok.inspector })).data!.leaveRequests;
    expect(mine.totalCount).toBeGreaterThan(0);
    expect(mine.edges.every((e: any) => e.node.person.id === p.inspector)).toBe(true);
    expect(codeOf(await t.gql(LIST, { f: { regionId: r.countyA }, first: 10 }, { token: tok.inspector }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(GET, { id: mine.edges[0].node.id }, { token: tok.other }))).toBe('NOT_FOUND');
    // Another county's director sees nothing of county A.
    expect(codeOf(await t.gql(LIST, { f: { regionId: r.countyA }, first: 10 }, { token: tok.directorB }))).toBe('BAD_USER_INPUT');
  });

  test('a page costs the same number of statements at 5 rows and at 25', async () => {
    const person = await createPerson(t, r.countyA, '冯涛');
    // One more than the larger page, so that both pages have a next one and count their total.
    const dates: string[] = [];
    for (let d = new Date('2024-11-04T00:00:00Z'); dates.length < 26; d.setUTCDate(d.getUTCDate() + 1)) {
      if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5) dates.push(d.toISOString().slice(0, 10));
    }
    for (const date of dates) await requestOk(t, tok.office, leaveInput(r.countyA, person, { startDate: date }));
    const cost = async (first: number) => {
      t.resetCount();
      const res = await t.gql(LIST, { f: { regionId: r.countyA, personId: person }, first }, { token: tok.office });
      expect(res.data!.leaveRequests.edges).toHaveLength(first);
      return t.queryCount;
    };
    expect(await cost(25)).toBe(await cost(5));
  });
});
