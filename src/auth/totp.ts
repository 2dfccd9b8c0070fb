import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** The issuer an authenticator app shows beside the account. */
const ISSUER = 'Inspection Personnel';
const PERIOD = 30;

function totp(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

/** A new secret (160 bits, base32) and the otpauth:// URI an authenticator app reads from a QR code. */
export function newTotpSecret(label: string): { secret: string; provisioningUri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, provisioningUri: totp(secret, label).toString() };
}

/**
 * The time step of a code valid at `now` (RFC 6238, 30 s steps, one step of drift either way),
 * or null. Callers accept a step only once.
 */
export function totpStep(code: string, secretBase32: string, now: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secretBase32, 'check').validate({ token, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

/** The code for `at`: for tests and the demo. */
export function totpCode(secretBase32: string, at: Date): string {
  return totp(secretBase32, 'code').generate({ timestamp: at.getTime() });
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Ten one-time recovery codes, "XXXX-XXXX-XXXX" (60 bits each). */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from(randomBytes(12), (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** Whether a code has the shape of a recovery code (rather than a TOTP code). */
export function looksLikeRecoveryCode(code: string): boolean {
  return /^[A-Z2-9]{12}$/.test(normalizeRecoveryCode(code));
}

function normalizeRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** How a recovery code is stored: SHA-256 of its normalized form (the codes are random, 60 bits). */
export function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');
}
