/**
 * Who reads compositions: the offices that compose the round's teams (round:write in the
 * round's region), as for proposing and applying. What a proposal holds (teams, members, cost
 * terms, obstacles) is read with it; its people and teams through their own guards.
 */
import type { Guard } from '../access/guard';
import { roundLoader } from '../rounds/rounds.loaders';
import { CompositionProposal } from './composition.entity';

export const proposalGuard: Guard<CompositionProposal> = {
  async view(ctx, p) {
    if (!ctx.auth.has('round:write')) return null;
    const round = await roundLoader(ctx).load(p.roundId);
    return round && (await ctx.auth.covers(round.regionId)) ? p : null;
  },
};
