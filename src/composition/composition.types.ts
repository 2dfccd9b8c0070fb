import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/pagination';
import type { RuleCode } from '../common/vocabulary';
import { Rule } from '../graphql/enums';
import { Region } from '../regions/region.entity';
import { Round } from '../rounds/round.entity';
import { TeamMembership, TeamRole } from '../rounds/team.entity';
import { ViolationView } from '../rounds/violation';
import { CompositionProposal } from './composition.entity';

@ObjectType({ description: 'What a filter leaves out, counted per rule.' })
export class RuleCount {
  @Field(() => Rule) rule!: RuleCode;
  @Field(() => Int) count!: number;
}

@InputType()
export class CandidateFilter {
  @Field(() => ID) teamId!: string;
  @Field(() => TeamRole) role!: TeamRole;
  @Field(() => String, { nullable: true, description: 'Only people with this specialty code.' }) specialty?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Also list the people a hard rule keeps off this slot, after the eligible ones (default false).' })
  includeIneligible?: boolean | null;
}

@ObjectType({ description: 'One person who could take a role on a team, judged now by the same rules as assignment.' })
export class Candidate {
  personId!: string;
  // person: field resolver
  @Field(() => TeamRole) role!: TeamRole;
  @Field() eligible!: boolean;
  @Field(() => [ViolationView], { description: 'The hard rules that keep the person off this slot (empty when eligible).' }) refusals!: ViolationView[];
  @Field(() => [ViolationView], { description: 'The soft findings and cost terms the person would bring to the team.' }) concerns!: ViolationView[];
  @Field(() => [Rule], { description: 'Hard team rules broken now that adding the person would satisfy (e.g. REQUIRED_SPECIALTY).' }) fixes!: RuleCode[];
  @Field(() => Float, { nullable: true, description: "The team's soft cost with the person minus without (lower is better); null when not eligible." })
  costDelta!: number | null;
}

@ObjectType()
export class CandidateEdge {
  @Field() cursor!: string;
  @Field(() => Candidate) node!: Candidate;
}

@ObjectType({ description: 'Eligible candidates first, then by costDelta. The whole list is judged, then a page is cut from it.' })
export class CandidateConnection {
  @Field(() => Int) totalCount!: number;
  @Field(() => [CandidateEdge]) edges!: CandidateEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => [RuleCount]) excludedByRule!: RuleCount[];
}

@InputType()
export class ProposeCompositionInput {
  @Field(() => ID) roundId!: string;
  @Field(() => [ID], { nullable: true, description: 'The teams to fill; every team of the round when left out.' }) teamIds?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: "Keep today's members (default true); false lets the proposal replace them." })
  keepCurrentMembers?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Stop after this many seconds with the best composition found (default 10, at most 60).' })
  timeLimitSeconds?: number | null;
}

@ObjectType()
export class ProposeCompositionPayload {
  @Field(() => CompositionProposal) proposal!: CompositionProposal;
}

@ObjectType({ description: 'One member of a proposed team.' })
export class ProposedMember {
  personId!: string;
  // person: field resolver
  @Field(() => TeamRole) role!: TeamRole;
  @Field({ description: 'Already on the team rather than newly proposed.' }) kept!: boolean;
}

@ObjectType({ description: 'A team as the proposal would compose it.' })
export class ProposedTeam {
  teamId!: string;
  // team: field resolver
  @Field(() => [ProposedMember]) members!: ProposedMember[];
  @Field(() => [ViolationView], { description: 'The soft findings and cost terms of the team.' }) concerns!: ViolationView[];
  @Field(() => Float) cost!: number;
}

@ObjectType({ description: 'The cost of one rule summed over a proposal.' })
export class CostTerm {
  @Field(() => Rule) rule!: RuleCode;
  @Field(() => Int) count!: number;
  @Field(() => Float) cost!: number;
}

@ObjectType({ description: 'A hard rule that cannot be met, for a team or for the round, and why.' })
export class CompositionObstacle {
  @Field(() => Rule) rule!: RuleCode;
  teamId!: string | null;
  // team, people: field resolvers
  @Field({ description: 'In words a clerk understands, naming the people concerned and why each is out.' }) explanation!: string;
  personIds!: string[];
}

@InputType()
export class ApplyCompositionInput {
  @Field(() => ID) proposalId!: string;
}

@ObjectType()
export class ApplyCompositionPayload {
  @Field(() => Round) round!: Round;
  @Field(() => [TeamMembership], { description: 'The memberships written, one for each newly proposed member.' }) memberships!: TeamMembership[];
}

@ObjectType({ description: "The weights of the composition's soft-cost model in force for a region: its own, else its nearest ancestor's, else the defaults." })
export class CompositionWeights {
  @Field(() => Region) region!: Region;
  @Field(() => Region, { nullable: true, description: 'The region whose weights these are; null when they are the defaults.' }) definedIn!: Region | null;
  @Field(() => Float, { description: 'Each unwaived soft avoidance finding against a target of the team [10].' }) softAvoidance!: number;
  @Field(() => Float, { description: 'Each REPEAT_TARGET finding: the person or the leader inspected the unit before [20].' }) repeatTarget!: number;
  @Field(() => Float, { description: 'A team without both experienced and new members (EXPERIENCE_MIX) [15].' }) experienceMix!: number;
  @Field(() => Float, { description: 'A member on leave above the round\'s share of its working days (LEAVE_OVERLAP) [20].' }) leaveOverlap!: number;
  @Field(() => Float, { description: "A leader who led a team in the region's previous round (LEADER_NOT_ROTATED) [30]." }) leaderNotRotated!: number;
  @Field(() => Float, { description: 'Each round served in the last three years (ROTATION_FAIRNESS) [4].' }) rotationPerRound!: number;
  @Field(() => Float, { description: 'Taken off for a newly promoted cadre who has not served yet (NEWLY_PROMOTED) [6].' }) newlyPromoted!: number;
}

@InputType({ description: "Sets a region's own weights; what is left out keeps the value now in force." })
export class SetCompositionWeightsInput {
  @Field(() => ID) regionId!: string;
  @Field(() => Float, { nullable: true }) softAvoidance?: number | null;
  @Field(() => Float, { nullable: true }) repeatTarget?: number | null;
  @Field(() => Float, { nullable: true }) experienceMix?: number | null;
  @Field(() => Float, { nullable: true }) leaveOverlap?: number | null;
  @Field(() => Float, { nullable: true }) leaderNotRotated?: number | null;
  @Field(() => Float, { nullable: true }) rotationPerRound?: number | null;
  @Field(() => Float, { nullable: true }) newlyPromoted?: number | null;
}

@ObjectType()
export class SetCompositionWeightsPayload {
  @Field(() => CompositionWeights) weights!: CompositionWeights;
}
