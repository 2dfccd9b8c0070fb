import { DayHalf, HalfDay, dayNumber, slotOf } from '../../calendar/rules/days';

/** A leave's requested span: from the start half day to the end half day, both included. */
export interface LeaveSpan {
  startDate: string;
  startHalf: DayHalf;
  endDate: string;
  endHalf: DayHalf;
}

export const spanStart = (s: LeaveSpan): HalfDay => ({ date: s.startDate, half: s.startHalf });
export const spanEnd = (s: LeaveSpan): HalfDay => ({ date: s.endDate, half: s.endHalf });

/** The span as an inclusive interval of half-day slots. */
export function spanSlots(s: LeaveSpan): [number, number] {
  return [slotOf(spanStart(s)), slotOf(spanEnd(s))];
}

/** True when the span starts no later than it ends (a single half day is a valid span). */
export function isOrdered(s: LeaveSpan): boolean {
  const [a, b] = spanSlots(s);
  return a <= b;
}

/** Inclusive slot intervals [a0, a1] and [b0, b1] share a slot. */
export function slotsOverlap(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/** Two spans share a half day; the morning and the afternoon of one date are separate. */
export function spansOverlap(a: LeaveSpan, b: LeaveSpan): boolean {
  return slotsOverlap(spanSlots(a), spanSlots(b));
}

/**
 * The half days actually taken of a leave that was reported back on `returnedOn`: a return on
 * a date ends the leave before that date's morning, except on the leave's own last date when it
 * ended in the morning (the person is back for the afternoon as planned). A return after the
 * planned end does not lengthen the leave. Returns null when nothing was taken.
 */
export function takenSlots(s: LeaveSpan, returnedOn: string | null): [number, number] | null {
  const [first, last] = spanSlots(s);
  if (returnedOn === null) return [first, last];
  const returnSlot = dayNumber(returnedOn) * 2;
  const end = returnedOn === s.endDate && s.endHalf === 'AM' ? last : Math.min(last, returnSlot - 1);
  return end < first ? null : [first, end];
}
