import { Arg, Ctx as Context, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Ctx } from '../context';
import { localize } from '../common/i18n';
import { LocalDateScalar } from '../common/scalars';
import { OrderInput } from '../common/list-order';
import { byId, rowNow } from '../db/loaders';
import { Account } from '../auth/account.entity';
import { Person } from '../people/person.entity';
import { personLoader } from '../people/people.service';
import { Region } from '../regions/region.entity';
import { regionLoader } from '../regions/regions.service';
import { Unit } from '../units/unit.entity';
import { unitLoader } from '../units/units.service';
import { requireReadableRound, requireReadableTeam } from './access';
import { rulesOf, violationsOfRound } from './facts';
import { Evaluation, ReadinessRecord } from './record.entity';
import { Round } from './round.entity';
import {
  compositionOfRound,
  evaluationsOf,
  membershipsOfPerson,
  readinessOfRound,
  roundLoader,
  teamLoader,
  teamsOfRound,
} from './rounds.loaders';
import { advanceRound, coverage, createRound, listRounds, RoundOrderField } from './rounds.service';
import {
  AdvanceRoundInput,
  AdvanceRoundPayload,
  AssignTeamMemberInput,
  AssignTeamMemberPayload,
  AuthorizeTeamLeaderInput,
  AuthorizeTeamLeaderPayload,
  Coverage,
  CreateRoundInput,
  CreateRoundPayload,
  CreateTeamInput,
  CreateTeamPayload,
  EvaluateMemberInput,
  EvaluateMemberPayload,
  RecordReadinessInput,
  RemoveTeamMemberInput,
  RemoveTeamMemberPayload,
  RoundConnection,
  RoundFilter,
  SetTeamTargetsInput,
  SetTeamTargetsPayload,
  TeamRules,
} from './rounds.types';
import {
  assignTeamMember,
  authorizeTeamLeader,
  createTeam,
  evaluateMember,
  recordReadiness,
  removeTeamMember,
  setTeamTargets,
} from './teams.service';
import { Authorization, AuthorizationStatus, Team, TeamMembership } from './team.entity';
import { toView, ViolationView } from './violation';
import { withdrawnBeforeStationing } from './rules/lifecycle';

@ObjectType()
export class RecordReadinessPayload {
  @Field(() => Person) person!: Person;
}

const present = <T>(xs: (T | null | Error)[]): T[] => xs.filter((x): x is T => x != null && !(x instanceof Error));

export const RoundOrder = OrderInput<RoundOrderField>(
  'RoundOrder',
  {
    START_DATE: 'The start of the stationing period (the default order, ascending).',
    YEAR: 'Year, then ordinal within the year.',
    CREATED: 'When the round was planned.',
  },
  'How `rounds` is sorted; rounds equal in the field keep the order they were planned in.',
);

@Resolver(() => Round)
export class RoundResolver {
  @Query(() => Round, { nullable: true })
  round(@Arg('id', () => ID) id: string, @Context() ctx: Ctx) {
    return requireReadableRound(ctx, id);
  }

  @Query(() => RoundConnection, { description: 'Rounds of a region and its subtree; by default by start date, earliest first.' })
  rounds(
    @Arg('filter') filter: RoundFilter,
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('orderBy', () => RoundOrder, { nullable: true, description: 'START_DATE (default), YEAR or CREATED, ascending unless DESC; a cursor of another order is refused.' })
    orderBy: InstanceType<typeof RoundOrder> | null,
    @Context() ctx: Ctx,
  ) {
    return listRounds(ctx, filter, { first, after }, orderBy);
  }

  @Query(() => Coverage, { description: "Units of a region's subtree inspected by rounds whose period overlaps [from, to]." })
  coverage(
    @Arg('regionId', () => ID) regionId: string,
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
    @Context() ctx: Ctx,
  ) {
    return coverage(ctx, { regionId, from, to });
  }

  @Mutation(() => CreateRoundPayload)
  async createRound(@Arg('input') input: CreateRoundInput, @Context() ctx: Ctx): Promise<CreateRoundPayload> {
    return { round: await createRound(ctx, input as Parameters<typeof createRound>[1]) };
  }

  @Mutation(() => AdvanceRoundPayload)
  async advanceRound(@Arg('input') input: AdvanceRoundInput, @Context() ctx: Ctx): Promise<AdvanceRoundPayload> {
    const { round, violations } = await advanceRound(ctx, input);
    return { round, violations: violations.map(toView) };
  }

  @FieldResolver(() => Region)
  region(@Root() round: Round, @Context() ctx: Ctx) {
    return regionLoader(ctx).load(round.regionId);
  }

  @FieldResolver(() => TeamRules)
  rules(@Root() round: Round): TeamRules {
    return rulesOf(round) as TeamRules;
  }

  @FieldResolver(() => [Team], { description: 'The teams the account may see (all of them for the office roles).' })
  teams(@Root() round: Round, @Context() ctx: Ctx) {
    return teamsOfRound(ctx).load(round.id);
  }

  @FieldResolver(() => Round, { nullable: true, description: 'The round a look-back round follows up.' })
  followsRound(@Root() round: Round, @Context() ctx: Ctx) {
    return round.followsRoundId ? roundLoader(ctx).load(round.followsRoundId) : null;
  }
}

@Resolver(() => Team)
export class TeamResolver {
  @Query(() => Team, { nullable: true })
  team(@Arg('id', () => ID) id: string, @Context() ctx: Ctx) {
    return requireReadableTeam(ctx, id);
  }

  @Mutation(() => CreateTeamPayload)
  async createTeam(@Arg('input') input: CreateTeamInput, @Context() ctx: Ctx): Promise<CreateTeamPayload> {
    return { team: await createTeam(ctx, input) };
  }

  @Mutation(() => SetTeamTargetsPayload)
  async setTeamTargets(@Arg('input') input: SetTeamTargetsInput, @Context() ctx: Ctx): Promise<SetTeamTargetsPayload> {
    return { team: await setTeamTargets(ctx, input) };
  }

  @Mutation(() => AssignTeamMemberPayload)
  async assignTeamMember(@Arg('input') input: AssignTeamMemberInput, @Context() ctx: Ctx): Promise<AssignTeamMemberPayload> {
    const { membership, violations } = await assignTeamMember(ctx, input);
    return { membership, violations: violations.map(toView) };
  }

  @Mutation(() => RemoveTeamMemberPayload)
  async removeTeamMember(@Arg('input') input: RemoveTeamMemberInput, @Context() ctx: Ctx): Promise<RemoveTeamMemberPayload> {
    return { membership: await removeTeamMember(ctx, input) };
  }

  @Mutation(() => AuthorizeTeamLeaderPayload)
  async authorizeTeamLeader(@Arg('input') input: AuthorizeTeamLeaderInput, @Context() ctx: Ctx): Promise<AuthorizeTeamLeaderPayload> {
    return { authorization: await authorizeTeamLeader(ctx, input) };
  }

  @Mutation(() => EvaluateMemberPayload)
  async evaluateMember(@Arg('input') input: EvaluateMemberInput, @Context() ctx: Ctx): Promise<EvaluateMemberPayload> {
    return { membership: await evaluateMember(ctx, input) };
  }

  @Mutation(() => RecordReadinessPayload)
  async recordReadiness(@Arg('input') input: RecordReadinessInput, @Context() ctx: Ctx): Promise<RecordReadinessPayload> {
    return { person: await recordReadiness(ctx, input) };
  }

  @FieldResolver(() => Round)
  round(@Root() team: Team, @Context() ctx: Ctx) {
    return roundLoader(ctx).load(team.roundId);
  }

  @FieldResolver(() => [Unit])
  async targets(@Root() team: Team, @Context() ctx: Ctx) {
    const ids = (await compositionOfRound(ctx).load(team.roundId)).targets.filter((t) => t.teamId === team.id).map((t) => t.unitId);
    return present(await unitLoader(ctx).loadMany(ids));
  }

  @FieldResolver(() => [TeamMembership], { description: 'Current members (not removed).' })
  async members(@Root() team: Team, @Context() ctx: Ctx) {
    return (await compositionOfRound(ctx).load(team.roundId)).memberships.filter((m) => m.teamId === team.id && m.leftOn === null);
  }

  @FieldResolver(() => [TeamMembership], { description: 'Everyone who was ever on the team, removed members included.' })
  async memberHistory(@Root() team: Team, @Context() ctx: Ctx) {
    return (await compositionOfRound(ctx).load(team.roundId)).memberships.filter((m) => m.teamId === team.id);
  }

  @FieldResolver(() => Authorization, { nullable: true, description: "The leader's authorization for this round, if any (the latest one)." })
  async authorization(@Root() team: Team, @Context() ctx: Ctx) {
    const mine = (await compositionOfRound(ctx).load(team.roundId)).authorizations.filter((a) => a.teamId === team.id);
    return mine.find((a) => a.status === AuthorizationStatus.ACTIVE) ?? mine[mine.length - 1] ?? null;
  }

  @FieldResolver(() => [Authorization], { description: 'Every authorization of the team, oldest first.' })
  async authorizations(@Root() team: Team, @Context() ctx: Ctx) {
    return (await compositionOfRound(ctx).load(team.roundId)).authorizations.filter((a) => a.teamId === team.id);
  }

  @FieldResolver(() => [ViolationView], { description: 'Every rule this team breaks now, hard and soft.' })
  async violations(@Root() team: Team, @Context() ctx: Ctx) {
    return ((await violationsOfRound(ctx).load(team.roundId)).get(team.id) ?? []).map(toView);
  }
}

@Resolver(() => TeamMembership)
export class TeamMembershipResolver {
  @FieldResolver(() => Team)
  team(@Root() m: TeamMembership, @Context() ctx: Ctx) {
    return teamLoader(ctx).load(m.teamId);
  }

  @FieldResolver(() => Person)
  person(@Root() m: TeamMembership, @Context() ctx: Ctx) {
    return rowNow(personLoader(ctx), m.personId);
  }

  @FieldResolver(() => Evaluation, { nullable: true, description: 'The latest evaluation.' })
  async evaluation(@Root() m: TeamMembership, @Context() ctx: Ctx) {
    const all = await evaluationsOf(ctx).load(m.id);
    return all[all.length - 1] ?? null;
  }

  @FieldResolver(() => Boolean, {
    description: 'Taken off before the round started (withdrawn before stationing): joined and left that day, and counts as no round served.',
  })
  async withdrawnBeforeStationing(@Root() m: TeamMembership, @Context() ctx: Ctx) {
    const round = await roundLoader(ctx).load(m.roundId);
    return !!round && withdrawnBeforeStationing(m, round.startsOn);
  }

  @FieldResolver(() => [ReadinessRecord], { description: "The member's training and pledges recorded for the round." })
  async readiness(@Root() m: TeamMembership, @Context() ctx: Ctx) {
    return (await readinessOfRound(ctx).load(m.roundId)).filter((r) => r.personId === m.personId);
  }
}

@Resolver(() => Authorization)
export class AuthorizationResolver {
  @FieldResolver(() => Team)
  team(@Root() a: Authorization, @Context() ctx: Ctx) {
    return teamLoader(ctx).load(a.teamId);
  }

  @FieldResolver(() => Person)
  person(@Root() a: Authorization, @Context() ctx: Ctx) {
    return personLoader(ctx).load(a.personId);
  }
}

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @FieldResolver(() => Account)
  evaluatedBy(@Root() e: Evaluation, @Context() ctx: Ctx) {
    return byId(ctx, Account).load(e.evaluatedById);
  }
}

@Resolver(() => ViolationView)
export class ViolationResolver {
  @FieldResolver(() => String)
  message(@Root() v: ViolationView, @Context() ctx: Ctx) {
    return localize(v.text, ctx.locale);
  }

  @FieldResolver(() => Person, { nullable: true })
  person(@Root() v: ViolationView, @Context() ctx: Ctx) {
    return v.personId ? rowNow(personLoader(ctx), v.personId) : null;
  }

  @FieldResolver(() => Unit, { nullable: true })
  unit(@Root() v: ViolationView, @Context() ctx: Ctx) {
    return v.unitId ? rowNow(unitLoader(ctx), v.unitId) : null;
  }

  /** Read through the team loader; the team guard hides a team the account may not read. */
  @FieldResolver(() => Team, { nullable: true, description: 'The team the violation belongs to, where it belongs to one.' })
  team(@Root() v: ViolationView, @Context() ctx: Ctx) {
    return v.teamId ? teamLoader(ctx).load(v.teamId) : null;
  }
}

@Resolver(() => Person)
export class PersonRoundsResolver {
  @FieldResolver(() => [TeamMembership], { description: 'Every team this person was on, oldest first.' })
  teamHistory(@Root() p: Person, @Context() ctx: Ctx) {
    return membershipsOfPerson(ctx).load(p.id);
  }
}
