import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Entity, Index } from 'typeorm';
import { BoolColumn, DateColumn, EnumColumn, Identified, InstantColumn, IntColumn, RefColumn, StringColumn } from '../db/columns';
import { LocalDateScalar } from '../common/scalars';
import type { CalendarDayKind as CalendarDayKindName } from './rules/working-calendar';
import { CALENDAR_DAY_KINDS } from './rules/working-calendar';
import { enumOf } from '../common/vocabulary';

export const CalendarDayKind = enumOf(CALENDAR_DAY_KINDS);
export type CalendarDayKind = (typeof CalendarDayKind)[keyof typeof CalendarDayKind];
registerEnumType(CalendarDayKind, { name: 'CalendarDayKind' });

/** A year of the national calendar: published once its notice is imported. */
@Entity('calendar_years')
@Index(['year'], { unique: true })
export class CalendarYearRow extends Identified {
  @IntColumn() year!: number;
  @BoolColumn() published!: boolean;
  /** The notice the year comes from (title and document number). */
  @StringColumn(300, { nullable: true }) source!: string | null;
  @InstantColumn({ name: 'imported_at' }) importedAt!: Date;
  @RefColumn({ nullable: true, name: 'imported_by' }) importedBy!: string | null;
}

/** An exception to Monday-Friday: a holiday or a make-up working day. */
@ObjectType()
@Entity('calendar_days')
@Index(['date'], { unique: true })
@Index(['year'])
export class CalendarDay extends Identified {
  @IntColumn() year!: number;
  @Field(() => LocalDateScalar) @DateColumn() date!: string;
  @Field(() => CalendarDayKind) @EnumColumn() kind!: CalendarDayKindName;
  @Field(() => String, { nullable: true }) @StringColumn(100, { nullable: true }) name!: string | null;
}
