import type { SecuritySettingsData } from './security-settings';
import type { SessionRestriction } from './sessions';

/** Why a sign-in failed (recorded in the audit log; the client gets one answer for most). */
export type SignInFailure =
  | 'UNKNOWN_USERNAME'
  | 'WRONG_PASSWORD'
  | 'LOCKED'
  | 'DISABLED'
  | 'THROTTLED'
  | 'OTP_MISSING'
  | 'WRONG_OTP'
  | 'WRONG_CURRENT_PASSWORD';

/** Failures that count towards locking the account (the password or the code was guessed wrong). */
export const COUNTS_TOWARDS_LOCKOUT: ReadonlySet<SignInFailure> = new Set(['WRONG_PASSWORD', 'WRONG_OTP', 'WRONG_CURRENT_PASSWORD']);

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return !!lockedUntil && lockedUntil > now;
}

export function lockedUntilAfter(now: Date, s: Pick<SecuritySettingsData, 'lockoutMinutes'>): Date {
  return new Date(now.getTime() + s.lockoutMinutes * 60_000);
}

/**
 * Seconds an address must still wait before its next sign-in attempt: none while it has at most
 * `addressFailureLimit` failures in the window; beyond that, one attempt per `addressDelaySeconds`
 * counted from its latest failure.
 */
export function addressWaitSeconds(
  failuresInWindow: number,
  latestFailure: Date | null,
  now: Date,
  s: Pick<SecuritySettingsData, 'addressFailureLimit' | 'addressDelaySeconds'>,
): number {
  if (failuresInWindow <= s.addressFailureLimit || !latestFailure) return 0;
  const waitMs = latestFailure.getTime() + s.addressDelaySeconds * 1000 - now.getTime();
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}

export function addressWindowStart(now: Date, s: Pick<SecuritySettingsData, 'addressWindowMinutes'>): Date {
  return new Date(now.getTime() - s.addressWindowMinutes * 60_000);
}

/** What a fresh session may do: change an expired, reset or generated password first, then enrol a required second factor. */
export function restrictionAtSignIn(a: { mustChangePassword: boolean; passwordExpired: boolean; secondFactorRequired: boolean; secondFactorEnrolled: boolean }): SessionRestriction | null {
  if (a.mustChangePassword || a.passwordExpired) return 'PASSWORD_CHANGE';
  return restrictionAfterPasswordChange(a);
}

export function restrictionAfterPasswordChange(a: { secondFactorRequired: boolean; secondFactorEnrolled: boolean }): SessionRestriction | null {
  return a.secondFactorRequired && !a.secondFactorEnrolled ? 'TOTP_ENROLMENT' : null;
}
