import { Arg, Ctx as Context, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Ctx } from '../context';
import { Account } from '../auth/account.entity';
import { Person } from '../people/person.entity';
import { personLoader } from '../people/people.service';
import { Region } from '../regions/region.entity';
import { regionLoader } from '../regions/regions.service';
import { byId } from '../db/loaders';
import { OrderInput } from '../common/list-order';
import { LeaveApprovalStep, LeaveRequest } from './leave.entity';
import {
  cancelLeave,
  decideLeave,
  getLeave,
  getLeavePolicy,
  listLeave,
  LeaveOrderField,
  overdue,
  reportBack,
  requestLeave,
  setLeavePolicy,
  stepsOf,
} from './leave.service';
import {
  CancelLeaveInput,
  CancelLeavePayload,
  DecideLeaveInput,
  DecideLeavePayload,
  LeaveFilter,
  LeavePolicy,
  LeaveRequestConnection,
  ReportBackInput,
  ReportBackPayload,
  RequestLeaveInput,
  RequestLeavePayload,
  SetLeavePolicyInput,
  SetLeavePolicyPayload,
} from './leave.types';

export const LeaveOrder = OrderInput<LeaveOrderField>(
  'LeaveOrder',
  {
    CREATED: 'When the request was made (the default order, descending: newest first).',
    START_DATE: 'The first day of the leave.',
    PERSON_NAME: "The requester's name in pinyin order (拼音排序), syllable by syllable, then by tone.",
  },
  'How `leaveRequests` is sorted; requests equal in the field keep the order they were made in.',
);

@Resolver(() => LeaveRequest)
export class LeaveRequestResolver {
  @Query(() => LeaveRequest, { nullable: true })
  leaveRequest(@Arg('id', () => ID) id: string, @Context() ctx: Ctx) {
    return getLeave(ctx, id);
  }

  @Query(() => LeaveRequestConnection)
  leaveRequests(
    @Arg('filter') filter: LeaveFilter,
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('orderBy', () => LeaveOrder, {
      nullable: true,
      description: 'CREATED (default: newest first), START_DATE or PERSON_NAME (pinyin), ascending unless DESC; a cursor of another order is refused.',
    })
    orderBy: InstanceType<typeof LeaveOrder> | null,
    @Context() ctx: Ctx,
  ) {
    return listLeave(ctx, filter, { first, after }, orderBy);
  }

  @Mutation(() => RequestLeavePayload)
  async requestLeave(@Arg('input') input: RequestLeaveInput, @Context() ctx: Ctx): Promise<RequestLeavePayload> {
    return { leave: await requestLeave(ctx, input) };
  }

  @Mutation(() => DecideLeavePayload)
  async decideLeave(@Arg('input') input: DecideLeaveInput, @Context() ctx: Ctx): Promise<DecideLeavePayload> {
    return { leave: await decideLeave(ctx, input.leaveId, input.approve, input.comment) };
  }

  @Mutation(() => CancelLeavePayload)
  async cancelLeave(@Arg('input') input: CancelLeaveInput, @Context() ctx: Ctx): Promise<CancelLeavePayload> {
    return { leave: await cancelLeave(ctx, input.leaveId, input.reason) };
  }

  @Mutation(() => ReportBackPayload)
  async reportBack(@Arg('input') input: ReportBackInput, @Context() ctx: Ctx): Promise<ReportBackPayload> {
    return { leave: await reportBack(ctx, input.leaveId, input.returnedOn) };
  }

  @FieldResolver(() => Region)
  region(@Root() l: LeaveRequest, @Context() ctx: Ctx) {
    return regionLoader(ctx).load(l.regionId);
  }

  @FieldResolver(() => Person)
  person(@Root() l: LeaveRequest, @Context() ctx: Ctx) {
    return personLoader(ctx).load(l.personId);
  }

  @FieldResolver(() => Boolean, { description: 'Approved, not reported back, and past its report-back day.' })
  overdue(@Root() l: LeaveRequest, @Context() ctx: Ctx) {
    return overdue(ctx, l);
  }

  @FieldResolver(() => [LeaveApprovalStep])
  approvalSteps(@Root() l: LeaveRequest, @Context() ctx: Ctx) {
    return stepsOf(ctx).load(l.id);
  }
}

@Resolver(() => LeaveApprovalStep)
export class ApprovalStepResolver {
  @FieldResolver(() => Account, { nullable: true })
  decidedBy(@Root() s: LeaveApprovalStep, @Context() ctx: Ctx) {
    return s.decidedBy ? byId(ctx, Account).load(s.decidedBy) : null;
  }
}

@Resolver(() => LeavePolicy)
export class LeavePolicyResolver {
  @Query(() => LeavePolicy)
  leavePolicy(@Arg('regionId', () => ID) regionId: string, @Context() ctx: Ctx) {
    return getLeavePolicy(ctx, regionId);
  }

  @Mutation(() => SetLeavePolicyPayload)
  async setLeavePolicy(@Arg('input') input: SetLeavePolicyInput, @Context() ctx: Ctx): Promise<SetLeavePolicyPayload> {
    const tiers = input.tiers.map((t) => ({ upToWorkingDays: t.upToWorkingDays ?? null, approverRoles: t.approverRoles }));
    return { policy: await setLeavePolicy(ctx, input.regionId, tiers) };
  }

  @FieldResolver(() => Region)
  region(@Root() p: LeavePolicy, @Context() ctx: Ctx) {
    return regionLoader(ctx).load(p.regionId);
  }

  @FieldResolver(() => Region, { nullable: true, description: "The region whose tiers apply (this one or the nearest above); null for the service's default." })
  definedBy(@Root() p: LeavePolicy, @Context() ctx: Ctx) {
    return p.definedByRegionId ? regionLoader(ctx).load(p.definedByRegionId) : null;
  }
}
