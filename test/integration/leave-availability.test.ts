import { startTestServer, TestServer } from '../support/server';
import { basicRegions, createPerson } from '../support/fixtures';
import { CANCEL, REPORT_BACK, decideOk, leaveInput, requestOk } from '../support/leave-fixtures';
import { serviceContext } from '../support/service-context';
import { approvedLeaveDays, countWorkingDays } from '../../src/leave/availability';
import { AppError } from '../../src/common/errors';

let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
let office: string;
let head: string;
let director: string;
beforeAll(async () => {
  t = await startTestServer({ today: '2025-09-01' });
  r = await basicRegions(t, 'AV');
  office = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyA]);
  head = await t.tokenFor(['LEADING_GROUP_HEAD'], [r.countyA]);
  director = await t.tokenFor(['OFFICE_DIRECTOR'], [r.countyA]);
});
afterAll(() => t.close());

test('approved and reported-back leave counts in working days within the window; other statuses do not', async () => {
  const [a, b, c] = [await createPerson(t, r.countyA, '甲'), await createPerson(t, r.countyA, '乙'), await createPerson(t, r.countyA, '丙')];
  // a: approved, Mon 29 Sep - Fri 10 Oct across the National Day holiday (4 working days).
  await decideOk(t, head, (await requestOk(t, office, leaveInput(r.countyA, a, { startDate: '2025-09-29', endDate: '2025-10-10' }))).id);
  // a: approved half day on the make-up Saturday 11 October.
  await decideOk(t, director, (await requestOk(t, office, leaveInput(r.countyA, a, { startDate: '2025-10-11', endHalf: 'AM' }))).id);
  // b: pending (not counted), and an approved leave that was reported back early.
  await requestOk(t, office, leaveInput(r.countyA, b, { startDate: '2025-10-13', endDate: '2025-10-17' }));
  const taken = await requestOk(t, office, leaveInput(r.countyA, b, { startDate: '2025-09-22', endDate: '2025-09-26' }));
  await decideOk(t, head, taken.id);
  t.clock.set('2025-09-24');
  await t.gql(REPORT_BACK, { i: { leaveId: taken.id, returnedOn: '2025-09-24' } }, { token: office });
  // c: approved then cancelled (not counted).
  t.clock.set('2025-09-01');
  const cancelled = await requestOk(t, office, leaveInput(r.countyA, c, { startDate: '2025-10-09' }));
  await decideOk(t, head, cancelled.id);
  await t.gql(CANCEL, { i: { leaveId: cancelled.id, reason: '取消' } }, { token: office });

  const ctx = serviceContext(t);
  const all = await approvedLeaveDays(ctx, [a, b, c, 'nobody'], '2025-09-01', '2025-10-31');
  expect(Object.fromEntries(all)).toEqual({ [a]: 4.5, [b]: 2, [c]: 0, nobody: 0 });
  // Clipped to the window: 9 and 10 October, and the Saturday morning.
  const oct = await approvedLeaveDays(ctx, [a, b], '2025-10-09', '2025-10-31');
  expect(Object.fromEntries(oct)).toEqual({ [a]: 2.5, [b]: 0 });

  t.resetCount();
  await approvedLeaveDays(serviceContext(t), [a, b, c], '2025-09-01', '2025-10-31');
  const few = t.queryCount;
  const many = Array.from({ length: 200 }, (_, i) => (i === 0 ? a : `x${i}`));
  t.resetCount();
  await approvedLeaveDays(serviceContext(t), many, '2025-09-01', '2025-10-31');
  expect(t.queryCount).toBe(few);
});

test('working days of a period, refusing an unpublished year by name', async () => {
  const ctx = serviceContext(t);
  expect(await countWorkingDays(ctx, '2025-09-28', '2025-10-11')).toBe(6);
  expect(await countWorkingDays(ctx, '2025-01-01', '2025-12-31')).toBe(248);
  await expect(countWorkingDays(ctx, '2026-12-01', '2027-01-31')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { year: 2027 } });
  await expect(countWorkingDays(ctx, '2026-12-01', '2027-01-31')).rejects.toBeInstanceOf(AppError);
});
