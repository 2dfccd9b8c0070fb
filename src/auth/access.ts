import { forbidden, unauthenticated } from '../common/errors';
import { Region } from '../regions/region.entity';
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
  ) {}

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
    return this.account ? rolesGrant(this.account.roles, permission) : false;
  }

  /** UNAUTHENTICATED without an account. */
  signedIn(): AuthAccount {
    if (!this.account) throw unauthenticated();
    return this.account;
  }

  /** UNAUTHENTICATED without an account, FORBIDDEN without the permission. */
  require(permission: Permission): AuthAccount {
    const account = this.signedIn();
    if (!rolesGrant(account.roles, permission)) throw forbidden();
    return account;
  }

  /** Requires one of several permissions. */
  requireAny(...permissions: Permission[]): AuthAccount {
    const account = this.signedIn();
    if (!permissions.some((p) => rolesGrant(account.roles, p))) throw forbidden();
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
    if (regionId && this.account && this.vouched.has(regionId)) return true;
    return (await this.regionInScope(regionId)) !== null;
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
