import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Entity, Index } from 'typeorm';
import { DateColumn, DecimalColumn, EnumColumn, Identified, InstantColumn, IntColumn, RefColumn, StringColumn } from '../db/columns';
import { DateTimeScalar, LocalDateScalar } from '../common/scalars';
import { Role } from '../auth/roles';
import type { DayHalf as DayHalfName } from '../calendar/rules/days';
import type { LeaveType as LeaveTypeName } from './rules/leave-types';
import type { LeaveStatus as LeaveStatusName, StepStatus } from './rules/lifecycle';
import { LEAVE_STATUSES, STEP_STATUSES } from './rules/lifecycle';
import { LEAVE_TYPES } from './rules/leave-types';
import { DAY_HALVES } from '../calendar/rules/days';
import { enumOf } from '../common/vocabulary';

export const DayHalf = enumOf(DAY_HALVES);
export type DayHalf = (typeof DayHalf)[keyof typeof DayHalf];
registerEnumType(DayHalf, { name: 'DayHalf' });

export const LeaveType = enumOf(LEAVE_TYPES);
export type LeaveType = (typeof LeaveType)[keyof typeof LeaveType];
registerEnumType(LeaveType, { name: 'LeaveType' });

export const LeaveStatus = enumOf(LEAVE_STATUSES);
export type LeaveStatus = (typeof LeaveStatus)[keyof typeof LeaveStatus];
registerEnumType(LeaveStatus, { name: 'LeaveStatus' });

export const ApprovalStepStatus = enumOf(STEP_STATUSES);
export type ApprovalStepStatus = (typeof ApprovalStepStatus)[keyof typeof ApprovalStepStatus];
registerEnumType(ApprovalStepStatus, { name: 'ApprovalStepStatus' });

/** A leave request (请假) of a person, kept by a region's office. Never deleted. */
@ObjectType()
@Entity('leave_requests')
@Index(['personId', 'startDate'])
@Index(['regionId', 'status'])
@Index(['status', 'reportBackDue'])
export class LeaveRequest extends Identified {
  @RefColumn({ name: 'region_id' }) regionId!: string;
  @RefColumn({ name: 'person_id' }) personId!: string;
  @Field(() => LeaveType) @EnumColumn() type!: LeaveTypeName;
  @Field(() => LocalDateScalar) @DateColumn({ name: 'start_date' }) startDate!: string;
  @Field(() => DayHalf) @EnumColumn({ name: 'start_half', length: 2 }) startHalf!: DayHalfName;
  @Field(() => LocalDateScalar) @DateColumn({ name: 'end_date' }) endDate!: string;
  @Field(() => DayHalf) @EnumColumn({ name: 'end_half', length: 2 }) endHalf!: DayHalfName;
  @Field(() => Float, { description: 'Working days in half-day steps under the national calendar.' })
  @DecimalColumn({ name: 'working_days' })
  workingDays!: number;
  @Field() @StringColumn(500) reason!: string;
  @Field(() => LeaveStatus) @EnumColumn() status!: LeaveStatusName;
  /** The date by which the person must report back: the first working half day after the end. */
  @DateColumn({ name: 'report_back_due' }) reportBackDue!: string;
  @Field(() => LocalDateScalar, { nullable: true }) @DateColumn({ nullable: true, name: 'returned_on' }) returnedOn!: string | null;
  /** The account that filed the request (the person themselves or the office). */
  @RefColumn({ name: 'requested_by' }) requestedBy!: string;
  @InstantColumn({ name: 'requested_at' }) requestedAt!: Date;
  /** Why it was withdrawn or cancelled, by whom and when. */
  @StringColumn(500, { nullable: true, name: 'closed_reason' }) closedReason!: string | null;
  @RefColumn({ nullable: true, name: 'closed_by' }) closedBy!: string | null;
  @InstantColumn({ nullable: true, name: 'closed_at' }) closedAt!: Date | null;
}

/** One approver's step of a request; decided in order. */
@ObjectType('ApprovalStep')
@Entity('leave_approval_steps')
@Index(['leaveId', 'order'], { unique: true })
@Index(['teamId', 'status'])
export class LeaveApprovalStep extends Identified {
  @RefColumn({ name: 'leave_id' }) leaveId!: string;
  @Field(() => Int) @IntColumn({ name: 'step_order' }) order!: number;
  @Field(() => Role) @EnumColumn() role!: Role;
  @Field(() => ApprovalStepStatus) @EnumColumn() status!: StepStatus;
  /** For a role personal to the requester (their group leader): the team whose leader decides the step. */
  @RefColumn({ nullable: true, name: 'team_id' }) teamId!: string | null;
  @RefColumn({ nullable: true, name: 'decided_by' }) decidedBy!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) @InstantColumn({ nullable: true, name: 'decided_at' }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) @StringColumn(500, { nullable: true }) comment!: string | null;
}

/** One tier of a region's leave approval policy. */
@Entity('leave_policy_tiers')
@Index(['regionId', 'ordinal'], { unique: true })
export class LeavePolicyTier extends Identified {
  @RefColumn({ name: 'region_id' }) regionId!: string;
  @IntColumn() ordinal!: number;
  @DecimalColumn({ nullable: true, name: 'up_to_working_days' }) upToWorkingDays!: number | null;
  /** Comma-separated roles, in order. */
  @StringColumn(200, { name: 'approver_roles' }) approverRoles!: string;
}
