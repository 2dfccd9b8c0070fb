import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../common/scalars';
import { DayHalf, LeaveType } from '../leave/leave.entity';
import type { LeaveType as LeaveTypeName } from '../leave/rules/leave-types';
import type { AttendanceStatus as AttendanceStatusName } from './rules/records';
import { AttendanceRecord, AttendanceNotice, AttendanceStatus } from './attendance.entity';

@InputType()
export class AttendanceEntryInput {
  @Field(() => ID) personId!: string;
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => DayHalf, { nullable: true }) half?: 'AM' | 'PM' | null;
  @Field(() => AttendanceStatus) status!: AttendanceStatusName;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class RecordAttendanceInput {
  @Field(() => ID) roundId!: string;
  @Field(() => [AttendanceEntryInput]) entries!: AttendanceEntryInput[];
}

@ObjectType()
export class RecordAttendancePayload {
  @Field(() => [AttendanceRecord]) records!: AttendanceRecord[];
}

@ObjectType()
export class LeaveTypeDays {
  @Field(() => LeaveType) type!: LeaveTypeName;
  @Field(() => Float) days!: number;
}

@ObjectType()
export class AttendanceSummaryRow {
  personId!: string;
  @Field(() => Float, { description: 'Working days in the month while the person was on a team of this region.' }) workingDays!: number;
  @Field(() => Float) presentDays!: number;
  @Field(() => Float) businessTripDays!: number;
  @Field(() => Float) leaveDays!: number;
  @Field(() => Float) absentDays!: number;
  @Field(() => Float) homeUnitRecallDays!: number;
  @Field(() => Float, { description: 'Working days with neither a record nor approved leave.' }) unrecordedDays!: number;
  @Field(() => [LeaveTypeDays]) leaveByType!: LeaveTypeDays[];
}

@InputType()
export class PublishAttendanceNoticeInput {
  @Field(() => ID) regionId!: string;
  @Field() month!: string;
}

@ObjectType()
export class PublishAttendanceNoticePayload {
  @Field(() => AttendanceNotice) notice!: AttendanceNotice;
}
