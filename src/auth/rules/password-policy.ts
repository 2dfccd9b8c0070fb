import { Msg, msg } from '../../common/i18n';

/** The password policy (a part of the security settings). */
export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes (upper case, lower case, digit, symbol) a password needs. */
  minClasses: number;
  /** A new password may not be one of this many most recent ones (the current one included). */
  history: number;
  /** Days after which a password expires; 0 turns expiry off. */
  maxAgeDays: number;
}

/** Long enough for any passphrase, short enough to bound the cost of hashing. */
export const MAX_PASSWORD_LENGTH = 128;

export type PasswordRule = 'MIN_LENGTH' | 'MAX_LENGTH' | 'CHARACTER_CLASSES' | 'CONTAINS_USERNAME' | 'RECENTLY_USED';

/**
 * The character classes a password uses: upper case, lower case, digit, and symbol (anything
 * else, Chinese characters included).
 */
export function characterClasses(password: string): number {
  const classes = new Set<string>();
  for (const ch of password) {
    if (/\p{Lu}/u.test(ch)) classes.add('upper');
    else if (/\p{Ll}/u.test(ch)) classes.add('lower');
    else if (/\p{Nd}/u.test(ch)) classes.add('digit');
    else classes.add('symbol');
  }
  return classes.size;
}

/** The rules a password breaks, but history (which needs the stored hashes). */
export function policyViolations(password: string, username: string, policy: PasswordPolicy): PasswordRule[] {
  const out: PasswordRule[] = [];
  const length = [...password].length;
  if (length < policy.minLength) out.push('MIN_LENGTH');
  if (length > MAX_PASSWORD_LENGTH) out.push('MAX_LENGTH');
  if (characterClasses(password) < policy.minClasses) out.push('CHARACTER_CLASSES');
  const name = username.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) out.push('CONTAINS_USERNAME');
  return out;
}

/** Whether a password set at `changedAt` has expired at `now`. */
export function passwordExpired(changedAt: Date | null, now: Date, policy: PasswordPolicy): boolean {
  if (policy.maxAgeDays <= 0 || !changedAt) return false;
  return now.getTime() - changedAt.getTime() >= policy.maxAgeDays * 86_400_000;
}

/** One sentence naming every broken rule, in both languages. */
export function describeViolations(rules: PasswordRule[], policy: PasswordPolicy): Msg {
  const parts: Record<PasswordRule, Msg> = {
    MIN_LENGTH: msg(`至少 ${policy.minLength} 个字符`, `at least ${policy.minLength} characters`),
    MAX_LENGTH: msg(`至多 ${MAX_PASSWORD_LENGTH} 个字符`, `at most ${MAX_PASSWORD_LENGTH} characters`),
    CHARACTER_CLASSES: msg(
      `须包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 类`,
      `at least ${policy.minClasses} of upper case, lower case, digits and symbols`,
    ),
    CONTAINS_USERNAME: msg('不得包含用户名', 'must not contain the username'),
    RECENTLY_USED: msg(`不得与最近 ${policy.history} 次使用的密码相同`, `must not be one of the last ${policy.history} passwords`),
  };
  return msg(
    `密码不符合要求：${rules.map((r) => parts[r].zh).join('；')}`,
    `The password does not meet the policy: ${rules.map((r) => parts[r].en).join('; ')}`,
  );
}
