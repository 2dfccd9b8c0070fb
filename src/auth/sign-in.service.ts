import { Ctx } from '../context';
import { AppError, badInput } from '../common/errors';
import { msg } from '../common/i18n';
import { instantFromRaw, instantToRaw } from '../db/columns';
import { inTransaction } from '../db/transaction';
import { AuditKind } from '../audit/audit.entity';
import { appendAudit, recordOf } from '../audit/audit.service';
import { Account, RecoveryCode, SignInFailureRow } from './account.entity';
import { Tokens } from './jwt';
import { dummyHash, verifyPassword } from './password';
import { assertAcceptablePassword, storePassword } from './passwords.service';
import { passwordExpired } from './rules/password-policy';
import { passwordPolicyOf, SecuritySettingsData, secondFactorRequired } from './rules/security-settings';
import {
  addressWaitSeconds,
  addressWindowStart,
  COUNTS_TOWARDS_LOCKOUT,
  isLocked,
  lockedUntilAfter,
  restrictionAfterPasswordChange,
  restrictionAtSignIn,
  SignInFailure,
} from './rules/sign-in';
import { Session } from './session.entity';
import { endSessions, openSession, tokenFor } from './sessions.service';
import { loadSecuritySettings } from './security-settings.service';
import { looksLikeRecoveryCode, recoveryCodeHash, totpStep } from './totp';

/** Passwords longer than this cannot be stored; a longer input is checked by its first characters only. */
const MAX_CHECKED = 1024;

/** One answer for every failure that could tell whether a username exists. */
const signInFailed = () =>
  new AppError('UNAUTHENTICATED', msg('用户名或密码错误；连续失败多次的账号将被临时锁定', 'Wrong username or password; repeated failures lock an account for a while'));

const throttled = (seconds: number) =>
  new AppError('UNAUTHENTICATED', msg(`此地址登录失败次数过多，请 ${seconds} 秒后再试`, `Too many failed sign-ins from this address: try again in ${seconds} s`), undefined, {
    retryAfterSeconds: seconds,
  });

const otpRequired = () =>
  new AppError('UNAUTHENTICATED', msg('请输入身份验证器中的动态口令', 'Enter the code of your authenticator app'), 'otp', { otpRequired: true });

export interface LoginInputData {
  username: string;
  password: string;
  otp?: string | null;
}

export interface LoginResult {
  token: string;
  account: Account;
  passwordChangeRequired: boolean;
  totpEnrolmentRequired: boolean;
}

/**
 * Signs in. Every attempt costs one scrypt, whether the username exists or not, and every
 * failure but a missing second factor gets the same answer. Failures are recorded after the
 * mutation's transaction has rolled back (see recordSignInFailure). A sign-in with an expired,
 * reset or generated password, or without a second factor its roles require, opens a session
 * restricted to putting that right.
 */
export async function login(ctx: Ctx, tokens: Tokens, input: LoginInputData): Promise<LoginResult> {
  const now = ctx.authClock.now();
  const settings = await loadSecuritySettings(ctx);
  const typed = input.username;
  const wait = await addressWait(ctx, now, settings);
  if (wait > 0) {
    failLater(ctx, settings, { typed, accountId: null, reason: 'THROTTLED' });
    throw throttled(wait);
  }
  const username = typed.trim().toLowerCase();
  const account = username.length > 0 && username.length <= 64 ? await ctx.em.findOneBy(Account, { username }) : null;
  const passwordOk = await verifyPassword(input.password.slice(0, MAX_CHECKED), account?.passwordHash ?? (await dummyHash()));
  const reason: SignInFailure | null = !account
    ? 'UNKNOWN_USERNAME'
    : account.disabled
      ? 'DISABLED'
      : isLocked(account.lockedUntil, now)
        ? 'LOCKED'
        : !passwordOk
          ? 'WRONG_PASSWORD'
          : await secondFactorFailure(ctx, account, input.otp ?? null, now);
  if (reason) {
    failLater(ctx, settings, { typed, accountId: account?.id ?? null, reason });
    throw reason === 'OTP_MISSING' ? otpRequired() : signInFailed();
  }
  const a = account!;
  if (a.failedSignIns || a.lockedUntil) await ctx.em.update(Account, { id: a.id }, { failedSignIns: 0, lockedUntil: null });
  const restriction = restrictionAtSignIn({
    mustChangePassword: a.mustChangePassword,
    passwordExpired: passwordExpired(a.passwordChangedAt, now, passwordPolicyOf(settings)),
    secondFactorRequired: secondFactorRequired(a.roles, settings),
    secondFactorEnrolled: !!a.totpSecret,
  });
  const { session, token } = await openSession(ctx, tokens, a.id, restriction);
  ctx.touch(a.id);
  ctx.recordEvent({ kind: AuditKind.SIGN_IN, accountId: a.id, username: typed, reason: restriction, targetIds: [session.id] });
  return { token, account: a, passwordChangeRequired: restriction === 'PASSWORD_CHANGE', totpEnrolmentRequired: restriction === 'TOTP_ENROLMENT' };
}

/** Seconds the client's address must wait before this attempt (0: none). One statement. */
async function addressWait(ctx: Ctx, now: Date, settings: SecuritySettingsData): Promise<number> {
  const row = await ctx.em
    .createQueryBuilder(SignInFailureRow, 'f')
    .select('COUNT(*)', 'n')
    .addSelect('MAX(f.at)', 'latest')
    .where('f.address = :address AND f.at > :since', { address: addressOf(ctx), since: instantToRaw(addressWindowStart(now, settings)) })
    .getRawOne<{ n: string | number; latest: unknown }>();
  return addressWaitSeconds(Number(row?.n ?? 0), instantFromRaw(row?.latest), now, settings);
}

const addressOf = (ctx: Ctx) => (ctx.clientAddress ?? 'unknown').slice(0, 64);

/** The second factor's verdict for an account that has one: null when a fresh TOTP code or an unused recovery code was given. */
async function secondFactorFailure(ctx: Ctx, account: Account, otp: string | null, now: Date): Promise<SignInFailure | null> {
  if (!account.totpSecret) return null;
  if (!otp || !otp.trim()) return 'OTP_MISSING';
  if (looksLikeRecoveryCode(otp)) {
    const used = await ctx.em
      .createQueryBuilder()
      .update(RecoveryCode)
      .set({ usedAt: now })
      .where('account_id = :id AND code_hash = :hash AND used_at IS NULL', { id: account.id, hash: recoveryCodeHash(otp) })
      .execute();
    if (!used.affected) return 'WRONG_OTP';
    ctx.recordEvent({ kind: AuditKind.RECOVERY_CODE_USED, accountId: account.id, targetIds: [account.id] });
    return null;
  }
  const step = totpStep(otp, account.totpSecret, now);
  if (step === null) return 'WRONG_OTP';
  // A code is accepted once: the step must be later than the last one accepted.
  const fresh = await ctx.em
    .createQueryBuilder()
    .update(Account)
    .set({ totpLastStep: step })
    .where('id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)', { id: account.id, step })
    .execute();
  return fresh.affected ? null : 'WRONG_OTP';
}

interface FailureData {
  typed: string;
  accountId: string | null;
  reason: SignInFailure;
}

/** Queues the record of a failure: the mutation's transaction is about to roll back. */
export function failLater(ctx: Ctx, settings: SecuritySettingsData, f: FailureData) {
  ctx.afterTransaction(() => recordSignInFailure(ctx, settings, f));
}

/**
 * Records a failure in a transaction of its own: the address's failure (for the throttle), the
 * account's consecutive-failure counter and, at the threshold, its lock (one conditional update,
 * so that replicas counting at once lock it once), and the audit records.
 */
async function recordSignInFailure(ctx: Ctx, settings: SecuritySettingsData, f: FailureData) {
  const now = ctx.authClock.now();
  const address = addressOf(ctx);
  await inTransaction(ctx.db.dataSource, async (em) => {
    await em.insert(SignInFailureRow, Object.assign(new SignInFailureRow(), { address, at: now }));
    // Failures older than the window are no longer needed (the audit log keeps them).
    await em
      .createQueryBuilder()
      .delete()
      .from(SignInFailureRow)
      .where('address = :address AND at < :before', { address, before: instantToRaw(addressWindowStart(now, settings)) })
      .execute();
    let locked = false;
    if (f.accountId && COUNTS_TOWARDS_LOCKOUT.has(f.reason)) {
      await em.createQueryBuilder().update(Account).set({ failedSignIns: () => 'failed_sign_ins + 1' }).where('id = :id', { id: f.accountId }).execute();
      const lock = await em
        .createQueryBuilder()
        .update(Account)
        .set({ lockedUntil: lockedUntilAfter(now, settings), failedSignIns: 0 })
        .where('id = :id AND failed_sign_ins >= :n', { id: f.accountId, n: settings.lockoutThreshold })
        .execute();
      locked = !!lock.affected;
    }
    const operation = 'login';
    const records = [recordOf(ctx, operation, { kind: AuditKind.SIGN_IN_FAILED, accountId: f.accountId, username: f.typed, reason: f.reason, targetIds: [f.accountId] })];
    if (locked) {
      records.push(recordOf(ctx, operation, { kind: AuditKind.LOCKOUT, accountId: f.accountId, targetIds: [f.accountId], details: { minutes: settings.lockoutMinutes } }));
    }
    await appendAudit(em, records);
  });
}

/**
 * Changes the signed-in account's own password with the current one. Every other session of the
 * account ends; this one is no longer restricted to the change (unless a second factor must
 * still be enrolled) and gets a fresh token. A wrong current password counts towards the lockout.
 */
export async function changePassword(ctx: Ctx, tokens: Tokens, input: { currentPassword: string; newPassword: string }): Promise<{ token: string }> {
  const who = ctx.auth.signedInForSetup('PASSWORD_CHANGE', 'TOTP_ENROLMENT');
  const now = ctx.authClock.now();
  const settings = await loadSecuritySettings(ctx);
  const account = await ctx.em.findOneByOrFail(Account, { id: who.id });
  if (isLocked(account.lockedUntil, now)) {
    throw badInput('currentPassword', msg('连续失败次数过多，账号已被临时锁定', 'Too many failures: the account is locked for a while'));
  }
  if (!(await verifyPassword(input.currentPassword.slice(0, MAX_CHECKED), account.passwordHash))) {
    failLater(ctx, settings, { typed: account.username, accountId: account.id, reason: 'WRONG_CURRENT_PASSWORD' });
    throw badInput('currentPassword', msg('当前密码不正确', 'The current password is wrong'));
  }
  await assertAcceptablePassword(ctx, input.newPassword, account, 'newPassword', settings);
  await storePassword(ctx, account, input.newPassword, { mustChange: false });
  const session = ctx.session!;
  await endSessions(ctx, account.id, 'PASSWORD_CHANGED', { except: session.id });
  const restriction = restrictionAfterPasswordChange({ secondFactorRequired: secondFactorRequired(account.roles, settings), secondFactorEnrolled: !!account.totpSecret });
  await ctx.em.update(Session, { id: session.id }, { restriction });
  ctx.touch(account.id);
  ctx.recordEvent({ kind: AuditKind.PASSWORD_CHANGED, targetIds: [account.id] });
  return { token: await tokenFor(ctx, tokens, session) };
}
