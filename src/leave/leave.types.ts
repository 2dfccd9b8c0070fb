import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../common/pagination';
import { LocalDateScalar } from '../common/scalars';
import { Role } from '../auth/roles';
import type { DayHalf as DayHalfName } from '../calendar/rules/days';
import type { LeaveType as LeaveTypeName } from './rules/leave-types';
import type { LeaveStatus as LeaveStatusName } from './rules/lifecycle';
import { DayHalf, LeaveRequest, LeaveStatus, LeaveType } from './leave.entity';

@InputType()
export class RequestLeaveInput {
  @Field(() => ID) regionId!: string;
  @Field(() => ID) personId!: string;
  @Field(() => LeaveType) type!: LeaveTypeName;
  @Field(() => LocalDateScalar) startDate!: string;
  @Field(() => DayHalf) startHalf!: DayHalfName;
  @Field(() => LocalDateScalar) endDate!: string;
  @Field(() => DayHalf) endHalf!: DayHalfName;
  @Field() reason!: string;
}

@ObjectType()
export class RequestLeavePayload {
  @Field(() => LeaveRequest) leave!: LeaveRequest;
}

@InputType()
export class DecideLeaveInput {
  @Field(() => ID) leaveId!: string;
  @Field() approve!: boolean;
  @Field(() => String, { nullable: true }) comment?: string | null;
}

@ObjectType()
export class DecideLeavePayload {
  @Field(() => LeaveRequest) leave!: LeaveRequest;
}

@InputType({ description: 'Withdraws a pending request, or cancels an approved one that has not started.' })
export class CancelLeaveInput {
  @Field(() => ID) leaveId!: string;
  @Field() reason!: string;
}

@ObjectType()
export class CancelLeavePayload {
  @Field(() => LeaveRequest) leave!: LeaveRequest;
}

@InputType()
export class ReportBackInput {
  @Field(() => ID) leaveId!: string;
  @Field(() => LocalDateScalar) returnedOn!: string;
}

@ObjectType()
export class ReportBackPayload {
  @Field(() => LeaveRequest) leave!: LeaveRequest;
}

@InputType()
export class LeaveFilter {
  @Field(() => ID) regionId!: string;
  @Field(() => ID, { nullable: true }) personId?: string | null;
  @Field(() => LeaveStatus, { nullable: true }) status?: LeaveStatusName | null;
  @Field(() => Boolean, { nullable: true }) overdue?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Only requests whose current step the signed-in account may decide.' })
  awaitingMyDecision?: boolean | null;
}

export const LeaveRequestConnection = Connection(LeaveRequest, 'LeaveRequest');

@ObjectType('ApprovalTier')
export class ApprovalTierType {
  @Field(() => Float, { nullable: true, description: 'The longest leave (working days) this tier handles; null means no upper bound.' })
  upToWorkingDays!: number | null;
  @Field(() => [Role], { description: 'Approvers in order; each must approve.' })
  approverRoles!: Role[];
}

@ObjectType()
export class LeavePolicy {
  regionId!: string;
  definedByRegionId!: string | null;
  @Field(() => [ApprovalTierType]) tiers!: ApprovalTierType[];
}

@InputType()
export class ApprovalTierInput {
  @Field(() => Float, { nullable: true }) upToWorkingDays?: number | null;
  @Field(() => [Role]) approverRoles!: Role[];
}

@InputType()
export class SetLeavePolicyInput {
  @Field(() => ID) regionId!: string;
  @Field(() => [ApprovalTierInput]) tiers!: ApprovalTierInput[];
}

@ObjectType()
export class SetLeavePolicyPayload {
  @Field(() => LeavePolicy) policy!: LeavePolicy;
}
