import DataLoader from 'dataloader';
import { Ctx } from '../context';
import { badInput, conflict } from '../common/errors';
import { msg } from '../common/i18n';
import { optionalName } from '../common/validate';
import { isUniqueViolation } from '../db/transaction';
import { CalendarDay, CalendarYearRow } from './calendar.entity';
import { DayHalf, HalfDay, dayNumber, isoWeekday, slotOf } from './rules/days';
import { CalendarDayKind, UnpublishedYearError, WorkingCalendar } from './rules/working-calendar';

/** Years a calendar may be imported for. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/**
 * The national calendar for this request: every published year and its exceptions, read once
 * per request (a mutation starts with empty loaders, so it sees its own import).
 */
export function calendarOf(ctx: Ctx): Promise<WorkingCalendar> {
  return ctx
    .loader('calendar', () =>
      new DataLoader<'all', WorkingCalendar>(async (keys) => {
        const years = await ctx.em.find(CalendarYearRow, { where: { published: true } });
        const days = await ctx.em.find(CalendarDay, {});
        const published = new Set(years.map((y) => y.year));
        const cal = new WorkingCalendar(
          published,
          days.filter((d) => published.has(d.year)),
        );
        return keys.map(() => cal);
      }),
    )
    .load('all');
}

export interface SpanInput {
  startDate: string;
  startHalf: DayHalf;
  endDate: string;
  endHalf: DayHalf;
}

/**
 * Working days of a span, refusing with BAD_USER_INPUT an end before the start (on `endDate`)
 * and a date in an unpublished year (on the field whose year it is).
 */
export function countSpan(cal: WorkingCalendar, span: SpanInput): number {
  const start: HalfDay = { date: span.startDate, half: span.startHalf };
  const end: HalfDay = { date: span.endDate, half: span.endHalf };
  if (slotOf(end) < slotOf(start)) {
    throw badInput(
      'endDate',
      msg(
        `结束时间（${span.endDate} ${halfZh(span.endHalf)}）早于开始时间（${span.startDate} ${halfZh(span.startHalf)}）`,
        `The end (${span.endDate} ${span.endHalf}) is before the start (${span.startDate} ${span.startHalf})`,
      ),
    );
  }
  try {
    return cal.workingDays(start, end);
  } catch (e) {
    if (e instanceof UnpublishedYearError) throw e.at(String(e.year) === span.startDate.slice(0, 4) ? 'startDate' : 'endDate');
    throw e;
  }
}

export const halfZh = (h: DayHalf) => (h === 'AM' ? '上午' : '下午');

export async function workingDays(ctx: Ctx, span: SpanInput): Promise<number> {
  ctx.auth.signedIn();
  return countSpan(await calendarOf(ctx), span);
}

export interface CalendarYearView {
  year: number;
  published: boolean;
  days: CalendarDay[];
}

/** A year as stored; a year never imported reads as unpublished with no days. */
export async function calendarYear(ctx: Ctx, year: number): Promise<CalendarYearView> {
  ctx.auth.signedIn();
  const row = await ctx.em.findOneBy(CalendarYearRow, { year });
  const days = row ? await ctx.em.find(CalendarDay, { where: { year }, order: { date: 'ASC' } }) : [];
  return { year, published: row?.published ?? false, days };
}

export interface ImportDay {
  date: string;
  kind: CalendarDayKind;
  name?: string | null;
}

/** Replaces a year's exceptions and marks it published (ADMIN). */
export async function importCalendarYear(ctx: Ctx, year: number, input: ImportDay[]): Promise<CalendarYearView> {
  const account = ctx.auth.require('calendar:write');
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw badInput('year', msg(`年份须在 ${MIN_YEAR} 到 ${MAX_YEAR} 之间`, `The year must be between ${MIN_YEAR} and ${MAX_YEAR}`));
  }
  const seen = new Set<string>();
  const days = input.map((d, i) => {
    const field = `days[${i}].date`;
    if (!d.date.startsWith(`${year}-`)) {
      throw badInput(field, msg(`${d.date} 不在 ${year} 年内`, `${d.date} is not in ${year}`));
    }
    if (seen.has(d.date)) throw badInput(field, msg(`${d.date} 重复`, `${d.date} is given twice`));
    seen.add(d.date);
    if (d.kind === 'MAKEUP_WORKDAY' && isoWeekday(dayNumber(d.date)) <= 5) {
      throw badInput(field, msg(`调休上班日 ${d.date} 不是周末`, `The make-up working day ${d.date} is not a weekend day`));
    }
    return Object.assign(new CalendarDay(), { year, date: d.date, kind: d.kind, name: optionalName(d.name, `days[${i}].name`, 100) });
  });

  const existing = await ctx.em.findOneBy(CalendarYearRow, { year });
  const row = Object.assign(existing ?? new CalendarYearRow(), {
    year,
    published: true,
    source: existing?.source ?? null,
    importedAt: ctx.clock.now(),
    importedBy: account.id,
  });
  try {
    if (existing) await ctx.em.update(CalendarYearRow, { id: row.id }, row);
    else await ctx.em.insert(CalendarYearRow, row);
    await ctx.em.delete(CalendarDay, { year });
    if (days.length) await ctx.em.insert(CalendarDay, days);
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(msg(`${year} 年的日历正在被同时导入，请重试`, `The calendar of ${year} is being imported at the same time; try again`));
    throw e;
  }
  ctx.touch(row.id);
  // Later reads in this mutation (leave figures counted again) must see the new calendar.
  ctx.resetLoaders();
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { year, published: true, days };
}
