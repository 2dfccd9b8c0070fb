import { dayNumber } from '../../calendar/rules/days';
import { LEAVE_TYPES, LeaveType } from '../../leave/rules/leave-types';
import { AttendanceStatus, recordSlots } from './records';

export interface SummaryInput {
  /** The working dates of the month under the calendar. */
  workingDates: readonly string[];
  /** Each person with the inclusive date ranges they were on a team of the region. */
  people: readonly { personId: string; onTeam: readonly { from: string; to: string }[] }[];
  records: readonly { personId: string; date: string; half: 'AM' | 'PM' | null; status: AttendanceStatus }[];
  /** Leave taken (approved or reported back), as inclusive slot intervals. */
  leaves: readonly { personId: string; type: LeaveType; slots: readonly [number, number] }[];
}

/** All figures in working days, in half-day steps. */
export interface SummaryRow {
  personId: string;
  workingDays: number;
  presentDays: number;
  businessTripDays: number;
  leaveDays: number;
  absentDays: number;
  homeUnitRecallDays: number;
  unrecordedDays: number;
  /** The working half days with neither a record nor leave, in date order (half null: the whole day). */
  unrecorded: { date: string; half: 'AM' | 'PM' | null }[];
  /** Only the types with leave, in the order of LEAVE_TYPES. */
  leaveByType: { type: LeaveType; days: number }[];
}

/**
 * The monthly summary. Every working half day on which a person was on a team counts once:
 * as leave when approved leave covers it (whatever was recorded), else by its attendance
 * record, else as unrecorded. So working days = present + business trip + leave + absent +
 * recall + unrecorded, for every row. Rows come in the order of `people`.
 */
export function summarize(input: SummaryInput): SummaryRow[] {
  const workingDays = input.workingDates.map(dayNumber);
  const records = new Map<string, Map<number, AttendanceStatus>>();
  for (const r of input.records) {
    let m = records.get(r.personId);
    if (!m) records.set(r.personId, (m = new Map()));
    for (const s of recordSlots(r.date, r.half)) m.set(s, r.status);
  }
  const leaves = new Map<string, SummaryInput['leaves'][number][]>();
  for (const l of input.leaves) {
    const list = leaves.get(l.personId) ?? [];
    list.push(l);
    leaves.set(l.personId, list);
  }

  return input.people.map(({ personId, onTeam }) => {
    const ranges = onTeam.map((r) => [dayNumber(r.from), dayNumber(r.to)] as const);
    const rec = records.get(personId);
    const lv = leaves.get(personId) ?? [];
    const half = { working: 0, PRESENT: 0, BUSINESS_TRIP: 0, ABSENT: 0, HOME_UNIT_RECALL: 0, leave: 0, unrecorded: 0 };
    const byType = new Map<LeaveType, number>();
    const unrecorded: SummaryRow['unrecorded'] = [];
    workingDays.forEach((d, i) => {
      if (!ranges.some(([a, b]) => d >= a && d <= b)) return;
      const missing: ('AM' | 'PM')[] = [];
      for (const slot of [d * 2, d * 2 + 1]) {
        half.working++;
        const leave = lv.find((l) => slot >= l.slots[0] && slot <= l.slots[1]);
        if (leave) {
          half.leave++;
          byType.set(leave.type, (byType.get(leave.type) ?? 0) + 1);
          continue;
        }
        const status = rec?.get(slot);
        if (status) half[status]++;
        else {
          half.unrecorded++;
          missing.push(slot % 2 === 0 ? 'AM' : 'PM');
        }
      }
      if (missing.length) unrecorded.push({ date: input.workingDates[i], half: missing.length === 2 ? null : missing[0] });
    });
    return {
      personId,
      workingDays: half.working / 2,
      presentDays: half.PRESENT / 2,
      businessTripDays: half.BUSINESS_TRIP / 2,
      leaveDays: half.leave / 2,
      absentDays: half.ABSENT / 2,
      homeUnitRecallDays: half.HOME_UNIT_RECALL / 2,
      unrecordedDays: half.unrecorded / 2,
      unrecorded,
      leaveByType: LEAVE_TYPES.filter((t) => byType.has(t)).map((t) => ({ type: t, days: byType.get(t)! / 2 })),
    };
  });
}
