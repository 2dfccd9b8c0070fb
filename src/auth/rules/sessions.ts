import type { SecuritySettingsData } from './security-settings';

/** Why a session ended. */
export type SessionEndReason =
  | 'SIGNED_OUT'
  | 'PASSWORD_CHANGED'
  | 'PASSWORD_RESET'
  | 'ACCOUNT_DISABLED'
  | 'ENDED_BY_ADMINISTRATOR'
  | 'IDLE'
  | 'EXPIRED';

/** What a session may do besides signing out, when it may not do everything yet. */
export type SessionRestriction = 'PASSWORD_CHANGE' | 'TOTP_ENROLMENT';

/**
 * How stale a session's last-seen time may get before a request writes it again. Requests do
 * not write; at most one a minute per session does, so idle time is judged to within a minute:
 * a session idle for (idle limit − 1 min) may already count as idle, never one used more recently.
 */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
}

export type SessionState = 'ACTIVE' | 'ENDED' | 'IDLE' | 'EXPIRED';

type Limits = Pick<SecuritySettingsData, 'sessionIdleMinutes' | 'sessionAbsoluteHours'>;

export function absoluteEnd(createdAt: Date, s: Limits): Date {
  return new Date(createdAt.getTime() + s.sessionAbsoluteHours * 3_600_000);
}

export function idleEnd(lastSeenAt: Date, s: Limits): Date {
  return new Date(lastSeenAt.getTime() + s.sessionIdleMinutes * 60_000);
}

/** The state of a session at `now`: ended explicitly, timed out (absolute first), or active. */
export function sessionState(t: SessionTimes, now: Date, s: Limits): SessionState {
  if (t.endedAt) return 'ENDED';
  if (now >= absoluteEnd(t.createdAt, s)) return 'EXPIRED';
  if (now >= idleEnd(t.lastSeenAt, s)) return 'IDLE';
  return 'ACTIVE';
}

/** When an active session will time out unless it is used again. */
export function sessionEndsAt(t: SessionTimes, s: Limits): Date {
  const a = absoluteEnd(t.createdAt, s);
  const i = idleEnd(t.lastSeenAt, s);
  return a < i ? a : i;
}

/** Whether a request at `now` should write the session's last-seen time. */
export function lastSeenIsStale(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS;
}
