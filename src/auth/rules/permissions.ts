/**
 * Who may do what: the roles table of the service, as data. Region scoping (an account sees
 * only its regions' subtrees) and "own" rules (a group leader's own team, an inspector's own
 * leave) are applied on top of this by the services.
 */
import type { RoleName } from '../../common/vocabulary';

export type { RoleName };

/** The security administrator's powers (accounts, resets, unlocks, sessions, security settings). */
const SECURITY = [
  /** Reading accounts and their sessions. */
  'account:read',
  /** Creating accounts; their roles, regions, person; disabling and enabling them. */
  'account:write',
  /** Password and second-factor resets. */
  'account:reset',
  'account:unlock',
  /** Ending any account's sessions. */
  'session:end',
  'securitySettings:read',
  'securitySettings:write',
] as const;

export const PERMISSIONS = [
  ...SECURITY,
  'region:write',
  'calendar:write',
  'settings:read',
  'settings:write',
  /** Avoidance windows, severities and rules of a region: the avoidance issue gives them to the office director too. */
  'avoidanceSettings:write',
  'audit:read',
  'unit:read',
  'unit:write',
  'person:read',
  'person:readPrivate',
  'person:write',
  'pool:read',
  'pool:enroll',
  'pool:review',
  'specialty:write',
  'round:read',
  'round:write',
  'readiness:write',
  'avoidance:read',
  'declaration:write',
  'waiver:write',
  'leave:read',
  'leave:requestForOthers',
  'leave:decide',
  'leavePolicy:write',
  'attendance:read',
  'attendance:write',
  'notice:publish',
  'evaluation:leader',
  'evaluation:member',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const OFFICE: Permission[] = [
  'unit:read',
  'unit:write',
  'person:read',
  'person:readPrivate',
  'person:write',
  'pool:read',
  'pool:enroll',
  'round:read',
  'round:write',
  'readiness:write',
  'avoidance:read',
  'declaration:write',
  'leave:read',
  'leave:requestForOthers',
  'attendance:read',
  'attendance:write',
  'settings:read',
];

export const SECURITY_POWERS: readonly Permission[] = SECURITY;
/** The audit administrator's powers: reading, exporting and verifying the audit log. */
export const AUDIT_POWERS: readonly Permission[] = ['audit:read'];

/** The three administrator roles that separation of duties (三员分立) keeps apart. */
export const ADMINISTRATOR_ROLES: readonly RoleName[] = ['ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'];

export const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  ADMIN: PERMISSIONS,
  SECURITY_ADMIN: SECURITY_POWERS,
  AUDIT_ADMIN: AUDIT_POWERS,
  ORG_DEPARTMENT: [
    'unit:read',
    'person:read',
    'person:readPrivate',
    'person:write',
    'pool:read',
    'pool:review',
    'round:read',
    'avoidance:read',
  ],
  INSPECTION_OFFICE: OFFICE,
  // Settings (avoidance windows and rules, leave tiers) are ADMIN's, like accounts and regions.
  OFFICE_DIRECTOR: [...OFFICE, 'avoidanceSettings:write', 'waiver:write', 'leave:decide', 'notice:publish'],
  // Reads rounds, teams (with their members and target units) and leave; the people it reads
  // are the members of those teams and the requesters of that leave (src/people/person.access.ts).
  LEADING_GROUP_HEAD: ['unit:read', 'round:read', 'leave:read', 'leave:decide', 'evaluation:leader'],
  // Group leaders and inspectors act on their own teams and themselves (their teams' targets
  // come with the teams); the services narrow these.
  GROUP_LEADER: ['attendance:write', 'evaluation:member'],
  INSPECTOR: [],
};

/** ADMIN's permissions under separation of duties: everything but the security and audit powers. */
const ADMIN_SEPARATED: readonly Permission[] = PERMISSIONS.filter((p) => !SECURITY_POWERS.includes(p) && !AUDIT_POWERS.includes(p));

/**
 * The permissions of a role. Under separation of duties ADMIN loses the security and audit
 * powers, and an account holding two or more of the administrator roles (refused on every write
 * while it is on, but possible for accounts made before it was turned on) gets nothing from any
 * of them.
 */
export function rolePermissions(role: RoleName, roles: readonly RoleName[], separationOfDuties: boolean): readonly Permission[] {
  if (!separationOfDuties) return ROLE_PERMISSIONS[role] ?? [];
  if (ADMINISTRATOR_ROLES.includes(role) && administratorRoleCount(roles) > 1) return [];
  return role === 'ADMIN' ? ADMIN_SEPARATED : (ROLE_PERMISSIONS[role] ?? []);
}

export function rolesGrant(roles: readonly RoleName[], permission: Permission, separationOfDuties = false): boolean {
  return roles.some((r) => rolePermissions(r, roles, separationOfDuties).includes(permission));
}

export function administratorRoleCount(roles: readonly RoleName[]): number {
  return new Set(roles.filter((r) => ADMINISTRATOR_ROLES.includes(r))).size;
}

/** Roles that act for the whole deployment and need no region. */
export const REGIONLESS_ROLES: readonly RoleName[] = ADMINISTRATOR_ROLES;

/** A region path is "/root/…/self/"; a region covers every region whose path starts with its own. */
export function pathCovers(scopePath: string, path: string): boolean {
  return path.startsWith(scopePath);
}
