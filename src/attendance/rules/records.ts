import { DayHalf, dayNumber } from '../../calendar/rules/days';

export const ATTENDANCE_STATUSES = ['PRESENT', 'BUSINESS_TRIP', 'ABSENT', 'HOME_UNIT_RECALL'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
/** A record covers a morning, an afternoon, or the whole day. */
export type HalfKey = DayHalf | 'DAY';

export const halfOfKey = (key: HalfKey): DayHalf | null => (key === 'DAY' ? null : key);

export interface Mark {
  status: AttendanceStatus;
  note: string | null;
}

/** The slots (see calendar/rules/days) a record on `date` covers. */
export function recordSlots(date: string, half: DayHalf | null): number[] {
  const d = dayNumber(date) * 2;
  if (half === 'AM') return [d];
  if (half === 'PM') return [d + 1];
  return [d, d + 1];
}

/**
 * One person's records on one date after an entry: a whole-day entry replaces both halves; a
 * half-day entry replaces that half, and splits a whole-day record so that the other half keeps
 * its status. The records of a date never overlap.
 */
export function applyEntry(current: ReadonlyMap<HalfKey, Mark>, half: DayHalf | null, mark: Mark): Map<HalfKey, Mark> {
  const next = new Map<HalfKey, Mark>();
  if (half === null) {
    next.set('DAY', mark);
    return next;
  }
  const other: DayHalf = half === 'AM' ? 'PM' : 'AM';
  const day = current.get('DAY');
  const kept = day ?? current.get(other);
  if (kept) next.set(other, kept);
  next.set(half, mark);
  return next;
}

export type EntryRefusal = 'NOT_WORKING_DAY' | 'NOT_ON_TEAM' | 'ON_LEAVE';

/**
 * Why an attendance entry cannot be recorded, if it cannot: the date is not a working day, the
 * person is not on a team of the round that day, or approved leave covers a half day of it.
 */
export function entryRefusal(args: {
  date: string;
  half: DayHalf | null;
  workingDay: boolean;
  onTeam: boolean;
  leaveSlots: readonly (readonly [number, number])[];
}): EntryRefusal | null {
  if (!args.workingDay) return 'NOT_WORKING_DAY';
  if (!args.onTeam) return 'NOT_ON_TEAM';
  const slots = recordSlots(args.date, args.half);
  if (args.leaveSlots.some(([a, b]) => slots.some((s) => s >= a && s <= b))) return 'ON_LEAVE';
  return null;
}
