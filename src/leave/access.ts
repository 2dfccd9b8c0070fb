/**
 * Who reads leave requests (canReadLeave in leave.service.ts: the person, whoever filed it,
 * leave:read in the request's region, and there its deciders), and the people
 * of those requests, readable in a limited view. Approval steps are read with their request.
 */
import type { Guard, PersonGrant } from '../access/guard';
import { underAny } from '../regions/regions.service';
import { LeaveRequest } from './leave.entity';
import { canReadLeave, teamsLedBy } from './leave.service';
import { isPersonalRole } from './rules/approval';

export const leaveGuard: Guard<LeaveRequest> = {
  async view(ctx, l) {
    return (await canReadLeave(ctx, l)) ? l : null;
  },
};

export const leavePeopleGrant: PersonGrant = async (ctx, personIds) => {
  const account = ctx.account;
  if (!account) return new Set();
  const scope = ctx.auth.scopePaths();
  if (scope === null) return new Set(personIds);
  const [inScope, scopeParams] = underAny('g.path', scope);
  const readsAll = ctx.auth.has('leave:read');
  // As canReadLeave: an office role of a step, the personal step of a team one leads, or a step one decided.
  const officeRoles = account.roles.filter((r) => !isPersonalRole(r));
  const led = readsAll ? [] : [...(await teamsLedBy(ctx))];
  const holds = [
    's.decided_by = :me',
    ...(officeRoles.length ? ['(s.team_id IS NULL AND s.role IN (:...roles))'] : []),
    ...(led.length ? ['s.team_id IN (:...led)'] : []),
  ].join(' OR ');
  const rows = await ctx.em
    .createQueryBuilder()
    .select('DISTINCT l.person_id', 'personId')
    .from('leave_requests', 'l')
    .innerJoin('regions', 'g', 'g.id = l.region_id')
    .where('l.person_id IN (:...personIds)', { personIds })
    .andWhere(
      readsAll
        ? `(l.requested_by = :me OR ${inScope})`
        : `(l.requested_by = :me OR (${inScope} AND EXISTS (SELECT 1 FROM leave_approval_steps s WHERE s.leave_id = l.id AND (${holds}))))`,
      { ...scopeParams, me: account.id, roles: officeRoles, led },
    )
    .getRawMany<{ personId: string }>();
  return new Set(rows.map((r) => r.personId));
};
