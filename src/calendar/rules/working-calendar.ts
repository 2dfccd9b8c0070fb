import { AppError } from '../../common/errors';
import { msg } from '../../common/i18n';
import { DayHalf, HalfDay, dateOfDay, dayNumber, isoWeekday, slotOf, yearOfDay } from './days';
import { CalendarNotice } from './official-notices';

export const CALENDAR_DAY_KINDS = ['HOLIDAY', 'MAKEUP_WORKDAY'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export interface CalendarDayData {
  date: string;
  kind: CalendarDayKind;
  name: string | null;
}

/**
 * A date fell in a year whose calendar has not been published; nothing is guessed.
 * BAD_USER_INPUT, naming the year (and the input field when the service knows it).
 */
export class UnpublishedYearError extends AppError {
  constructor(
    readonly year: number,
    field?: string,
  ) {
    super(
      'BAD_USER_INPUT',
      msg(
        `${year} 年的节假日安排尚未发布，无法计算工作日；请管理员先导入 ${year} 年的日历`,
        `The working-day calendar of ${year} has not been published; an administrator must import ${year} first`,
      ),
      field,
      { year },
    );
    this.name = 'UnpublishedYearError';
  }

  /** The same error naming the input field at fault. */
  at(field: string): UnpublishedYearError {
    return new UnpublishedYearError(this.year, field);
  }
}

/** The exceptions a notice makes to Monday-Friday, one per date, in date order. */
export function noticeDays(notice: CalendarNotice): CalendarDayData[] {
  const days: CalendarDayData[] = [];
  for (const h of notice.holidays) {
    for (let d = dayNumber(h.from); d <= dayNumber(h.to); d++) days.push({ date: dateOfDay(d), kind: 'HOLIDAY', name: h.name });
  }
  for (const m of notice.makeupWorkdays) days.push({ date: m.date, kind: 'MAKEUP_WORKDAY', name: m.name });
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The national working-day calendar: Monday-Friday are working days, except the published
 * holidays; published make-up days are working days whatever their weekday. Every question
 * about a date in a year that is not published throws UnpublishedYearError naming that year.
 */
export class WorkingCalendar {
  private readonly published: ReadonlySet<number>;
  private readonly exceptions = new Map<number, CalendarDayKind>();

  constructor(publishedYears: Iterable<number>, days: Iterable<CalendarDayData>) {
    this.published = new Set(publishedYears);
    for (const d of days) this.exceptions.set(dayNumber(d.date), d.kind);
  }

  static fromNotices(notices: readonly CalendarNotice[]): WorkingCalendar {
    return new WorkingCalendar(
      notices.map((n) => n.year),
      notices.flatMap(noticeDays),
    );
  }

  isPublished(year: number): boolean {
    return this.published.has(year);
  }

  /** Throws for the first year in [fromDay, toDay] that is not published. */
  private assertDays(fromDay: number, toDay: number) {
    for (let y = yearOfDay(fromDay); y <= yearOfDay(toDay); y++) {
      if (!this.published.has(y)) throw new UnpublishedYearError(y);
    }
  }

  private working(day: number): boolean {
    const kind = this.exceptions.get(day);
    if (kind === 'HOLIDAY') return false;
    if (kind === 'MAKEUP_WORKDAY') return true;
    return isoWeekday(day) <= 5;
  }

  isWorkingDay(date: string): boolean {
    const day = dayNumber(date);
    this.assertDays(day, day);
    return this.working(day);
  }

  /** The working dates in [from, to], in order (empty when to < from). */
  workingDates(from: string, to: string): string[] {
    const a = dayNumber(from);
    const b = dayNumber(to);
    if (b < a) return [];
    this.assertDays(a, b);
    const out: string[] = [];
    for (let d = a; d <= b; d++) if (this.working(d)) out.push(dateOfDay(d));
    return out;
  }

  /** Working half days from `start` to `end`, both included; 0 when end is before start. */
  halfDays(start: HalfDay, end: HalfDay): number {
    return this.halfDaysInSlots(slotOf(start), slotOf(end));
  }

  /** Working days (in half-day steps) from `start` to `end`, both included. */
  workingDays(start: HalfDay, end: HalfDay): number {
    return this.halfDays(start, end) / 2;
  }

  /** Working half days among the slots [first, last]. */
  halfDaysInSlots(first: number, last: number): number {
    if (last < first) return 0;
    const a = Math.floor(first / 2);
    const b = Math.floor(last / 2);
    this.assertDays(a, b);
    let n = 0;
    for (let d = a; d <= b; d++) {
      if (!this.working(d)) continue;
      n += (d * 2 >= first ? 1 : 0) + (d * 2 + 1 <= last ? 1 : 0);
    }
    return n;
  }

  /** The first working half day strictly after `after`, looking at most `horizonDays` ahead. */
  nextWorkingHalfDay(after: HalfDay, horizonDays = 366): HalfDay {
    const slot = slotOf(after) + 1;
    const startDay = Math.floor(slot / 2);
    for (let d = startDay; d <= startDay + horizonDays; d++) {
      this.assertDays(d, d);
      if (!this.working(d)) continue;
      const half: DayHalf = d === startDay && slot % 2 === 1 ? 'PM' : 'AM';
      return { date: dateOfDay(d), half };
    }
    throw new RangeError(`No working day within ${horizonDays} days after ${after.date}`);
  }
}
