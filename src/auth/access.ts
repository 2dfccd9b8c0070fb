import { AppError, forbidden, unauthenticated } from '../common/errors';
import { msg } from '../common/i18n';
import { Region } from '../regions/region.entity';
import type { SessionRestriction } from './rules/sessions';
import { pathCovers, Permission, rolesGrant } from './rules/permissions';
import { Role } from './roles';

/** The signed-in account as the request sees it. */
export interface AuthAccount {
  id: string;
  username: string;
  roles: Role[];
  regionIds: string[];
  /** Materialized paths of the account's regions; each covers its subtree. */
  regionPaths: string[];
  personId: string | null;
}

/**
 * What the current account may do: permissions from the roles table, and region scope
 * (an account sees only its regions' subtrees; ADMIN sees everything).
 */
export class Access {
  /** Regions known to lie in scope: those of rows a region-scoped query returned. */
  private readonly vouched = new Set<string>();

  constructor(
    readonly account: AuthAccount | null,
    private readonly loadRegion: (id: string) => Promise<Region | null>,
    private readonly options: { separationOfDuties?: boolean; restriction?: SessionRestriction | null } = {},
  ) {}

  /** What the session may still do before anything else (null: everything its roles allow). */
  get restriction(): SessionRestriction | null {
    return this.options.restriction ?? null;
  }

  get isAdmin(): boolean {
    return this.account?.roles.includes(Role.ADMIN) ?? false;
  }

  get personId(): string | null {
    return this.account?.personId ?? null;
  }

  hasRole(...roles: Role[]): boolean {
    return this.account?.roles.some((r) => roles.includes(r)) ?? false;
  }

  has(permission: Permission): boolean {
    return this.account && !this.restriction ? rolesGrant(this.account.roles, permission, this.options.separationOfDuties) : false;
  }

  /**
   * UNAUTHENTICATED without an account; FORBIDDEN while the session must first change its
   * password or enrol a second factor.
   */
  signedIn(): AuthAccount {
    return this.signedInForSetup();
  }

  /**
   * The account, also while its session is restricted to one of `allowed` (changing the
   * password, enrolling a second factor, signing out).
   */
  signedInForSetup(...allowed: SessionRestriction[]): AuthAccount {
    if (!this.account) throw unauthenticated();
    if (this.restriction && !allowed.includes(this.restriction)) throw restricted(this.restriction);
    return this.account;
  }

  /** UNAUTHENTICATED without an account, FORBIDDEN without the permission. */
  require(permission: Permission): AuthAccount {
    const account = this.signedIn();
    if (!rolesGrant(account.roles, permission, this.options.separationOfDuties)) throw forbidden();
    return account;
  }

  /** Requires one of several permissions. */
  requireAny(...permissions: Permission[]): AuthAccount {
    const account = this.signedIn();
    if (!permissions.some((p) => rolesGrant(account.roles, p, this.options.separationOfDuties))) throw forbidden();
    return account;
  }

  isSelf(personId: string | null | undefined): boolean {
    return !!personId && this.account?.personId === personId;
  }

  /** Whether a region path lies in the account's scope. */
  coversPath(path: string): boolean {
    if (!this.account) return false;
    if (this.isAdmin) return true;
    return this.account.regionPaths.some((scope) => pathCovers(scope, path));
  }

  /** The region if it exists and lies in the account's scope, else null. */
  async regionInScope(regionId: string | null | undefined): Promise<Region | null> {
    if (!regionId || !this.account) return null;
    const region = await this.loadRegion(regionId);
    return region && this.coversPath(region.path) ? region : null;
  }

  async covers(regionId: string | null | undefined): Promise<boolean> {
    return this.coversKnown(regionId) ?? (await this.regionInScope(regionId)) !== null;
  }

  /**
   * Whether the region lies in scope, when that is known without reading it (one of the account's
   * own regions, a vouched region); undefined otherwise.
   */
  coversKnown(regionId: string | null | undefined): boolean | undefined {
    if (!regionId || !this.account) return false;
    if (this.vouched.has(regionId) || this.account.regionIds.includes(regionId)) return true;
    return undefined;
  }

  /**
   * Notes that these regions lie in scope, because rows of them came back from a query limited
   * to a region in scope (regions.service.ts `withinRegion`): their checks then read nothing.
   */
  vouchFor(regionIds: Iterable<string>) {
    for (const id of regionIds) this.vouched.add(id);
  }

  /** The scope as path prefixes for SQL filters; null means everything (ADMIN). */
  scopePaths(): string[] | null {
    if (this.isAdmin) return null;
    return this.account?.regionPaths ?? [];
  }
}

/** The error of a restricted session asked for anything else; `extensions` say what it must do first. */
export function restricted(restriction: SessionRestriction): AppError {
  return restriction === 'PASSWORD_CHANGE'
    ? new AppError('FORBIDDEN', msg('请先修改密码', 'Change your password first'), undefined, { passwordChangeRequired: true })
    : new AppError('FORBIDDEN', msg('请先绑定动态口令（双因素认证）', 'Enrol an authenticator (second factor) first'), undefined, { totpEnrolmentRequired: true });
}
