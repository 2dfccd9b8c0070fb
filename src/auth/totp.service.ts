import { Ctx } from '../context';
import { badInput, conflict } from '../common/errors';
import { msg } from '../common/i18n';
import { AuditKind } from '../audit/audit.entity';
import { Account, RecoveryCode } from './account.entity';
import { verifyPassword } from './password';
import { requireAccount } from './accounts.service';
import { secondFactorRequired } from './rules/security-settings';
import { Session } from './session.entity';
import { endSessions } from './sessions.service';
import { failLater } from './sign-in.service';
import { loadSecuritySettings } from './security-settings.service';
import { newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpStep } from './totp';

/**
 * Starts TOTP enrolment of the signed-in account: a new secret and its provisioning URI (for the
 * authenticator app's QR code). Nothing changes at sign-in until a code confirms it.
 */
export async function startTotpEnrolment(ctx: Ctx): Promise<{ secret: string; provisioningUri: string }> {
  const who = ctx.auth.signedInForSetup('TOTP_ENROLMENT');
  const account = await ctx.em.findOneByOrFail(Account, { id: who.id });
  if (account.totpSecret) throw conflict(msg('已绑定身份验证器；如需更换请先解除', 'An authenticator is enrolled already: remove it first to enrol another'));
  const enrolment = newTotpSecret(account.username);
  await ctx.em.update(Account, { id: account.id }, { totpPendingSecret: enrolment.secret });
  ctx.touch(account.id);
  return enrolment;
}

/**
 * Confirms enrolment with a current code: from now on sign-in needs a code. Returns ten recovery
 * codes, shown this once and stored only as hashes; a session that had to enrol is no longer
 * restricted.
 */
export async function confirmTotpEnrolment(ctx: Ctx, code: string): Promise<string[]> {
  const who = ctx.auth.signedInForSetup('TOTP_ENROLMENT');
  const account = await ctx.em.findOneByOrFail(Account, { id: who.id });
  if (!account.totpPendingSecret) throw badInput('code', msg('请先开始绑定身份验证器', 'Start the enrolment first'));
  const step = totpStep(code, account.totpPendingSecret, ctx.authClock.now());
  if (step === null) throw badInput('code', msg('动态口令不正确或已过期', 'The code is wrong or has expired'));
  await ctx.em.update(Account, { id: account.id }, { totpSecret: account.totpPendingSecret, totpPendingSecret: null, totpLastStep: step });
  const codes = newRecoveryCodes();
  await ctx.em.delete(RecoveryCode, { accountId: account.id });
  await ctx.em.insert(
    RecoveryCode,
    codes.map((c) => Object.assign(new RecoveryCode(), { accountId: account.id, codeHash: recoveryCodeHash(c), usedAt: null })),
  );
  if (ctx.session?.restriction === 'TOTP_ENROLMENT') await ctx.em.update(Session, { id: ctx.session.id }, { restriction: null });
  ctx.touch(account.id);
  ctx.recordEvent({ kind: AuditKind.SECOND_FACTOR_ENROLLED, targetIds: [account.id] });
  return codes;
}

async function removeSecondFactor(ctx: Ctx, accountId: string) {
  await ctx.em.update(Account, { id: accountId }, { totpSecret: null, totpPendingSecret: null, totpLastStep: null });
  await ctx.em.delete(RecoveryCode, { accountId });
  ctx.touch(accountId);
  ctx.recordEvent({ kind: AuditKind.SECOND_FACTOR_REMOVED, targetIds: [accountId] });
}

/** Removes the signed-in account's own authenticator, with its current password; refused where its roles require one. */
export async function disableTotp(ctx: Ctx, currentPassword: string): Promise<Account> {
  const who = ctx.auth.signedIn();
  const settings = await loadSecuritySettings(ctx);
  const account = await ctx.em.findOneByOrFail(Account, { id: who.id });
  if (!(await verifyPassword(currentPassword.slice(0, 1024), account.passwordHash))) {
    failLater(ctx, settings, { typed: account.username, accountId: account.id, reason: 'WRONG_CURRENT_PASSWORD' });
    throw badInput('currentPassword', msg('当前密码不正确', 'The current password is wrong'));
  }
  if (secondFactorRequired(account.roles, settings)) throw conflict(msg('你的角色要求使用双因素认证', 'Your roles require a second factor'));
  await removeSecondFactor(ctx, account.id);
  return Object.assign(account, { totpSecret: null, totpPendingSecret: null, totpLastStep: null });
}

/**
 * The security administrator removes an account's authenticator (lost or stolen): its sessions
 * end, and where its roles require one it must enrol again at the next sign-in.
 */
export async function resetTotp(ctx: Ctx, accountId: string): Promise<Account> {
  ctx.auth.require('account:reset');
  const account = await requireAccount(ctx, accountId, 'accountId');
  await removeSecondFactor(ctx, account.id);
  await endSessions(ctx, account.id, 'ENDED_BY_ADMINISTRATOR');
  return Object.assign(account, { totpSecret: null, totpPendingSecret: null, totpLastStep: null });
}
