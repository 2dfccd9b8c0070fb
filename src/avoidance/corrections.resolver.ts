import { Arg, Ctx as Context, Mutation, Resolver } from 'type-graphql';
import { Ctx } from '../context';
import {
  RevokeAvoidanceWaiverInput,
  RevokeAvoidanceWaiverPayload,
  WithdrawAvoidanceDeclarationInput,
  WithdrawAvoidanceDeclarationPayload,
} from './avoidance.types';
import { revokeAvoidanceWaiver, withdrawAvoidanceDeclaration } from './corrections.service';

@Resolver()
export class AvoidanceCorrectionsResolver {
  @Mutation(() => WithdrawAvoidanceDeclarationPayload, { description: 'Withdraws a declaration; it is kept, no longer in force.' })
  async withdrawAvoidanceDeclaration(@Arg('input') input: WithdrawAvoidanceDeclarationInput, @Context() ctx: Ctx): Promise<WithdrawAvoidanceDeclarationPayload> {
    return { declaration: await withdrawAvoidanceDeclaration(ctx, input) };
  }

  @Mutation(() => RevokeAvoidanceWaiverPayload, { description: 'Revokes a waiver; it is kept, and its finding refuses again.' })
  async revokeAvoidanceWaiver(@Arg('input') input: RevokeAvoidanceWaiverInput, @Context() ctx: Ctx): Promise<RevokeAvoidanceWaiverPayload> {
    return { waiver: await revokeAvoidanceWaiver(ctx, input) };
  }
}
