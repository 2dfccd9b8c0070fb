import { Msg, msg } from '../../common/i18n';
import type { PasswordPolicy } from './password-policy';
import type { RoleName } from './permissions';

/**
 * The security settings, one set for the deployment (the security administrator's), stored as
 * JSON and read with defaults for whatever is missing.
 */
export interface SecuritySettingsData {
  passwordMinLength: number;
  passwordMinClasses: number;
  passwordHistory: number;
  passwordMaxAgeDays: number;
  /** Consecutive sign-in failures that lock an account. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** More failures than this from one client address within the window delay that address. */
  addressFailureLimit: number;
  addressWindowMinutes: number;
  /** While delayed, an address gets one sign-in attempt per this many seconds. */
  addressDelaySeconds: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Accounts holding any of these roles must sign in with a second factor. */
  totpRequiredRoles: RoleName[];
}

export const DEFAULT_SECURITY_SETTINGS: SecuritySettingsData = {
  passwordMinLength: 10,
  passwordMinClasses: 3,
  passwordHistory: 5,
  passwordMaxAgeDays: 90,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  addressFailureLimit: 50,
  addressWindowMinutes: 10,
  addressDelaySeconds: 5,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  totpRequiredRoles: [],
};

type NumericSetting = Exclude<keyof SecuritySettingsData, 'totpRequiredRoles'>;

/**
 * Allowed ranges. The lower bounds keep the settings within what a level-3 review accepts (a
 * password of at least 8 characters from 2 classes, a lockout after at most 20 failures, sessions
 * that end).
 */
export const SETTING_RANGES: Record<NumericSetting, [number, number]> = {
  passwordMinLength: [8, 64],
  passwordMinClasses: [2, 4],
  passwordHistory: [0, 24],
  passwordMaxAgeDays: [0, 3650],
  lockoutThreshold: [3, 20],
  lockoutMinutes: [1, 1440],
  addressFailureLimit: [10, 100_000],
  addressWindowMinutes: [1, 1440],
  addressDelaySeconds: [1, 300],
  sessionIdleMinutes: [1, 480],
  sessionAbsoluteHours: [1, 72],
};

export const NUMERIC_SETTINGS = Object.keys(SETTING_RANGES) as NumericSetting[];

/** Stored JSON read with defaults: unknown keys are dropped, missing or out-of-range ones defaulted. */
export function settingsFromStored(stored: unknown, knownRoles: readonly string[]): SecuritySettingsData {
  const raw = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const out: SecuritySettingsData = { ...DEFAULT_SECURITY_SETTINGS };
  for (const key of NUMERIC_SETTINGS) {
    const v = raw[key];
    const [lo, hi] = SETTING_RANGES[key];
    if (typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi) out[key] = v;
  }
  if (Array.isArray(raw.totpRequiredRoles)) {
    out.totpRequiredRoles = raw.totpRequiredRoles.filter((r): r is RoleName => typeof r === 'string' && knownRoles.includes(r));
  }
  return out;
}

export function parseStoredSettings(text: string | null | undefined, knownRoles: readonly string[]): SecuritySettingsData {
  let parsed: unknown = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    /* defaults */
  }
  return settingsFromStored(parsed, knownRoles);
}

/** The first field of a change that is out of its range, with the message to give. */
export function settingOutOfRange(change: Partial<SecuritySettingsData>): { field: string; text: Msg } | null {
  for (const key of NUMERIC_SETTINGS) {
    const v = change[key];
    if (v === undefined || v === null) continue;
    const [lo, hi] = SETTING_RANGES[key];
    if (!Number.isInteger(v) || v < lo || v > hi) return { field: key, text: msg(`${key} 须在 ${lo} 到 ${hi} 之间`, `${key} must be between ${lo} and ${hi}`) };
  }
  return null;
}

export function passwordPolicyOf(s: SecuritySettingsData): PasswordPolicy {
  return { minLength: s.passwordMinLength, minClasses: s.passwordMinClasses, history: s.passwordHistory, maxAgeDays: s.passwordMaxAgeDays };
}

/** Whether an account with these roles must use a second factor. */
export function secondFactorRequired(roles: readonly string[], s: SecuritySettingsData): boolean {
  return roles.some((r) => (s.totpRequiredRoles as string[]).includes(r));
}

/** The fields whose values differ, as { field: [before, after] }. */
export function settingsDiff(before: SecuritySettingsData, after: SecuritySettingsData): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(before) as (keyof SecuritySettingsData)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = [before[key], after[key]];
  }
  return out;
}
