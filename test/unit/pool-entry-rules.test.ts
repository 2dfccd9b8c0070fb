import fc from 'fast-check';
import {
  allowedStatusMoves,
  decideEnrollment,
  decideReview,
  decideStatusChange,
  POOL_ENTRY_STATUSES,
  POOL_KINDS,
} from '../../src/pools/rules/pool-entry';
import type { PoolEntryStatus } from '../../src/pools/rules/pool-entry';
import { meetsRankFloor, RANKS } from '../../src/people/rules/rank';

describe('ranks', () => {
  it('compare in the order 科员 < 副科级 < 正科级 < 副处级 < 正处级, unknown never meeting a floor', () => {
    expect(meetsRankFloor('DEPUTY_SECTION', 'DEPUTY_SECTION')).toBe(true);
    expect(meetsRankFloor('DIVISION', 'DEPUTY_SECTION')).toBe(true);
    expect(meetsRankFloor('STAFF', 'DEPUTY_SECTION')).toBe(false);
    expect(meetsRankFloor(null, 'STAFF')).toBe(false);
    fc.assert(
      fc.property(fc.constantFrom(...RANKS), fc.constantFrom(...RANKS), (a, b) => {
        expect(meetsRankFloor(a, b) || meetsRankFloor(b, a)).toBe(true);
        expect(meetsRankFloor(a, b) && meetsRankFloor(b, a)).toBe(a === b);
      }),
    );
  });
});

describe('pool entries', () => {
  it('enroll once per pool and region; a rejected or exited entry is reopened', () => {
    expect(decideEnrollment(null)).toEqual({ ok: true, value: 'CREATE' });
    expect(decideEnrollment({ status: 'REJECTED' })).toEqual({ ok: true, value: 'REOPEN' });
    expect(decideEnrollment({ status: 'EXITED' })).toEqual({ ok: true, value: 'REOPEN' });
    for (const status of ['PENDING', 'ACTIVE', 'SUSPENDED'] as const) {
      expect(decideEnrollment({ status })).toMatchObject({ ok: false, code: 'CONFLICT' });
    }
  });

  it('review a pending entry only', () => {
    expect(decideReview({ status: 'PENDING', pool: 'SPECIALIST' }, { rank: 'STAFF' }, true)).toEqual({ ok: true, value: 'ACTIVE' });
    expect(decideReview({ status: 'PENDING', pool: 'SPECIALIST' }, { rank: 'STAFF' }, false)).toEqual({ ok: true, value: 'REJECTED' });
    expect(decideReview({ status: 'ACTIVE', pool: 'SPECIALIST' }, { rank: 'STAFF' }, true)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('refuse leaders and deputies below 副科级 with the reason, but may still reject them', () => {
    for (const pool of ['GROUP_LEADER', 'DEPUTY_LEADER'] as const) {
      const d = decideReview({ status: 'PENDING', pool }, { rank: 'STAFF' }, true);
      expect(d).toMatchObject({ ok: false, code: 'CONFLICT' });
      if (!d.ok) {
        expect(d.message.zh).toContain('副科级');
        expect(d.message.zh).toContain('科员');
      }
      expect(decideReview({ status: 'PENDING', pool }, { rank: null }, true).ok).toBe(false);
      expect(decideReview({ status: 'PENDING', pool }, { rank: 'DEPUTY_SECTION' }, true)).toEqual({ ok: true, value: 'ACTIVE' });
      expect(decideReview({ status: 'PENDING', pool }, { rank: 'STAFF' }, false)).toEqual({ ok: true, value: 'REJECTED' });
    }
  });

  it('suspend, reinstate and exit with a reason', () => {
    expect(decideStatusChange('ACTIVE', 'SUSPENDED', 'health')).toEqual({ ok: true, value: 'SUSPENDED' });
    expect(decideStatusChange('SUSPENDED', 'ACTIVE', 'recovered')).toEqual({ ok: true, value: 'ACTIVE' });
    expect(decideStatusChange('SUSPENDED', 'EXITED', 'post change')).toEqual({ ok: true, value: 'EXITED' });
    expect(decideStatusChange('ACTIVE', 'EXITED', 'discipline')).toEqual({ ok: true, value: 'EXITED' });
    expect(decideStatusChange('ACTIVE', 'SUSPENDED', '  ')).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'reason' });
    expect(decideStatusChange('PENDING', 'REJECTED', 'x')).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'status' });
    expect(decideStatusChange('EXITED', 'ACTIVE', 'x')).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(decideStatusChange('PENDING', 'ACTIVE', 'x')).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('only ever make allowed moves, whatever is asked', () => {
    type Op = { kind: 'enroll' } | { kind: 'review'; approve: boolean } | { kind: 'change'; to: PoolEntryStatus };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      fc.constant({ kind: 'enroll' as const }),
      fc.record({ kind: fc.constant('review' as const), approve: fc.boolean() }),
      fc.record({ kind: fc.constant('change' as const), to: fc.constantFrom(...POOL_ENTRY_STATUSES) }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...POOL_KINDS), fc.constantFrom(null, ...RANKS), fc.array(opArb, { maxLength: 20 }), (pool, rank, ops) => {
        let status: PoolEntryStatus | null = null;
        for (const op of ops) {
          const before: PoolEntryStatus | null = status;
          if (op.kind === 'enroll') {
            const d = decideEnrollment(status ? { status } : null);
            if (d.ok) status = 'PENDING';
          } else if (status && op.kind === 'review') {
            const d = decideReview({ status, pool }, { rank }, op.approve);
            if (d.ok) status = d.value;
          } else if (status && op.kind === 'change') {
            const d = decideStatusChange(status, op.to, 'reason');
            if (d.ok) {
              expect(allowedStatusMoves(status)).toContain(op.to);
              status = d.value;
            }
          }
          if (status === 'ACTIVE' && before === 'PENDING' && pool !== 'SPECIALIST') expect(meetsRankFloor(rank, 'DEPUTY_SECTION')).toBe(true);
          if (before === null) expect([null, 'PENDING']).toContain(status);
        }
      }),
    );
  });
});
