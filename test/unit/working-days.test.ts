import fc from 'fast-check';
import { DateTime } from 'luxon';
import { DayHalf, HalfDay, dateOfDay, dayNumber, halfDayOfSlot, isoWeekday, monthRange, slotOf } from '../../src/calendar/rules/days';
import { OFFICIAL_NOTICES } from '../../src/calendar/rules/official-notices';
import { UnpublishedYearError, WorkingCalendar } from '../../src/calendar/rules/working-calendar';

const cal = WorkingCalendar.fromNotices(OFFICIAL_NOTICES);
const hd = (date: string, half: DayHalf): HalfDay => ({ date, half });
const days = (a: string, ah: DayHalf, b: string, bh: DayHalf) => cal.workingDays(hd(a, ah), hd(b, bh));

const FIRST = dayNumber('2024-01-01');
const LAST = dayNumber('2026-12-31');
const slotArb = fc.integer({ min: FIRST * 2, max: LAST * 2 + 1 });

/** The reference: luxon's weekday in Asia/Shanghai and the notices' day lists, one half day at a time. */
const exceptions = new Map<string, string>();
for (const n of OFFICIAL_NOTICES) {
  for (const h of n.holidays) {
    for (let d = DateTime.fromISO(h.from, { zone: 'Asia/Shanghai' }); d.toISODate()! <= h.to; d = d.plus({ days: 1 })) {
      exceptions.set(d.toISODate()!, 'HOLIDAY');
    }
  }
  for (const m of n.makeupWorkdays) exceptions.set(m.date, 'MAKEUP');
}
function reference(first: number, last: number): number {
  let n = 0;
  for (let s = first; s <= last; s++) {
    const date = halfDayOfSlot(s).date;
    const dt = DateTime.fromISO(date, { zone: 'Asia/Shanghai' });
    const kind = exceptions.get(date);
    if (kind === 'MAKEUP' || (kind !== 'HOLIDAY' && dt.weekday <= 5)) n++;
  }
  return n;
}

describe('date helpers', () => {
  it('round-trips dates and agrees with luxon on the weekday', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2100-12-31') }), (d) => {
        const date = dateOfDay(d);
        expect(dayNumber(date)).toBe(d);
        expect(isoWeekday(d)).toBe(DateTime.fromISO(date, { zone: 'Asia/Shanghai' }).weekday);
      }),
    );
  });

  it('refuses strings that are not real dates', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-01', 'x', '2024-02-30']) expect(() => dayNumber(bad)).toThrow(RangeError);
    expect(dayNumber('2024-02-29')).toBe(dayNumber('2024-03-01') - 1);
  });

  it('gives month ranges, leap years included', () => {
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange('2025-02')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(monthRange('2025-12')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(() => monthRange('2025-13')).toThrow(RangeError);
  });
});

describe('working days in half-day steps', () => {
  it('counts weekend make-up days as working days (2025-09-28 Sunday, 2025-10-11 Saturday)', () => {
    expect(cal.isWorkingDay('2025-09-28')).toBe(true);
    expect(cal.isWorkingDay('2025-10-11')).toBe(true);
    expect(days('2025-09-28', 'AM', '2025-09-28', 'PM')).toBe(1);
    expect(days('2025-10-11', 'PM', '2025-10-11', 'PM')).toBe(0.5);
    // An ordinary weekend is not.
    expect(cal.isWorkingDay('2025-09-27')).toBe(false);
    expect(days('2025-09-27', 'AM', '2025-09-27', 'PM')).toBe(0);
  });

  it('skips the holidays inside a leave that spans them', () => {
    // Mon 29 and Tue 30 Sep, holiday 1-8 Oct, Thu 9 and Fri 10 Oct.
    expect(days('2025-09-29', 'AM', '2025-10-10', 'PM')).toBe(4);
    // From the make-up Sunday to the make-up Saturday: 28, 29, 30 Sep and 9, 10, 11 Oct.
    expect(days('2025-09-28', 'AM', '2025-10-11', 'PM')).toBe(6);
    // Spring Festival 2025 with its make-up days 26 Jan (Sun) and 8 Feb (Sat).
    expect(days('2025-01-26', 'AM', '2025-02-08', 'PM')).toBe(6); // Sun 26 and Mon 27 Jan; Wed 5 - Sat 8 Feb
  });

  it('is zero for a span of holidays only', () => {
    expect(days('2025-10-01', 'AM', '2025-10-08', 'PM')).toBe(0);
    expect(days('2026-02-15', 'AM', '2026-02-23', 'PM')).toBe(0);
  });

  it('counts halves of single days', () => {
    expect(days('2025-11-03', 'AM', '2025-11-03', 'AM')).toBe(0.5);
    expect(days('2025-11-03', 'PM', '2025-11-03', 'PM')).toBe(0.5);
    expect(days('2025-11-03', 'AM', '2025-11-03', 'PM')).toBe(1);
    expect(days('2025-11-03', 'PM', '2025-11-04', 'AM')).toBe(1);
    // Friday afternoon to Monday morning: the weekend does not count.
    expect(days('2025-11-07', 'PM', '2025-11-10', 'AM')).toBe(1);
    // End before start counts nothing.
    expect(days('2025-11-03', 'PM', '2025-11-03', 'AM')).toBe(0);
  });

  it('counts across a year end', () => {
    // Wed 31 Dec 2025, holiday Thu 1 - Sat 3 Jan 2026, make-up Sun 4 Jan, Mon 5 Jan.
    expect(days('2025-12-31', 'AM', '2026-01-05', 'PM')).toBe(3);
    expect(days('2024-12-30', 'AM', '2025-01-02', 'PM')).toBe(3);
  });

  it('refuses a date in a year that is not published, naming the year', () => {
    const refused = (f: () => unknown, year: number) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(UnpublishedYearError);
        expect((e as UnpublishedYearError).year).toBe(year);
        return;
      }
      throw new Error('not refused');
    };
    refused(() => cal.isWorkingDay('2027-01-04'), 2027);
    refused(() => days('2023-12-29', 'AM', '2024-01-02', 'PM'), 2023);
    refused(() => days('2026-12-30', 'AM', '2027-01-05', 'PM'), 2027);
    refused(() => cal.workingDates('2026-12-01', '2027-01-31'), 2027);
    refused(() => cal.nextWorkingHalfDay(hd('2026-12-31', 'PM')), 2027);
    // A gap year in the middle is named too.
    const gap = new WorkingCalendar([2024, 2026], []);
    refused(() => gap.halfDays(hd('2024-12-30', 'AM'), hd('2026-01-02', 'PM')), 2025);
  });

  it('matches a day-by-day reference on random spans (property)', () => {
    fc.assert(
      fc.property(slotArb, fc.integer({ min: 0, max: 120 }), (first, len) => {
        const last = Math.min(first + len, LAST * 2 + 1);
        expect(cal.halfDaysInSlots(first, last)).toBe(reference(first, last));
      }),
      { numRuns: 300 },
    );
  });

  it('is additive: [a, c] = [a, b] + [b + 1, c] (property)', () => {
    fc.assert(
      fc.property(slotArb, slotArb, slotArb, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q);
        expect(cal.halfDaysInSlots(a, c)).toBe(cal.halfDaysInSlots(a, b) + cal.halfDaysInSlots(b + 1, c));
      }),
    );
  });

  it('counts ten half days in every seven days of a year without exceptions (property)', () => {
    const plain = new WorkingCalendar([2030], []);
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('2030-01-01'), max: dayNumber('2030-12-25') }), (d) => {
        expect(plain.halfDays(hd(dateOfDay(d), 'AM'), hd(dateOfDay(d + 6), 'PM'))).toBe(10);
      }),
    );
  });

  it('finds the first working half day after a given one (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST * 2, max: dayNumber('2026-12-20') * 2 }), (s) => {
        const next = cal.nextWorkingHalfDay(halfDayOfSlot(s));
        const n = slotOf(next);
        expect(n).toBeGreaterThan(s);
        expect(cal.halfDaysInSlots(n, n)).toBe(1);
        expect(cal.halfDaysInSlots(s + 1, n - 1)).toBe(0);
      }),
    );
    // Friday afternoon → the make-up Sunday morning.
    expect(cal.nextWorkingHalfDay(hd('2025-09-26', 'PM'))).toEqual(hd('2025-09-28', 'AM'));
    // A morning of a working day → that afternoon.
    expect(cal.nextWorkingHalfDay(hd('2025-09-26', 'AM'))).toEqual(hd('2025-09-26', 'PM'));
    // The last day before the National Day holiday → 9 October.
    expect(cal.nextWorkingHalfDay(hd('2025-09-30', 'PM'))).toEqual(hd('2025-10-09', 'AM'));
  });

  it('lists the working dates of a range', () => {
    expect(cal.workingDates('2025-09-27', '2025-10-12')).toEqual([
      '2025-09-28', '2025-09-29', '2025-09-30', '2025-10-09', '2025-10-10', '2025-10-11',
    ]);
    expect(cal.workingDates('2025-10-02', '2025-10-01')).toEqual([]);
  });
});
