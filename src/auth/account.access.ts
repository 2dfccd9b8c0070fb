/**
 * Who reads an account: the account itself and the administrators of accounts (account:read)
 * read all of it; the office-level roles (person:read, round:read or leave:read) read the
 * username, roles and regions of accounts acting in their regions or above them — the colleagues
 * whose decisions they read (approvals, evaluations, waivers) — but not their security state
 * (disabled, locked, password, second factor); so does the audit administrator, for every
 * account named in the log. Group leaders and inspectors read only their own account.
 */
import type { Guard } from '../access/guard';
import { forbidden } from '../common/errors';
import { msg } from '../common/i18n';
import { pathCovers } from './rules/permissions';
import { Account } from './account.entity';
import { regionsOfAccount } from './accounts.service';

/** The account a sign-in has just authenticated: its payload shows it though the request carried no token. */
export const signedInNow = new WeakSet<Account>();

/** Views of an account as a colleague sees it (its security state withheld). */
const colleagueViews = new WeakSet<Account>();

/** FORBIDDEN for a colleague's view of an account: its security state is the account's and the administrators' own. */
export function assertSecurityStateReadable(a: Account) {
  if (colleagueViews.has(a)) throw forbidden(msg('无权查看该账号的安全状态', "You may not see this account's security state"));
}

export const accountGuard: Guard<Account> = {
  async view(ctx, a) {
    if (signedInNow.has(a)) return a;
    const me = ctx.account;
    if (!me) return null;
    if (a.id === me.id || ctx.auth.has('account:read')) return a;
    // The audit administrator reads who did what, across the deployment.
    if (!ctx.auth.has('audit:read')) {
      if (!ctx.auth.has('person:read') && !ctx.auth.has('round:read') && !ctx.auth.has('leave:read')) return null;
      const theirs = (await regionsOfAccount(ctx, a.id)).map((r) => r.path);
      const related = theirs.some((p) => ctx.auth.coversPath(p) || me.regionPaths.some((mine) => pathCovers(p, mine)));
      if (!related) return null;
    }
    const view = Object.assign(Object.create(Account.prototype) as Account, a);
    colleagueViews.add(view);
    return view;
  },
};
