/**
 * What other features need to know about leave: leave taken per person in a period (attendance,
 * team rules), and working days under the published calendar.
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
  const taken = await takenLeave(ctx, personIds, from, to);
  if (taken.length === 0) return result;
  const window: [number, number] = [dayNumber(from) * 2, dayNumber(to) * 2 + 1];
  const cal = await calendarOf(ctx);
  for (const l of taken) {
    const first = Math.max(l.slots[0], window[0]);
    const last = Math.min(l.slots[1], window[1]);
    if (first > last) continue;
    result.set(l.personId, (result.get(l.personId) ?? 0) + cal.halfDaysInSlots(first, last) / 2);
  }
  return result;
}

export interface TakenLeave {
  personId: string;
  type: LeaveRequest['type'];
  /** Half-day slots [first, last] taken (see rules/span.ts), up to the return when reported back. */
  slots: [number, number];
}

/** Leave approved or taken by these persons that touches [from, to] (one statement). */
export async function takenLeave(ctx: Ctx, personIds: string[], from: string, to: string): Promise<TakenLeave[]> {
  if (personIds.length === 0 || to < from) return [];
  const rows = await ctx.em.find(LeaveRequest, {
    where: { personId: In([...new Set(personIds)]), status: In(TAKEN), startDate: LessThanOrEqual(to), endDate: MoreThanOrEqual(from) },
  });
  return rows.flatMap((l) => {
    const slots = takenSlots(l, l.returnedOn);
    return slots ? [{ personId: l.personId, type: l.type, slots }] : [];
  });
}

/**
 * Working days in [from, to] under the published calendar; BAD_USER_INPUT naming the year when
 * a year of the range is not published.
 */
export async function countWorkingDays(ctx: Ctx, from: string, to: string): Promise<number> {
  if (to < from) return 0;
  return (await calendarOf(ctx)).workingDates(from, to).length;
}
