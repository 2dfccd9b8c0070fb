import { Brackets, In, IsNull, SelectQueryBuilder } from 'typeorm';
import { Ctx } from '../context';
import { badInput, conflict, forbidden, notFound, unknownId } from '../common/errors';
import { Msg, msg } from '../common/i18n';
import { paginate, PageArgs } from '../common/pagination';
import { ListOrder, pageOrderOf } from '../common/list-order';
import { requiredText, optionalText } from '../common/validate';
import { byId, manyBy, primeById } from '../db/loaders';
import { lockRows } from '../db/locks';
import { Account } from '../auth/account.entity';
import type { AuthAccount } from '../auth/access';
import { Role } from '../auth/roles';
import { Person } from '../people/person.entity';
import { personLoader } from '../people/people.service';
import { Region } from '../regions/region.entity';
import { Round } from '../rounds/round.entity';
import { TeamMembership, TeamRole } from '../rounds/team.entity';
import { requireRegion, withinRegion } from '../regions/regions.service';
import { calendarOf, countSpan, halfZh, SpanInput } from '../calendar/calendar.service';
import { UnpublishedYearError } from '../calendar/rules/working-calendar';
import { LeaveType as LeaveTypeName } from './rules/leave-types';
import { LeaveApprovalStep, LeavePolicyTier, LeaveRequest } from './leave.entity';
import { ApprovalTier, blockedRoles, DEFAULT_LEAVE_TIERS, isPersonalRole, routeApproval, tierProblems } from './rules/approval';
import { cancellation, decide, initialStepStatuses, isOverdue, LeaveStatus, reportBackDue, skipOpenSteps } from './rules/lifecycle';
import { spanSlots, slotsOverlap, takenSlots } from './rules/span';

export const LEAVE = msg('请假申请', 'leave request');

export const ROLE_NAMES: Record<Role, Msg> = {
  ADMIN: msg('系统管理员', 'administrator'),
  ORG_DEPARTMENT: msg('组织部', 'organization department'),
  INSPECTION_OFFICE: msg('巡察办', 'inspection office'),
  OFFICE_DIRECTOR: msg('巡察办主任', 'office director'),
  LEADING_GROUP_HEAD: msg('巡察工作领导小组组长', 'head of the leading group'),
  GROUP_LEADER: msg('巡察组组长', 'group leader'),
  INSPECTOR: msg('巡察干部', 'inspector'),
  SECURITY_ADMIN: msg('安全管理员', 'security administrator'),
  AUDIT_ADMIN: msg('审计管理员', 'audit administrator'),
};

const STATUS_NAMES: Record<LeaveStatus, Msg> = {
  PENDING: msg('待审批', 'pending'),
  APPROVED: msg('已批准', 'approved'),
  REJECTED: msg('已驳回', 'rejected'),
  WITHDRAWN: msg('已撤回', 'withdrawn'),
  CANCELLED: msg('已撤销', 'cancelled'),
  RETURNED: msg('已销假', 'reported back'),
};

/** Statuses whose leave is (or will be) taken: they block overlapping requests. */
const HOLDING: LeaveStatus[] = ['PENDING', 'APPROVED', 'RETURNED'];
/** Statuses whose leave counts as taken in attendance and availability. */
export const TAKEN: LeaveStatus[] = ['APPROVED', 'RETURNED'];

export const leaveLoader = (ctx: Ctx) => byId(ctx, LeaveRequest);
export const stepsOf = (ctx: Ctx) => manyBy(ctx, LeaveApprovalStep, 'leaveId', { order: 'ASC' });

// ---------------------------------------------------------------- policy

export interface LeavePolicyView {
  regionId: string;
  /** The region whose policy applies; null when the service's default applies. */
  definedByRegionId: string | null;
  tiers: ApprovalTier<Role>[];
}

/** The policy of a region: its own tiers, else the nearest ancestor's, else the default. */
export async function policyOf(ctx: Ctx, region: Region): Promise<LeavePolicyView> {
  const lineage = region.path.split('/').filter(Boolean);
  const rows = await ctx.em.find(LeavePolicyTier, { where: { regionId: In(lineage) }, order: { ordinal: 'ASC' } });
  for (const regionId of [...lineage].reverse()) {
    const own = rows.filter((r) => r.regionId === regionId);
    if (own.length) {
      return {
        regionId: region.id,
        definedByRegionId: regionId,
        tiers: own.map((r) => ({ upToWorkingDays: r.upToWorkingDays, approverRoles: r.approverRoles.split(',') as Role[] })),
      };
    }
  }
  return { regionId: region.id, definedByRegionId: null, tiers: DEFAULT_LEAVE_TIERS.map((t) => ({ ...t, approverRoles: t.approverRoles as Role[] })) };
}

export async function getLeavePolicy(ctx: Ctx, regionId: string): Promise<LeavePolicyView> {
  ctx.auth.signedIn();
  return policyOf(ctx, await requireRegion(ctx, regionId, 'regionId'));
}

/** Replaces a region's tiers (leavePolicy:write: ADMIN). */
export async function setLeavePolicy(ctx: Ctx, regionId: string, tiers: ApprovalTier<Role>[]): Promise<LeavePolicyView> {
  ctx.auth.require('leavePolicy:write');
  const region = await requireRegion(ctx, regionId, 'regionId');
  const problem = tierProblems(tiers)[0];
  if (problem) throw badInput(problem.field, msg(problem.zh, problem.en));
  // Serializes concurrent changes of one region's policy.
  await lockRows(ctx.em, Region, [region.id]);
  await ctx.em.delete(LeavePolicyTier, { regionId: region.id });
  await ctx.em.insert(
    LeavePolicyTier,
    tiers.map((t, i) =>
      Object.assign(new LeavePolicyTier(), { regionId: region.id, ordinal: i, upToWorkingDays: t.upToWorkingDays, approverRoles: t.approverRoles.join(',') }),
    ),
  );
  ctx.touch(region.id);
  return { regionId: region.id, definedByRegionId: region.id, tiers };
}

// ---------------------------------------------------------------- reading

/**
 * The person on leave, the account that filed it, leave:read in the request's region, and
 * there its deciders: holders of an office role of its steps, the group leader of a personal
 * step's team, and whoever decided a step.
 */
export async function canReadLeave(ctx: Ctx, leave: LeaveRequest): Promise<boolean> {
  const account = ctx.account;
  if (!account) return false;
  if (ctx.auth.isSelf(leave.personId) || account.id === leave.requestedBy) return true;
  if (!(await ctx.auth.covers(leave.regionId))) return false;
  if (ctx.auth.has('leave:read')) return true;
  const steps = await stepsOf(ctx).load(leave.id);
  const led = steps.some((s) => s.teamId) ? await teamsLedBy(ctx) : new Set<string>();
  return steps.some((s) => s.decidedBy === account.id || mayHoldStep(account.roles, led, s));
}

/** Whether an account with these roles, leading these teams, holds a step (its region aside). */
function mayHoldStep(roles: readonly Role[], led: ReadonlySet<string>, step: Pick<LeaveApprovalStep, 'role' | 'teamId'>): boolean {
  if (isPersonalRole(step.role)) return step.teamId !== null && led.has(step.teamId);
  return roles.includes(step.role);
}

/** The teams the signed-in account's person leads now (read once per request). */
export function teamsLedBy(ctx: Ctx): Promise<Set<string>> {
  return ctx.local('leave:teamsLedBy', async () => {
    const personId = ctx.account?.personId;
    if (!personId) return new Set<string>();
    const rows = await ctx.em.find(TeamMembership, { where: { personId, role: TeamRole.LEADER, leftOn: IsNull() } });
    return new Set(rows.map((m) => m.teamId));
  });
}

export async function getLeave(ctx: Ctx, id: string): Promise<LeaveRequest> {
  ctx.auth.signedIn();
  const leave = await leaveLoader(ctx).load(id);
  if (leave && (await canReadLeave(ctx, leave))) return leave;
  throw notFound(LEAVE, id);
}

/** A request named in an input, or BAD_USER_INPUT on leaveId. */
async function requireLeaveInput(ctx: Ctx, id: string): Promise<LeaveRequest> {
  ctx.auth.signedIn();
  const leave = await leaveLoader(ctx).load(id);
  if (leave && (await canReadLeave(ctx, leave))) return leave;
  throw unknownId('leaveId', LEAVE, id);
}

export interface LeaveFilterData {
  regionId: string;
  personId?: string | null;
  status?: LeaveStatus | null;
  overdue?: boolean | null;
  awaitingMyDecision?: boolean | null;
}

export type LeaveOrderField = 'CREATED' | 'START_DATE' | 'PERSON_NAME';
/** A request read for a page, with its person (joined for the name order). */
type ListedLeave = LeaveRequest & { listedPerson?: Person };
const LEAVE_ORDERS = {
  CREATED: { columns: ['l.id'], key: (l: ListedLeave) => [l.id] },
  START_DATE: { columns: ['l.start_date', 'l.id'], key: (l: ListedLeave) => [l.startDate, l.id] },
  PERSON_NAME: { columns: ['lp.name_sort', 'l.id'], key: (l: ListedLeave) => [l.listedPerson!.nameSort, l.id] },
};

/**
 * Requests kept by a region and its subtree, newest first unless `order` says otherwise. Without
 * leave:read, only one's own, or those awaiting one's decision (`awaitingMyDecision`, open to
 * every approver).
 */
export async function listLeave(ctx: Ctx, filter: LeaveFilterData, page: PageArgs, order?: ListOrder<LeaveOrderField> | null) {
  const account = ctx.auth.signedIn();
  const region = await requireRegion(ctx, filter.regionId, 'regionId');
  const inbox = filter.awaitingMyDecision === true;
  if (!inbox && !ctx.auth.has('leave:read') && !ctx.auth.isSelf(filter.personId)) {
    throw forbidden(msg('只能查看本人的请假申请', 'You may only see your own leave requests'));
  }
  const qb = withinRegion(ctx.em.getRepository(LeaveRequest).createQueryBuilder('l'), 'l.region_id', region) as SelectQueryBuilder<ListedLeave>;
  const byName = order?.field === 'PERSON_NAME';
  if (byName) qb.innerJoinAndMapOne('l.listedPerson', Person, 'lp', 'lp.id = l.person_id');
  if (inbox) await awaitingDecisionOf(ctx, account, qb);
  if (filter.personId) qb.andWhere('l.person_id = :personId', { personId: filter.personId });
  if (filter.status) qb.andWhere('l.status = :status', { status: filter.status });
  if (filter.overdue != null) {
    const today = ctx.clock.today();
    if (filter.overdue) qb.andWhere('l.status = :approved AND l.report_back_due < :today', { approved: 'APPROVED', today });
    else {
      qb.andWhere(
        new Brackets((w) => w.where('l.status <> :approved', { approved: 'APPROVED' }).orWhere('l.report_back_due >= :today', { today })),
      );
    }
  }
  const conn = await paginate(qb, page, pageOrderOf(LEAVE_ORDERS, order, { field: 'CREATED', direction: 'DESC' }));
  if (byName) {
    primeById(ctx, Person, conn.edges.map((e) => e.node.listedPerson!));
    for (const e of conn.edges) delete e.node.listedPerson;
  }
  return conn;
}

/**
 * Narrows a query of requests (alias l) to those whose pending step the account holds: an office
 * role of theirs, or the personal step of a team they lead; never their own or one they filed.
 */
async function awaitingDecisionOf(ctx: Ctx, account: AuthAccount, qb: SelectQueryBuilder<LeaveRequest>) {
  const officeRoles = account.roles.filter((r) => !isPersonalRole(r));
  const led = [...(await teamsLedBy(ctx))];
  const holds = [
    ...(officeRoles.length ? ['(s.team_id IS NULL AND s.role IN (:...officeRoles))'] : []),
    ...(led.length ? ['s.team_id IN (:...led)'] : []),
  ];
  if (holds.length === 0) {
    qb.andWhere('1 = 0');
    return;
  }
  qb.andWhere('l.status = :pendingLeave', { pendingLeave: 'PENDING' })
    .andWhere(`EXISTS (SELECT 1 FROM leave_approval_steps s WHERE s.leave_id = l.id AND s.status = :pendingStep AND (${holds.join(' OR ')}))`, {
      pendingStep: 'PENDING',
      officeRoles,
      led,
    })
    .andWhere('l.requested_by <> :me', { me: account.id });
  if (account.personId) qb.andWhere('l.person_id <> :myPerson', { myPerson: account.personId });
}

export function overdue(ctx: Ctx, leave: LeaveRequest): boolean {
  return isOverdue(leave.status, leave.reportBackDue, ctx.clock.today());
}

// ---------------------------------------------------------------- requesting

export interface RequestLeaveData extends SpanInput {
  regionId: string;
  personId: string;
  type: LeaveTypeName;
  reason: string;
}

/**
 * Files a request for the person themselves (an account linked to the person) or, by the
 * office, for a person of its regions. Refuses zero working days, an end before the start, an
 * unpublished year, and an overlap with the person's pending, approved or taken leave.
 */
export async function requestLeave(ctx: Ctx, input: RequestLeaveData): Promise<LeaveRequest> {
  const account = ctx.auth.signedIn();
  const person = await personLoader(ctx).load(input.personId);
  const self = ctx.auth.isSelf(input.personId);
  if (!person || (!self && !(ctx.auth.has('leave:requestForOthers') && (await ctx.auth.covers(person.regionId))))) {
    if (person && (await ctx.auth.covers(person.regionId))) {
      throw forbidden(msg('只能为本人请假，或由巡察办代为登记', 'You may only request leave for yourself; the office files it for others'));
    }
    throw unknownId('personId', msg('人员', 'person'), input.personId);
  }
  const region = await requireRegion(ctx, input.regionId, 'regionId');
  const reason = requiredText(input.reason, 'reason', 500);
  const cal = await calendarOf(ctx);
  const days = countSpan(cal, input);
  if (days === 0) {
    throw badInput(
      'startDate',
      msg(
        `${input.startDate} ${halfZh(input.startHalf)}至 ${input.endDate} ${halfZh(input.endHalf)}没有工作日，无需请假`,
        `There is no working day from ${input.startDate} ${input.startHalf} to ${input.endDate} ${input.endHalf}`,
      ),
    );
  }

  // One request at a time per person, so that two overlapping requests cannot both pass.
  await lockRows(ctx.em, Person, [person.id]);
  const clash = await overlapping(ctx, person.id, input);
  if (clash) {
    throw conflict(
      msg(
        `${person.name} 在 ${clash.startDate} ${halfZh(clash.startHalf)}至 ${clash.endDate} ${halfZh(clash.endHalf)}已有${STATUS_NAMES[clash.status].zh}的请假`,
        `${person.name} already has ${STATUS_NAMES[clash.status].en} leave from ${clash.startDate} ${clash.startHalf} to ${clash.endDate} ${clash.endHalf}`,
      ),
      { leaveId: clash.id },
    );
  }

  const policy = await policyOf(ctx, region);
  const personal = new Set(policy.tiers.flatMap((t) => t.approverRoles).filter(isPersonalRole));
  const team = personal.size ? await teamOfRequester(ctx, person.id, input) : null;
  const blocked = blockedRoles<Role>({
    requesterRoles: [...account.roles, ...(await rolesOfPerson(ctx, person.id))],
    personalHolders: new Map([...personal].map((r) => [r, team?.leaderId ?? null])),
    requesterPersons: new Set([person.id, ...(account.personId ? [account.personId] : [])]),
  });
  const route = routeApproval(policy.tiers, days, blocked);
  if (route.roles.some((r) => isPersonalRole(r) && blocked.has(r))) {
    throw badInput(
      'startDate',
      team
        ? msg(`${person.name} 的组长审批环节无人可审（本人即组长），且没有更高一级审批人`, `Nobody but ${person.name} leads the team, and no higher tier is set`)
        : msg(
            `${person.name} 在 ${input.startDate} 至 ${input.endDate} 不在任何巡察组中，没有组长可以审批，也没有更高一级审批人`,
            `${person.name} serves on no team from ${input.startDate} to ${input.endDate}: no group leader can decide and no higher tier is set`,
          ),
    );
  }
  const leave = Object.assign(new LeaveRequest(), {
    regionId: region.id,
    personId: person.id,
    type: input.type,
    startDate: input.startDate,
    startHalf: input.startHalf,
    endDate: input.endDate,
    endHalf: input.endHalf,
    workingDays: days,
    reason,
    status: 'PENDING' as const,
    reportBackDue: reportBackDue(cal, input),
    returnedOn: null,
    requestedBy: account.id,
    requestedAt: ctx.clock.now(),
    closedReason: null,
    closedBy: null,
    closedAt: null,
  });
  await ctx.em.insert(LeaveRequest, leave);
  const statuses = initialStepStatuses(route.roles.length);
  await ctx.em.insert(
    LeaveApprovalStep,
    route.roles.map((role, i) =>
      Object.assign(new LeaveApprovalStep(), {
        leaveId: leave.id,
        order: i + 1,
        role,
        status: statuses[i],
        teamId: isPersonalRole(role) ? team!.teamId : null,
        decidedBy: null,
        decidedAt: null,
        comment: null,
      }),
    ),
  );
  ctx.touch(leave.id, person.id);
  return leave;
}

/** The first of the person's holding requests that shares a half day with the span. */
async function overlapping(ctx: Ctx, personId: string, span: SpanInput): Promise<LeaveRequest | null> {
  const candidates = await ctx.em
    .getRepository(LeaveRequest)
    .createQueryBuilder('l')
    .where('l.person_id = :personId', { personId })
    .andWhere('l.status IN (:...statuses)', { statuses: HOLDING })
    .andWhere('l.start_date <= :end AND l.end_date >= :start', { start: span.startDate, end: span.endDate })
    .orderBy('l.start_date')
    .getMany();
  const mine = spanSlots(span);
  return (
    candidates.find((c) => {
      const slots = c.status === 'RETURNED' ? takenSlots(c, c.returnedOn) : spanSlots(c);
      return slots !== null && slotsOverlap(slots, mine);
    }) ?? null
  );
}

/**
 * The team the person serves on in the round concerned (the first membership, of a round whose
 * period overlaps the leave's span, that itself overlaps the span), and that team's leader (the
 * current one, else the last).
 */
async function teamOfRequester(ctx: Ctx, personId: string, span: SpanInput): Promise<{ teamId: string; leaderId: string | null } | null> {
  const mine = await ctx.em
    .createQueryBuilder(TeamMembership, 'm')
    .innerJoin(Round, 'r', 'r.id = m.round_id')
    .where('m.person_id = :personId', { personId })
    .andWhere('m.joined_on <= :end AND (m.left_on IS NULL OR m.left_on >= :start)', { start: span.startDate, end: span.endDate })
    .andWhere('r.starts_on <= :end AND r.ends_on >= :start')
    .orderBy('m.joined_on', 'ASC')
    .addOrderBy('m.id', 'ASC')
    .getOne();
  if (!mine) return null;
  const leaders = await ctx.em.find(TeamMembership, { where: { teamId: mine.teamId, role: TeamRole.LEADER }, order: { joinedOn: 'ASC', id: 'ASC' } });
  const leader = leaders.find((m) => m.leftOn === null) ?? leaders[leaders.length - 1];
  return { teamId: mine.teamId, leaderId: leader?.personId ?? null };
}

async function rolesOfPerson(ctx: Ctx, personId: string): Promise<Role[]> {
  const accounts = await ctx.em.find(Account, { where: { personId, disabled: false } });
  return accounts.flatMap((a) => a.roles);
}

// ---------------------------------------------------------------- deciding

/** Locks the request for the rest of the transaction and reads it and its steps afresh. */
async function lockLeave(ctx: Ctx, id: string): Promise<{ leave: LeaveRequest; steps: LeaveApprovalStep[] }> {
  await lockRows(ctx.em, LeaveRequest, [id]);
  const leave = await ctx.em.findOneByOrFail(LeaveRequest, { id });
  const steps = await ctx.em.find(LeaveApprovalStep, { where: { leaveId: id }, order: { order: 'ASC' } });
  return { leave, steps };
}

const stepTaken = () => conflict(msg('该审批环节已由他人处理', 'This step has already been decided by someone else'));

/**
 * Decides the pending step: by an account holding the step's role in the request's region,
 * never by the person on leave or the account that filed it. Exactly one of two approvers
 * deciding at the same moment succeeds; the other gets CONFLICT.
 */
export async function decideLeave(ctx: Ctx, leaveId: string, approve: boolean, comment?: string | null): Promise<LeaveRequest> {
  const account = ctx.auth.signedIn();
  await requireLeaveInput(ctx, leaveId);
  const note = optionalText(comment, 'comment', 500);
  const { leave, steps } = await lockLeave(ctx, leaveId);
  const pending = steps.find((s) => s.status === 'PENDING');
  if (leave.status !== 'PENDING' || !pending) {
    throw conflict(msg(`该请假申请${STATUS_NAMES[leave.status].zh}，不能再审批`, `The request is ${STATUS_NAMES[leave.status].en} and cannot be decided`));
  }
  if (pending.teamId !== null) {
    if (!(await teamsLedBy(ctx)).has(pending.teamId) || !(await ctx.auth.covers(leave.regionId))) {
      const leader = await currentLeaderName(ctx, pending.teamId);
      throw forbidden(
        msg(
          `此环节须由申请人所在巡察组的组长${leader ? `（${leader}）` : ''}审批`,
          `This step is decided by the requester's own group leader${leader ? ` (${leader})` : ''}`,
        ),
      );
    }
  } else if (!account.roles.includes(pending.role) || !(await ctx.auth.covers(leave.regionId))) {
    throw forbidden(msg(`此环节须由${ROLE_NAMES[pending.role].zh}审批`, `This step is decided by the ${ROLE_NAMES[pending.role].en}`));
  }
  if (ctx.auth.isSelf(leave.personId) || account.id === leave.requestedBy) {
    throw forbidden(msg('不能审批本人提交或本人的请假，须由其他同级审批人审批', 'Nobody decides their own request; another approver must decide it'));
  }

  const outcome = decide(
    steps.map((s) => s.status),
    approve,
  );
  const now = ctx.clock.now();
  const marked = await ctx.em
    .createQueryBuilder()
    .update(LeaveApprovalStep)
    .set({ status: approve ? 'APPROVED' : 'REJECTED', decidedBy: account.id, decidedAt: now, comment: note })
    .where('id = :id AND status = :pending', { id: pending.id, pending: 'PENDING' })
    .execute();
  if (marked.affected !== 1) throw stepTaken();
  for (const [i, s] of steps.entries()) {
    if (s.id !== pending.id && outcome.steps[i] !== s.status) await ctx.em.update(LeaveApprovalStep, { id: s.id }, { status: outcome.steps[i] });
  }
  if (outcome.status !== leave.status) await setStatus(ctx, leave, outcome.status);
  ctx.touch(leave.id);
  return leaveLoader(ctx).clear(leave.id).load(leave.id) as Promise<LeaveRequest>;
}

async function currentLeaderName(ctx: Ctx, teamId: string): Promise<string | null> {
  const m = await ctx.em.findOne(TeamMembership, { where: { teamId, role: TeamRole.LEADER, leftOn: IsNull() } });
  return m ? ((await personLoader(ctx).load(m.personId))?.name ?? null) : null;
}

/** Moves a request from the status it was read in; CONFLICT when someone moved it meanwhile. */
async function setStatus(ctx: Ctx, leave: LeaveRequest, status: LeaveStatus, extra: Partial<LeaveRequest> = {}) {
  const res = await ctx.em
    .createQueryBuilder()
    .update(LeaveRequest)
    .set({ status, ...extra })
    .where('id = :id AND status = :from', { id: leave.id, from: leave.status })
    .execute();
  if (res.affected !== 1) throw stepTaken();
}

/** The person, the account that filed the request, or the office of its region. */
async function assertMayAct(ctx: Ctx, leave: LeaveRequest) {
  const account = ctx.auth.signedIn();
  if (ctx.auth.isSelf(leave.personId) || account.id === leave.requestedBy) return;
  if (ctx.auth.has('leave:requestForOthers') && (await ctx.auth.covers(leave.regionId))) return;
  throw forbidden(msg('只有本人或巡察办可以撤回、撤销或销假', 'Only the person or the office may withdraw, cancel or report back'));
}

/** Withdraws a pending request, or cancels an approved one before its start date. */
export async function cancelLeave(ctx: Ctx, leaveId: string, reasonInput: string): Promise<LeaveRequest> {
  const account = ctx.auth.signedIn();
  await assertMayAct(ctx, await requireLeaveInput(ctx, leaveId));
  const reason = requiredText(reasonInput, 'reason', 500);
  const { leave, steps } = await lockLeave(ctx, leaveId);
  const outcome = cancellation(leave.status, leave.startDate, ctx.clock.today());
  if (!outcome.ok) throw conflict(msg(outcome.zh, outcome.en));
  await setStatus(ctx, leave, outcome.status, { closedReason: reason, closedBy: account.id, closedAt: ctx.clock.now() });
  const after = skipOpenSteps(steps.map((s) => s.status));
  for (const [i, s] of steps.entries()) if (after[i] !== s.status) await ctx.em.update(LeaveApprovalStep, { id: s.id }, { status: after[i] });
  ctx.touch(leave.id);
  return leaveLoader(ctx).clear(leave.id).load(leave.id) as Promise<LeaveRequest>;
}

/** Records the actual return (销假) of approved leave. */
export async function reportBack(ctx: Ctx, leaveId: string, returnedOn: string): Promise<LeaveRequest> {
  await assertMayAct(ctx, await requireLeaveInput(ctx, leaveId));
  const { leave } = await lockLeave(ctx, leaveId);
  if (leave.status !== 'APPROVED') {
    throw conflict(msg(`该请假申请${STATUS_NAMES[leave.status].zh}，不能销假`, `A ${STATUS_NAMES[leave.status].en} request cannot be reported back`));
  }
  if (returnedOn < leave.startDate) {
    throw badInput('returnedOn', msg(`销假日期 ${returnedOn} 早于请假开始日期 ${leave.startDate}`, `The return ${returnedOn} is before the leave's start ${leave.startDate}`));
  }
  const today = ctx.clock.today();
  if (returnedOn > today) throw badInput('returnedOn', msg(`销假日期 ${returnedOn} 晚于今天`, `The return ${returnedOn} is in the future`));
  await setStatus(ctx, leave, 'RETURNED', { returnedOn });
  ctx.touch(leave.id);
  return leaveLoader(ctx).clear(leave.id).load(leave.id) as Promise<LeaveRequest>;
}

/**
 * Counts the stored figures (working days, report-back day) of the requests touching `year`
 * again, after the year's calendar was imported.
 */
export async function recountLeaveForYear(ctx: Ctx, year: number): Promise<number> {
  const cal = await calendarOf(ctx);
  const rows = await ctx.em
    .getRepository(LeaveRequest)
    .createQueryBuilder('l')
    .where('l.start_date <= :last AND l.end_date >= :first', { first: `${year - 1}-12-01`, last: `${year}-12-31` })
    .getMany();
  let changed = 0;
  for (const l of rows) {
    let days: number;
    try {
      days = countSpan(cal, l);
    } catch (e) {
      if (e instanceof UnpublishedYearError) continue;
      throw e;
    }
    const due = reportBackDue(cal, l);
    if (days !== l.workingDays || due !== l.reportBackDue) {
      await ctx.em.update(LeaveRequest, { id: l.id }, { workingDays: days, reportBackDue: due });
      changed++;
    }
  }
  return changed;
}
