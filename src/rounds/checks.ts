/**
 * The checks of other features that the team rules take into account: avoidance findings of
 * members against their team's targets, and approved leave within the round's period.
 */
import { Ctx } from '../context';
import { isAppError } from '../common/errors';
import { AvoidancePart, findAvoidanceParts } from '../avoidance/avoidance.service';
import { approvedLeaveDays, countWorkingDays } from '../leave/availability';
import type { AvoidanceFact, TeamRole } from './rules/types';

/**
 * Every avoidance finding (waived ones included) of the persons of each part against the units,
 * at the round's start, judged for the part's roles; one batched load for all parts.
 */
export async function avoidanceFacts(
  ctx: Ctx,
  q: { roundId: string; unitIds: string[]; parts: (AvoidancePart & { roles: ReadonlyMap<string, TeamRole> })[] },
): Promise<AvoidanceFact[][]> {
  return findAvoidanceParts(ctx, q);
}

export interface LeaveFacts {
  /** Working days of approved leave of each person within the period (absent: none). */
  days: Map<string, number>;
  /** Working days in the period, null when the calendar cannot say. */
  workingDays: number | null;
}

/**
 * Approved leave of each person within [from, to], and the working days of the period when
 * someone has leave (then the calendar of its years is published). A period reaching into a
 * year whose calendar is not published has no working-day count: LEAVE_OVERLAP is not judged.
 */
export async function leaveFacts(ctx: Ctx, personIds: string[], from: string, to: string): Promise<LeaveFacts> {
  const days = await approvedLeaveDays(ctx, personIds, from, to);
  if (![...days.values()].some((d) => d > 0)) return { days, workingDays: null };
  try {
    return { days, workingDays: await countWorkingDays(ctx, from, to) };
  } catch (e) {
    if (isAppError(e) && e.code === 'BAD_USER_INPUT') return { days, workingDays: null };
    throw e;
  }
}
