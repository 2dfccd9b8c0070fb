/**
 * Authorization of a team leader (一次一授权): bound to one round, one team and one person.
 * ACTIVE → REVOKED when replaced or when the leader changes; ACTIVE → ENDED when the round
 * closes. REVOKED and ENDED are final, and an authorization is never moved to another round,
 * team or person.
 */
import type { AuthorizationFact, AuthorizationStatus, Msg, RoundStatus } from './types';

export type AuthorizationEvent = 'REVOKE' | 'END';

/** The status after `event`, or null when the authorization is no longer ACTIVE. */
export function transition(status: AuthorizationStatus, event: AuthorizationEvent): AuthorizationStatus | null {
  if (status !== 'ACTIVE') return null;
  return event === 'REVOKE' ? 'REVOKED' : 'ENDED';
}

export type AuthorizeDecision = { ok: true; revokeIds: string[] } | { ok: false; message: Msg };

/** Authorizing the team's current leader: the team's ACTIVE authorizations are revoked. */
export function decideAuthorize(q: {
  roundStatus: RoundStatus;
  leaderPersonId: string | null;
  teamId: string;
  existing: readonly AuthorizationFact[];
}): AuthorizeDecision {
  if (q.roundStatus === 'CLOSED') {
    return { ok: false, message: { zh: '轮次已结束，不能再授权', en: 'The round is closed; no authorization can be made' } };
  }
  if (q.roundStatus === 'CANCELLED') {
    return { ok: false, message: { zh: '轮次已取消，不能再授权', en: 'The round is cancelled; no authorization can be made' } };
  }
  if (q.leaderPersonId == null) {
    return { ok: false, message: { zh: '巡察组尚无组长，无法授权', en: 'The team has no leader to authorize' } };
  }
  return { ok: true, revokeIds: activeOf(q.existing, q.teamId) };
}

/** The authorizations a leader change revokes: every ACTIVE one of the team. */
export function revokedByLeaderChange(existing: readonly AuthorizationFact[], teamId: string): string[] {
  return activeOf(existing, teamId);
}

/** The authorizations closing (or calling off) the round ends: every ACTIVE one of the round. */
export function endedByClosing(existing: readonly AuthorizationFact[], roundId: string): string[] {
  return existing.filter((a) => a.roundId === roundId && a.status === 'ACTIVE').map((a) => a.id);
}

function activeOf(existing: readonly AuthorizationFact[], teamId: string): string[] {
  return existing.filter((a) => a.teamId === teamId && a.status === 'ACTIVE').map((a) => a.id);
}
