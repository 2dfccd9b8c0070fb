import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeFileSync } from 'node:fs';
import { startTestServer, TestServer } from '../support/server';
import { basicRegions, createPerson } from '../support/fixtures';
import { codeOf } from '../support/graphql-client';
import { decideOk, leaveInput, requestOk, SET_POLICY } from '../support/leave-fixtures';
import { insertRound } from '../support/rounds-data';

/**
 * Days still to come, and a notice an office posts as it is: November 2026 in a county with two
 * teams of 15, one of them replaced mid-month.
 */
let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
let roundId: string;
let people: string[];
let tok: Record<'office' | 'director' | 'head', string>;

const RECORD = `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { records { id } } }`;
const SUMMARY = `query($r: ID!, $m: String!) { attendanceSummary(regionId: $r, month: $m) { person { id name } workingDays presentDays leaveDays unrecordedDays teamName remark leaveByType { type days } } }`;
const PUBLISH = `mutation($i: PublishAttendanceNoticeInput!) { publishAttendanceNotice(input: $i) { notice { id revision exportUrl postedFrom postedUntil issuingOffice } } }`;
const SETTINGS = `query($r: ID!) { attendanceNoticeSettings(regionId: $r) { region { id } definedBy { id } postingWorkingDays issuingOffice objectionContact } }`;
const SET_SETTINGS = `mutation($i: SetAttendanceNoticeSettingsInput!) { setAttendanceNoticeSettings(input: $i) { settings { definedBy { id } postingWorkingDays issuingOffice objectionContact } } }`;

// The working days of November 2026 (no holiday in the month).
const NOV = Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`).filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
const record = (entries: Record<string, unknown>[]) => t.gql(RECORD, { i: { roundId, entries } }, { token: tok.office });
const present = (personId: string, dates: string[]) => dates.map((date) => ({ personId, date, half: null, status: 'PRESENT' }));

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏';

beforeAll(async () => {
  t = await startTestServer({ today: '2026-11-25' });
  r = await basicRegions(t, 'NP');
  people = [];
  for (let i = 0; i < 30; i++) people.push(await createPerson(t, r.countyA, `${SURNAMES[i]}${i % 2 ? '海燕' : '睿瑞'}`));
  ({ roundId } = await insertRound(t, {
    regionId: r.countyA,
    startsOn: '2026-09-14',
    endsOn: '2026-12-18',
    teams: [
      { name: '第一巡察组', members: people.slice(0, 15).map((personId, i) => ({ personId, role: i === 0 ? 'LEADER' : 'MEMBER', ...(i === 14 ? { leftOn: '2026-11-13' } : {}) })) },
      { name: '第二巡察组', members: people.slice(15).map((personId, i) => ({ personId, role: i === 0 ? 'LEADER' : 'MEMBER' })) },
    ],
  }));
  tok = {
    office: await t.tokenFor(['INSPECTION_OFFICE'], [r.countyA]),
    director: await t.tokenFor(['OFFICE_DIRECTOR'], [r.countyA]),
    head: await t.tokenFor(['LEADING_GROUP_HEAD'], [r.countyA]),
  };
  await t.admin(SET_POLICY, { i: { regionId: r.countyA, tiers: [{ upToWorkingDays: null, approverRoles: ['LEADING_GROUP_HEAD'] }] } });
});
afterAll(() => t.close());

describe('days still to come', () => {
  test('attendance for a day to come is refused with the day named', async () => {
    const res = await record(present(people[1], ['2026-11-25', '2026-11-30']));
    expect([codeOf(res), res.errors![0].extensions!.field, res.errors![0].extensions!.date]).toEqual(['BAD_USER_INPUT', 'entries[1].date', '2026-11-30']);
    expect(res.errors![0].message).toContain('尚未到来');
  });

  test("a month's notice is refused before its last working day", async () => {
    for (const month of ['2026-12', '2026-11']) {
      const res = await t.gql(PUBLISH, { i: { regionId: r.countyA, month } }, { token: tok.director });
      expect([codeOf(res), res.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'month']);
    }
    const dec = await t.gql(PUBLISH, { i: { regionId: r.countyA, month: '2026-12' } }, { token: tok.director });
    expect(dec.errors![0].extensions!.publishableFrom).toBe('2026-12-31');
  });

  test('leave approved for a later day counts once the day has come', async () => {
    const leave = await requestOk(t, tok.office, leaveInput(r.countyA, people[2], { startDate: '2026-11-26', endDate: '2026-11-27' }, { type: 'SICK' }));
    await decideOk(t, tok.head, leave.id);
    const row = async () => (await t.gql(SUMMARY, { r: r.countyA, m: '2026-11' }, { token: tok.office })).data!.attendanceSummary.find((x: any) => x.person.id === people[2]);
    // On the 25th: 18 working days so far, no leave taken yet.
    expect(await row()).toMatchObject({ workingDays: 18, leaveDays: 0, leaveByType: [] });
    t.clock.set('2026-11-27');
    expect(await row()).toMatchObject({ workingDays: 20, leaveDays: 2, leaveByType: [{ type: 'SICK', days: 2 }] });
    t.clock.set('2026-11-25');
  });
});

describe('the notice an office posts', () => {
  let exportUrl: string;

  test('publishing with days unrecorded lists who misses which days; once recorded it is published with its posting period', async () => {
    t.clock.set('2026-11-30');
    // Everyone present every day, but 陈 (index 9) misses 23-27 November and the afternoon of the 30th.
    const entries = people.flatMap((p, i) => present(p, NOV.filter((d) => !(i === 14 && d > '2026-11-13') && !(i === 2 && d >= '2026-11-26' && d <= '2026-11-27'))));
    const chen = people[9];
    const skip = (e: any) => e.personId === chen && (['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30'].includes(e.date));
    for (let i = 0; i < entries.length; i += 400) expect((await record(entries.slice(i, i + 400).filter((e) => !skip(e)))).errors).toBeUndefined();
    expect((await record([{ personId: chen, date: '2026-11-30', half: 'AM', status: 'PRESENT' }])).errors).toBeUndefined();
    // A home-unit recall and an absence, for the columns that show them.
    await record([{ personId: people[20], date: '2026-11-02', half: null, status: 'HOME_UNIT_RECALL' }, { personId: people[21], date: '2026-11-03', half: 'PM', status: 'ABSENT' }]);

    const refused = await t.gql(PUBLISH, { i: { regionId: r.countyA, month: '2026-11' } }, { token: tok.director });
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors![0].message).toContain('陈海燕：11月23日至11月27日、11月30日下午');
    expect(refused.errors![0].extensions!.unrecorded).toEqual([
      {
        personId: chen,
        personName: '陈海燕',
        days: [...['23', '24', '25', '26', '27'].map((d) => ({ date: `2026-11-${d}`, half: null })), { date: '2026-11-30', half: 'PM' }],
      },
    ]);

    await record([...present(chen, ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']), { personId: chen, date: '2026-11-30', half: 'PM', status: 'PRESENT' }]);
    const notice = (await t.gql(PUBLISH, { i: { regionId: r.countyA, month: '2026-11' } }, { token: tok.director })).data!.publishAttendanceNotice.notice;
    // Five working days from Monday 30 November: to Friday 4 December.
    expect([notice.postedFrom, notice.postedUntil, notice.issuingOffice]).toEqual(['2026-11-30', '2026-12-04', '中共东安县委巡察工作领导小组办公室']);
    exportUrl = notice.exportUrl;
  });

  test('the spreadsheet: title, headers, page setup, rows and foot', async () => {
    const res = await fetch(`${t.url}${exportUrl}`, { headers: { authorization: `Bearer ${tok.office}` } });
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    if (process.env.NOTICE_XLSX) writeFileSync(process.env.NOTICE_XLSX, body);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as never);
    const ws = wb.worksheets[0];
    const text = (row: number) => String(ws.getRow(row).getCell(1).value ?? '');

    expect(text(1)).toBe('东安县巡察干部2026年11月考勤情况公示');
    expect(text(2)).toMatch(/^现将东安县巡察干部2026年11月考勤情况予以公示/);
    const headers = (row: number) => (ws.getRow(row).values as unknown[]).slice(1);
    expect(headers(3)).toEqual(['序号', '姓名', '所在巡察组', '应出勤', '实际出勤', '出差', '请假', '原单位召回', '缺勤', '备注']);
    expect(headers(4)[6]).toBe('病假');
    expect(ws.getCell('C3').isMerged && ws.getCell('C4').isMerged).toBe(true);

    // Page setup: A4 landscape, one page wide, header rows repeated, a page per 25 people.
    const ps = ws.pageSetup;
    expect([ps.paperSize, ps.orientation, ps.fitToPage, ps.fitToWidth, ps.fitToHeight]).toEqual([9, 'landscape', true, 1, 0]);
    expect(ps.printTitlesRow).toBe('3:4');
    expect(ps.printArea).toMatch(/^A1:J\d+$/);
    // exceljs does not read page breaks back: the sheet's XML shows the one after the 25th person.
    const xml = await (await JSZip.loadAsync(body)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect([...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]))).toEqual([4 + 25]);
    expect(ws.headerFooter.oddFooter).toContain('&P');

    // Rows: 30 people, team one first; the one who left mid-month says so.
    const rows = Array.from({ length: 30 }, (_, i) => headers(5 + i));
    expect(rows.map((x) => x[0])).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(rows.slice(0, 15).every((x) => x[2] === '第一巡察组')).toBe(true);
    expect(rows.slice(15).every((x) => x[2] === '第二巡察组')).toBe(true);
    const byName = (name: string) => rows.find((x) => x[1] === name)!;
    expect(byName('孙睿瑞').slice(3, 9)).toEqual([21, 19, 0, 2, 0, 0]);
    expect(byName(`${SURNAMES[14]}睿瑞`).slice(3)).toEqual([10, 10, 0, 0, 0, 0, '11月13日离开第一巡察组']);
    expect(byName(`${SURNAMES[20]}睿瑞`).slice(3, 9)).toEqual([21, 20, 0, 0, 1, 0]);
    expect(byName(`${SURNAMES[21]}海燕`).slice(3, 9)).toEqual([21, 20.5, 0, 0, 0, 0.5]);

    // The foot: posting period and where to object, then the issuing office and the date.
    const lastRow = Number(ps.printArea!.split(':')[1].slice(1));
    expect(text(lastRow)).toBe('2026年11月30日');
    expect(text(lastRow - 1)).toBe('中共东安县委巡察工作领导小组办公室');
    expect(text(lastRow - 3)).toBe('公示期：2026年11月30日至2026年12月4日（5个工作日）。公示期内如有异议，请向中共东安县委巡察工作领导小组办公室反映。');
  });

  test('the posting period and office are per-region settings, inherited from the nearest ancestor', async () => {
    const defaults = (await t.gql(SETTINGS, { r: r.countyA }, { token: tok.office })).data!.attendanceNoticeSettings;
    expect(defaults).toEqual({ region: { id: r.countyA }, definedBy: null, postingWorkingDays: 5, issuingOffice: '中共东安县委巡察工作领导小组办公室', objectionContact: null });
    expect(codeOf(await t.gql(SET_SETTINGS, { i: { regionId: r.countyA, postingWorkingDays: 7 } }, { token: tok.office }))).toBe('FORBIDDEN');
    const bad = await t.gql(SET_SETTINGS, { i: { regionId: r.countyA, postingWorkingDays: 0 } }, { token: tok.director });
    expect([codeOf(bad), bad.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'postingWorkingDays']);
    await t.admin(SET_SETTINGS, { i: { regionId: r.city, postingWorkingDays: 7, objectionContact: '0730-1234567' } });
    const inherited = (await t.gql(SETTINGS, { r: r.countyA }, { token: tok.office })).data!.attendanceNoticeSettings;
    expect(inherited).toMatchObject({ definedBy: { id: r.city }, postingWorkingDays: 7, issuingOffice: '中共东安县委巡察工作领导小组办公室', objectionContact: '0730-1234567' });

    // A correction uses them, and says whose notice it replaces.
    const second = (await t.gql(PUBLISH, { i: { regionId: r.countyA, month: '2026-11' } }, { token: tok.director })).data!.publishAttendanceNotice.notice;
    expect([second.revision, second.postedFrom, second.postedUntil]).toEqual([2, '2026-11-30', '2026-12-08']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await (await fetch(`${t.url}${second.exportUrl}`, { headers: { authorization: `Bearer ${tok.office}` } })).arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('东安县巡察干部2026年11月考勤情况公示');
    expect(ws.getCell('A2').value).toBe('（更正公示，替代2026年11月30日发布的公示）');
    expect(ws.pageSetup.printTitlesRow).toBe('4:5');
    const texts = ws.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(texts.some((v) => v.includes('（联系方式：0730-1234567）'))).toBe(true);
  });
});
