import { Ctx } from '../context';
import { badInput } from '../common/errors';
import { Account, PasswordHistory } from './account.entity';
import { hashPassword, verifyPassword } from './password';
import { describeViolations, PasswordRule, policyViolations } from './rules/password-policy';
import { passwordPolicyOf, SecuritySettingsData } from './rules/security-settings';

/**
 * BAD_USER_INPUT on `field` when a new password breaks the policy: length, classes, the
 * username, or (for an existing account) one of its last passwords. The history costs one
 * scrypt per remembered password, so it is checked only when the rest holds.
 */
export async function assertAcceptablePassword(
  ctx: Ctx,
  password: string,
  account: { id: string | null; username: string },
  field: string,
  settings: SecuritySettingsData,
): Promise<void> {
  const policy = passwordPolicyOf(settings);
  const broken: PasswordRule[] = policyViolations(password, account.username, policy);
  if (broken.length === 0 && account.id && policy.history > 0) {
    const recent = await ctx.em.find(PasswordHistory, { where: { accountId: account.id }, order: { createdAt: 'DESC', id: 'DESC' }, take: policy.history });
    for (const old of recent) {
      if (await verifyPassword(password, old.hash)) {
        broken.push('RECENTLY_USED');
        break;
      }
    }
  }
  if (broken.length) throw badInput(field, describeViolations(broken, policy), { rules: broken });
}

/** Sets an account's password (hash, history, time of change, whether it must be changed at the next sign-in). */
export async function storePassword(ctx: Ctx, account: Account, password: string, opts: { mustChange: boolean }): Promise<void> {
  const now = ctx.authClock.now();
  const hash = await hashPassword(password);
  await ctx.em.update(Account, { id: account.id }, { passwordHash: hash, passwordChangedAt: now, mustChangePassword: opts.mustChange });
  await ctx.em.insert(PasswordHistory, Object.assign(new PasswordHistory(), { accountId: account.id, hash, createdAt: now }));
  Object.assign(account, { passwordHash: hash, passwordChangedAt: now, mustChangePassword: opts.mustChange });
}
