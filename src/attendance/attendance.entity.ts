import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Entity, Index } from 'typeorm';
import { DateColumn, DecimalColumn, EnumColumn, Identified, InstantColumn, IntColumn, RefColumn, StringColumn } from '../db/columns';
import { DateTimeScalar, LocalDateScalar } from '../common/scalars';
import { DayHalf } from '../leave/leave.entity';
import type { AttendanceStatus as AttendanceStatusName, HalfKey } from './rules/records';
import { halfOfKey } from './rules/records';
import { ATTENDANCE_STATUSES } from './rules/records';
import { enumOf } from '../common/vocabulary';

export const AttendanceStatus = enumOf(ATTENDANCE_STATUSES);
export type AttendanceStatus = (typeof AttendanceStatus)[keyof typeof AttendanceStatus];
registerEnumType(AttendanceStatus, { name: 'AttendanceStatus' });

/**
 * One person's attendance on a working day or half day during a round. The records of a date
 * never overlap: `halfKey` is AM, PM or DAY, and (person, date, halfKey) is unique.
 */
@ObjectType()
@Entity('attendance_records')
@Index(['personId', 'date', 'halfKey'], { unique: true })
@Index(['roundId', 'date'])
export class AttendanceRecord extends Identified {
  @RefColumn({ name: 'round_id' }) roundId!: string;
  @RefColumn({ name: 'person_id' }) personId!: string;
  @Field(() => LocalDateScalar) @DateColumn() date!: string;
  @EnumColumn({ name: 'half_key', length: 3 }) halfKey!: HalfKey;
  @Field(() => AttendanceStatus) @EnumColumn() status!: AttendanceStatusName;
  @Field(() => String, { nullable: true }) @StringColumn(200, { nullable: true }) note!: string | null;
  @RefColumn({ name: 'recorded_by' }) recordedBy!: string;
  @InstantColumn({ name: 'recorded_at' }) recordedAt!: Date;

  @Field(() => DayHalf, { nullable: true, description: 'Null for the whole day.' })
  get half(): DayHalf | null {
    return halfOfKey(this.halfKey) as DayHalf | null;
  }
}

/** A published monthly attendance notice (月公示). Frozen once written; a correction is a new revision. */
@ObjectType()
@Entity('attendance_notices')
@Index(['regionId', 'month', 'revision'], { unique: true })
export class AttendanceNotice extends Identified {
  @RefColumn({ name: 'region_id' }) regionId!: string;
  @Field({ description: 'YYYY-MM' }) @StringColumn(7) month!: string;
  @Field(() => Int) @IntColumn() revision!: number;
  @Field(() => DateTimeScalar) @InstantColumn({ name: 'published_at' }) publishedAt!: Date;
  @RefColumn({ name: 'published_by' }) publishedBy!: string;
  @RefColumn({ nullable: true, name: 'superseded_by_id' }) supersededById!: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'First day of the posting period (公示期); null on notices published before it was kept.' })
  @DateColumn({ nullable: true, name: 'posted_from' })
  postedFrom!: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of the posting period.' })
  @DateColumn({ nullable: true, name: 'posted_until' })
  postedUntil!: string | null;
  @IntColumn({ nullable: true, name: 'posting_working_days' }) postingWorkingDays!: number | null;
  @Field(() => String, { nullable: true, description: 'The office that issues the notice, as printed at its foot.' })
  @StringColumn(200, { nullable: true, name: 'issuing_office' })
  issuingOffice!: string | null;
  /** Where to raise objections, as printed (a phone number, an address). */
  @StringColumn(300, { nullable: true, name: 'objection_contact' }) objectionContact!: string | null;
}

/** A region's own notice settings; a region without them takes its nearest ancestor's, else the defaults. */
@Entity('attendance_notice_settings')
export class AttendanceNoticeSettingsRow extends Identified {
  @Index({ unique: true }) @RefColumn({ name: 'region_id' }) regionId!: string;
  @IntColumn({ name: 'posting_working_days' }) postingWorkingDays!: number;
  @StringColumn(200, { nullable: true, name: 'issuing_office' }) issuingOffice!: string | null;
  @StringColumn(300, { nullable: true, name: 'objection_contact' }) objectionContact!: string | null;
  @RefColumn({ name: 'updated_by' }) updatedBy!: string;
  @InstantColumn({ name: 'updated_at' }) updatedAt!: Date;
}

/** A frozen row of a notice: the figures (in working days) and the name as published. */
@Entity('attendance_notice_rows')
@Index(['noticeId', 'ordinal'], { unique: true })
export class AttendanceNoticeRow extends Identified {
  @RefColumn({ name: 'notice_id' }) noticeId!: string;
  @IntColumn() ordinal!: number;
  @RefColumn({ name: 'person_id' }) personId!: string;
  @StringColumn(100, { name: 'person_name' }) personName!: string;
  @DecimalColumn({ name: 'working_days' }) workingDays!: number;
  @DecimalColumn({ name: 'present_days' }) presentDays!: number;
  @DecimalColumn({ name: 'business_trip_days' }) businessTripDays!: number;
  @DecimalColumn({ name: 'leave_days' }) leaveDays!: number;
  @DecimalColumn({ name: 'absent_days' }) absentDays!: number;
  @DecimalColumn({ name: 'home_unit_recall_days' }) homeUnitRecallDays!: number;
  @DecimalColumn({ name: 'unrecorded_days' }) unrecordedDays!: number;
  @DecimalColumn({ name: 'leave_personal' }) leavePersonal!: number;
  @DecimalColumn({ name: 'leave_sick' }) leaveSick!: number;
  @DecimalColumn({ name: 'leave_annual' }) leaveAnnual!: number;
  @DecimalColumn({ name: 'leave_home_unit_recall' }) leaveHomeUnitRecall!: number;
  @DecimalColumn({ name: 'leave_marriage' }) leaveMarriage!: number;
  @DecimalColumn({ name: 'leave_bereavement' }) leaveBereavement!: number;
  @DecimalColumn({ name: 'leave_other' }) leaveOther!: number;
  /** The team(s) the person served on in the month, as published; null on older notices. */
  @StringColumn(200, { nullable: true, name: 'team_name' }) teamName!: string | null;
  @StringColumn(500, { nullable: true }) remark!: string | null;
}
