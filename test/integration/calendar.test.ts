import { startTestServer, TestServer } from '../support/server';
import { basicRegions, createPerson } from '../support/fixtures';
import { GET, leaveInput, requestOk } from '../support/leave-fixtures';
import { codeOf } from '../support/graphql-client';

let t: TestServer;
let inspectorToken: string;
beforeAll(async () => {
  t = await startTestServer({ today: '2025-09-20' });
  const r = await basicRegions(t, 'CAL');
  inspectorToken = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyA]);
});
afterAll(() => t.close());

const WORKING_DAYS = `query($s: LocalDate!, $sh: DayHalf!, $e: LocalDate!, $eh: DayHalf!) {
  workingDays(startDate: $s, startHalf: $sh, endDate: $e, endHalf: $eh) }`;
const YEAR = `query($y: Int!) { calendarYear(year: $y) { year published days { date kind name } } }`;
const IMPORT = `mutation($i: ImportCalendarYearInput!) { importCalendarYear(input: $i) { calendarYear { year published days { date kind name } } } }`;

const count = (token: string, s: string, sh: string, e: string, eh: string, lang?: string) => t.gql(WORKING_DAYS, { s, sh, e, eh }, { token, lang });

test('ships 2024-2026 from the notices and counts make-up weekend days as working days', async () => {
  const y2025 = (await t.gql(YEAR, { y: 2025 }, { token: inspectorToken })).data!.calendarYear;
  expect(y2025.published).toBe(true);
  expect(y2025.days.filter((d: any) => d.kind === 'MAKEUP_WORKDAY').map((d: any) => d.date)).toEqual([
    '2025-01-26',
    '2025-02-08',
    '2025-04-27',
    '2025-09-28',
    '2025-10-11',
  ]);
  expect(y2025.days.find((d: any) => d.date === '2025-10-08')).toEqual({ date: '2025-10-08', kind: 'HOLIDAY', name: '国庆节、中秋节' });
  for (const y of [2024, 2026]) expect((await t.gql(YEAR, { y }, { token: inspectorToken })).data!.calendarYear.published).toBe(true);

  expect((await count(inspectorToken, '2025-09-28', 'AM', '2025-09-28', 'PM')).data!.workingDays).toBe(1);
  expect((await count(inspectorToken, '2025-10-11', 'AM', '2025-10-11', 'AM')).data!.workingDays).toBe(0.5);
  expect((await count(inspectorToken, '2025-09-29', 'AM', '2025-10-10', 'PM')).data!.workingDays).toBe(4);
  expect((await count(inspectorToken, '2025-10-01', 'AM', '2025-10-08', 'PM')).data!.workingDays).toBe(0);
});

test('refuses a year that is not published, naming the year, in either language', async () => {
  const zh = await count(inspectorToken, '2026-12-28', 'AM', '2027-01-05', 'PM');
  expect(codeOf(zh)).toBe('BAD_USER_INPUT');
  expect(zh.errors![0].extensions!.field).toBe('endDate');
  expect(zh.errors![0].extensions!.year).toBe(2027);
  expect(zh.errors![0].message).toContain('2027 年');
  const en = await count(inspectorToken, '2023-12-29', 'AM', '2024-01-02', 'PM', 'en');
  expect(en.errors![0].extensions!.field).toBe('startDate');
  expect(en.errors![0].message).toMatch(/calendar of 2023 has not been published/);
  expect((await t.gql(YEAR, { y: 2027 }, { token: inspectorToken })).data!.calendarYear).toEqual({ year: 2027, published: false, days: [] });
});

test('an end before the start is BAD_USER_INPUT', async () => {
  const r = await count(inspectorToken, '2025-11-03', 'PM', '2025-11-03', 'AM');
  expect(codeOf(r)).toBe('BAD_USER_INPUT');
  expect(r.errors![0].extensions!.field).toBe('endDate');
});

test('a date before 1900 (years 0001-0099 included) is BAD_USER_INPUT naming the date, not a server error', async () => {
  for (const [s, e, early] of [
    ['0050-03-02', '2025-01-02', '0050-03-02'],
    ['2025-01-02', '0099-12-31', '0099-12-31'],
    ['1899-12-31', '2025-01-02', '1899-12-31'],
  ]) {
    const r = await count(inspectorToken, s, 'AM', e, 'PM', 'en');
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toContain(`The date "${early}" is before 1900-01-01`);
  }
  const literal = await t.gql('{ workingDays(startDate: "0007-07-07", startHalf: AM, endDate: "2025-01-02", endHalf: PM) }', {}, { token: inspectorToken });
  expect(codeOf(literal)).toBe('BAD_USER_INPUT');
  expect(literal.errors![0].message).toContain('早于 1900-01-01');
});

test('only ADMIN imports a year; the import replaces its days and publishes it', async () => {
  const days = [
    { date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' },
    { date: '2027-01-04', kind: 'HOLIDAY', name: '元旦' },
    { date: '2027-01-09', kind: 'MAKEUP_WORKDAY', name: '元旦' },
  ];
  const refused = await t.gql(IMPORT, { i: { year: 2027, days } }, { token: inspectorToken });
  expect(codeOf(refused)).toBe('FORBIDDEN');

  const bad = await t.gql(IMPORT, { i: { year: 2027, days: [{ date: '2027-01-05', kind: 'MAKEUP_WORKDAY' }] } }, { token: t.adminToken });
  expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  expect(bad.errors![0].extensions!.field).toBe('days[0].date');
  const outside = await t.gql(IMPORT, { i: { year: 2027, days: [{ date: '2028-01-01', kind: 'HOLIDAY' }] } }, { token: t.adminToken });
  expect(outside.errors![0].extensions!.field).toBe('days[0].date');
  // Nothing was written by the refused imports.
  expect((await t.gql(YEAR, { y: 2027 }, { token: inspectorToken })).data!.calendarYear.published).toBe(false);

  const imported = (await t.admin(IMPORT, { i: { year: 2027, days: [...days].reverse() } })).importCalendarYear.calendarYear;
  expect(imported.published).toBe(true);
  expect(imported.days.map((d: any) => d.date)).toEqual(['2027-01-01', '2027-01-04', '2027-01-09']);
  // Fri 1 and Mon 4 are holidays, Sat 9 is worked: 5, 6, 7, 8, 9 January.
  expect((await count(inspectorToken, '2027-01-01', 'AM', '2027-01-10', 'PM')).data!.workingDays).toBe(5);

  await t.admin(IMPORT, { i: { year: 2027, days: [] } });
  expect((await t.gql(YEAR, { y: 2027 }, { token: inspectorToken })).data!.calendarYear.days).toEqual([]);
  expect((await count(inspectorToken, '2027-01-01', 'AM', '2027-01-10', 'PM')).data!.workingDays).toBe(6);
});

test('is for signed-in accounts only', async () => {
  expect(codeOf(await t.gql(YEAR, { y: 2025 }))).toBe('UNAUTHENTICATED');
});

test('re-importing a year counts the leave touching it again', async () => {
  const regions = (await t.admin('{ regions { id code } }')).regions as { id: string; code: string }[];
  const county = regions.find((x) => x.code === 'CAL-A')!.id;
  const office = await t.tokenFor(['INSPECTION_OFFICE'], [county]);
  const person = await createPerson(t, county, '陈静');
  await t.admin(IMPORT, { i: { year: 2027, days: [] } });
  // Tuesday 5 to Friday 8 January 2027.
  const leave = await requestOk(t, office, leaveInput(county, person, { startDate: '2027-01-05', endDate: '2027-01-08' }));
  expect(leave.workingDays).toBe(4);
  await t.admin(IMPORT, { i: { year: 2027, days: [{ date: '2027-01-06', kind: 'HOLIDAY', name: '测试' }] } });
  expect((await t.gql(GET, { id: leave.id }, { token: office })).data!.leaveRequest.workingDays).toBe(3);
});
