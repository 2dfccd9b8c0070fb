/**
 * Civil dates ('YYYY-MM-DD', China Standard Time) as day numbers, and half days as slots.
 * A date string already names a day in Asia/Shanghai, so day arithmetic needs no time zone:
 * day numbers count days since 1970-01-01 and a half-day slot is `day * 2` (AM) or
 * `day * 2 + 1` (PM). Slots make half-day spans plain integer intervals.
 */
export const DAY_HALVES = ['AM', 'PM'] as const;
export type DayHalf = (typeof DAY_HALVES)[number];

export interface HalfDay {
  date: string;
  half: DayHalf;
}

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a 'YYYY-MM-DD' date; throws on anything that is not a real date. */
export function dayNumber(date: string): number {
  const m = LOCAL_DATE.exec(date);
  if (!m) throw new RangeError(`Not a date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Not a date: ${date}`);
  }
  return ms / MS_PER_DAY;
}

export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday (ISO). 1970-01-01 was a Thursday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function slotOf(h: HalfDay): number {
  return dayNumber(h.date) * 2 + (h.half === 'PM' ? 1 : 0);
}

export function halfDayOfSlot(slot: number): HalfDay {
  return { date: dateOfDay(Math.floor(slot / 2)), half: slot % 2 === 0 ? 'AM' : 'PM' };
}

export function addDaysTo(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** First and last date of a month given as 'YYYY-MM'. */
export function monthRange(month: string): { from: string; to: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError(`Not a month: ${month}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}` };
}
