import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../common/scalars';
import { CalendarDay, CalendarDayKind } from './calendar.entity';
import type { CalendarDayKind as CalendarDayKindName } from './rules/working-calendar';

@ObjectType()
export class CalendarYear {
  @Field(() => Int) year!: number;
  @Field() published!: boolean;
  @Field(() => [CalendarDay], { description: 'The exceptions to Monday-Friday: holidays and make-up working days.' })
  days!: CalendarDay[];
}

@InputType()
export class CalendarDayInput {
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => CalendarDayKind) kind!: CalendarDayKindName;
  @Field(() => String, { nullable: true }) name?: string | null;
}

@InputType({ description: "Replaces the year's exceptions and marks the year published." })
export class ImportCalendarYearInput {
  @Field(() => Int) year!: number;
  @Field(() => [CalendarDayInput]) days!: CalendarDayInput[];
}

@ObjectType()
export class ImportCalendarYearPayload {
  @Field(() => CalendarYear) calendarYear!: CalendarYear;
}
