/**
 * A round's lifecycle: PLANNING → AUTHORIZED → STATIONED → REPORTING → CLOSED, one step at a
 * time and forward only, and what each status allows.
 */
import type { Msg, RoundStatus, Violation } from './types';
import { ROUND_STATUSES } from './types';

export const STATUS_NAMES: Record<RoundStatus, Msg> = {
  PLANNING: { zh: '筹备', en: 'planning' },
  AUTHORIZED: { zh: '已授权', en: 'authorized' },
  STATIONED: { zh: '进驻中', en: 'stationed' },
  REPORTING: { zh: '反馈报告', en: 'reporting' },
  CLOSED: { zh: '已结束', en: 'closed' },
};

export function nextStatus(from: RoundStatus): RoundStatus | null {
  const i = ROUND_STATUSES.indexOf(from);
  return i + 1 < ROUND_STATUSES.length ? ROUND_STATUSES[i + 1] : null;
}

export type AdvanceOutcome =
  | { kind: 'MOVE' }
  | { kind: 'BLOCKED'; violations: Violation[] }
  | { kind: 'INVALID'; message: Msg };

/**
 * Whether a round in `from` may move to `to`, given the current violations of each of its
 * teams. To AUTHORIZED: no team may break a hard rule (which includes an ACTIVE authorization
 * of its current leader, LEADER_AUTHORIZATION). To STATIONED: every member is ready
 * (READINESS). The other moves have no guard.
 */
export function decideAdvance(from: RoundStatus, to: RoundStatus, teams: readonly (readonly Violation[])[]): AdvanceOutcome {
  const next = nextStatus(from);
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
  if (to === 'AUTHORIZED') {
    if (teams.length === 0) {
      return { kind: 'INVALID', message: { zh: '轮次尚无巡察组，不能授权', en: 'The round has no teams to authorize' } };
    }
    const hard = teams.flatMap((vs) => vs.filter((v) => v.severity === 'HARD'));
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
