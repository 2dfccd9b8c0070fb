/**
 * Leave approval routing: which roles must approve a request, in order, from the region's tiers.
 */
export interface ApprovalTier<R extends string = string> {
  /** The longest leave (working days) the tier handles; null means no upper bound. */
  upToWorkingDays: number | null;
  /** Approvers in order; each must approve. */
  approverRoles: R[];
}

/** Defaults from one county office: half a day or less → the office director; more → the head of the leading group. */
export const DEFAULT_LEAVE_TIERS: ApprovalTier<'OFFICE_DIRECTOR' | 'LEADING_GROUP_HEAD'>[] = [
  { upToWorkingDays: 0.5, approverRoles: ['OFFICE_DIRECTOR'] },
  { upToWorkingDays: null, approverRoles: ['LEADING_GROUP_HEAD'] },
];

export interface TierProblem {
  /** Input path of the fault, e.g. 'tiers[1].upToWorkingDays'. */
  field: string;
  zh: string;
  en: string;
}

/**
 * Checks a policy: at least one tier; bounds positive, in half-day steps and strictly
 * increasing; only the last tier unbounded (and it must be, so every length has a tier); each
 * tier names one or more roles, none twice. Returns the problems found (empty when valid).
 */
export function tierProblems<R extends string>(tiers: readonly ApprovalTier<R>[]): TierProblem[] {
  const problems: TierProblem[] = [];
  if (tiers.length === 0) {
    return [{ field: 'tiers', zh: '至少需要一个审批层级', en: 'At least one approval tier is required' }];
  }
  let previous = 0;
  tiers.forEach((t, i) => {
    const last = i === tiers.length - 1;
    const bound = t.upToWorkingDays;
    if (bound === null) {
      if (!last) {
        problems.push({
          field: `tiers[${i}].upToWorkingDays`,
          zh: `第 ${i + 1} 层没有上限，只有最后一层可以不设上限`,
          en: `Tier ${i + 1} has no upper bound; only the last tier may be unbounded`,
        });
      }
    } else {
      if (!(bound > 0) || !Number.isFinite(bound) || !Number.isInteger(bound * 2)) {
        problems.push({
          field: `tiers[${i}].upToWorkingDays`,
          zh: `第 ${i + 1} 层的上限必须是大于 0 的半天整数倍`,
          en: `Tier ${i + 1}'s bound must be a positive number of half days`,
        });
      } else if (bound <= previous) {
        problems.push({
          field: `tiers[${i}].upToWorkingDays`,
          zh: `第 ${i + 1} 层的上限必须大于上一层`,
          en: `Tier ${i + 1}'s bound must be greater than the previous tier's`,
        });
      } else {
        previous = bound;
      }
      if (last) {
        problems.push({
          field: `tiers[${i}].upToWorkingDays`,
          zh: '最后一层不能设上限，否则更长的请假无人审批',
          en: 'The last tier must be unbounded, or longer leave would have no approver',
        });
      }
    }
    if (t.approverRoles.length === 0) {
      problems.push({
        field: `tiers[${i}].approverRoles`,
        zh: `第 ${i + 1} 层至少需要一个审批角色`,
        en: `Tier ${i + 1} needs at least one approver role`,
      });
    } else if (new Set(t.approverRoles).size !== t.approverRoles.length) {
      problems.push({
        field: `tiers[${i}].approverRoles`,
        zh: `第 ${i + 1} 层的审批角色重复`,
        en: `Tier ${i + 1} names a role twice`,
      });
    }
  });
  return problems;
}

/** The index of the tier that handles a leave of `workingDays` (the first whose bound is not exceeded). */
export function tierFor<R extends string>(tiers: readonly ApprovalTier<R>[], workingDays: number): number {
  const i = tiers.findIndex((t) => t.upToWorkingDays === null || workingDays <= t.upToWorkingDays);
  return i === -1 ? tiers.length - 1 : i;
}

export interface ApprovalRoute<R extends string> {
  /** The tier chosen by the length. */
  tier: number;
  /** The roles that approve, in order; step i is decided by a holder of roles[i]. */
  roles: R[];
  /** True when a role the requester holds was replaced by a higher tier's roles. */
  escalated: boolean;
}

/**
 * Nobody approves their own leave. `selfRoles` are the roles of the requester (the account
 * that files the request and the accounts of the person on leave). Each role of the chosen
 * tier that the requester holds is replaced by the next tier's roles (and so on upwards);
 * when no tier is left above, the role stays and another holder of it must decide. A role
 * appears at most once in the route.
 */
export function routeApproval<R extends string>(
  tiers: readonly ApprovalTier<R>[],
  workingDays: number,
  selfRoles: ReadonlySet<R>,
): ApprovalRoute<R> {
  const tier = tierFor(tiers, workingDays);
  let escalated = false;
  const expand = (role: R, at: number): R[] => {
    if (!selfRoles.has(role) || at + 1 >= tiers.length) return [role];
    escalated = true;
    return tiers[at + 1].approverRoles.flatMap((r) => expand(r, at + 1));
  };
  const roles: R[] = [];
  for (const r of tiers[tier].approverRoles.flatMap((role) => expand(role, tier))) {
    if (!roles.includes(r)) roles.push(r);
  }
  return { tier, roles, escalated };
}

/**
 * Roles personal to the requester: a step held by one of them is decided by one person only,
 * the requester's group leader (the leader of the team they serve on in the round concerned).
 * Every other role is an office role: any holder of it covering the request's region decides.
 */
export const PERSONAL_ROLES = ['GROUP_LEADER'] as const;
export const isPersonalRole = (role: string): boolean => (PERSONAL_ROLES as readonly string[]).includes(role);

/**
 * The roles a request must move past (see routeApproval): the office roles the requester holds
 * (the person's accounts and the filing account), and each personal role whose holder is
 * unknown (the person serves on no team then) or is the requester themselves (the person, or
 * the filing account's person).
 */
export function blockedRoles<R extends string>(args: {
  requesterRoles: Iterable<R>;
  /** The person holding each personal role for this request (null: nobody). */
  personalHolders: ReadonlyMap<R, string | null>;
  /** The person on leave and the filing account's person. */
  requesterPersons: ReadonlySet<string>;
}): Set<R> {
  const blocked = new Set<R>();
  for (const r of args.requesterRoles) if (!isPersonalRole(r)) blocked.add(r);
  for (const [role, holder] of args.personalHolders) {
    if (holder === null || args.requesterPersons.has(holder)) blocked.add(role);
  }
  return blocked;
}
