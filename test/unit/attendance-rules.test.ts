import fc from 'fast-check';
import { dayNumber, monthRange } from '../../src/calendar/rules/days';
import { OFFICIAL_NOTICES } from '../../src/calendar/rules/official-notices';
import { WorkingCalendar } from '../../src/calendar/rules/working-calendar';
import { AttendanceStatus, HalfKey, Mark, applyEntry, entryRefusal } from '../../src/attendance/rules/records';
import { LEAVE_TYPES, LeaveType } from '../../src/leave/rules/leave-types';
import { SummaryInput, summarize } from '../../src/attendance/rules/summary';
import { spanSlots } from '../../src/leave/rules/span';

const cal = WorkingCalendar.fromNotices(OFFICIAL_NOTICES);
const oct = monthRange('2025-10');
const octDates = cal.workingDates(oct.from, oct.to);
const slot = (date: string, half: 'AM' | 'PM') => dayNumber(date) * 2 + (half === 'PM' ? 1 : 0);
const mark = (status: AttendanceStatus, note: string | null = null): Mark => ({ status, note });

describe('recording attendance', () => {
  it('refuses non-working days, people not on the team, and half days on leave', () => {
    const base = { date: '2025-10-09', half: null, workingDay: true, onTeam: true, leaveSlots: [] as [number, number][] };
    expect(entryRefusal(base)).toBeNull();
    expect(entryRefusal({ ...base, workingDay: false })).toBe('NOT_WORKING_DAY');
    expect(entryRefusal({ ...base, onTeam: false })).toBe('NOT_ON_TEAM');
    const pmLeave: [number, number][] = [[slot('2025-10-09', 'PM'), slot('2025-10-10', 'PM')]];
    expect(entryRefusal({ ...base, leaveSlots: pmLeave })).toBe('ON_LEAVE'); // whole day, afternoon on leave
    expect(entryRefusal({ ...base, half: 'AM', leaveSlots: pmLeave })).toBeNull(); // the morning is free
    expect(entryRefusal({ ...base, half: 'PM', leaveSlots: pmLeave })).toBe('ON_LEAVE');
  });

  it('replaces halves and splits a whole-day record', () => {
    const empty = new Map<HalfKey, Mark>();
    const day = applyEntry(empty, null, mark('PRESENT'));
    expect([...day]).toEqual([['DAY', mark('PRESENT')]]);
    const split = applyEntry(day, 'PM', mark('ABSENT', 'no show'));
    expect(new Map(split)).toEqual(new Map([['AM', mark('PRESENT')], ['PM', mark('ABSENT', 'no show')]]));
    const again = applyEntry(split, 'AM', mark('BUSINESS_TRIP'));
    expect(new Map(again)).toEqual(new Map([['AM', mark('BUSINESS_TRIP')], ['PM', mark('ABSENT', 'no show')]]));
    expect([...applyEntry(again, null, mark('HOME_UNIT_RECALL'))]).toEqual([['DAY', mark('HOME_UNIT_RECALL')]]);
    expect([...applyEntry(empty, 'AM', mark('PRESENT'))]).toEqual([['AM', mark('PRESENT')]]);
  });

  it('never leaves overlapping records on a date, and the last entry wins (property)', () => {
    const statusArb = fc.constantFrom<AttendanceStatus>('PRESENT', 'BUSINESS_TRIP', 'ABSENT', 'HOME_UNIT_RECALL');
    const entryArb = fc.record({ half: fc.constantFrom<'AM' | 'PM' | null>('AM', 'PM', null), status: statusArb });
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 8 }), (entries) => {
        let state = new Map<HalfKey, Mark>();
        const expected: Record<'AM' | 'PM', AttendanceStatus | undefined> = { AM: undefined, PM: undefined };
        for (const e of entries) {
          state = applyEntry(state, e.half, mark(e.status));
          if (e.half === null) expected.AM = expected.PM = e.status;
          else expected[e.half] = e.status;
        }
        expect(state.has('DAY') && (state.has('AM') || state.has('PM'))).toBe(false);
        const at = (h: 'AM' | 'PM') => (state.get('DAY') ?? state.get(h))?.status;
        expect(at('AM')).toBe(expected.AM);
        expect(at('PM')).toBe(expected.PM);
      }),
    );
  });
});

describe('monthly summary', () => {
  it('counts October 2025 (National Day) with records, leave and unrecorded days', () => {
    // October 2025 has 18 working days: 9, 10, 11 (make-up Saturday), 13-17, 20-24, 27-31.
    expect(octDates).toHaveLength(18);
    const input: SummaryInput = {
      workingDates: octDates,
      people: [
        { personId: 'a', onTeam: [{ from: '2025-09-15', to: '2025-12-31' }] },
        { personId: 'b', onTeam: [{ from: '2025-10-20', to: '2025-10-24' }] }, // one week only
      ],
      records: [
        ...octDates.map((date) => ({ personId: 'a', date, half: null, status: 'PRESENT' as const })),
        { personId: 'a', date: '2025-10-13', half: 'PM', status: 'ABSENT' },
        { personId: 'a', date: '2025-10-14', half: null, status: 'HOME_UNIT_RECALL' },
        { personId: 'a', date: '2025-10-15', half: 'AM', status: 'BUSINESS_TRIP' },
        { personId: 'b', date: '2025-10-20', half: null, status: 'PRESENT' },
        { personId: 'b', date: '2025-10-17', half: null, status: 'PRESENT' }, // before b joined: not counted
      ],
      leaves: [
        // a: sick Thursday 30 Oct afternoon to Friday 31 Oct (1.5 days), recorded present too: leave wins.
        { personId: 'a', type: 'SICK', slots: spanSlots({ startDate: '2025-10-30', startHalf: 'PM', endDate: '2025-10-31', endHalf: 'PM' }) },
        // a: personal leave over the holiday and into 9 October morning: 0.5 day in the month.
        { personId: 'a', type: 'PERSONAL', slots: spanSlots({ startDate: '2025-09-30', startHalf: 'AM', endDate: '2025-10-09', endHalf: 'AM' }) },
        { personId: 'b', type: 'ANNUAL', slots: spanSlots({ startDate: '2025-10-21', startHalf: 'AM', endDate: '2025-10-21', endHalf: 'PM' }) },
      ],
    };
    const [a, b] = summarize(input);
    expect(a).toEqual({
      personId: 'a',
      workingDays: 18,
      presentDays: 18 - 2 - 0.5 - 1 - 0.5,
      businessTripDays: 0.5,
      leaveDays: 2,
      absentDays: 0.5,
      homeUnitRecallDays: 1,
      unrecordedDays: 0,
      unrecorded: [],
      leaveByType: [
        { type: 'PERSONAL', days: 0.5 },
        { type: 'SICK', days: 1.5 },
      ],
    });
    expect(b).toEqual({
      personId: 'b',
      workingDays: 5,
      presentDays: 1,
      businessTripDays: 0,
      leaveDays: 1,
      absentDays: 0,
      homeUnitRecallDays: 0,
      unrecordedDays: 3,
      unrecorded: expect.any(Array),
      leaveByType: [{ type: 'ANNUAL', days: 1 }],
    });
    expect(b.unrecorded.reduce((n, d) => n + (d.half ? 0.5 : 1), 0)).toBe(3);
  });

  it('adds up for every person: working = present + trip + leave + absent + recall + unrecorded (property)', () => {
    const personArb = fc.constantFrom('p1', 'p2', 'p3');
    const dateArb = fc.constantFrom(...cal.workingDates('2025-09-25', '2025-11-05'));
    const statusArb = fc.constantFrom<AttendanceStatus>('PRESENT', 'BUSINESS_TRIP', 'ABSENT', 'HOME_UNIT_RECALL');
    const inputArb = fc.record({
      onTeam: fc.array(fc.record({ personId: personArb, from: dateArb, to: dateArb }), { maxLength: 4 }),
      records: fc.array(fc.record({ personId: personArb, date: dateArb, half: fc.constantFrom<'AM' | 'PM' | null>('AM', 'PM', null), status: statusArb }), {
        maxLength: 30,
      }),
      leaves: fc.array(
        fc.record({ personId: personArb, type: fc.constantFrom<LeaveType>(...LEAVE_TYPES), start: fc.integer({ min: 0, max: 80 }), len: fc.integer({ min: 0, max: 12 }) }),
        { maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(inputArb, (raw) => {
        const people = ['p1', 'p2', 'p3'].map((personId) => ({
          personId,
          onTeam: raw.onTeam.filter((r) => r.personId === personId && r.from <= r.to),
        }));
        const base = dayNumber('2025-09-25') * 2;
        const leaves = raw.leaves.map((l) => ({ personId: l.personId, type: l.type, slots: [base + l.start, base + l.start + l.len] as const }));
        const rows = summarize({ workingDates: octDates, people, records: raw.records, leaves });
        expect(rows.map((r) => r.personId)).toEqual(['p1', 'p2', 'p3']);
        for (const r of rows) {
          const sum = r.presentDays + r.businessTripDays + r.leaveDays + r.absentDays + r.homeUnitRecallDays + r.unrecordedDays;
          expect(sum).toBe(r.workingDays);
          expect(r.leaveByType.reduce((s, t) => s + t.days, 0)).toBe(r.leaveDays);
          // The unrecorded half days listed are the unrecorded days counted, in date order.
          expect(r.unrecorded.reduce((n, d) => n + (d.half ? 0.5 : 1), 0)).toBe(r.unrecordedDays);
          expect(r.unrecorded.map((d) => d.date)).toEqual([...r.unrecorded.map((d) => d.date)].sort());
          for (const v of [r.workingDays, r.presentDays, r.leaveDays, r.unrecordedDays]) expect(Number.isInteger(v * 2)).toBe(true);
          expect(r.workingDays).toBeLessThanOrEqual(octDates.length);
          if (people.find((p) => p.personId === r.personId)!.onTeam.length === 0) expect(r.workingDays).toBe(0);
        }
      }),
    );
  });
});
