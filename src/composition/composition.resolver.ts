import { Arg, Ctx as Context, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Ctx } from '../context';
import { localize } from '../common/i18n';
import type { RuleCode } from '../common/vocabulary';
import { Person } from '../people/person.entity';
import { readsPrivateFactsOf } from '../people/person.access';
import { personLoader } from '../people/people.service';
import { Round } from '../rounds/round.entity';
import { roundLoader, teamLoader } from '../rounds/rounds.loaders';
import { Team, TeamRole } from '../rounds/team.entity';
import { toView } from '../rounds/violation';
import { CompositionProposal } from './composition.entity';
import {
  applyComposition,
  changesSince,
  findProposal,
  getCompositionWeights,
  listCandidates,
  proposeComposition,
  setCompositionWeights,
} from './composition.service';
import {
  ApplyCompositionInput,
  ApplyCompositionPayload,
  Candidate,
  CandidateConnection,
  CandidateFilter,
  CompositionObstacle,
  CompositionWeights,
  CostTerm,
  ProposeCompositionInput,
  ProposeCompositionPayload,
  ProposedMember,
  ProposedTeam,
  SetCompositionWeightsInput,
  SetCompositionWeightsPayload,
} from './composition.types';
import type { RankedCandidate } from './rules/candidates';

const toCandidate = (c: RankedCandidate): Candidate =>
  Object.assign(new Candidate(), {
    personId: c.personId,
    role: c.role as TeamRole,
    eligible: c.eligible,
    refusals: c.refusals.map(toView),
    concerns: c.concerns.map(toView),
    fixes: c.fixes as RuleCode[],
    costDelta: c.costDelta,
  });

@Resolver(() => Candidate)
export class CandidateResolver {
  @Query(() => CandidateConnection, { description: 'People who could fill a role on a team; eligible first, then by costDelta.' })
  async candidates(
    @Arg('filter') filter: CandidateFilter,
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Context() ctx: Ctx,
  ): Promise<CandidateConnection> {
    const page = await listCandidates(ctx, filter, { first, after });
    return {
      ...page,
      totalCount: await page.totalCount,
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: toCandidate(e.node) })),
      excludedByRule: page.excludedByRule as CandidateConnection['excludedByRule'],
    };
  }

  @FieldResolver(() => Person)
  person(@Root() c: Candidate, @Context() ctx: Ctx) {
    return personLoader(ctx).load(c.personId);
  }
}

@Resolver(() => CompositionProposal)
export class CompositionProposalResolver {
  @Query(() => CompositionProposal, { nullable: true })
  compositionProposal(@Arg('id', () => ID) id: string, @Context() ctx: Ctx) {
    return findProposal(ctx, id);
  }

  @Mutation(() => ProposeCompositionPayload, { description: 'Fills teams of a round with a composition that breaks no hard team rule and has the least soft cost.' })
  async proposeComposition(@Arg('input') input: ProposeCompositionInput, @Context() ctx: Ctx): Promise<ProposeCompositionPayload> {
    return { proposal: await proposeComposition(ctx, input) };
  }

  @Mutation(() => ApplyCompositionPayload, { description: 'Writes every newly proposed membership in one transaction, each checked as an assignment; all or nothing.' })
  async applyComposition(@Arg('input') input: ApplyCompositionInput, @Context() ctx: Ctx): Promise<ApplyCompositionPayload> {
    return applyComposition(ctx, input);
  }

  @FieldResolver(() => Round)
  round(@Root() p: CompositionProposal, @Context() ctx: Ctx) {
    return roundLoader(ctx).load(p.roundId);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Total soft cost (lower is better); null when INFEASIBLE.' })
  cost(@Root() p: CompositionProposal) {
    return p.result.cost;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The lowest cost any composition can reach, as proven by the solver; equals cost when OPTIMAL.' })
  bound(@Root() p: CompositionProposal) {
    return p.result.bound;
  }

  @FieldResolver(() => [ProposedTeam])
  teams(@Root() p: CompositionProposal): ProposedTeam[] {
    return p.result.teams.map((t) =>
      Object.assign(new ProposedTeam(), {
        teamId: t.teamId,
        members: t.members.map((m) => Object.assign(new ProposedMember(), { personId: m.personId, role: m.role as TeamRole, kept: m.kept })),
        concerns: t.concerns.map(toView),
        cost: t.cost,
      }),
    );
  }

  @FieldResolver(() => [CostTerm])
  costByRule(@Root() p: CompositionProposal): CostTerm[] {
    return p.result.costByRule.map((c) => ({ rule: c.rule as RuleCode, count: c.count, cost: c.cost }));
  }

  @FieldResolver(() => [CompositionObstacle], { description: 'When INFEASIBLE: which hard rules cannot all be met, for which team, and why.' })
  async obstacles(@Root() p: CompositionProposal, @Context() ctx: Ctx): Promise<CompositionObstacle[]> {
    return Promise.all(
      p.result.obstacles.map(async (o) => {
        // Reasons taken from avoidance findings name relatives: a reader who may not read every
        // such person's private facts gets the text without them (as Team.violations does).
        const full = !o.publicExplanation || (await everyPrivateFactRead(ctx, o.privateOf ?? []));
        const explanation = localize(full ? o.explanation : o.publicExplanation!, ctx.locale);
        return Object.assign(new CompositionObstacle(), { rule: o.rule as RuleCode, teamId: o.teamId, explanation, personIds: o.personIds });
      }),
    );
  }

  @FieldResolver(() => Boolean, { description: 'True once the round, its teams, the pools or the people have changed since the proposal.' })
  async stale(@Root() p: CompositionProposal, @Context() ctx: Ctx) {
    return (await changesSince(ctx, p)).parts.length > 0;
  }
}

async function everyPrivateFactRead(ctx: Ctx, personIds: readonly string[]): Promise<boolean> {
  for (const id of personIds) if (!(await readsPrivateFactsOf(ctx, id))) return false;
  return true;
}

@Resolver(() => ProposedTeam)
export class ProposedTeamResolver {
  @FieldResolver(() => Team)
  team(@Root() t: ProposedTeam, @Context() ctx: Ctx) {
    return teamLoader(ctx).load(t.teamId);
  }
}

@Resolver(() => ProposedMember)
export class ProposedMemberResolver {
  @FieldResolver(() => Person)
  person(@Root() m: ProposedMember, @Context() ctx: Ctx) {
    return personLoader(ctx).load(m.personId);
  }
}

@Resolver(() => CompositionObstacle)
export class CompositionObstacleResolver {
  @FieldResolver(() => Team, { nullable: true })
  team(@Root() o: CompositionObstacle, @Context() ctx: Ctx) {
    return o.teamId ? teamLoader(ctx).load(o.teamId) : null;
  }

  @FieldResolver(() => [Person])
  async people(@Root() o: CompositionObstacle, @Context() ctx: Ctx) {
    const found = await personLoader(ctx).loadMany(o.personIds);
    return found.filter((p): p is Person => p !== null && !(p instanceof Error));
  }
}

@Resolver(() => CompositionWeights)
export class CompositionWeightsResolver {
  @Query(() => CompositionWeights, { description: "The weights of the composition's soft-cost model in force for a region." })
  compositionWeights(@Arg('regionId', () => ID) regionId: string, @Context() ctx: Ctx) {
    return getCompositionWeights(ctx, regionId);
  }

  @Mutation(() => SetCompositionWeightsPayload, { description: "Sets a region's own weights of the soft-cost model (offices of the region)." })
  async setCompositionWeights(@Arg('input') input: SetCompositionWeightsInput, @Context() ctx: Ctx): Promise<SetCompositionWeightsPayload> {
    return { weights: await setCompositionWeights(ctx, input) };
  }
}
