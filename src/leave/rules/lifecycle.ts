import { HalfDay, addDaysTo } from '../../calendar/rules/days';
import { UnpublishedYearError, WorkingCalendar } from '../../calendar/rules/working-calendar';
import { LeaveSpan, spanEnd } from './span';

export const LEAVE_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'CANCELLED', 'RETURNED'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];
export const STEP_STATUSES = ['WAITING', 'PENDING', 'APPROVED', 'REJECTED', 'SKIPPED'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** The steps of a new request: the first is pending, the rest wait their turn. */
export function initialStepStatuses(count: number): StepStatus[] {
  return Array.from({ length: count }, (_, i) => (i === 0 ? 'PENDING' : 'WAITING'));
}

export interface DecisionOutcome {
  steps: StepStatus[];
  status: LeaveStatus;
}

/**
 * Applies a decision on the pending step. Steps are decided in order: an approval makes the
 * next waiting step pending, or approves the request when it was the last; a rejection ends
 * the request and skips the steps still waiting.
 */
export function decide(steps: readonly StepStatus[], approve: boolean): DecisionOutcome {
  const i = steps.indexOf('PENDING');
  if (i === -1) throw new RangeError('No step is pending');
  const next = [...steps];
  if (!approve) {
    next[i] = 'REJECTED';
    for (let j = i + 1; j < next.length; j++) next[j] = 'SKIPPED';
    return { steps: next, status: 'REJECTED' };
  }
  next[i] = 'APPROVED';
  if (i + 1 < next.length) {
    next[i + 1] = 'PENDING';
    return { steps: next, status: 'PENDING' };
  }
  return { steps: next, status: 'APPROVED' };
}

/** Steps not yet decided when a request is withdrawn are skipped. */
export function skipOpenSteps(steps: readonly StepStatus[]): StepStatus[] {
  return steps.map((s) => (s === 'PENDING' || s === 'WAITING' ? 'SKIPPED' : s));
}

export type CancelOutcome =
  | { ok: true; status: 'WITHDRAWN' | 'CANCELLED' }
  | { ok: false; zh: string; en: string };

/**
 * A pending request may be withdrawn; an approved one may be cancelled until the day it
 * starts; anything else is refused.
 */
export function cancellation(status: LeaveStatus, startDate: string, today: string): CancelOutcome {
  if (status === 'PENDING') return { ok: true, status: 'WITHDRAWN' };
  if (status === 'APPROVED') {
    if (today < startDate) return { ok: true, status: 'CANCELLED' };
    return {
      ok: false,
      zh: `请假已于 ${startDate} 开始，不能再撤销，请销假`,
      en: `The leave started on ${startDate} and can no longer be cancelled; report back instead`,
    };
  }
  return {
    ok: false,
    zh: `请假状态为 ${status}，不能撤回或撤销`,
    en: `A ${status} request cannot be withdrawn or cancelled`,
  };
}

/**
 * The day by which the person must report back: the date of the first working half day after
 * the leave's end (the same date when the leave ends in the morning of a working day).
 * When that day falls in a year whose calendar is not published yet, the day after the end
 * stands in until the calendar is imported.
 */
export function reportBackDue(calendar: WorkingCalendar, span: LeaveSpan): string {
  const end: HalfDay = spanEnd(span);
  try {
    return calendar.nextWorkingHalfDay(end).date;
  } catch (e) {
    if (e instanceof UnpublishedYearError) return addDaysTo(span.endDate, 1);
    throw e;
  }
}

/** Approved, not reported back, and its report-back day has passed. */
export function isOverdue(status: LeaveStatus, due: string, today: string): boolean {
  return status === 'APPROVED' && today > due;
}
