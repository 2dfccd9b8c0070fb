import ExcelJS from 'exceljs';
import { startTestServer, TestServer } from '../support/server';
import { basicRegions, createPerson } from '../support/fixtures';
import { codeOf, GqlResult } from '../support/graphql-client';
import { decideOk, leaveInput, requestOk } from '../support/leave-fixtures';
import { insertRound } from '../support/rounds-data';

let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
let roundId: string;
let P: Record<'a' | 'b' | 'c' | 'e' | 'f' | 'lead' | 'lead2' | 'out' | 'g', string>;
let tok: Record<'office' | 'director' | 'head' | 'lead' | 'inspector' | 'officeB' | 'directorB', string>;

const RECORD = `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { records { id date half status note person { id } } } }`;
const SUMMARY = `query($r: ID!, $m: String!) { attendanceSummary(regionId: $r, month: $m) {
  person { id name } workingDays presentDays businessTripDays leaveDays absentDays homeUnitRecallDays unrecordedDays leaveByType { type days } } }`;
const ROW_FIELDS = `person { id name } workingDays presentDays businessTripDays leaveDays absentDays homeUnitRecallDays unrecordedDays leaveByType { type days }`;
const PUBLISH = `mutation($i: PublishAttendanceNoticeInput!) { publishAttendanceNotice(input: $i) { notice {
  id month revision publishedAt exportUrl region { id } supersededBy { id } rows { ${ROW_FIELDS} } } } }`;
const NOTICES = `query($r: ID!, $m: String) { attendanceNotices(regionId: $r, month: $m) { id revision supersededBy { id revision } rows { ${ROW_FIELDS} } } }`;

beforeAll(async () => {
  t = await startTestServer({ today: '2025-11-03' });
  r = await basicRegions(t, 'AT');
  const person = (name: string, region = r.countyA) => createPerson(t, region, name);
  P = {
    a: await person('艾伟'),
    b: await person('白雪'),
    c: await person('陈晨'),
    e: await person('鄂东'),
    f: await person('方芳'),
    lead: await person('李组长'),
    lead2: await person('刘组长'),
    out: await person('欧阳'),
    g: await person('高山', r.countyB),
  };
  tok = {
    office: await t.tokenFor(['INSPECTION_OFFICE'], [r.countyA]),
    director: await t.tokenFor(['OFFICE_DIRECTOR'], [r.countyA]),
    head: await t.tokenFor(['LEADING_GROUP_HEAD'], [r.countyA]),
    lead: await t.tokenFor(['GROUP_LEADER'], [r.countyA], P.lead),
    inspector: await t.tokenFor(['INSPECTOR'], [r.countyA], P.a),
    officeB: await t.tokenFor(['INSPECTION_OFFICE'], [r.countyB]),
    directorB: await t.tokenFor(['OFFICE_DIRECTOR'], [r.countyB]),
  };
  ({ roundId } = await insertRound(t, {
    regionId: r.countyA,
    startsOn: '2025-09-15',
    endsOn: '2025-12-19',
    teams: [
      {
        name: '第一巡察组',
        members: [
          { personId: P.lead, role: 'LEADER' },
          { personId: P.a },
          { personId: P.b },
          { personId: P.e, joinedOn: '2025-10-20' },
          { personId: P.f, leftOn: '2025-10-15' },
        ],
      },
      { name: '第二巡察组', members: [{ personId: P.lead2, role: 'LEADER' }, { personId: P.c }] },
    ],
  }));
  await insertRound(t, { regionId: r.countyB, startsOn: '2025-09-15', endsOn: '2025-12-19', teams: [{ name: '西平一组', members: [{ personId: P.g, role: 'LEADER' }] }] });

  // a: sick from Thursday 30 October afternoon to Friday 31 October (1.5 days), approved.
  await decideOk(t, tok.head, (await requestOk(t, tok.office, leaveInput(r.countyA, P.a, { startDate: '2025-10-30', startHalf: 'PM', endDate: '2025-10-31' }, { type: 'SICK' }))).id);
  // a: annual leave still pending: counts nowhere.
  await requestOk(t, tok.office, leaveInput(r.countyA, P.a, { startDate: '2025-10-27' }, { type: 'ANNUAL' }));
  // b: personal leave over the National Day holiday to 9 October morning, approved.
  await decideOk(t, tok.head, (await requestOk(t, tok.office, leaveInput(r.countyA, P.b, { startDate: '2025-09-30', endDate: '2025-10-09', endHalf: 'AM' }))).id);
});
afterAll(() => t.close());

const record = (token: string, entries: Record<string, unknown>[]) => t.gql(RECORD, { i: { roundId, entries } }, { token });
const refusal = (res: GqlResult) => [codeOf(res), res.errors?.[0]?.extensions?.field];
const day = (personId: string, date: string, status = 'PRESENT', half: string | null = null, note: string | null = null) => ({ personId, date, half, status, note });

// The working days of October 2025 up to the 29th: 9, 10, 11 (make-up Saturday), 13-17, 20-24, 27-29.
const OCT_TO_29 = ['09', '10', '11', '13', '14', '15', '16', '17', '20', '21', '22', '23', '24', '27', '28', '29'].map((d) => `2025-10-${d}`);

describe('recording', () => {
  test('refuses leave, non-working days and people not on a team that day, writing nothing', async () => {
    expect(refusal(await record(tok.office, [day(P.a, '2025-10-29'), day(P.a, '2025-10-31')]))).toEqual(['BAD_USER_INPUT', 'entries[1].date']);
    expect(refusal(await record(tok.office, [day(P.a, '2025-10-30')]))).toEqual(['BAD_USER_INPUT', 'entries[0].date']); // afternoon on leave
    expect(refusal(await record(tok.office, [day(P.a, '2025-10-30', 'PRESENT', 'PM')]))).toEqual(['BAD_USER_INPUT', 'entries[0].date']);
    expect(refusal(await record(tok.office, [day(P.a, '2025-10-04')]))).toEqual(['BAD_USER_INPUT', 'entries[0].date']); // holiday
    expect(refusal(await record(tok.office, [day(P.a, '2025-10-12')]))).toEqual(['BAD_USER_INPUT', 'entries[0].date']); // Sunday
    expect(refusal(await record(tok.office, [day(P.out, '2025-10-13')]))).toEqual(['BAD_USER_INPUT', 'entries[0].personId']);
    expect(refusal(await record(tok.office, [day(P.e, '2025-10-17')]))).toEqual(['BAD_USER_INPUT', 'entries[0].personId']); // before joining
    expect(refusal(await record(tok.office, [day(P.f, '2025-10-16')]))).toEqual(['BAD_USER_INPUT', 'entries[0].personId']); // after leaving
    expect(refusal(await record(tok.office, [day(P.a, '2025-11-03'), day(P.a, '2025-11-04')]))).toEqual(['BAD_USER_INPUT', 'entries[1].date']); // still to come
    expect(refusal(await record(tok.office, [day(P.a, '2025-12-22')]))).toEqual(['BAD_USER_INPUT', 'entries[0].date']); // still to come (and after the round)
    expect(refusal(await record(tok.office, [day(P.a, '2027-01-04')]))).toEqual(['BAD_USER_INPUT', 'entries[0].date']); // unpublished year
    // Nothing of the refused batches was written.
    const a = (await t.gql(SUMMARY, { r: r.countyA, m: '2025-10' }, { token: tok.office })).data!.attendanceSummary.find((x: any) => x.person.id === P.a);
    expect(a.presentDays).toBe(0);
  });

  test('who records: the office of the region, a group leader for their own team', async () => {
    expect(codeOf(await record(tok.inspector, [day(P.a, '2025-10-13')]))).toBe('FORBIDDEN');
    expect(refusal(await record(tok.officeB, [day(P.a, '2025-10-13')]))).toEqual(['BAD_USER_INPUT', 'roundId']);
    // A member of team two is, to team one's leader, no such person.
    expect(refusal(await record(tok.lead, [day(P.c, '2025-10-13')]))).toEqual(['BAD_USER_INPUT', 'entries[0].personId']);
    const ok = await record(tok.lead, [day(P.b, '2025-10-09', 'PRESENT', 'PM'), day(P.b, '2025-10-10', 'PRESENT', null, '按时到岗')]);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.recordAttendance.records.map((x: any) => [x.date, x.half, x.status, x.note])).toEqual([
      ['2025-10-09', 'PM', 'PRESENT', null],
      ['2025-10-10', null, 'PRESENT', '按时到岗'],
    ]);
  });

  test('a month of records, with halves splitting a whole day and the last entry winning', async () => {
    const res = await record(tok.office, [
      ...OCT_TO_29.map((d) => day(P.a, d)),
      day(P.a, '2025-10-30', 'PRESENT', 'AM'),
      day(P.a, '2025-10-13', 'ABSENT', 'PM', '未请假缺勤'),
      day(P.a, '2025-10-14', 'HOME_UNIT_RECALL', null, '原单位召回开会'),
      day(P.a, '2025-10-15', 'BUSINESS_TRIP', 'AM'),
      day(P.e, '2025-10-20'),
      day(P.f, '2025-10-15'),
    ]);
    expect(res.errors).toBeUndefined();
    const on13 = res.data!.recordAttendance.records.filter((x: any) => x.person.id === P.a && x.date === '2025-10-13');
    expect(on13.map((x: any) => [x.half, x.status]).sort()).toEqual([
      ['AM', 'PRESENT'],
      ['PM', 'ABSENT'],
    ]);
  });
});

describe('monthly summary and notices', () => {
  const expected = () => ({
    [P.a]: { workingDays: 18, presentDays: 14.5, businessTripDays: 0.5, leaveDays: 1.5, absentDays: 0.5, homeUnitRecallDays: 1, unrecordedDays: 0, leaveByType: [{ type: 'SICK', days: 1.5 }] },
    [P.b]: { workingDays: 18, presentDays: 1.5, businessTripDays: 0, leaveDays: 0.5, absentDays: 0, homeUnitRecallDays: 0, unrecordedDays: 16, leaveByType: [{ type: 'PERSONAL', days: 0.5 }] },
    [P.e]: { workingDays: 10, presentDays: 1, businessTripDays: 0, leaveDays: 0, absentDays: 0, homeUnitRecallDays: 0, unrecordedDays: 9, leaveByType: [] },
    [P.f]: { workingDays: 6, presentDays: 1, businessTripDays: 0, leaveDays: 0, absentDays: 0, homeUnitRecallDays: 0, unrecordedDays: 5, leaveByType: [] },
    [P.c]: { workingDays: 18, presentDays: 0, businessTripDays: 0, leaveDays: 0, absentDays: 0, homeUnitRecallDays: 0, unrecordedDays: 18, leaveByType: [] },
    [P.lead]: { workingDays: 18, presentDays: 0, businessTripDays: 0, leaveDays: 0, absentDays: 0, homeUnitRecallDays: 0, unrecordedDays: 18, leaveByType: [] },
    [P.lead2]: { workingDays: 18, presentDays: 0, businessTripDays: 0, leaveDays: 0, absentDays: 0, homeUnitRecallDays: 0, unrecordedDays: 18, leaveByType: [] },
  });
  const byPerson = (rows: any[]) => Object.fromEntries(rows.map(({ person, ...rest }) => [person.id, rest]));
  const collator = new Intl.Collator('zh-Hans-CN');

  test('sums per person, in name order, for the people on the region’s teams only', async () => {
    const rows = (await t.gql(SUMMARY, { r: r.countyA, m: '2025-10' }, { token: tok.office })).data!.attendanceSummary;
    expect(byPerson(rows)).toEqual(expected());
    const names = rows.map((x: any) => x.person.name);
    expect(names).toEqual([...names].sort(collator.compare));
    for (const x of rows) {
      expect(x.presentDays + x.businessTripDays + x.leaveDays + x.absentDays + x.homeUnitRecallDays + x.unrecordedDays).toBe(x.workingDays);
    }
    // The office director reads it; an inspector and the head of the leading group do not; a bad month is refused.
    expect(codeOf(await t.gql(SUMMARY, { r: r.countyA, m: '2025-10' }, { token: tok.director }))).toBeUndefined();
    expect(codeOf(await t.gql(SUMMARY, { r: r.countyA, m: '2025-10' }, { token: tok.inspector }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(SUMMARY, { r: r.countyA, m: '2025-10' }, { token: tok.head }))).toBe('FORBIDDEN');
    expect(refusal(await t.gql(SUMMARY, { r: r.countyA, m: '2025-13' }, { token: tok.office }))).toEqual(['BAD_USER_INPUT', 'month']);
    expect(refusal(await t.gql(SUMMARY, { r: r.countyA, m: '2027-01' }, { token: tok.office }))).toEqual(['BAD_USER_INPUT', 'month']);
    // A month without rounds has no rows.
    expect((await t.gql(SUMMARY, { r: r.countyA, m: '2025-06' }, { token: tok.office })).data!.attendanceSummary).toEqual([]);
  });

  let first: any;
  let second: any;

  /** The expected rows once every unrecorded working day was recorded as present. */
  const filled = () =>
    Object.fromEntries(
      Object.entries(expected()).map(([id, x]) => [id, { ...x, presentDays: x.presentDays + x.unrecordedDays, unrecordedDays: 0 }]),
    );

  test('a notice is published only with every working day recorded; the refusal names who misses which days', async () => {
    const refused = await t.gql(PUBLISH, { i: { regionId: r.countyA, month: '2025-10' } }, { token: tok.director });
    expect(codeOf(refused)).toBe('CONFLICT');
    const missing = refused.errors![0].extensions!.unrecorded as { personId: string; personName: string; days: { date: string; half: string | null }[] }[];
    expect(missing.map((x) => x.personId).sort()).toEqual([P.b, P.c, P.e, P.f, P.lead, P.lead2].sort());
    // 白雪: back on 9 October afternoon (recorded), present on the 10th; the rest of the month unrecorded.
    const b = missing.find((x) => x.personId === P.b)!;
    expect(b.days[0]).toEqual({ date: '2025-10-11', half: null });
    expect(b.days).toHaveLength(16);
    expect(refused.errors![0].message).toContain('白雪：10月11日至10月31日');
    expect(refused.errors![0].message).toContain('方芳：10月9日至10月14日');
    // Nothing was published.
    expect((await t.gql(NOTICES, { r: r.countyA, m: '2025-10' }, { token: tok.office })).data!.attendanceNotices).toEqual([]);
    // The office records the missing days.
    for (const x of missing) {
      const res = await record(tok.office, x.days.map((d) => day(x.personId, d.date, 'PRESENT', d.half)));
      expect(res.errors).toBeUndefined();
    }
  });

  test('a published notice is frozen; publishing again makes revision 2 and links the old one', async () => {
    expect(codeOf(await t.gql(PUBLISH, { i: { regionId: r.countyA, month: '2025-10' } }, { token: tok.office }))).toBe('FORBIDDEN');
    first = (await t.gql(PUBLISH, { i: { regionId: r.countyA, month: '2025-10' } }, { token: tok.director })).data!.publishAttendanceNotice.notice;
    expect([first.month, first.revision, first.supersededBy, first.exportUrl]).toEqual(['2025-10', 1, null, `/exports/attendance-notices/${first.id}.xlsx`]);
    expect(byPerson(first.rows)).toEqual(filled());

    // A correction after publishing: c was absent on 31 October, and a person was renamed.
    await record(tok.office, [day(P.c, '2025-10-31', 'ABSENT')]);
    await t.server.db.dataSource.query('UPDATE persons SET name = ? WHERE id = ?', ['陈晨改', P.c]);
    const live = byPerson((await t.gql(SUMMARY, { r: r.countyA, m: '2025-10' }, { token: tok.office })).data!.attendanceSummary);
    expect([live[P.c].presentDays, live[P.c].absentDays]).toEqual([17, 1]);

    const list1 = (await t.gql(NOTICES, { r: r.countyA, m: '2025-10' }, { token: tok.office })).data!.attendanceNotices;
    expect(list1).toHaveLength(1);
    expect(byPerson(list1[0].rows)).toEqual(filled()); // unchanged

    second = (await t.gql(PUBLISH, { i: { regionId: r.countyA, month: '2025-10' } }, { token: tok.director })).data!.publishAttendanceNotice.notice;
    expect(second.revision).toBe(2);
    expect(byPerson(second.rows)[P.c].absentDays).toBe(1);
    const list2 = (await t.gql(NOTICES, { r: r.countyA }, { token: tok.office })).data!.attendanceNotices;
    expect(list2.map((n: any) => [n.revision, n.supersededBy?.revision ?? null])).toEqual([
      [2, null],
      [1, 2],
    ]);
    expect(byPerson(list2[1].rows)).toEqual(filled());
    // Another county sees none of it.
    expect(refusal(await t.gql(NOTICES, { r: r.countyA }, { token: tok.officeB }))).toEqual(['BAD_USER_INPUT', 'regionId']);
  });

  const download = (url: string, token?: string) =>
    fetch(`${t.url}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  test('exports a notice as a spreadsheet that opens, with the frozen figures; a correction says so under the title', async () => {
    const res = await download(first.exportUrl, tok.office);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('东安县巡察干部2025年10月考勤情况公示');
    const texts = ws.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    // The first revision was replaced; it says so under its title.
    expect(ws.getCell('A2').value).toEqual(expect.stringContaining('已由2025年11月3日发布的更正公示替代'));
    // Leave columns only for the types that occur (sick, personal), one recall column, no internal columns.
    const header = texts.indexOf('序号') + 1;
    const top = (ws.getRow(header).values as unknown[]).slice(1);
    const sub = (ws.getRow(header + 1).values as unknown[]).slice(1);
    expect(top).toEqual(['序号', '姓名', '所在巡察组', '应出勤', '实际出勤', '出差', '请假', '请假', '原单位召回', '缺勤', '备注']);
    expect(sub.slice(6, 8)).toEqual(['事假', '病假']);
    const rows = first.rows.map((_: unknown, i: number) => (ws.getRow(header + 2 + i).values as unknown[]).slice(1));
    const a = rows.find((x: unknown[]) => x[1] === '艾伟');
    expect(a).toEqual([expect.any(Number), '艾伟', '第一巡察组', 18, 14.5, 0.5, 0, 1.5, 1, 0.5, '']);
    // Frozen: the first revision keeps the old name and c's old figures.
    const c = rows.find((x: unknown[]) => x[1] === '陈晨');
    expect(c.slice(2)).toEqual(['第二巡察组', 18, 18, 0, 0, 0, 0, 0, '']);
    // Team by team: team one's people first.
    expect(rows.map((x: unknown[]) => x[2])).toEqual([...rows.map((x: unknown[]) => x[2])].sort((p: any, q: any) => (p === q ? 0 : p === '第一巡察组' ? -1 : 1)));
    // Joined or left within the month: the remark says when.
    expect(rows.find((x: unknown[]) => x[1] === '方芳')[10]).toBe('10月15日离开第一巡察组');
    expect(rows.find((x: unknown[]) => x[1] === '鄂东')[10]).toBe('10月20日到第一巡察组');

    const res2 = await download(second.exportUrl, tok.director);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(await res2.arrayBuffer()) as never);
    expect(wb2.worksheets[0].getCell('A1').value).toBe('东安县巡察干部2025年10月考勤情况公示');
    expect(wb2.worksheets[0].getCell('A2').value).toBe('（更正公示，替代2025年11月3日发布的公示）');
  });

  test('the export needs the same token and region as /graphql', async () => {
    expect((await download(first.exportUrl)).status).toBe(401);
    expect((await download(first.exportUrl, tok.directorB)).status).toBe(404);
    expect((await download(first.exportUrl, tok.inspector)).status).toBe(403);
    expect((await download('/exports/attendance-notices/nope.xlsx', tok.office)).status).toBe(404);
  });
});
