/**
 * Who may do what: the roles table of the service, as data. Region scoping (an account sees
 * only its regions' subtrees) and "own" rules (a group leader's own team, an inspector's own
 * leave) are applied on top of this by the services.
 */
import type { RoleName } from '../../common/vocabulary';

export type { RoleName };

export const PERMISSIONS = [
  'account:write',
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

export const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  ADMIN: PERMISSIONS,
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

export function rolesGrant(roles: readonly RoleName[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r]?.includes(permission));
}

/** A region path is "/root/…/self/"; a region covers every region whose path starts with its own. */
export function pathCovers(scopePath: string, path: string): boolean {
  return path.startsWith(scopePath);
}
