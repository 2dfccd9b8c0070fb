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

/** readsPrivateFactsOf, asked once per person in a request (a matrix has thousands of findings per few persons). */
export function readsPrivateFactsOnce(ctx: Ctx, personId: string): boolean | Promise<boolean> {
  const known = ctx.local('avoidance:readsPrivateFacts', () => new Map<string, boolean | Promise<boolean>>());
  const answer = known.get(personId);
  if (answer !== undefined) return answer;
  const asked = readsPrivateFactsOf(ctx, personId).then((ok) => {
    known.set(personId, ok);
    return ok;
  });
  known.set(personId, asked);
  return asked;
}

function findingView(ctx: Ctx, f: AvoidanceFinding, full: boolean): AvoidanceFinding {
  if (full) {
    grantPath(ctx, f.path.map((s) => s.personId));
    return f;
  }
  return { ...f, explanation: f.publicExplanation, path: f.publicPath };
}

export const findingGuard: Guard<AvoidanceFinding> = {
  view(ctx, f) {
    const full = readsPrivateFactsOnce(ctx, f.personId);
    return typeof full === 'boolean' ? findingView(ctx, f, full) : full.then((ok) => findingView(ctx, f, ok));
  },
};
