import { Between, In, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { Ctx } from '../context';
import { badInput, conflict, forbidden, notFound, unknownId } from '../common/errors';
import { msg } from '../common/i18n';
import { optionalText } from '../common/validate';
import { manyBy } from '../db/loaders';
import { lockRows } from '../db/locks';
import { Role } from '../auth/roles';
import { Person } from '../people/person.entity';
import { personLoader } from '../people/people.service';
import { readablePersons } from '../people/person.access';
import { Region } from '../regions/region.entity';
import { requireRegion } from '../regions/regions.service';
import { Round } from '../rounds/round.entity';
import { Team, TeamMembership, TeamRole } from '../rounds/team.entity';
import { calendarOf } from '../calendar/calendar.service';
import { monthRange } from '../calendar/rules/days';
import { UnpublishedYearError } from '../calendar/rules/working-calendar';
import { takenLeave } from '../leave/availability';
import { AttendanceNotice, AttendanceNoticeRow, AttendanceNoticeSettingsRow, AttendanceRecord } from './attendance.entity';
import {
  dateZh,
  DEFAULT_POSTING_WORKING_DAYS,
  defaultIssuingOffice,
  describeDays,
  MAX_POSTING_WORKING_DAYS,
  membershipRemark,
  postingPeriod,
  publicationRefusal,
} from './rules/notice';
import { applyEntry, AttendanceStatus, entryRefusal, HalfKey, Mark } from './rules/records';
import { LEAVE_TYPES, LeaveType } from '../leave/rules/leave-types';
import { summarize, SummaryRow } from './rules/summary';

const ROUND = msg('巡察轮次', 'round');
const NOTICE = msg('考勤公示', 'attendance notice');
export const MAX_ENTRIES = 500;

export interface EntryData {
  personId: string;
  date: string;
  half?: 'AM' | 'PM' | null;
  status: AttendanceStatus;
  note?: string | null;
}

/** Whether a person was on a team of the round on a date: within the round's period and their membership (both ends included). */
function onTeamOn(round: Round, memberships: TeamMembership[], date: string): TeamMembership | undefined {
  if (date < round.startsOn || date > round.endsOn) return undefined;
  return memberships.find((m) => m.joinedOn <= date && (m.leftOn === null || date <= m.leftOn));
}

/**
 * Records attendance for people on the round's teams, per working day or half day: by the
 * office of the round's region, or by a group leader for the members of the team they lead.
 * A day still to come, a half day covered by approved leave, a non-working day, or a day the
 * person was not on a team of the round is refused, and then nothing is written.
 */
export async function recordAttendance(ctx: Ctx, roundId: string, entries: EntryData[]): Promise<AttendanceRecord[]> {
  const account = ctx.auth.signedIn();
  const round = await ctx.em.findOneBy(Round, { id: roundId });
  const inScope = round ? await ctx.auth.covers(round.regionId) : false;
  const office = inScope && ctx.auth.has('attendance:write') && ctx.auth.hasRole(Role.ADMIN, Role.INSPECTION_OFFICE, Role.OFFICE_DIRECTOR);
  let ledTeams = new Set<string>();
  if (round && !office && ctx.auth.hasRole(Role.GROUP_LEADER) && account.personId) {
    const mine = await ctx.em.find(TeamMembership, { where: { roundId: round.id, personId: account.personId, role: TeamRole.LEADER } });
    ledTeams = new Set(mine.filter((m) => m.leftOn === null).map((m) => m.teamId));
  }
  if (!round || (!inScope && ledTeams.size === 0)) throw unknownId('roundId', ROUND, roundId);
  if (!office && ledTeams.size === 0) throw forbidden(msg('只有巡察办或本组组长可以登记考勤', 'Only the office or the team’s group leader records attendance'));
  if (entries.length === 0) throw badInput('entries', msg('至少需要一条考勤', 'At least one entry is required'));
  if (entries.length > MAX_ENTRIES) throw badInput('entries', msg(`一次最多登记 ${MAX_ENTRIES} 条`, `At most ${MAX_ENTRIES} entries at a time`));

  const today = ctx.clock.today();
  entries.forEach((e, i) => {
    if (e.date > today) {
      throw badInput(
        `entries[${i}].date`,
        msg(`${e.date} 尚未到来，不能预先登记考勤（今天是 ${today}）`, `${e.date} has not come yet; attendance is recorded on or after the day (today is ${today})`),
        { date: e.date, today },
      );
    }
  });
  const personIds = [...new Set(entries.map((e) => e.personId))];
  const dates = [...new Set(entries.map((e) => e.date))].sort();
  // One writer per person at a time: records and leave checks stay consistent.
  await lockRows(ctx.em, Person, personIds);
  const [persons, memberships, leaves, existing, cal] = await Promise.all([
    readablePersons(ctx, personIds),
    ctx.em.find(TeamMembership, { where: { roundId: round.id, personId: In(personIds) } }),
    takenLeave(ctx, personIds, dates[0], dates[dates.length - 1]),
    ctx.em.find(AttendanceRecord, { where: { personId: In(personIds), date: In(dates) } }),
    calendarOf(ctx),
  ]);
  const nameOf = new Map([...persons.values()].map((p) => [p.id, p.name]));

  const state = new Map<string, Map<HalfKey, Mark>>();
  const stored = new Map<string, AttendanceRecord[]>();
  for (const r of existing) {
    const k = `${r.personId}|${r.date}`;
    stored.set(k, [...(stored.get(k) ?? []), r]);
  }
  const order: string[] = [];
  entries.forEach((e, i) => {
    const field = `entries[${i}]`;
    const name = nameOf.get(e.personId);
    if (!name) throw unknownId(`${field}.personId`, msg('人员', 'person'), e.personId);
    const note = optionalText(e.note, `${field}.note`, 200);
    let workingDay: boolean;
    try {
      workingDay = cal.isWorkingDay(e.date);
    } catch (err) {
      throw err instanceof UnpublishedYearError ? err.at(`${field}.date`) : err;
    }
    const mine = memberships.filter((m) => m.personId === e.personId);
    const membership = onTeamOn(round, mine, e.date);
    const refusal = entryRefusal({
      date: e.date,
      half: e.half ?? null,
      workingDay,
      onTeam: membership !== undefined,
      leaveSlots: leaves.filter((l) => l.personId === e.personId).map((l) => l.slots),
    });
    if (refusal === 'NOT_WORKING_DAY') throw badInput(`${field}.date`, msg(`${e.date} 不是工作日`, `${e.date} is not a working day`));
    if (refusal === 'NOT_ON_TEAM') {
      throw badInput(`${field}.personId`, msg(`${name} 在 ${e.date} 不在本轮巡察组中`, `${name} was not on a team of this round on ${e.date}`));
    }
    if (refusal === 'ON_LEAVE') {
      throw badInput(`${field}.date`, msg(`${name} 在 ${e.date} 有已批准的请假，考勤按请假计`, `${name} is on approved leave on ${e.date}; it counts as leave`));
    }
    if (!office && !ledTeams.has(membership!.teamId)) {
      throw forbidden(msg(`${name} 不是您所带巡察组的成员`, `${name} is not on a team you lead`));
    }
    const k = `${e.personId}|${e.date}`;
    if (!state.has(k)) {
      order.push(k);
      state.set(k, new Map((stored.get(k) ?? []).map((r) => [r.halfKey, { status: r.status, note: r.note }])));
    }
    state.set(k, applyEntry(state.get(k)!, e.half ?? null, { status: e.status, note }));
  });

  const now = ctx.clock.now();
  const out: AttendanceRecord[] = [];
  for (const k of order) {
    const [personId, date] = k.split('|');
    const before = new Map((stored.get(k) ?? []).map((r) => [r.halfKey, r]));
    const after = state.get(k)!;
    for (const [key, row] of before) if (!after.has(key)) await ctx.em.delete(AttendanceRecord, { id: row.id });
    for (const [key, mark] of after) {
      const row = Object.assign(before.get(key) ?? new AttendanceRecord(), {
        roundId: round.id,
        personId,
        date,
        halfKey: key,
        status: mark.status,
        note: mark.note,
        recordedBy: account.id,
        recordedAt: now,
      });
      if (before.has(key)) await ctx.em.update(AttendanceRecord, { id: row.id }, row);
      else await ctx.em.insert(AttendanceRecord, row);
      out.push(row);
    }
  }
  ctx.touch(round.id, ...personIds);
  return out;
}

// ---------------------------------------------------------------- monthly summary

export interface SummaryRowView extends SummaryRow {
  personName: string;
  /** The team(s) served on in the month, in order of joining, joined with 、. */
  teamName: string | null;
  remark: string | null;
  /** The rank of the person's first team (rounds by start, teams in creation order), for listing team by team. */
  teamRank: number;
}

export interface MonthSummary {
  /** The month's working dates up to today (all of them once the month is over). */
  workingDates: string[];
  /** The month's working dates. */
  monthWorkingDates: string[];
  rows: SummaryRowView[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function assertMonth(month: string) {
  if (!MONTH.test(month)) throw badInput('month', msg(`月份格式应为 YYYY-MM：${month}`, `The month must be YYYY-MM: ${month}`));
}

const collator = new Intl.Collator('zh-Hans-CN');

/**
 * The month's summary for the people on teams of the region's rounds: working days while on a
 * team, and how each working half day went (leave from approved and reported-back requests,
 * by type; otherwise the attendance record; otherwise unrecorded). Days still to come are not
 * counted: a month in progress is summed up to today, and leave counts once its day has come.
 * Rows in name order.
 */
export async function computeSummary(ctx: Ctx, region: Region, month: string): Promise<MonthSummary> {
  assertMonth(month);
  const { from, to } = monthRange(month);
  const cal = await calendarOf(ctx);
  let monthWorkingDates: string[];
  try {
    monthWorkingDates = cal.workingDates(from, to);
  } catch (e) {
    throw e instanceof UnpublishedYearError ? e.at('month') : e;
  }
  const today = ctx.clock.today();
  const workingDates = monthWorkingDates.filter((d) => d <= today);
  const empty: MonthSummary = { workingDates, monthWorkingDates, rows: [] };
  const rounds = await ctx.em.find(Round, { where: { regionId: region.id, startsOn: LessThanOrEqual(to), endsOn: MoreThanOrEqual(from) } });
  if (rounds.length === 0) return empty;
  const roundById = new Map(rounds.map((r) => [r.id, r]));
  const memberships = (await ctx.em.find(TeamMembership, { where: { roundId: In([...roundById.keys()]), joinedOn: LessThanOrEqual(to) } })).filter(
    (m) => m.leftOn === null || m.leftOn >= from,
  );
  const onTeam = new Map<string, { from: string; to: string }[]>();
  const served = new Map<string, { teamId: string; joinedOn: string; leftOn: string | null }[]>();
  for (const m of memberships) {
    const round = roundById.get(m.roundId)!;
    const a = [m.joinedOn, round.startsOn, from].reduce((x, y) => (x > y ? x : y));
    const b = [m.leftOn ?? round.endsOn, round.endsOn, to].reduce((x, y) => (x < y ? x : y));
    if (a > b) continue;
    onTeam.set(m.personId, [...(onTeam.get(m.personId) ?? []), { from: a, to: b }]);
    const joinedOn = m.joinedOn > round.startsOn ? m.joinedOn : round.startsOn;
    served.set(m.personId, [...(served.get(m.personId) ?? []), { teamId: m.teamId, joinedOn, leftOn: m.leftOn }]);
  }
  const personIds = [...onTeam.keys()];
  if (personIds.length === 0) return empty;
  const [records, leaves, persons, teams] = await Promise.all([
    ctx.em.find(AttendanceRecord, { where: { roundId: In([...roundById.keys()]), personId: In(personIds), date: Between(from, to) } }),
    takenLeave(ctx, personIds, from, to),
    personLoader(ctx).loadMany(personIds),
    ctx.em.find(Team, { where: { id: In([...new Set(memberships.map((m) => m.teamId))]) } }),
  ]);
  const nameOf = new Map(persons.filter((p): p is Person => p instanceof Person).map((p) => [p.id, p.name]));
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const roundStart = (t: Team) => roundById.get(t.roundId)!.startsOn;
  const teamRank = new Map(
    [...teams]
      .sort((x, y) => roundStart(x).localeCompare(roundStart(y)) || x.createdAt.getTime() - y.createdAt.getTime() || x.id.localeCompare(y.id))
      .map((t, i) => [t.id, i]),
  );
  const people = personIds
    .map((personId) => ({ personId, onTeam: onTeam.get(personId)! }))
    .sort((x, y) => collator.compare(nameOf.get(x.personId) ?? '', nameOf.get(y.personId) ?? '') || x.personId.localeCompare(y.personId));
  const rows = summarize({
    workingDates,
    people,
    records: records.map((r) => ({ personId: r.personId, date: r.date, half: r.half, status: r.status })),
    leaves,
  });
  const bounds = { firstWorkingDate: monthWorkingDates[0] ?? from, lastWorkingDate: monthWorkingDates[monthWorkingDates.length - 1] ?? to };
  return {
    workingDates,
    monthWorkingDates,
    rows: rows.map((r) => {
      const spans = (served.get(r.personId) ?? [])
        .sort((x, y) => x.joinedOn.localeCompare(y.joinedOn))
        .map((s) => ({ ...s, teamName: teamName.get(s.teamId) ?? '' }));
      return {
        ...r,
        personName: nameOf.get(r.personId) ?? '',
        teamName: [...new Set(spans.map((s) => s.teamName))].join('、') || null,
        remark: membershipRemark(spans, bounds) || null,
        teamRank: spans.length ? teamRank.get(spans[0].teamId)! : Number.MAX_SAFE_INTEGER,
      };
    }),
  };
}

export async function attendanceSummary(ctx: Ctx, regionId: string, month: string): Promise<SummaryRowView[]> {
  ctx.auth.require('attendance:read');
  return (await computeSummary(ctx, await requireRegion(ctx, regionId, 'regionId'), month)).rows;
}

// ---------------------------------------------------------------- notices

const LEAVE_COLUMNS: Record<LeaveType, keyof AttendanceNoticeRow> = {
  PERSONAL: 'leavePersonal',
  SICK: 'leaveSick',
  ANNUAL: 'leaveAnnual',
  HOME_UNIT_RECALL: 'leaveHomeUnitRecall',
  MARRIAGE: 'leaveMarriage',
  BEREAVEMENT: 'leaveBereavement',
  OTHER: 'leaveOther',
};

/**
 * Freezes the month's summary as a notice: revision 1, or the next revision, which the previous
 * one then names as its successor. A published notice never changes. It is published from the
 * month's last working day on, and only once every working day of everyone on a team has a
 * record or leave; otherwise CONFLICT, naming who misses which days (`extensions.unrecorded`).
 * The posting period, issuing office and contact are those in force, frozen with the notice.
 */
export async function publishNotice(ctx: Ctx, regionId: string, month: string): Promise<AttendanceNotice> {
  const account = ctx.auth.require('notice:publish');
  const region = await requireRegion(ctx, regionId, 'regionId');
  assertMonth(month);
  // One publication of a region at a time, so revisions are numbered without gaps or clashes.
  await lockRows(ctx.em, Region, [region.id]);
  const summary = await computeSummary(ctx, region, month);
  const today = ctx.clock.today();
  const missing = summary.rows.filter((r) => r.unrecordedDays > 0);
  const refusal = publicationRefusal({ today, workingDates: summary.monthWorkingDates, unrecordedRows: missing.length });
  if (refusal === 'EARLY') {
    const last = summary.monthWorkingDates[summary.monthWorkingDates.length - 1];
    throw badInput(
      'month',
      msg(
        `${monthZh(month)}的考勤公示须在本月最后一个工作日（${last ? dateZh(last) : '无'}）及以后发布`,
        `The notice of ${month} is published on or after the month's last working day (${last ?? 'none'})`,
      ),
      { publishableFrom: last ?? null },
    );
  }
  if (refusal === 'UNRECORDED') {
    const lines = missing.map((r) => `${r.personName}：${describeDays(r.unrecorded, summary.monthWorkingDates)}`);
    throw conflict(
      msg(
        `${monthZh(month)}尚有 ${missing.length} 人的工作日未登记考勤，登记后才能发布：${lines.join('；')}`,
        `${missing.length} people still have working days without attendance in ${month}; record them before publishing: ${missing
          .map((r) => `${r.personName}: ${r.unrecorded.map((d) => (d.half ? `${d.date} ${d.half}` : d.date)).join(', ')}`)
          .join('; ')}`,
      ),
      { unrecorded: missing.map((r) => ({ personId: r.personId, personName: r.personName, days: r.unrecorded })) },
    );
  }
  const settings = await noticeSettingsOf(ctx, region);
  const cal = await calendarOf(ctx);
  const posting = postingPeriod((d) => cal.isWorkingDay(d), today, settings.postingWorkingDays);
  const latest = await ctx.em.findOne(AttendanceNotice, { where: { regionId: region.id, month }, order: { revision: 'DESC' } });
  const notice = Object.assign(new AttendanceNotice(), {
    regionId: region.id,
    month,
    revision: (latest?.revision ?? 0) + 1,
    publishedAt: ctx.clock.now(),
    publishedBy: account.id,
    supersededById: null,
    postedFrom: posting.from,
    postedUntil: posting.until,
    postingWorkingDays: settings.postingWorkingDays,
    issuingOffice: settings.issuingOffice,
    objectionContact: settings.objectionContact,
  });
  await ctx.em.insert(AttendanceNotice, notice);
  // Team by team, and by name within a team.
  const rows = [...summary.rows].sort((x, y) => x.teamRank - y.teamRank);
  if (rows.length) {
    await ctx.em.insert(
      AttendanceNoticeRow,
      rows.map((r, i) => {
        const row = Object.assign(new AttendanceNoticeRow(), {
          noticeId: notice.id,
          ordinal: i + 1,
          personId: r.personId,
          personName: r.personName,
          workingDays: r.workingDays,
          presentDays: r.presentDays,
          businessTripDays: r.businessTripDays,
          leaveDays: r.leaveDays,
          absentDays: r.absentDays,
          homeUnitRecallDays: r.homeUnitRecallDays,
          unrecordedDays: r.unrecordedDays,
          teamName: r.teamName,
          remark: r.remark,
        });
        for (const t of LEAVE_TYPES) (row[LEAVE_COLUMNS[t]] as number) = r.leaveByType.find((x) => x.type === t)?.days ?? 0;
        return row;
      }),
    );
  }
  if (latest) await ctx.em.update(AttendanceNotice, { id: latest.id }, { supersededById: notice.id });
  ctx.touch(notice.id, latest?.id);
  return notice;
}

const monthZh = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** A notice's frozen rows as summary rows. */
export async function noticeRows(ctx: Ctx, noticeId: string): Promise<SummaryRowView[]> {
  const rows = await manyBy(ctx, AttendanceNoticeRow, 'noticeId', { ordinal: 'ASC' }).load(noticeId);
  return rows.map((r) => ({
    personId: r.personId,
    personName: r.personName,
    teamName: r.teamName,
    remark: r.remark,
    workingDays: r.workingDays,
    presentDays: r.presentDays,
    businessTripDays: r.businessTripDays,
    leaveDays: r.leaveDays,
    absentDays: r.absentDays,
    homeUnitRecallDays: r.homeUnitRecallDays,
    unrecordedDays: r.unrecordedDays,
    unrecorded: [],
    teamRank: 0,
    leaveByType: LEAVE_TYPES.filter((t) => (r[LEAVE_COLUMNS[t]] as number) > 0).map((t) => ({ type: t, days: r[LEAVE_COLUMNS[t]] as number })),
  }));
}

// ---------------------------------------------------------------- notice settings

export interface NoticeSettingsView {
  regionId: string;
  /** The region whose settings apply; null when the defaults apply. */
  definedByRegionId: string | null;
  postingWorkingDays: number;
  issuingOffice: string;
  objectionContact: string | null;
}

/** A region's notice settings: its own, else its nearest ancestor's, else the defaults. */
export async function noticeSettingsOf(ctx: Ctx, region: Region): Promise<NoticeSettingsView> {
  const lineage = region.path.split('/').filter(Boolean);
  const rows = await ctx.em.find(AttendanceNoticeSettingsRow, { where: { regionId: In(lineage) } });
  const own = [...lineage].reverse().map((id) => rows.find((r) => r.regionId === id)).find((r) => r !== undefined);
  return {
    regionId: region.id,
    definedByRegionId: own?.regionId ?? null,
    postingWorkingDays: own?.postingWorkingDays ?? DEFAULT_POSTING_WORKING_DAYS,
    // An ancestor's office is not this region's: only the region's own name is inherited as a default.
    issuingOffice: (own?.regionId === region.id ? own.issuingOffice : null) ?? defaultIssuingOffice(region.name),
    objectionContact: own?.objectionContact ?? null,
  };
}

export async function getNoticeSettings(ctx: Ctx, regionId: string): Promise<NoticeSettingsView> {
  ctx.auth.require('attendance:read');
  return noticeSettingsOf(ctx, await requireRegion(ctx, regionId, 'regionId'));
}

export interface NoticeSettingsData {
  regionId: string;
  postingWorkingDays: number;
  issuingOffice?: string | null;
  objectionContact?: string | null;
}

/** Gives a region notice settings of its own (notice:publish: the office director, ADMIN). */
export async function setNoticeSettings(ctx: Ctx, input: NoticeSettingsData): Promise<NoticeSettingsView> {
  const account = ctx.auth.require('notice:publish');
  const region = await requireRegion(ctx, input.regionId, 'regionId');
  const days = input.postingWorkingDays;
  if (!Number.isInteger(days) || days < 1 || days > MAX_POSTING_WORKING_DAYS) {
    throw badInput(
      'postingWorkingDays',
      msg(`公示期应为 1 至 ${MAX_POSTING_WORKING_DAYS} 个工作日`, `The posting period must be 1 to ${MAX_POSTING_WORKING_DAYS} working days`),
    );
  }
  const issuingOffice = optionalText(input.issuingOffice, 'issuingOffice', 200);
  const objectionContact = optionalText(input.objectionContact, 'objectionContact', 300);
  await lockRows(ctx.em, Region, [region.id]);
  const existing = await ctx.em.findOneBy(AttendanceNoticeSettingsRow, { regionId: region.id });
  const row = Object.assign(existing ?? new AttendanceNoticeSettingsRow(), {
    regionId: region.id,
    postingWorkingDays: days,
    issuingOffice,
    objectionContact,
    updatedBy: account.id,
    updatedAt: ctx.clock.now(),
  });
  await ctx.em.save(AttendanceNoticeSettingsRow, row);
  ctx.touch(region.id);
  return noticeSettingsOf(ctx, region);
}

export async function listNotices(ctx: Ctx, regionId: string, month?: string | null): Promise<AttendanceNotice[]> {
  ctx.auth.require('attendance:read');
  const region = await requireRegion(ctx, regionId, 'regionId');
  if (month) assertMonth(month);
  return ctx.em.find(AttendanceNotice, {
    where: { regionId: region.id, ...(month ? { month } : {}) },
    order: { month: 'DESC', revision: 'DESC' },
  });
}

/** A notice the account may read (attendance:read in its region), or NOT_FOUND. */
export async function getNotice(ctx: Ctx, id: string): Promise<AttendanceNotice> {
  ctx.auth.require('attendance:read');
  const notice = await ctx.em.findOneBy(AttendanceNotice, { id });
  if (notice && (await ctx.auth.covers(notice.regionId))) return notice;
  throw notFound(NOTICE, id);
}

export const exportPath = (noticeId: string) => `/exports/attendance-notices/${noticeId}.xlsx`;
