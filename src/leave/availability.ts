/**
 * What other features need to know about leave: approved leave per person in a period, and
 * working days under the published calendar.
 */
import { In, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { Ctx } from '../context';
import { calendarOf } from '../calendar/calendar.service';
import { dayNumber } from '../calendar/rules/days';
import { LeaveRequest } from './leave.entity';
import { TAKEN } from './leave.service';
import { takenSlots } from './rules/span';

/**
 * Working days (in half-day steps) of APPROVED or RETURNED leave of each person within
 * [from, to]; a reported-back leave counts up to its return. Every person asked for is in the
 * map (0 without leave). One statement for any number of persons.
 */
export async function approvedLeaveDays(ctx: Ctx, personIds: string[], from: string, to: string): Promise<Map<string, number>> {
  const result = new Map<string, number>(personIds.map((id) => [id, 0]));
  if (personIds.length === 0 || to < from) return result;
  const relevant = await ctx.em.find(LeaveRequest, {
    where: { personId: In([...new Set(personIds)]), status: In(TAKEN), startDate: LessThanOrEqual(to), endDate: MoreThanOrEqual(from) },
  });
  if (relevant.length === 0) return result;
  const window: [number, number] = [dayNumber(from) * 2, dayNumber(to) * 2 + 1];
  const cal = await calendarOf(ctx);
  for (const l of relevant) {
    const taken = takenSlots(l, l.returnedOn);
    if (!taken) continue;
    const first = Math.max(taken[0], window[0]);
    const last = Math.min(taken[1], window[1]);
    if (first > last) continue;
    result.set(l.personId, (result.get(l.personId) ?? 0) + cal.halfDaysInSlots(first, last) / 2);
  }
  return result;
}

/**
 * Working days in [from, to] under the published calendar; BAD_USER_INPUT naming the year when
 * a year of the range is not published.
 */
export async function countWorkingDays(ctx: Ctx, from: string, to: string): Promise<number> {
  if (to < from) return 0;
  return (await calendarOf(ctx)).workingDates(from, to).length;
}
