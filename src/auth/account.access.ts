/**
 * Who reads an account (its username, roles, regions): the account itself, the administrators
 * of accounts, and the office-level roles (person:read, round:read or leave:read) for accounts
 * acting in their regions or above them — the colleagues whose decisions they read (approvals,
 * evaluations, waivers). Group leaders and inspectors read only their own account.
 */
import type { Guard } from '../access/guard';
import { pathCovers } from './rules/permissions';
import { Account } from './account.entity';
import { regionsOfAccount } from './accounts.service';

/** The account a sign-in has just authenticated: its payload shows it though the request carried no token. */
export const signedInNow = new WeakSet<Account>();

export const accountGuard: Guard<Account> = {
  async view(ctx, a) {
    if (signedInNow.has(a)) return a;
    const me = ctx.account;
    if (!me) return null;
    if (a.id === me.id || ctx.auth.has('account:write')) return a;
    if (!ctx.auth.has('person:read') && !ctx.auth.has('round:read') && !ctx.auth.has('leave:read')) return null;
    const theirs = (await regionsOfAccount(ctx, a.id)).map((r) => r.path);
    const related = theirs.some((p) => ctx.auth.coversPath(p) || me.regionPaths.some((mine) => pathCovers(p, mine)));
    return related ? a : null;
  },
};
