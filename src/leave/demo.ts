/**
 * Demo data for leave and attendance, through the GraphQL API: for the round in progress, a
 * month of attendance, leave requests in every state, and a published notice with a correction.
 * Runs after the rounds seed, which sets up the round and its teams.
 */
import type { DemoApi } from '../demo/api';
import { addDaysTo, monthRange } from '../calendar/rules/days';
import { CalendarDayData, UnpublishedYearError, WorkingCalendar } from '../calendar/rules/working-calendar';

const ROUNDS = `query($f: RoundFilter!) { rounds(filter: $f, first: 100) { edges { node {
  id name startsOn endsOn region { id code }
  teams { id name members { person { id name } role joinedOn leftOn } } } } } }`;
const YEAR = `query($y: Int!) { calendarYear(year: $y) { year published days { date kind name } } }`;
const REQUEST = `mutation($i: RequestLeaveInput!) { requestLeave(input: $i) { leave { id status } } }`;
const DECIDE = `mutation($i: DecideLeaveInput!) { decideLeave(input: $i) { leave { id status } } }`;
const CANCEL = `mutation($i: CancelLeaveInput!) { cancelLeave(input: $i) { leave { id status } } }`;
const REPORT_BACK = `mutation($i: ReportBackInput!) { reportBack(input: $i) { leave { id status } } }`;
const RECORD = `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { records { id } } }`;
const PUBLISH = `mutation($i: PublishAttendanceNoticeInput!) { publishAttendanceNotice(input: $i) { notice { id revision } } }`;
const CREATE_ACCOUNT = `mutation($i: CreateAccountInput!) { createAccount(input: $i) { account { id } } }`;

/** The approvers the seed signs in as; every demo account has the demo password. */
export const DEMO_APPROVER_PASSWORD = 'Demo-Pass-2025';

interface Member {
  personId: string;
  from: string;
  to: string;
}

interface DemoRound {
  id: string;
  startsOn: string;
  endsOn: string;
  region: { id: string; code: string };
  teams: { id: string; name: string; members: { person: { id: string; name: string }; role: string; joinedOn: string; leftOn: string | null }[] }[];
}

type Gql = DemoApi['gql'];

/**
 * The first round in progress (STATIONED) with members, in the counties then the city; null
 * when there is none, or when the service has no rounds API to ask.
 */
async function findRound(api: DemoApi): Promise<DemoRound | null> {
  const regions = [...api.world.counties.map((c) => c.regionId), api.world.cityRegionId];
  for (const regionId of regions) {
    let data: { rounds: { edges: { node: DemoRound }[] } };
    try {
      data = await api.gql(ROUNDS, { f: { regionId, status: 'STATIONED' } });
    } catch (e) {
      if (e instanceof Error && e.message.includes('GRAPHQL_VALIDATION_FAILED')) return null;
      throw e;
    }
    const round = data.rounds.edges.map((e) => e.node).find((r) => r.teams.some((t) => t.members.length > 0));
    if (round) return round;
  }
  return null;
}

async function loadCalendar(gql: Gql, years: number[]): Promise<WorkingCalendar> {
  const published: number[] = [];
  const days: CalendarDayData[] = [];
  for (const y of years) {
    const { calendarYear } = await gql<{ calendarYear: { published: boolean; days: CalendarDayData[] } | null }>(YEAR, { y });
    if (calendarYear?.published) {
      published.push(y);
      days.push(...calendarYear.days);
    }
  }
  return new WorkingCalendar(published, days);
}

/** Working dates in [from, to] that lie in published years (the rest is skipped, never guessed). */
function workingDatesIn(cal: WorkingCalendar, from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDaysTo(d, 1)) {
    try {
      if (cal.isWorkingDay(d)) out.push(d);
    } catch (e) {
      if (!(e instanceof UnpublishedYearError)) throw e;
    }
  }
  return out;
}

/**
 * With a round in progress: leave around its members in the latest month of the round whose
 * calendar is published, that month's attendance, and its notice (with a correction). Without
 * one: leave for people of the first county in the current month; no attendance.
 */
export async function seedDemo(api: DemoApi): Promise<void> {
  const today = api.world.today;
  const round = await findRound(api);
  const year = Number(today.slice(0, 4));
  const cal = await loadCalendar(api.gql, [year - 1, year, year + 1]);

  // The month: the latest one of the round (or the current one) up to today whose year is
  // published; with a round, preferably the latest whose last working day has come, so that its
  // notice can be published.
  const until = round ? [round.endsOn, today].sort()[0] : today;
  const earliest = round ? round.startsOn.slice(0, 7) : today.slice(0, 7);
  let month: string | null = null;
  let closed = false;
  for (let m = until.slice(0, 7); m >= earliest; m = addDaysTo(`${m}-01`, -1).slice(0, 7)) {
    if (!cal.isPublished(Number(m.slice(0, 4)))) continue;
    month ??= m;
    const days = workingDatesIn(cal, monthRange(m).from, monthRange(m).to);
    if (!round || (days.length > 0 && days[days.length - 1] <= today)) {
      month = m;
      closed = days.length > 0 && days[days.length - 1] <= today;
      break;
    }
  }
  // Nothing can be counted in a year whose calendar is not published.
  if (!month) return;
  const range = monthRange(month);
  const from = round ? [range.from, round.startsOn].sort()[1] : range.from;
  const to = [range.to, until].sort()[0];
  const workdays = workingDatesIn(cal, from, to);

  const county = api.world.counties[0];
  const regionId = round?.region.id ?? county.regionId;
  const members: Member[] = round
    ? round.teams.flatMap((t) =>
        t.members.map((m) => ({
          personId: m.person.id,
          from: [m.joinedOn, from].sort()[1],
          to: [m.leftOn ?? to, to].sort()[0],
        })),
      )
    : county.specialists.slice(0, 8).map((s) => ({ personId: s.personId, from, to }));
  const onTeam = (m: Member, d: string) => d >= m.from && d <= m.to;

  // Approvers of the region, signed in when the demo API allows it.
  const suffix = regionId.slice(-6);
  const approver = async (role: string) => {
    const username = `leave-${role.toLowerCase().replace(/_/g, '-')}-${suffix}`;
    await api.gql(CREATE_ACCOUNT, { i: { username, password: DEMO_APPROVER_PASSWORD, roles: [role], regionIds: [regionId] } });
    return api.as ? api.as(username, DEMO_APPROVER_PASSWORD) : null;
  };
  const director = await approver('OFFICE_DIRECTOR');
  const head = await approver('LEADING_GROUP_HEAD');

  const leaveDays = new Map<string, Set<string>>(); // personId → 'date|half' taken by approved leave
  const request = async (m: Member, type: string, start: string, end: string, halves: ['AM' | 'PM', 'AM' | 'PM'], reason: string) => {
    const { requestLeave } = await api.gql<{ requestLeave: { leave: { id: string } } }>(REQUEST, {
      i: { regionId, personId: m.personId, type, startDate: start, startHalf: halves[0], endDate: end, endHalf: halves[1], reason },
    });
    return requestLeave.leave.id;
  };
  const decide = async (gql: Gql | null, leaveId: string, approve: boolean, comment: string) => {
    if (gql) await gql(DECIDE, { i: { leaveId, approve, comment } });
  };
  const markTaken = (m: Member, dates: string[], halves: ('AM' | 'PM')[] = ['AM', 'PM']) => {
    const set = leaveDays.get(m.personId) ?? new Set<string>();
    for (const d of dates) for (const h of halves) set.add(`${d}|${h}`);
    leaveDays.set(m.personId, set);
  };

  const usable = members.filter((m) => workdays.some((d) => onTeam(m, d)));
  const pick = (i: number) => usable[i % usable.length];
  const datesOf = (m: Member) => workdays.filter((d) => onTeam(m, d));
  const future = workingDatesIn(cal, addDaysTo(today, 1), addDaysTo(today, 30));

  if (usable.length > 0 && api.as) {
    // Approved sick leave, reported back.
    const sick = pick(0);
    const sd = datesOf(sick);
    if (sd.length >= 4) {
      const id = await request(sick, 'SICK', sd[2], sd[3], ['AM', 'PM'], '感冒发烧，医院就诊');
      await decide(head, id, true, '同意，注意休息');
      await api.gql(REPORT_BACK, { i: { leaveId: id, returnedOn: sd[4] ?? sd[3] } });
      markTaken(sick, [sd[2], sd[3]]);
    }
    // Approved half day, signed by the office director.
    const half = pick(1);
    const hd = datesOf(half);
    if (hd.length >= 5) {
      await decide(director, await request(half, 'PERSONAL', hd[4], hd[4], ['PM', 'PM'], '办理个人证件'), true, '同意');
      markTaken(half, [hd[4]], ['PM']);
    }
    // Rejected annual leave.
    const rej = pick(2);
    const rd = datesOf(rej);
    if (rd.length >= 8) await decide(head, await request(rej, 'ANNUAL', rd[6], rd[7], ['AM', 'PM'], '休年假'), false, '巡察进驻期间任务重，请错峰安排');
    // Approved recall by the home unit, not reported back: overdue.
    const recall = pick(3);
    const cd = datesOf(recall);
    if (cd.length >= 3 && cd[cd.length - 2] < today) {
      const d = cd[cd.length - 3];
      await decide(head, await request(recall, 'HOME_UNIT_RECALL', d, d, ['AM', 'PM'], '原单位召回参加年度考核会议'), true, '同意，会后及时返岗');
      markTaken(recall, [d]);
    }
    // Approved, then cancelled before it starts.
    if (future.length >= 3) {
      const m = pick(4);
      const id = await request(m, 'PERSONAL', future[2], future[2], ['AM', 'PM'], '子女学校家长会');
      await decide(head, id, true, '同意');
      await api.gql(CANCEL, { i: { leaveId: id, reason: '家长会改期' } });
    }
  }
  if (usable.length > 0 && future.length >= 2) {
    // Pending, and withdrawn.
    await request(pick(5), 'PERSONAL', future[0], future[1], ['AM', 'PM'], '老家房屋修缮');
    const w = await request(pick(6), 'OTHER', future[1], future[1], ['AM', 'AM'], '陪同家人体检');
    await api.gql(CANCEL, { i: { leaveId: w, reason: '已另行安排' } });
  }

  if (!round) return;

  // A month of attendance: mostly present, with business trips, an absence and a recall.
  const entries: Record<string, unknown>[] = [];
  usable.forEach((m, i) => {
    const taken = leaveDays.get(m.personId) ?? new Set<string>();
    datesOf(m).forEach((d, j) => {
      const free = (['AM', 'PM'] as const).filter((h) => !taken.has(`${d}|${h}`));
      if (free.length === 0) return;
      let status = 'PRESENT';
      let note: string | null = null;
      if ((i + j) % 13 === 5) [status, note] = ['BUSINESS_TRIP', '外出调取资料'];
      if (i === 1 && j === 7) [status, note] = ['ABSENT', '未履行请假手续'];
      if (i === 2 && j === 9) [status, note] = ['HOME_UNIT_RECALL', '原单位临时召回'];
      if (free.length === 2) entries.push({ personId: m.personId, date: d, half: null, status, note });
      else entries.push({ personId: m.personId, date: d, half: free[0], status, note });
    });
  });
  for (let i = 0; i < entries.length; i += 400) await api.gql(RECORD, { i: { roundId: round.id, entries: entries.slice(i, i + 400) } });

  // The monthly notice, then a correction published as revision 2 (once the month's last working day has come).
  if (!closed) return;
  const publisher = director ?? api.gql;
  await publisher(PUBLISH, { i: { regionId, month } });
  const corrected = entries.find((e) => e.status === 'PRESENT' && e.half === null);
  if (corrected) {
    await api.gql(RECORD, { i: { roundId: round.id, entries: [{ ...corrected, status: 'BUSINESS_TRIP', note: '更正：当日外出谈话' }] } });
    await publisher(PUBLISH, { i: { regionId, month } });
  }
}
