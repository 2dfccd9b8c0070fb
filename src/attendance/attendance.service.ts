import { Between, In, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { Ctx } from '../context';
import { badInput, forbidden, notFound, unknownId } from '../common/errors';
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
import { TeamMembership, TeamRole } from '../rounds/team.entity';
import { calendarOf } from '../calendar/calendar.service';
import { monthRange } from '../calendar/rules/days';
import { UnpublishedYearError } from '../calendar/rules/working-calendar';
import { takenLeave } from '../leave/availability';
import { AttendanceNotice, AttendanceNoticeRow, AttendanceRecord } from './attendance.entity';
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
 * A half day covered by approved leave, a non-working day, or a day the person was not on a
 * team of the round is refused, and then nothing is written.
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
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function assertMonth(month: string) {
  if (!MONTH.test(month)) throw badInput('month', msg(`月份格式应为 YYYY-MM：${month}`, `The month must be YYYY-MM: ${month}`));
}

const collator = new Intl.Collator('zh-Hans-CN');

/**
 * The month's summary for the people on teams of the region's rounds: working days while on a
 * team, and how each working half day went (leave from approved and reported-back requests,
 * by type; otherwise the attendance record; otherwise unrecorded). Rows in name order.
 */
export async function computeSummary(ctx: Ctx, region: Region, month: string): Promise<SummaryRowView[]> {
  assertMonth(month);
  const { from, to } = monthRange(month);
  const cal = await calendarOf(ctx);
  let workingDates: string[];
  try {
    workingDates = cal.workingDates(from, to);
  } catch (e) {
    throw e instanceof UnpublishedYearError ? e.at('month') : e;
  }
  const rounds = await ctx.em.find(Round, { where: { regionId: region.id, startsOn: LessThanOrEqual(to), endsOn: MoreThanOrEqual(from) } });
  if (rounds.length === 0) return [];
  const roundById = new Map(rounds.map((r) => [r.id, r]));
  const memberships = (await ctx.em.find(TeamMembership, { where: { roundId: In([...roundById.keys()]), joinedOn: LessThanOrEqual(to) } })).filter(
    (m) => m.leftOn === null || m.leftOn >= from,
  );
  const onTeam = new Map<string, { from: string; to: string }[]>();
  for (const m of memberships) {
    const round = roundById.get(m.roundId)!;
    const a = [m.joinedOn, round.startsOn, from].reduce((x, y) => (x > y ? x : y));
    const b = [m.leftOn ?? round.endsOn, round.endsOn, to].reduce((x, y) => (x < y ? x : y));
    if (a <= b) onTeam.set(m.personId, [...(onTeam.get(m.personId) ?? []), { from: a, to: b }]);
  }
  const personIds = [...onTeam.keys()];
  if (personIds.length === 0) return [];
  const [records, leaves, persons] = await Promise.all([
    ctx.em.find(AttendanceRecord, { where: { roundId: In([...roundById.keys()]), personId: In(personIds), date: Between(from, to) } }),
    takenLeave(ctx, personIds, from, to),
    personLoader(ctx).loadMany(personIds),
  ]);
  const nameOf = new Map(persons.filter((p): p is Person => p instanceof Person).map((p) => [p.id, p.name]));
  const people = personIds
    .map((personId) => ({ personId, onTeam: onTeam.get(personId)! }))
    .sort((x, y) => collator.compare(nameOf.get(x.personId) ?? '', nameOf.get(y.personId) ?? '') || x.personId.localeCompare(y.personId));
  const rows = summarize({
    workingDates,
    people,
    records: records.map((r) => ({ personId: r.personId, date: r.date, half: r.half, status: r.status })),
    leaves,
  });
  return rows.map((r) => ({ ...r, personName: nameOf.get(r.personId) ?? '' }));
}

export async function attendanceSummary(ctx: Ctx, regionId: string, month: string): Promise<SummaryRowView[]> {
  ctx.auth.require('attendance:read');
  return computeSummary(ctx, await requireRegion(ctx, regionId, 'regionId'), month);
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
 * one then names as its successor. A published notice never changes.
 */
export async function publishNotice(ctx: Ctx, regionId: string, month: string): Promise<AttendanceNotice> {
  const account = ctx.auth.require('notice:publish');
  const region = await requireRegion(ctx, regionId, 'regionId');
  assertMonth(month);
  // One publication of a region at a time, so revisions are numbered without gaps or clashes.
  await lockRows(ctx.em, Region, [region.id]);
  const rows = await computeSummary(ctx, region, month);
  const latest = await ctx.em.findOne(AttendanceNotice, { where: { regionId: region.id, month }, order: { revision: 'DESC' } });
  const notice = Object.assign(new AttendanceNotice(), {
    regionId: region.id,
    month,
    revision: (latest?.revision ?? 0) + 1,
    publishedAt: ctx.clock.now(),
    publishedBy: account.id,
    supersededById: null,
  });
  await ctx.em.insert(AttendanceNotice, notice);
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

/** A notice's frozen rows as summary rows. */
export async function noticeRows(ctx: Ctx, noticeId: string): Promise<SummaryRowView[]> {
  const rows = await manyBy(ctx, AttendanceNoticeRow, 'noticeId', { ordinal: 'ASC' }).load(noticeId);
  return rows.map((r) => ({
    personId: r.personId,
    personName: r.personName,
    workingDays: r.workingDays,
    presentDays: r.presentDays,
    businessTripDays: r.businessTripDays,
    leaveDays: r.leaveDays,
    absentDays: r.absentDays,
    homeUnitRecallDays: r.homeUnitRecallDays,
    unrecordedDays: r.unrecordedDays,
    leaveByType: LEAVE_TYPES.filter((t) => (r[LEAVE_COLUMNS[t]] as number) > 0).map((t) => ({ type: t, days: r[LEAVE_COLUMNS[t]] as number })),
  }));
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
