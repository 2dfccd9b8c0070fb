/**
 * A round's lifecycle: PLANNING → AUTHORIZED → STATIONED → REPORTING → CLOSED, one step at a
 * time and forward only, and what each status allows. Before stationing a round may instead be
 * called off (CANCELLED), which is final.
 */
import type { Msg, RoundStatus, Violation } from './types';
import { LIFECYCLE } from './types';

export const STATUS_NAMES: Record<RoundStatus, Msg> = {
  PLANNING: { zh: '筹备', en: 'planning' },
  AUTHORIZED: { zh: '已授权', en: 'authorized' },
  STATIONED: { zh: '进驻中', en: 'stationed' },
  REPORTING: { zh: '反馈报告', en: 'reporting' },
  CLOSED: { zh: '已结束', en: 'closed' },
  CANCELLED: { zh: '已取消', en: 'cancelled' },
};

export function nextStatus(from: RoundStatus): RoundStatus | null {
  const i = (LIFECYCLE as readonly RoundStatus[]).indexOf(from);
  return i >= 0 && i + 1 < LIFECYCLE.length ? LIFECYCLE[i + 1] : null;
}

/** Whether the round is over (closed or called off): history, no longer judged or changed. */
export const isFinished = (status: RoundStatus): boolean => status === 'CLOSED' || status === 'CANCELLED';

export type AdvanceOutcome =
  | { kind: 'MOVE' }
  | { kind: 'BLOCKED'; violations: Violation[] }
  | { kind: 'INVALID'; message: Msg };

/** The round's stationing period and today, for the moves that depend on the calendar. */
export interface AdvanceDates {
  startsOn: string;
  endsOn: string;
  today: string;
}

/**
 * Null when the calendar allows the move, else the reason: a round is stationed on or after its
 * start date and goes to REPORTING on or after its end date (an early end moves the end date
 * first). A round recorded after the fact has past dates and passes.
 */
export function dateRefusal(to: RoundStatus, d: AdvanceDates): Msg | null {
  if (to === 'STATIONED' && d.today < d.startsOn) {
    return {
      zh: `本轮进驻开始日期为${d.startsOn}，不能在此之前进驻（今天是${d.today}）`,
      en: `The round's stationing starts on ${d.startsOn}; it cannot be stationed before then (today is ${d.today})`,
    };
  }
  if (to === 'REPORTING' && d.today < d.endsOn) {
    return {
      zh: `本轮进驻结束日期为${d.endsOn}，不能在此之前转入反馈报告（今天是${d.today}）；如提前结束进驻，请先将结束日期改为今天`,
      en: `The round's stationing ends on ${d.endsOn}; it cannot move to reporting before then (today is ${d.today}); to end early, first move the end date to today`,
    };
  }
  return null;
}

/**
 * Whether a round in `from` may move to `to`, given the current violations of each of its
 * teams. To AUTHORIZED: no team may break a hard rule (which includes an ACTIVE authorization
 * of its current leader, LEADER_AUTHORIZATION). To STATIONED: every member is ready
 * (READINESS). Waived avoidance findings block nothing. With `dates`, the moves to STATIONED
 * and REPORTING also wait for the round's start and end dates (`dateRefusal`).
 */
export function decideAdvance(
  from: RoundStatus,
  to: RoundStatus,
  teams: readonly (readonly Violation[])[],
  dates?: AdvanceDates,
): AdvanceOutcome {
  const next = nextStatus(from);
  if (from === 'CANCELLED') {
    return { kind: 'INVALID', message: { zh: '轮次已取消，不能再变更状态', en: 'The round is cancelled; its status cannot change any more' } };
  }
  if (to !== next) {
    const a = STATUS_NAMES[from];
    const b = STATUS_NAMES[to];
    return {
      kind: 'INVALID',
      message:
        next === null
          ? { zh: `轮次已${a.zh}，不能再变更状态`, en: `The round is ${a.en}; its status cannot change any more` }
          : {
              zh: `轮次只能从“${a.zh}”进入“${STATUS_NAMES[next].zh}”，不能进入“${b.zh}”`,
              en: `A ${a.en} round can only move to ${STATUS_NAMES[next].en}, not to ${b.en}`,
            },
    };
  }
  const early = dates ? dateRefusal(to, dates) : null;
  if (early) return { kind: 'INVALID', message: early };
  if (to === 'AUTHORIZED') {
    if (teams.length === 0) {
      return { kind: 'INVALID', message: { zh: '轮次尚无巡察组，不能授权', en: 'The round has no teams to authorize' } };
    }
    const hard = teams.flatMap((vs) => vs.filter((v) => v.severity === 'HARD' && !v.waived));
    if (hard.length > 0) return { kind: 'BLOCKED', violations: hard };
  }
  if (to === 'STATIONED') {
    const unready = teams.flatMap((vs) => vs.filter((v) => v.rule === 'READINESS'));
    if (unready.length > 0) return { kind: 'BLOCKED', violations: unready };
  }
  return { kind: 'MOVE' };
}

export type RoundAction = 'EDIT_TEAMS' | 'CHANGE_MEMBERS' | 'AUTHORIZE' | 'RECORD_READINESS' | 'EVALUATE';

const ALLOWED: Record<RoundAction, readonly RoundStatus[]> = {
  /** Creating teams and setting their targets. */
  EDIT_TEAMS: ['PLANNING'],
  /** Assigning and removing members (replacements while stationed). */
  CHANGE_MEMBERS: ['PLANNING', 'AUTHORIZED', 'STATIONED'],
  AUTHORIZE: ['PLANNING', 'AUTHORIZED', 'STATIONED', 'REPORTING'],
  RECORD_READINESS: ['PLANNING', 'AUTHORIZED', 'STATIONED', 'REPORTING'],
  EVALUATE: ['REPORTING', 'CLOSED'],
};

const ACTION_NAMES: Record<RoundAction, Msg> = {
  EDIT_TEAMS: { zh: '新建巡察组或调整巡察对象', en: 'create teams or set their targets' },
  CHANGE_MEMBERS: { zh: '调整巡察组成员', en: 'change team members' },
  AUTHORIZE: { zh: '授权组长', en: 'authorize a leader' },
  RECORD_READINESS: { zh: '登记培训和承诺书', en: 'record readiness' },
  EVALUATE: { zh: '评价组员', en: 'evaluate members' },
};

/** Null when `status` allows `action`, else the reason it does not. */
export function refusal(status: RoundStatus, action: RoundAction): Msg | null {
  if (ALLOWED[action].includes(status)) return null;
  const s = STATUS_NAMES[status];
  const a = ACTION_NAMES[action];
  const when = ALLOWED[action].map((x) => STATUS_NAMES[x]);
  return {
    zh: `轮次处于“${s.zh}”状态，不能${a.zh}（仅限：${when.map((w) => w.zh).join('、')}）`,
    en: `The round is ${s.en}; cannot ${a.en} (only while ${when.map((w) => w.en).join(', ')})`,
  };
}

/**
 * The day a member joins: the round's start for anyone assigned before it is stationed,
 * the day of assignment for anyone added later.
 */
export function joinedOn(status: RoundStatus, startsOn: string, today: string): string {
  return status === 'PLANNING' || status === 'AUTHORIZED' ? startsOn : today;
}

/**
 * The days of a membership taken off on `today`. Taken off before the day it joins (before the
 * round's start: withdrawn before stationing), it joins and leaves that day, so that `leftOn` is
 * never before `joinedOn`.
 */
export function removalDays(joined: string, today: string): { joinedOn: string; leftOn: string } {
  return { joinedOn: joined > today ? today : joined, leftOn: today };
}

/** A membership that ended before its round started: withdrawn before stationing, never served. */
export function withdrawnBeforeStationing(m: { leftOn: string | null }, roundStartsOn: string): boolean {
  return m.leftOn !== null && m.leftOn < roundStartsOn;
}

/**
 * Whether a membership counts as a round served: its round was not called off, and the member
 * did not leave on (or before) the day they joined, which a member withdrawn before stationing
 * does. Every count of rounds served (team rules, rotation fairness, records, exports) asks this.
 */
export function countsAsServed(m: { joinedOn: string; leftOn: string | null }, roundStatus: string): boolean {
  return roundStatus !== 'CANCELLED' && (m.leftOn === null || m.leftOn > m.joinedOn);
}

/** The same as `countsAsServed`, as an SQL condition on memberships `m` of rounds `r`. */
export const SERVED_SQL = "r.status <> 'CANCELLED' AND (m.left_on IS NULL OR m.left_on > m.joined_on)";

// ---------------------------------------------------------------- corrections

/** Calling a round off: only before it is stationed. */
export function cancelRefusal(status: RoundStatus): Msg | null {
  if (status === 'PLANNING' || status === 'AUTHORIZED') return null;
  const s = STATUS_NAMES[status];
  return {
    zh: `轮次处于“${s.zh}”状态，不能取消（仅限：筹备、已授权）`,
    en: `The round is ${s.en}; only a planning or authorized round can be called off`,
  };
}

export interface DateChange {
  status: RoundStatus;
  startsOn: string;
  endsOn: string;
  /** The new dates (the current ones where not changed). */
  nextStartsOn: string;
  nextEndsOn: string;
  today: string;
}

/**
 * Whether a round's stationing period may change: both dates while PLANNING or AUTHORIZED; while
 * STATIONED only an earlier end, not before today (a stationing that ends early); never after.
 * Null when allowed, else the reason (with the field at fault).
 */
export function dateChangeRefusal(c: DateChange): { code: 'BAD_USER_INPUT' | 'CONFLICT'; field: 'startsOn' | 'endsOn'; message: Msg } | null {
  if (c.nextStartsOn > c.nextEndsOn) {
    return { code: 'BAD_USER_INPUT', field: 'endsOn', message: { zh: `结束日期 ${c.nextEndsOn} 早于开始日期 ${c.nextStartsOn}`, en: `End date ${c.nextEndsOn} is before start date ${c.nextStartsOn}` } };
  }
  if (c.status === 'PLANNING' || c.status === 'AUTHORIZED') return null;
  const s = STATUS_NAMES[c.status];
  if (c.status !== 'STATIONED') {
    const field = c.nextStartsOn !== c.startsOn ? 'startsOn' : 'endsOn';
    return { code: 'CONFLICT', field, message: { zh: `轮次处于“${s.zh}”状态，不能再调整进驻日期`, en: `The round is ${s.en}; its stationing period can no longer change` } };
  }
  if (c.nextStartsOn !== c.startsOn) {
    return { code: 'CONFLICT', field: 'startsOn', message: { zh: '轮次已进驻，开始日期不能再调整', en: 'The round is stationed; its start date can no longer change' } };
  }
  if (c.nextEndsOn > c.endsOn) {
    return { code: 'CONFLICT', field: 'endsOn', message: { zh: '进驻期间只能提前结束，不能延长', en: 'While stationed a round can only end earlier, not later' } };
  }
  if (c.nextEndsOn < c.today) {
    return { code: 'BAD_USER_INPUT', field: 'endsOn', message: { zh: `提前结束的日期不能早于今天（${c.today}）`, en: `An early end cannot be before today (${c.today})` } };
  }
  return null;
}

/** Changing the theme: only while PLANNING or AUTHORIZED. */
export function themeChangeRefusal(status: RoundStatus): Msg | null {
  if (status === 'PLANNING' || status === 'AUTHORIZED') return null;
  const s = STATUS_NAMES[status];
  return { zh: `轮次处于“${s.zh}”状态，不能再修改主题`, en: `The round is ${s.en}; its theme can no longer change` };
}
