import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../common/pagination';
import { LocalDateScalar } from '../common/scalars';
import { Rank } from '../people/person.entity';
import { Unit } from '../units/unit.entity';
import { EvaluationGrade, ReadinessKind } from './record.entity';
import { Round, RoundKind, RoundStatus } from './round.entity';
import { Authorization, Team, TeamMembership, TeamRole } from './team.entity';
import { ViolationView } from './violation';

@ObjectType({ description: 'The team rules of a round (defaults of DOMAIN.md, overridable per round).' })
export class TeamRules {
  @Field(() => Int) minSize!: number;
  @Field(() => Int) maxSize!: number;
  @Field(() => Int) minDeputies!: number;
  @Field(() => Int) maxDeputies!: number;
  @Field(() => Int) maxTargets!: number;
  @Field(() => Rank) rankFloor!: Rank;
  @Field(() => Int) minFullTime!: number;
  @Field(() => [String]) requiredSpecialtiesAnyOf!: string[];
  @Field(() => Float, { description: 'LEAVE_OVERLAP is reported above this share of the working days (0.2 = 20%).' })
  maxLeaveShare!: number;
}

@InputType()
export class TeamRulesInput {
  @Field(() => Int, { nullable: true }) minSize?: number | null;
  @Field(() => Int, { nullable: true }) maxSize?: number | null;
  @Field(() => Int, { nullable: true }) minDeputies?: number | null;
  @Field(() => Int, { nullable: true }) maxDeputies?: number | null;
  @Field(() => Int, { nullable: true }) maxTargets?: number | null;
  @Field(() => Rank, { nullable: true }) rankFloor?: Rank | null;
  @Field(() => Int, { nullable: true }) minFullTime?: number | null;
  @Field(() => [String], { nullable: true }) requiredSpecialtiesAnyOf?: string[] | null;
  @Field(() => Float, { nullable: true }) maxLeaveShare?: number | null;
}

@InputType()
export class CreateRoundInput {
  @Field(() => ID) regionId!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int) ordinal!: number;
  @Field(() => RoundKind) kind!: RoundKind;
  @Field(() => String, { nullable: true }) theme?: string | null;
  @Field(() => LocalDateScalar) startsOn!: string;
  @Field(() => LocalDateScalar) endsOn!: string;
  @Field(() => ID, { nullable: true }) followsRoundId?: string | null;
  @Field(() => TeamRulesInput, { nullable: true }) rules?: TeamRulesInput | null;
}
@ObjectType()
export class CreateRoundPayload {
  @Field(() => Round) round!: Round;
}

@InputType()
export class RoundFilter {
  @Field(() => ID) regionId!: string;
  @Field(() => Int, { nullable: true }) year?: number | null;
  @Field(() => RoundStatus, { nullable: true }) status?: RoundStatus | null;
}
export const RoundConnection = Connection(Round, 'Round');

@InputType()
export class AdvanceRoundInput {
  @Field(() => ID) roundId!: string;
  @Field(() => RoundStatus) to!: RoundStatus;
}
@ObjectType({ description: 'When the move is refused, round keeps its status and violations says why.' })
export class AdvanceRoundPayload {
  @Field(() => Round) round!: Round;
  @Field(() => [ViolationView]) violations!: ViolationView[];
}

@InputType()
export class CreateTeamInput {
  @Field(() => ID) roundId!: string;
  @Field() name!: string;
  @Field(() => [ID]) targetUnitIds!: string[];
}
@ObjectType()
export class CreateTeamPayload {
  @Field(() => Team) team!: Team;
}

@InputType()
export class SetTeamTargetsInput {
  @Field(() => ID) teamId!: string;
  @Field(() => [ID]) targetUnitIds!: string[];
}
@ObjectType()
export class SetTeamTargetsPayload {
  @Field(() => Team) team!: Team;
}

@InputType()
export class AssignTeamMemberInput {
  @Field(() => ID) teamId!: string;
  @Field(() => ID) personId!: string;
  @Field(() => TeamRole) role!: TeamRole;
}
@ObjectType({
  description:
    'membership is null when a hard rule refused the assignment; nothing was written then.\nviolations lists the hard rules that refused it, or the soft ones it was made with.',
})
export class AssignTeamMemberPayload {
  @Field(() => TeamMembership, { nullable: true }) membership!: TeamMembership | null;
  @Field(() => [ViolationView]) violations!: ViolationView[];
}

@InputType()
export class RemoveTeamMemberInput {
  @Field(() => ID) membershipId!: string;
  @Field() reason!: string;
}
@ObjectType()
export class RemoveTeamMemberPayload {
  @Field(() => TeamMembership) membership!: TeamMembership;
}

@InputType()
export class AuthorizeTeamLeaderInput {
  @Field(() => ID) teamId!: string;
  @Field() documentNo!: string;
  @Field(() => LocalDateScalar) authorizedOn!: string;
  @Field() authorizedBy!: string;
}
@ObjectType()
export class AuthorizeTeamLeaderPayload {
  @Field(() => Authorization) authorization!: Authorization;
}

@InputType()
export class EvaluateMemberInput {
  @Field(() => ID) membershipId!: string;
  @Field(() => EvaluationGrade) grade!: EvaluationGrade;
  @Field(() => String, { nullable: true }) comment?: string | null;
}
@ObjectType()
export class EvaluateMemberPayload {
  @Field(() => TeamMembership) membership!: TeamMembership;
}

@InputType()
export class RecordReadinessInput {
  @Field(() => ID) personId!: string;
  @Field(() => ID) roundId!: string;
  @Field(() => ReadinessKind) kind!: ReadinessKind;
  @Field(() => LocalDateScalar) completedOn!: string;
}

@ObjectType()
export class Coverage {
  @Field(() => Int) totalUnits!: number;
  @Field(() => Int) inspectedUnits!: number;
  @Field(() => [Unit]) notInspected!: Unit[];
}

@InputType({ description: 'Changes a round\'s theme or dates while PLANNING or AUTHORIZED, or brings its end forward (not before today) while STATIONED; only the fields given change.' })
export class UpdateRoundInput {
  @Field(() => ID) roundId!: string;
  @Field(() => String, { nullable: true }) theme?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) startsOn?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) endsOn?: string | null;
}
@ObjectType()
export class UpdateRoundPayload {
  @Field(() => Round) round!: Round;
}

@InputType()
export class CancelRoundInput {
  @Field(() => ID) roundId!: string;
  @Field() reason!: string;
}
@ObjectType()
export class CancelRoundPayload {
  @Field(() => Round) round!: Round;
}
