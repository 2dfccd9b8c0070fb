import { In } from 'typeorm';
import { Ctx } from '../context';
import { badInput, conflict, unauthenticated, unknownId } from '../common/errors';
import { msg } from '../common/i18n';
import { byId, manyBy } from '../db/loaders';
import { isUniqueViolation } from '../db/transaction';
import { Region } from '../regions/region.entity';
import { personLoader } from '../people/people.service';
import { Account, AccountRegion } from './account.entity';
import { AuthAccount } from './access';
import { hashPassword, verifyPassword } from './password';
import { Role } from './roles';
import type { Tokens } from './jwt';

const USERNAME = /^[A-Za-z0-9_.-]{3,64}$/;

/** Loads what a request needs to know about an account: roles, regions (with paths), person. */
export async function loadAuthAccount(ctx: Pick<Ctx, 'em'>, accountId: string): Promise<AuthAccount | null> {
  const account = await ctx.em.findOneBy(Account, { id: accountId });
  if (!account || account.disabled) return null;
  const regions: { id: string; path: string }[] = await ctx.em
    .createQueryBuilder(Region, 'r')
    .select(['r.id AS id', 'r.path AS path'])
    .innerJoin(AccountRegion, 'ar', 'ar.region_id = r.id')
    .where('ar.account_id = :id', { id: accountId })
    .getRawMany();
  return {
    id: account.id,
    username: account.username,
    roles: account.roles,
    regionIds: regions.map((r) => r.id),
    regionPaths: regions.map((r) => r.path),
    personId: account.personId,
  };
}

export async function login(ctx: Ctx, tokens: Tokens, username: string, password: string) {
  // Usernames are stored in lower case, so both databases compare them the same way.
  const account = await ctx.em.findOneBy(Account, { username: username.trim().toLowerCase() });
  // The same answer for an unknown user and a wrong password.
  const ok = account && !account.disabled && (await verifyPassword(password, account.passwordHash));
  if (!account || !ok) throw unauthenticated(msg('用户名或密码错误', 'Wrong username or password'));
  ctx.touch(account.id);
  return { token: await tokens.sign(account.id), account };
}

export interface CreateAccountData {
  username: string;
  password: string;
  roles: Role[];
  regionIds: string[];
  personId?: string | null;
}

export async function createAccount(ctx: Ctx, input: CreateAccountData): Promise<Account> {
  ctx.auth.require('account:write');
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw badInput('username', msg('用户名须为 3-64 位字母、数字或 _.-', 'The username must be 3-64 letters, digits or _.-'));
  }
  if (input.password.length < 8) throw badInput('password', msg('密码至少 8 位', 'The password must be at least 8 characters'));
  const roles = [...new Set(input.roles)];
  if (roles.length === 0) throw badInput('roles', msg('至少需要一个角色', 'At least one role is required'));
  const regionIds = [...new Set(input.regionIds)];
  if (regionIds.length === 0 && !roles.includes(Role.ADMIN)) {
    throw badInput('regionIds', msg('至少需要一个地区', 'At least one region is required'));
  }
  const regions = regionIds.length ? await ctx.em.findBy(Region, { id: In(regionIds) }) : [];
  const missing = regionIds.find((id) => !regions.some((r) => r.id === id));
  if (missing) throw unknownId('regionIds', msg('地区', 'region'), missing);
  if (input.personId) {
    if (!(await personLoader(ctx).load(input.personId))) throw unknownId('personId', msg('人员', 'person'), input.personId);
  } else if (roles.some((r) => r === Role.GROUP_LEADER || r === Role.INSPECTOR)) {
    throw badInput('personId', msg('组长和巡察干部账号必须关联人员', 'GROUP_LEADER and INSPECTOR accounts must belong to a person'));
  }
  const account = Object.assign(new Account(), {
    username,
    passwordHash: await hashPassword(input.password),
    roles,
    personId: input.personId ?? null,
    disabled: false,
    createdAt: ctx.clock.now(),
  });
  try {
    await ctx.em.insert(Account, account);
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(msg(`用户名 ${username} 已被使用`, `The username ${username} is taken`));
    throw e;
  }
  if (regions.length) {
    await ctx.em.insert(
      AccountRegion,
      regions.map((r) => Object.assign(new AccountRegion(), { accountId: account.id, regionId: r.id })),
    );
  }
  ctx.touch(account.id);
  return account;
}

export async function me(ctx: Ctx): Promise<Account> {
  const who = ctx.auth.signedIn();
  const account = await byId(ctx, Account).load(who.id);
  if (!account) throw unauthenticated();
  return account;
}

export async function regionsOfAccount(ctx: Ctx, accountId: string): Promise<Region[]> {
  const links = await manyBy(ctx, AccountRegion, 'accountId').load(accountId);
  const regions = await byId(ctx, Region).loadMany(links.map((l) => l.regionId));
  return regions.filter((r): r is Region => r instanceof Region);
}

/**
 * On an empty database, creates the first ADMIN account. Returns the generated password when
 * none was configured (to be shown once), or null.
 */
export async function bootstrapAdmin(
  em: Ctx['em'],
  configured: { username: string; password: string } | null,
  generate: () => string,
  now: Date,
): Promise<{ username: string; password: string | null } | null> {
  if ((await em.count(Account)) > 0) return null;
  const username = (configured?.username ?? 'admin').toLowerCase();
  const password = configured?.password ?? generate();
  try {
    await em.insert(
      Account,
      Object.assign(new Account(), { username, passwordHash: await hashPassword(password), roles: [Role.ADMIN], personId: null, disabled: false, createdAt: now }),
    );
  } catch (e) {
    // A replica starting at the same moment created it first.
    if (isUniqueViolation(e)) return null;
    throw e;
  }
  return { username, password: configured ? null : password };
}
