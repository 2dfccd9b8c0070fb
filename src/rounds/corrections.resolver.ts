import { Arg, Ctx as Context, Mutation, Resolver } from 'type-graphql';
import { Ctx } from '../context';
import { RemoveRecordInput, RemoveRecordPayload } from '../common/remove-record';
import { cancelRound, removeTeam, updateRound } from './corrections.service';
import { CancelRoundInput, CancelRoundPayload, UpdateRoundInput, UpdateRoundPayload } from './rounds.types';

@Resolver()
export class RoundCorrectionsResolver {
  @Mutation(() => UpdateRoundPayload)
  async updateRound(@Arg('input') input: UpdateRoundInput, @Context() ctx: Ctx): Promise<UpdateRoundPayload> {
    return { round: await updateRound(ctx, input) };
  }

  @Mutation(() => CancelRoundPayload, { description: 'Calls a round off before stationing; it stays, CANCELLED, with its reason; its authorizations end.' })
  async cancelRound(@Arg('input') input: CancelRoundInput, @Context() ctx: Ctx): Promise<CancelRoundPayload> {
    return { round: await cancelRound(ctx, input) };
  }

  @Mutation(() => RemoveRecordPayload, { description: 'Drops a team while its round is PLANNING (a team whose leader was authorized is kept).' })
  async removeTeam(@Arg('input') input: RemoveRecordInput, @Context() ctx: Ctx): Promise<RemoveRecordPayload> {
    return Object.assign(new RemoveRecordPayload(), { removedId: await removeTeam(ctx, input) });
  }
}
