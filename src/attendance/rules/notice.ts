/**
 * The monthly notice (月公示) as an office posts it: when it may be published, its posting period,
 * and the words on it. Pure functions on plain data.
 */
import { addDaysTo } from '../../calendar/rules/days';

/** The posting period (公示期) when a region sets none, in working days. */
export const DEFAULT_POSTING_WORKING_DAYS = 5;
export const MAX_POSTING_WORKING_DAYS = 30;

/** '2026-11-03' → '2026年11月3日'. */
export function dateZh(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** '2026-11-03' → '11月3日'. */
export function monthDayZh(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日`;
}

const HALF_ZH = { AM: '上午', PM: '下午' } as const;

/**
 * Half days without a record, in words a clerk reads: runs of consecutive working days (in
 * `workingDates`) joined, e.g. "11月3日至11月7日、11月10日上午". Days are in date order.
 */
export function describeDays(days: readonly { date: string; half: 'AM' | 'PM' | null }[], workingDates: readonly string[]): string {
  const index = new Map(workingDates.map((d, i) => [d, i]));
  const parts: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length === 1) parts.push(monthDayZh(run[0]));
    else if (run.length > 1) parts.push(`${monthDayZh(run[0])}至${monthDayZh(run[run.length - 1])}`);
    run = [];
  };
  for (const d of days) {
    if (d.half !== null) {
      flush();
      parts.push(`${monthDayZh(d.date)}${HALF_ZH[d.half]}`);
      continue;
    }
    const last = run[run.length - 1];
    if (last !== undefined && index.get(d.date) !== (index.get(last) ?? -2) + 1) flush();
    run.push(d.date);
  }
  flush();
  return parts.join('、');
}

/**
 * Why a month's notice cannot be published today, if it cannot: before the month's last working
 * day ('EARLY'), or with working days still unrecorded ('UNRECORDED').
 */
export function publicationRefusal(args: { today: string; workingDates: readonly string[]; unrecordedRows: number }): 'EARLY' | 'UNRECORDED' | null {
  const last = args.workingDates[args.workingDates.length - 1];
  if (last === undefined || args.today < last) return 'EARLY';
  if (args.unrecordedRows > 0) return 'UNRECORDED';
  return null;
}

/**
 * The posting period: from the publication day (or the next working day when it is not one)
 * through `workingDays` working days. `isWorkingDay` may throw for a year not published.
 */
export function postingPeriod(isWorkingDay: (date: string) => boolean, published: string, workingDays: number): { from: string; until: string } {
  let date = published;
  while (!isWorkingDay(date)) date = addDaysTo(date, 1);
  const from = date;
  let counted = 1;
  while (counted < workingDays) {
    date = addDaysTo(date, 1);
    if (isWorkingDay(date)) counted++;
  }
  return { from, until: date };
}

/** The issuing office when a region names none: its leading group's office, e.g. 中共东安县委巡察工作领导小组办公室. */
export function defaultIssuingOffice(regionName: string): string {
  return `中共${regionName}委巡察工作领导小组办公室`;
}

/**
 * The remark of a person's row: the days they came to or left a team within the month
 * (a membership starting after the month's first working day, or ending before its last).
 */
export function membershipRemark(
  spans: readonly { teamName: string; joinedOn: string; leftOn: string | null }[],
  month: { firstWorkingDate: string; lastWorkingDate: string },
): string {
  const notes: string[] = [];
  for (const s of [...spans].sort((a, b) => a.joinedOn.localeCompare(b.joinedOn))) {
    if (s.joinedOn > month.firstWorkingDate && s.joinedOn <= month.lastWorkingDate) notes.push(`${monthDayZh(s.joinedOn)}到${s.teamName}`);
    if (s.leftOn !== null && s.leftOn >= month.firstWorkingDate && s.leftOn < month.lastWorkingDate) notes.push(`${monthDayZh(s.leftOn)}离开${s.teamName}`);
  }
  return notes.join('；');
}
