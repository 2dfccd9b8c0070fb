/**
 * The weights of the soft-cost model, per region: a region without weights of its own takes its
 * nearest ancestor's, else the defaults below (documented in the README).
 */
import type { Msg } from '../../common/i18n';

export interface CostWeights {
  /** Each unwaived soft avoidance finding against a target of the team (rules 4 for members, 8, 9, 11-13). */
  softAvoidance: number;
  /** Each REPEAT_TARGET finding: the person, or the leader, inspected the unit before (对象不固定、组长与对象关系不固定). */
  repeatTarget: number;
  /** A team without both experienced and new members (老新结合). */
  experienceMix: number;
  /** A member on approved leave for more than the round's share of its working days. */
  leaveOverlap: number;
  /** The leader led a team in the region's previous round (组长不固定). */
  leaderNotRotated: number;
  /** Each round the person served in the three years before the round (rotation fairness). */
  rotationPerRound: number;
  /** Taken off for a newly promoted cadre who has not served yet (a discount). */
  newlyPromoted: number;
}

export const WEIGHT_FIELDS = [
  'softAvoidance',
  'repeatTarget',
  'experienceMix',
  'leaveOverlap',
  'leaderNotRotated',
  'rotationPerRound',
  'newlyPromoted',
] as const satisfies readonly (keyof CostWeights)[];
export type WeightField = (typeof WEIGHT_FIELDS)[number];

export const DEFAULT_WEIGHTS: Readonly<CostWeights> = Object.freeze({
  softAvoidance: 10,
  repeatTarget: 20,
  experienceMix: 15,
  leaveOverlap: 20,
  leaderNotRotated: 30,
  rotationPerRound: 4,
  newlyPromoted: 6,
});

export const MAX_WEIGHT = 1000;

/**
 * The weights in force for a region: its own, else the nearest ancestor's, else the defaults.
 * `chain` lists the region and its ancestors, nearest first.
 */
export function weightsFor(chain: readonly string[], stored: ReadonlyMap<string, CostWeights>): { weights: CostWeights; fromRegionId: string | null } {
  for (const regionId of chain) {
    const w = stored.get(regionId);
    if (w) return { weights: { ...w }, fromRegionId: regionId };
  }
  return { weights: { ...DEFAULT_WEIGHTS }, fromRegionId: null };
}

export type WeightsPatch = Partial<Record<WeightField, number | null>>;

/** The weights after a patch; fields it leaves out keep their values. */
export function applyWeights(base: CostWeights, patch: WeightsPatch): CostWeights {
  const next = { ...base };
  for (const f of WEIGHT_FIELDS) {
    const v = patch[f];
    if (v != null) next[f] = v;
  }
  return next;
}

/** The field at fault when a patch is not acceptable, or null. Weights have one decimal place. */
export function weightsProblem(patch: WeightsPatch): { field: string; message: Msg } | null {
  for (const f of WEIGHT_FIELDS) {
    const v = patch[f];
    if (v == null) continue;
    if (!Number.isFinite(v) || v < 0 || v > MAX_WEIGHT || Math.round(v * 10) !== v * 10) {
      return {
        field: f,
        message: {
          zh: `权重须为 0 至 ${MAX_WEIGHT} 之间、至多一位小数的数`,
          en: `A weight is a number from 0 to ${MAX_WEIGHT} with at most one decimal place`,
        },
      };
    }
  }
  return null;
}
