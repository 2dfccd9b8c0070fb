/** What other features may ask about attendance: whether a round has records outside a period. */
import { Ctx } from '../context';
import { AttendanceRecord } from './attendance.entity';

/** The number of attendance records of the round dated before `from` or after `to`. */
export async function attendanceOutside(ctx: Ctx, roundId: string, from: string, to: string): Promise<number> {
  return ctx.em
    .createQueryBuilder(AttendanceRecord, 'a')
    .where('a.round_id = :roundId', { roundId })
    .andWhere('(a.date < :from OR a.date > :to)', { from, to })
    .getCount();
}
