import { DateTime } from 'luxon';
import { badInput } from './errors';
import { msg } from './i18n';

/** All date logic is in China Standard Time. */
export const ZONE = 'Asia/Shanghai';
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `s` is a YYYY-MM-DD date that exists in the calendar. */
export function isLocalDate(s: unknown): s is string {
  return typeof s === 'string' && LOCAL_DATE.test(s) && DateTime.fromISO(s, { zone: ZONE }).isValid;
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
