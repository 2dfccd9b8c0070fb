import fs from 'node:fs';
import path from 'node:path';
import { startTestServer, TestServer } from '../support/server';
import { demoApi } from '../support/demo-api';
import { basicRegions, createPerson } from '../support/fixtures';
import { insertRound } from '../support/rounds-data';
import { seedDemo } from '../../src/leave/demo';

// The seed finds the round in progress through the rounds API.
const schema = fs.readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8');
const withRounds = /\brounds\([^)]*filter: RoundFilter!/.test(schema) ? test : test.skip;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ today: '2025-11-20' });
});
afterAll(() => t.close());

withRounds('seeds the last completed month of attendance, leave in every state and a corrected notice for the round in progress', async () => {
  const r = await basicRegions(t, 'DM');
  const people = [];
  for (const name of ['甲一', '乙二', '丙三', '丁四', '戊五', '己六', '庚七', '辛八']) people.push(await createPerson(t, r.countyA, name));
  await insertRound(t, {
    regionId: r.countyA,
    startsOn: '2025-09-15',
    endsOn: '2025-12-19',
    teams: [
      { name: '第一巡察组', members: people.slice(0, 4).map((personId, i) => ({ personId, role: i === 0 ? 'LEADER' : 'MEMBER' })) },
      { name: '第二巡察组', members: people.slice(4).map((personId, i) => ({ personId, role: i === 0 ? 'LEADER' : 'MEMBER' })) },
    ],
  });
  const api = demoApi(t, { cityRegionId: r.city, counties: [{ regionId: r.countyA } as never], today: '2025-11-20' });
  await seedDemo(api);

  const leave = (await t.admin(`query($f: LeaveFilter!) { leaveRequests(filter: $f, first: 100) { edges { node { status overdue } } } }`, { f: { regionId: r.countyA } }))
    .leaveRequests.edges.map((e: any) => e.node);
  expect(new Set(leave.map((l: any) => l.status))).toEqual(new Set(['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'CANCELLED', 'RETURNED']));
  expect(leave.some((l: any) => l.overdue)).toBe(true);

  const notices = (await t.admin(`query($r: ID!) { attendanceNotices(regionId: $r) { month revision supersededBy { revision } rows { workingDays presentDays unrecordedDays } } }`, { r: r.countyA }))
    .attendanceNotices;
  expect(notices.map((n: any) => [n.month, n.revision, n.supersededBy?.revision ?? null])).toEqual([
    ['2025-10', 2, null],
    ['2025-10', 1, 2],
  ]);
  expect(notices[0].rows).toHaveLength(8);
  // Everyone's working days up to today are recorded or on leave.
  for (const row of notices[0].rows) expect(row.presentDays).toBeGreaterThan(0);
});

test('without a round in progress it files leave in every state for the first county and records no attendance', async () => {
  const r = await basicRegions(t, 'NR');
  const specialists: { personId: string; specialties: string[] }[] = [];
  for (const name of ['子一', '丑二', '寅三', '卯四', '辰五', '巳六', '午七']) specialists.push({ personId: await createPerson(t, r.countyA, name), specialties: ['FINANCE'] });
  const api = demoApi(t, { cityRegionId: r.city, counties: [{ regionId: r.countyA, specialists } as never], today: '2025-11-20' });
  await seedDemo(api);
  const leave = (await t.admin(`query($f: LeaveFilter!) { leaveRequests(filter: $f, first: 100) { edges { node { status overdue person { id } } } } }`, { f: { regionId: r.countyA } }))
    .leaveRequests.edges.map((e: any) => e.node);
  expect(new Set(leave.map((l: any) => l.status))).toEqual(new Set(['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'CANCELLED', 'RETURNED']));
  expect(leave.some((l: any) => l.overdue)).toBe(true);
  expect(leave.every((l: any) => specialists.some((s) => s.personId === l.person.id))).toBe(true);
  expect((await t.admin(`query($r: ID!) { attendanceNotices(regionId: $r) { id } }`, { r: r.countyA })).attendanceNotices).toEqual([]);
});
