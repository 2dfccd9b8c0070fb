import { Arg, Ctx as Context, Float, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Ctx } from '../context';
import { LocalDateScalar } from '../common/scalars';
import { DayHalf } from '../leave/leave.entity';
import { recountLeaveForYear } from '../leave/leave.service';
import type { DayHalf as DayHalfName } from './rules/days';
import { calendarYear, importCalendarYear, workingDays } from './calendar.service';
import { CalendarYear, ImportCalendarYearInput, ImportCalendarYearPayload } from './calendar.types';

@Resolver(() => CalendarYear)
export class CalendarResolver {
  @Query(() => CalendarYear, { nullable: true })
  calendarYear(@Arg('year', () => Int) year: number, @Context() ctx: Ctx) {
    return calendarYear(ctx, year);
  }

  @Query(() => Float, { description: 'Working days from the start half day to the end half day, both included.' })
  workingDays(
    @Arg('startDate', () => LocalDateScalar) startDate: string,
    @Arg('startHalf', () => DayHalf) startHalf: DayHalfName,
    @Arg('endDate', () => LocalDateScalar) endDate: string,
    @Arg('endHalf', () => DayHalf) endHalf: DayHalfName,
    @Context() ctx: Ctx,
  ) {
    return workingDays(ctx, { startDate, startHalf, endDate, endHalf });
  }

  /** Imports the year, then counts the leave touching it again, in the same transaction. */
  @Mutation(() => ImportCalendarYearPayload)
  async importCalendarYear(@Arg('input') input: ImportCalendarYearInput, @Context() ctx: Ctx): Promise<ImportCalendarYearPayload> {
    const year = await importCalendarYear(ctx, input.year, input.days);
    await recountLeaveForYear(ctx, input.year);
    return { calendarYear: year };
  }
}
