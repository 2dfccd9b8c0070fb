/**
 * Pool entries (人才库): who may enter which pool, and how an entry's status may move.
 *
 *   enroll ──► PENDING ──review──► ACTIVE ◄──reinstate── SUSPENDED
 *                 │                  │  └────suspend────────►│
 *                 └──review──► REJECTED     └──exit──► EXITED ◄──exit──┘
 *
 * A REJECTED or EXITED entry may be enrolled again: the same entry goes back to PENDING
 * (one entry per person, pool and region; nothing is deleted, every move is kept as history).
 */
import type { Msg } from '../../common/i18n';
import { meetsRankFloor, Rank, RANK_NAMES } from '../../people/rules/rank';

export const POOL_KINDS = ['GROUP_LEADER', 'DEPUTY_LEADER', 'SPECIALIST'] as const;
export type PoolKind = (typeof POOL_KINDS)[number];

export const POOL_ENTRY_STATUSES = ['PENDING', 'ACTIVE', 'REJECTED', 'SUSPENDED', 'EXITED'] as const;
export type PoolEntryStatus = (typeof POOL_ENTRY_STATUSES)[number];

export type { Msg };

/** The rank floor for leaders and deputies entering a pool (pre-appointment review, 任前审核). */
export const POOL_RANK_FLOOR: Rank = 'DEPUTY_SECTION';

export const POOL_NAMES: Record<PoolKind, Msg> = {
  GROUP_LEADER: { zh: '组长库', en: 'group-leader pool' },
  DEPUTY_LEADER: { zh: '副组长库', en: 'deputy-leader pool' },
  SPECIALIST: { zh: '巡察人才库', en: 'specialist pool' },
};

export const STATUS_NAMES: Record<PoolEntryStatus, Msg> = {
  PENDING: { zh: '待审核', en: 'pending' },
  ACTIVE: { zh: '在库', en: 'active' },
  REJECTED: { zh: '未通过', en: 'rejected' },
  SUSPENDED: { zh: '暂停', en: 'suspended' },
  EXITED: { zh: '已出库', en: 'exited' },
};

export type Decision<T> = { ok: true; value: T } | { ok: false; code: 'CONFLICT' | 'BAD_USER_INPUT'; field?: string; message: Msg };

const ok = <T>(value: T): Decision<T> => ({ ok: true, value });

/** Enrolling a person who may already hold an entry in this pool and region. */
export function decideEnrollment(existing: { status: PoolEntryStatus } | null): Decision<'CREATE' | 'REOPEN'> {
  if (existing == null) return ok('CREATE');
  if (existing.status === 'REJECTED' || existing.status === 'EXITED') return ok('REOPEN');
  const s = STATUS_NAMES[existing.status];
  return {
    ok: false,
    code: 'CONFLICT',
    message: {
      zh: `此人在该库已有条目（${s.zh}），同一地区同一库只能有一个条目`,
      en: `This person already holds an entry in this pool (${s.en}); one entry per pool and region`,
    },
  };
}

/** The organization department's review of a PENDING entry. */
export function decideReview(
  entry: { status: PoolEntryStatus; pool: PoolKind },
  person: { rank: Rank | null | undefined },
  approve: boolean,
  rankFloor: Rank = POOL_RANK_FLOOR,
): Decision<'ACTIVE' | 'REJECTED'> {
  if (entry.status !== 'PENDING') {
    const s = STATUS_NAMES[entry.status];
    return {
      ok: false,
      code: 'CONFLICT',
      message: { zh: `只能审核待审核的条目，此条目为“${s.zh}”`, en: `Only a pending entry can be reviewed; this one is ${s.en}` },
    };
  }
  if (!approve) return ok('REJECTED');
  if (entry.pool !== 'SPECIALIST' && !meetsRankFloor(person.rank, rankFloor)) {
    const floor = RANK_NAMES[rankFloor];
    const pool = POOL_NAMES[entry.pool];
    const has = person.rank ? RANK_NAMES[person.rank] : { zh: '未登记', en: 'not recorded' };
    return {
      ok: false,
      code: 'CONFLICT',
      message: {
        zh: `进入${pool.zh}须达到${floor.zh}及以上，此人职级为${has.zh}`,
        en: `Entering the ${pool.en} requires ${floor.en} or above; this person's rank is ${has.en}`,
      },
    };
  }
  return ok('ACTIVE');
}

/** Moves allowed through changePoolEntryStatus (dynamic management, 动态管理). */
const STATUS_MOVES: Record<PoolEntryStatus, readonly PoolEntryStatus[]> = {
  PENDING: [],
  REJECTED: [],
  ACTIVE: ['SUSPENDED', 'EXITED'],
  SUSPENDED: ['ACTIVE', 'EXITED'],
  EXITED: [],
};

export function decideStatusChange(from: PoolEntryStatus, to: PoolEntryStatus, reason: string): Decision<PoolEntryStatus> {
  if (to !== 'SUSPENDED' && to !== 'ACTIVE' && to !== 'EXITED') {
    return {
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'status',
      message: {
        zh: '状态只能改为暂停（SUSPENDED）、恢复（ACTIVE）或出库（EXITED）；审核请用 reviewPoolEntry',
        en: 'Status can only be changed to SUSPENDED, ACTIVE (reinstate) or EXITED; use reviewPoolEntry to review',
      },
    };
  }
  if (reason.trim() === '') {
    return { ok: false, code: 'BAD_USER_INPUT', field: 'reason', message: { zh: '请填写原因', en: 'A reason is required' } };
  }
  if (!STATUS_MOVES[from].includes(to)) {
    const a = STATUS_NAMES[from];
    const b = STATUS_NAMES[to];
    return {
      ok: false,
      code: 'CONFLICT',
      message: { zh: `条目不能从“${a.zh}”改为“${b.zh}”`, en: `An entry cannot move from ${a.en} to ${b.en}` },
    };
  }
  return ok(to);
}

/** The moves changePoolEntryStatus accepts from each status (for documentation and tests). */
export function allowedStatusMoves(from: PoolEntryStatus): readonly PoolEntryStatus[] {
  return STATUS_MOVES[from];
}
