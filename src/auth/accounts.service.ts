import { In } from 'typeorm';
import { Ctx } from '../context';
import { badInput, conflict, unauthenticated, unknownId } from '../common/errors';
import { msg } from '../common/i18n';
import { paginate, PageArgs } from '../common/pagination';
import { byId, manyBy } from '../db/loaders';
import { isUniqueViolation } from '../db/transaction';
import { AuditKind } from '../audit/audit.entity';
import { Region } from '../regions/region.entity';
import { personLoader } from '../people/people.service';
import { Account, AccountRegion, PasswordHistory } from './account.entity';
import { hashPassword } from './password';
import { assertAcceptablePassword, storePassword } from './passwords.service';
import { Role } from './roles';
import { administratorRoleCount, REGIONLESS_ROLES } from './rules/permissions';
import { isLocked } from './rules/sign-in';
import { activeSessions, endSessions } from './sessions.service';
import { loadSecuritySettings } from './security-settings.service';

const USERNAME = /^[A-Za-z0-9_.-]{3,64}$/;
const ACCOUNT = msg('账号', 'account');

/** An account by id, or BAD_USER_INPUT on `field`. */
export async function requireAccount(ctx: Ctx, id: string, field: string): Promise<Account> {
  const account = await ctx.em.findOneBy(Account, { id });
  if (!account) throw unknownId(field, ACCOUNT, id);
  return account;
}

/**
 * Roles, regions and person of an account as given, checked: at least one role; under separation
 * of duties at most one of ADMIN, SECURITY_ADMIN and AUDIT_ADMIN; regions for every role that acts
 * in regions; a person for group leaders and inspectors. Returns the regions.
 */
async function checkedAssignment(ctx: Ctx, roles: Role[], regionIds: string[], personId: string | null): Promise<Region[]> {
  if (roles.length === 0) throw badInput('roles', msg('至少需要一个角色', 'At least one role is required'));
  if (ctx.config.separationOfDuties && administratorRoleCount(roles) > 1) {
    throw badInput('roles', msg('三员分立：系统管理员、安全管理员、审计管理员不得由同一账号兼任', 'Separation of duties: no account may hold two of ADMIN, SECURITY_ADMIN and AUDIT_ADMIN'));
  }
  if (regionIds.length === 0 && roles.some((r) => !REGIONLESS_ROLES.includes(r))) {
    throw badInput('regionIds', msg('至少需要一个地区', 'At least one region is required'));
  }
  const regions = regionIds.length ? await ctx.em.findBy(Region, { id: In(regionIds) }) : [];
  const missing = regionIds.find((id) => !regions.some((r) => r.id === id));
  if (missing) throw unknownId('regionIds', msg('地区', 'region'), missing);
  if (personId) {
    if (!(await personLoader(ctx).load(personId))) throw unknownId('personId', msg('人员', 'person'), personId);
  } else if (roles.some((r) => r === Role.GROUP_LEADER || r === Role.INSPECTOR)) {
    throw badInput('personId', msg('组长和巡察干部账号必须关联人员', 'GROUP_LEADER and INSPECTOR accounts must belong to a person'));
  }
  return regions;
}

export interface CreateAccountData {
  username: string;
  password: string;
  roles: Role[];
  regionIds: string[];
  personId?: string | null;
}

/** Creates an account. Its password meets the policy; it need not be changed at first sign-in (accounts are handed out in person). */
export async function createAccount(ctx: Ctx, input: CreateAccountData): Promise<Account> {
  ctx.auth.require('account:write');
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw badInput('username', msg('用户名须为 3-64 位字母、数字或 _.-', 'The username must be 3-64 letters, digits or _.-'));
  }
  await assertAcceptablePassword(ctx, input.password, { id: null, username }, 'password', await loadSecuritySettings(ctx));
  const roles = [...new Set(input.roles)];
  const regions = await checkedAssignment(ctx, roles, [...new Set(input.regionIds)], input.personId ?? null);
  const account = await insertAccount(ctx.em, {
    username,
    passwordHash: await hashPassword(input.password),
    roles,
    personId: input.personId ?? null,
    createdAt: ctx.clock.now(),
    passwordChangedAt: ctx.authClock.now(),
    mustChangePassword: false,
  });
  if (!account) throw conflict(msg(`用户名 ${username} 已被使用`, `The username ${username} is taken`));
  await linkRegions(ctx, account.id, regions.map((r) => r.id));
  ctx.touch(account.id);
  ctx.recordEvent({ kind: AuditKind.ACCOUNT_CREATED, targetIds: [account.id], details: { roles, regionIds: regions.map((r) => r.id).sort(), personId: account.personId } });
  return account;
}

type NewAccount = Pick<Account, 'username' | 'passwordHash' | 'roles' | 'personId' | 'createdAt' | 'passwordChangedAt' | 'mustChangePassword'>;

/**
 * Inserts an account (enabled, unlocked, no second factor) with its password as the first of its
 * history; null when the username is taken.
 */
async function insertAccount(em: Ctx['em'], fields: NewAccount): Promise<Account | null> {
  const account = Object.assign(new Account(), { ...fields, disabled: false, failedSignIns: 0, lockedUntil: null, totpSecret: null, totpPendingSecret: null, totpLastStep: null });
  try {
    await em.insert(Account, account);
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }
  await em.insert(PasswordHistory, Object.assign(new PasswordHistory(), { accountId: account.id, hash: account.passwordHash, createdAt: fields.passwordChangedAt! }));
  return account;
}

async function linkRegions(ctx: Ctx, accountId: string, regionIds: string[]) {
  if (regionIds.length) {
    await ctx.em.insert(
      AccountRegion,
      regionIds.map((regionId) => Object.assign(new AccountRegion(), { accountId, regionId })),
    );
  }
}

export interface UpdateAccountData {
  accountId: string;
  roles?: Role[] | null;
  regionIds?: string[] | null;
  personId?: string | null;
  disabled?: boolean | null;
}

/**
 * Changes an account's roles, regions, person and whether it is disabled (only the fields given).
 * Roles and regions take effect on the account's next request (every request reads them);
 * disabling ends its sessions at once. Nobody changes their own roles or disables themselves.
 */
export async function updateAccount(ctx: Ctx, input: UpdateAccountData): Promise<Account> {
  const actor = ctx.auth.require('account:write');
  const account = await requireAccount(ctx, input.accountId, 'accountId');
  const given = <K extends keyof UpdateAccountData>(k: K) => input[k] !== undefined && input[k] !== null;
  if (account.id === actor.id && (given('roles') || given('disabled'))) {
    throw badInput(given('roles') ? 'roles' : 'disabled', msg('不能修改自己的角色，也不能停用自己', 'You may not change your own roles or disable yourself'));
  }
  const beforeRegions = (await ctx.em.findBy(AccountRegion, { accountId: account.id })).map((l) => l.regionId).sort();
  const roles = given('roles') ? [...new Set(input.roles!)] : account.roles;
  const regionIds = given('regionIds') ? [...new Set(input.regionIds!)].sort() : beforeRegions;
  const personId = input.personId !== undefined ? input.personId : account.personId;
  await checkedAssignment(ctx, roles, regionIds, personId);
  ctx.touch(account.id);
  const target = [account.id];

  if (given('roles') && [...roles].sort().join() !== [...account.roles].sort().join()) {
    ctx.recordEvent({ kind: AuditKind.ROLES_CHANGED, targetIds: target, details: { before: account.roles, after: roles } });
    account.roles = roles;
  }
  if (given('regionIds') && regionIds.join() !== beforeRegions.join()) {
    await ctx.em.delete(AccountRegion, { accountId: account.id });
    await linkRegions(ctx, account.id, regionIds);
    ctx.recordEvent({ kind: AuditKind.REGIONS_CHANGED, targetIds: [...target, ...regionIds, ...beforeRegions], details: { before: beforeRegions, after: regionIds } });
  }
  if (input.personId !== undefined && personId !== account.personId) {
    ctx.recordEvent({ kind: AuditKind.ACCOUNT_PERSON_CHANGED, targetIds: [...target, account.personId, personId], details: { before: account.personId, after: personId } });
    account.personId = personId;
  }
  if (given('disabled') && input.disabled !== account.disabled) {
    account.disabled = input.disabled!;
    ctx.recordEvent({ kind: account.disabled ? AuditKind.ACCOUNT_DISABLED : AuditKind.ACCOUNT_ENABLED, targetIds: target });
    if (account.disabled) await endSessions(ctx, account.id, 'ACCOUNT_DISABLED');
  }
  await ctx.em.update(Account, { id: account.id }, { roles: account.roles, personId: account.personId, disabled: account.disabled });
  return account;
}

/** Sets a temporary password (meeting the policy) that must be changed at the next sign-in; the account's sessions end. */
export async function resetPassword(ctx: Ctx, input: { accountId: string; temporaryPassword: string }): Promise<Account> {
  ctx.auth.require('account:reset');
  const account = await requireAccount(ctx, input.accountId, 'accountId');
  await assertAcceptablePassword(ctx, input.temporaryPassword, account, 'temporaryPassword', await loadSecuritySettings(ctx));
  await storePassword(ctx, account, input.temporaryPassword, { mustChange: true });
  ctx.touch(account.id);
  ctx.recordEvent({ kind: AuditKind.PASSWORD_RESET, targetIds: [account.id] });
  await endSessions(ctx, account.id, 'PASSWORD_RESET');
  return account;
}

/** Lifts a lockout and clears the failure count. */
export async function unlockAccount(ctx: Ctx, input: { accountId: string }): Promise<Account> {
  ctx.auth.require('account:unlock');
  const account = await requireAccount(ctx, input.accountId, 'accountId');
  const wasLocked = isLocked(account.lockedUntil, ctx.authClock.now());
  await ctx.em.update(Account, { id: account.id }, { lockedUntil: null, failedSignIns: 0 });
  Object.assign(account, { lockedUntil: null, failedSignIns: 0 });
  ctx.touch(account.id);
  ctx.recordEvent({ kind: AuditKind.ACCOUNT_UNLOCKED, targetIds: [account.id], details: { wasLocked } });
  return account;
}

export async function me(ctx: Ctx): Promise<Account> {
  const who = ctx.auth.signedIn();
  const account = await byId(ctx, Account).load(who.id);
  if (!account) throw unauthenticated();
  return account;
}

/** Accounts by username, for the security administrator. */
export async function listAccounts(ctx: Ctx, page: PageArgs, usernameContains?: string | null) {
  ctx.auth.require('account:read');
  const qb = ctx.em.getRepository(Account).createQueryBuilder('a');
  const term = usernameContains?.trim().toLowerCase();
  // INSTR rather than LIKE: usernames may hold '_', LIKE's wildcard (both databases have INSTR).
  if (term) qb.where('INSTR(a.username, :term) > 0', { term });
  return paginate(qb, page, { columns: ['a.username'], key: (a) => [a.username] });
}

export async function regionsOfAccount(ctx: Ctx, accountId: string): Promise<Region[]> {
  const links = await manyBy(ctx, AccountRegion, 'accountId').load(accountId);
  const regions = await byId(ctx, Region).loadMany(links.map((l) => l.regionId));
  return regions.filter((r): r is Region => r instanceof Region);
}

/**
 * On an empty database, creates the first account: ADMIN, or SECURITY_ADMIN under separation of
 * duties (who then creates the ADMIN and AUDIT_ADMIN accounts). Returns the generated password
 * when none was configured (to be shown once; it must be changed at first sign-in), or null.
 */
export async function bootstrapAdmin(
  em: Ctx['em'],
  configured: { username: string; password: string } | null,
  generate: () => string,
  now: Date,
  separationOfDuties = false,
): Promise<{ username: string; password: string | null } | null> {
  if ((await em.count(Account)) > 0) return null;
  const username = (configured?.username ?? 'admin').toLowerCase();
  const password = configured?.password ?? generate();
  const account = await insertAccount(em, {
    username,
    passwordHash: await hashPassword(password),
    roles: [separationOfDuties ? Role.SECURITY_ADMIN : Role.ADMIN],
    personId: null,
    createdAt: now,
    passwordChangedAt: now,
    mustChangePassword: !configured,
  });
  // Null: a replica starting at the same moment created it first.
  if (!account) return null;
  return { username, password: configured ? null : password };
}

/** How many enabled accounts hold a role (roles are stored as a comma-separated list). */
export async function enabledAccountsWithRole(em: Ctx['em'], role: Role): Promise<number> {
  const accounts = await em.find(Account, { where: { disabled: false }, select: { id: true, roles: true } });
  return accounts.filter((a) => a.roles.includes(role)).length;
}

/** An account's active sessions, for the security administrator. */
export async function accountSessions(ctx: Ctx, accountId: string) {
  ctx.auth.require('account:read');
  const account = await requireAccount(ctx, accountId, 'accountId');
  return activeSessions(ctx, account.id);
}

/** The security administrator ends one session of an account, or all of them. */
export async function endAccountSessions(ctx: Ctx, input: { accountId: string; sessionId?: string | null }): Promise<number> {
  ctx.auth.require('session:end');
  const account = await requireAccount(ctx, input.accountId, 'accountId');
  ctx.touch(account.id);
  return endSessions(ctx, account.id, 'ENDED_BY_ADMINISTRATOR', input.sessionId ? { only: input.sessionId } : {});
}
