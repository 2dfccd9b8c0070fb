/**
 * Who reads the avoidance records and findings. Declarations and waivers: avoidance:read in the
 * round's region (a declaration also by whoever made it). A finding is shown in full, relatives
 * and their posts included, only to readers of the person's relations (whose path persons then
 * become readable at PATH level); everyone else gets the rule, severity, unit and a sentence
 * without relatives.
 */
import type { Ctx } from '../context';
import type { Guard } from '../access/guard';
import { byId } from '../db/loaders';
import { grantPath, readsPrivateFactsOf } from '../people/person.access';
import { Round } from '../rounds/round.entity';
import { AvoidanceDeclaration, AvoidanceWaiver } from './avoidance.entity';
import type { AvoidanceFinding } from './avoidance.types';

async function readsRoundAvoidance(ctx: Ctx, roundId: string): Promise<boolean> {
  if (!ctx.auth.has('avoidance:read')) return false;
  const round = await byId(ctx, Round).load(roundId);
  return !!round && (await ctx.auth.covers(round.regionId));
}

export const declarationGuard: Guard<AvoidanceDeclaration> = {
  async view(ctx, d) {
    if (ctx.account && d.declaredBy === ctx.account.id) return d;
    return (await readsRoundAvoidance(ctx, d.roundId)) ? d : null;
  },
};

export const waiverGuard: Guard<AvoidanceWaiver> = {
  async view(ctx, w) {
    return (await readsRoundAvoidance(ctx, w.roundId)) ? w : null;
  },
};

export const findingGuard: Guard<AvoidanceFinding> = {
  async view(ctx, f) {
    if (await readsPrivateFactsOf(ctx, f.personId)) {
      grantPath(ctx, f.path.map((s) => s.personId));
      return f;
    }
    return { ...f, explanation: f.publicExplanation, path: f.publicPath };
  },
};
