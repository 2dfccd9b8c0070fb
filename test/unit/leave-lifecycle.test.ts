import fc from 'fast-check';
import { dayNumber } from '../../src/calendar/rules/days';
import { OFFICIAL_NOTICES } from '../../src/calendar/rules/official-notices';
import { WorkingCalendar } from '../../src/calendar/rules/working-calendar';
import { StepStatus, cancellation, decide, initialStepStatuses, isOverdue, reportBackDue, skipOpenSteps } from '../../src/leave/rules/lifecycle';
import { LeaveSpan, isOrdered, spanSlots, spansOverlap, takenSlots } from '../../src/leave/rules/span';

const cal = WorkingCalendar.fromNotices(OFFICIAL_NOTICES);
const span = (startDate: string, startHalf: 'AM' | 'PM', endDate: string, endHalf: 'AM' | 'PM'): LeaveSpan => ({
  startDate,
  startHalf,
  endDate,
  endHalf,
});

describe('leave spans', () => {
  it('keeps the morning and the afternoon of one date apart', () => {
    const am = span('2025-11-03', 'AM', '2025-11-03', 'AM');
    const pm = span('2025-11-03', 'PM', '2025-11-03', 'PM');
    const day = span('2025-11-03', 'AM', '2025-11-03', 'PM');
    expect(spansOverlap(am, pm)).toBe(false);
    expect(spansOverlap(am, day)).toBe(true);
    expect(spansOverlap(pm, day)).toBe(true);
    // Ends in the morning, the next starts that afternoon: no overlap; starts that morning: overlap.
    const week = span('2025-11-03', 'AM', '2025-11-07', 'AM');
    expect(spansOverlap(week, span('2025-11-07', 'PM', '2025-11-10', 'PM'))).toBe(false);
    expect(spansOverlap(week, span('2025-11-07', 'AM', '2025-11-10', 'PM'))).toBe(true);
    expect(spansOverlap(week, span('2025-10-20', 'AM', '2025-11-03', 'AM'))).toBe(true);
  });

  it('orders spans by half day', () => {
    expect(isOrdered(span('2025-11-03', 'AM', '2025-11-03', 'AM'))).toBe(true);
    expect(isOrdered(span('2025-11-03', 'PM', '2025-11-03', 'AM'))).toBe(false);
    expect(isOrdered(span('2025-11-04', 'AM', '2025-11-03', 'PM'))).toBe(false);
  });

  it('overlap is symmetric and agrees with sharing a half day (property)', () => {
    const base = dayNumber('2025-01-01') * 2;
    const arbSpan = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 10 })).map(([s, len]) => [base + s, base + s + len] as const);
    fc.assert(
      fc.property(arbSpan, arbSpan, ([a0, a1], [b0, b1]) => {
        const toSpan = (x: number, y: number) => {
          const d = (n: number) => new Date(Math.floor(n / 2) * 86_400_000).toISOString().slice(0, 10);
          return span(d(x), x % 2 ? 'PM' : 'AM', d(y), y % 2 ? 'PM' : 'AM');
        };
        const a = toSpan(a0, a1);
        const b = toSpan(b0, b1);
        expect(spanSlots(a)).toEqual([a0, a1]);
        let shared = false;
        for (let s = a0; s <= a1; s++) if (s >= b0 && s <= b1) shared = true;
        expect(spansOverlap(a, b)).toBe(shared);
        expect(spansOverlap(b, a)).toBe(shared);
      }),
    );
  });

  it('ends a reported-back leave before the return date', () => {
    const s = span('2025-11-03', 'AM', '2025-11-07', 'PM');
    const [first, last] = spanSlots(s);
    expect(takenSlots(s, null)).toEqual([first, last]);
    expect(takenSlots(s, '2025-11-10')).toEqual([first, last]); // back after the end: as planned
    expect(takenSlots(s, '2025-11-05')).toEqual([first, dayNumber('2025-11-05') * 2 - 1]); // back early on Wednesday
    expect(takenSlots(s, '2025-11-03')).toBeNull(); // never left
    // Leave ending on a morning, back that afternoon: the morning was taken.
    const m = span('2025-11-03', 'AM', '2025-11-04', 'AM');
    expect(takenSlots(m, '2025-11-04')).toEqual(spanSlots(m));
  });
});

describe('approval steps', () => {
  it('go WAITING → PENDING → APPROVED in order', () => {
    let steps: StepStatus[] = initialStepStatuses(3);
    expect(steps).toEqual(['PENDING', 'WAITING', 'WAITING']);
    let r = decide(steps, true);
    expect(r).toEqual({ steps: ['APPROVED', 'PENDING', 'WAITING'], status: 'PENDING' });
    steps = r.steps;
    r = decide(steps, true);
    expect(r).toEqual({ steps: ['APPROVED', 'APPROVED', 'PENDING'], status: 'PENDING' });
    r = decide(r.steps, true);
    expect(r).toEqual({ steps: ['APPROVED', 'APPROVED', 'APPROVED'], status: 'APPROVED' });
    expect(() => decide(r.steps, true)).toThrow(RangeError);
  });

  it('end at the first rejection and skip the rest', () => {
    expect(decide(['APPROVED', 'PENDING', 'WAITING'], false)).toEqual({ steps: ['APPROVED', 'REJECTED', 'SKIPPED'], status: 'REJECTED' });
    expect(decide(['PENDING'], false)).toEqual({ steps: ['REJECTED'], status: 'REJECTED' });
  });

  it('skip what is open when withdrawn', () => {
    expect(skipOpenSteps(['APPROVED', 'PENDING', 'WAITING'])).toEqual(['APPROVED', 'SKIPPED', 'SKIPPED']);
  });
});

describe('withdraw, cancel and report back', () => {
  it('withdraws a pending request at any time', () => {
    expect(cancellation('PENDING', '2025-11-03', '2025-12-01')).toEqual({ ok: true, status: 'WITHDRAWN' });
  });

  it('cancels an approved request only before its start date', () => {
    expect(cancellation('APPROVED', '2025-11-03', '2025-11-02')).toEqual({ ok: true, status: 'CANCELLED' });
    expect(cancellation('APPROVED', '2025-11-03', '2025-11-03').ok).toBe(false);
    expect(cancellation('APPROVED', '2025-11-03', '2025-11-04').ok).toBe(false);
  });

  it('refuses every other status', () => {
    for (const s of ['REJECTED', 'WITHDRAWN', 'CANCELLED', 'RETURNED'] as const) {
      const r = cancellation(s, '2025-11-03', '2025-11-01');
      expect(r.ok).toBe(false);
    }
  });

  it('is due back on the first working half day after the end', () => {
    expect(reportBackDue(cal, span('2025-11-03', 'AM', '2025-11-07', 'PM'))).toBe('2025-11-10'); // Friday → Monday
    expect(reportBackDue(cal, span('2025-09-22', 'AM', '2025-09-26', 'PM'))).toBe('2025-09-28'); // → make-up Sunday
    expect(reportBackDue(cal, span('2025-09-29', 'AM', '2025-09-30', 'PM'))).toBe('2025-10-09'); // → after the holiday
    expect(reportBackDue(cal, span('2025-11-03', 'AM', '2025-11-04', 'AM'))).toBe('2025-11-04'); // → that afternoon
    // Falls in a year not yet published: the day after the end stands in.
    expect(reportBackDue(cal, span('2026-12-30', 'AM', '2026-12-31', 'PM'))).toBe('2027-01-01');
  });

  it('is overdue once the report-back day has passed without a report', () => {
    expect(isOverdue('APPROVED', '2025-11-10', '2025-11-10')).toBe(false);
    expect(isOverdue('APPROVED', '2025-11-10', '2025-11-11')).toBe(true);
    expect(isOverdue('RETURNED', '2025-11-10', '2025-11-20')).toBe(false);
    expect(isOverdue('PENDING', '2025-11-10', '2025-11-20')).toBe(false);
    expect(isOverdue('CANCELLED', '2025-11-10', '2025-11-20')).toBe(false);
  });
});
