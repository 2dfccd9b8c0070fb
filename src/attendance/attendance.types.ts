import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
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
  @Field(() => String, { nullable: true, description: 'The team(s) the person served on in the month.' }) teamName!: string | null;
  @Field(() => String, { nullable: true, description: 'Came to or left a team within the month.' }) remark!: string | null;
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

@ObjectType({ description: "How a region's monthly notices are posted." })
export class AttendanceNoticeSettings {
  regionId!: string;
  definedByRegionId!: string | null;
  @Field(() => Int, { description: 'The posting period (公示期) in working days, from the day of publication.' }) postingWorkingDays!: number;
  @Field({ description: 'The issuing office printed at the foot (default: the leading group office of the region).' }) issuingOffice!: string;
  @Field(() => String, { nullable: true, description: 'Where to raise objections (a phone number, an address), printed with the posting period.' })
  objectionContact!: string | null;
}

@InputType()
export class SetAttendanceNoticeSettingsInput {
  @Field(() => ID) regionId!: string;
  @Field(() => Int) postingWorkingDays!: number;
  @Field(() => String, { nullable: true, description: 'Null for the default.' }) issuingOffice?: string | null;
  @Field(() => String, { nullable: true }) objectionContact?: string | null;
}

@ObjectType()
export class SetAttendanceNoticeSettingsPayload {
  @Field(() => AttendanceNoticeSettings) settings!: AttendanceNoticeSettings;
}
