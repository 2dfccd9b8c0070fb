import fc from 'fast-check';
import { countsAsServed, decideAdvance, joinedOn, nextStatus, refusal, removalDays, withdrawnBeforeStationing } from '../../src/rounds/rules/lifecycle';
import { ROUND_STATUSES } from '../../src/rounds/rules/types';
import type { RoundStatus, Violation } from '../../src/rounds/rules/types';

const v = (rule: string, severity: 'HARD' | 'SOFT'): Violation => ({ rule, severity, message: { zh: rule, en: rule } });

describe('round lifecycle', () => {
  it('moves forward one step at a time', () => {
    expect(ROUND_STATUSES.map(nextStatus)).toEqual(['AUTHORIZED', 'STATIONED', 'REPORTING', 'CLOSED', null, null]);
  });

  it('refuses a move backwards, a skipped step, a move to the same status and any move from CLOSED', () => {
    const ok = [[]];
    expect(decideAdvance('AUTHORIZED', 'PLANNING', ok).kind).toBe('INVALID');
    expect(decideAdvance('PLANNING', 'STATIONED', ok).kind).toBe('INVALID');
    expect(decideAdvance('STATIONED', 'STATIONED', ok).kind).toBe('INVALID');
    const closed = decideAdvance('CLOSED', 'PLANNING', ok);
    expect(closed.kind).toBe('INVALID');
    if (closed.kind === 'INVALID') expect(closed.message.en).toContain('cannot change');
  });

  it('authorizes only when no team breaks a hard rule, listing the hard ones', () => {
    expect(decideAdvance('PLANNING', 'AUTHORIZED', [[v('EXPERIENCE_MIX', 'SOFT'), v('READINESS', 'SOFT')], []])).toEqual({ kind: 'MOVE' });
    const blocked = decideAdvance('PLANNING', 'AUTHORIZED', [[v('TEAM_SIZE', 'HARD'), v('EXPERIENCE_MIX', 'SOFT')], [v('LEADER_AUTHORIZATION', 'HARD')]]);
    expect(blocked).toEqual({ kind: 'BLOCKED', violations: [v('TEAM_SIZE', 'HARD'), v('LEADER_AUTHORIZATION', 'HARD')] });
  });

  it('does not authorize a round without teams', () => {
    expect(decideAdvance('PLANNING', 'AUTHORIZED', []).kind).toBe('INVALID');
  });

  it('stations only when every member is ready', () => {
    expect(decideAdvance('AUTHORIZED', 'STATIONED', [[v('EXPERIENCE_MIX', 'SOFT')]])).toEqual({ kind: 'MOVE' });
    expect(decideAdvance('AUTHORIZED', 'STATIONED', [[], [v('READINESS', 'SOFT'), v('LEAVE_OVERLAP', 'SOFT')]])).toEqual({
      kind: 'BLOCKED',
      violations: [v('READINESS', 'SOFT')],
    });
  });

  it('stations on or after the start date and reports on or after the end date, naming the date', () => {
    const dates = (today: string) => ({ startsOn: '2027-03-15', endsOn: '2027-05-14', today });
    const early = decideAdvance('AUTHORIZED', 'STATIONED', [[]], dates('2026-11-25'));
    expect(early.kind).toBe('INVALID');
    if (early.kind === 'INVALID') {
      expect(early.message.zh).toContain('2027-03-15');
      expect(early.message.en).toContain('2027-03-15');
    }
    expect(decideAdvance('AUTHORIZED', 'STATIONED', [[]], dates('2027-03-15'))).toEqual({ kind: 'MOVE' });
    const notOver = decideAdvance('STATIONED', 'REPORTING', [[]], dates('2027-05-13'));
    expect(notOver.kind).toBe('INVALID');
    if (notOver.kind === 'INVALID') expect(notOver.message.zh).toContain('2027-05-14');
    expect(decideAdvance('STATIONED', 'REPORTING', [[]], dates('2027-05-14'))).toEqual({ kind: 'MOVE' });
    // Recorded after the fact: the dates are past.
    for (const to of ['AUTHORIZED', 'STATIONED', 'REPORTING', 'CLOSED'] as const) {
      const from = (['PLANNING', 'AUTHORIZED', 'STATIONED', 'REPORTING'] as const)[['AUTHORIZED', 'STATIONED', 'REPORTING', 'CLOSED'].indexOf(to)];
      expect(decideAdvance(from, to, [[]], dates('2028-01-01'))).toEqual({ kind: 'MOVE' });
    }
  });

  it('never lets a membership leave before it joins; one taken off before the start was withdrawn and served no round', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (a, b) => {
        const day = (n: number) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10);
        const start = day(a);
        const today = day(b);
        const m = removalDays(start, today);
        expect(m.leftOn >= m.joinedOn).toBe(true);
        expect(m.leftOn).toBe(today);
        expect(withdrawnBeforeStationing(m, start)).toBe(today < start);
        if (today <= start) expect(countsAsServed(m, 'CLOSED')).toBe(false);
        else expect(countsAsServed(m, 'CLOSED')).toBe(true);
      }),
    );
    expect(removalDays('2027-03-15', '2026-11-25')).toEqual({ joinedOn: '2026-11-25', leftOn: '2026-11-25' });
    expect(countsAsServed({ joinedOn: '2027-03-15', leftOn: null }, 'CANCELLED')).toBe(false);
  });

  it('has no guard on reporting and closing', () => {
    const bad = [[v('TEAM_SIZE', 'HARD'), v('READINESS', 'SOFT')]];
    expect(decideAdvance('STATIONED', 'REPORTING', bad)).toEqual({ kind: 'MOVE' });
    expect(decideAdvance('REPORTING', 'CLOSED', bad)).toEqual({ kind: 'MOVE' });
  });

  it('only ever moves to the next status', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ROUND_STATUSES), { maxLength: 20 }), (attempts) => {
        let s: RoundStatus = 'PLANNING';
        for (const to of attempts) {
          const before = ROUND_STATUSES.indexOf(s);
          if (decideAdvance(s, to, [[]]).kind === 'MOVE') {
            expect(ROUND_STATUSES.indexOf(to)).toBe(before + 1);
            s = to;
          }
        }
      }),
    );
  });

  it('allows editing teams only while planning, member changes until stationed, evaluation from reporting', () => {
    const allowed = (a: Parameters<typeof refusal>[1]) => ROUND_STATUSES.filter((s) => refusal(s, a) === null);
    expect(allowed('EDIT_TEAMS')).toEqual(['PLANNING']);
    expect(allowed('CHANGE_MEMBERS')).toEqual(['PLANNING', 'AUTHORIZED', 'STATIONED']);
    expect(allowed('AUTHORIZE')).toEqual(['PLANNING', 'AUTHORIZED', 'STATIONED', 'REPORTING']);
    expect(allowed('EVALUATE')).toEqual(['REPORTING', 'CLOSED']);
    expect(refusal('CLOSED', 'AUTHORIZE')?.zh).toContain('已结束');
  });

  it('dates a member from the round start before stationing and from the day of assignment after', () => {
    expect(joinedOn('PLANNING', '2025-03-01', '2025-01-10')).toBe('2025-03-01');
    expect(joinedOn('AUTHORIZED', '2025-03-01', '2025-03-05')).toBe('2025-03-01');
    expect(joinedOn('STATIONED', '2025-03-01', '2025-03-20')).toBe('2025-03-20');
  });
});
