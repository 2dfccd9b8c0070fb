import { DateTime } from 'luxon';
import { badInput } from './errors';
import { msg } from './i18n';

/** All date logic is in China Standard Time. */
export const ZONE = 'Asia/Shanghai';
/** The earliest date the service accepts as input: nothing it records happened before. */
export const EARLIEST_DATE = '1900-01-01';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};

/**
 * True when `s` is a YYYY-MM-DD date that exists in the (proleptic Gregorian) calendar. Plain
 * arithmetic: it runs for every date value the API reads or writes, and a calendar date does
 * not depend on a time zone.
 */
export function isLocalDate(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (!(y >= 0 && m >= 1 && m <= 12 && d >= 1)) return false; // NaN fails every comparison
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= DAYS_IN_MONTH[m - 1] + (leap ? 1 : 0);
}

export function toDateTime(date: string): DateTime {
  return DateTime.fromISO(date, { zone: ZONE });
}

export function fromDateTime(dt: DateTime): string {
  return dt.setZone(ZONE).toISODate()!;
}

export function addDays(date: string, days: number): string {
  return fromDateTime(toDateTime(date).plus({ days }));
}

export function addYears(date: string, years: number): string {
  return fromDateTime(toDateTime(date).plus({ years }));
}

/** Days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round(toDateTime(b).diff(toDateTime(a), 'days').days);
}

/** Today's date in China Standard Time for an instant. */
export function localDateOf(instant: Date): string {
  return DateTime.fromJSDate(instant).setZone(ZONE).toISODate()!;
}

/** Inclusive date ranges: do [a1, a2] and [b1, b2] share a day? An open end (null) is infinite. */
export function rangesOverlap(a1: string, a2: string | null, b1: string, b2: string | null): boolean {
  return (b2 === null || a1 <= b2) && (a2 === null || b1 <= a2);
}

/** Checks an optional end date against a start date; raises BAD_USER_INPUT on `field` when before. */
export function assertNotBefore(start: string, end: string | null | undefined, field: string) {
  if (end != null && end < start) {
    throw badInput(field, msg(`结束日期 ${end} 早于开始日期 ${start}`, `End date ${end} is before start date ${start}`));
  }
}
