import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Entity, Index } from 'typeorm';
import { BoolColumn, DecimalColumn, EnumColumn, Identified, InstantColumn, IntColumn, JsonColumn, RefColumn } from '../db/columns';
import type { Fingerprint } from './rules/fingerprint';
import type { ProposalData, ProposalStatusName } from './rules/proposal';

export const ProposalStatus = { OPTIMAL: 'OPTIMAL', FEASIBLE: 'FEASIBLE', INFEASIBLE: 'INFEASIBLE' } as const;
registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'OPTIMAL: proven least cost; FEASIBLE: the best found within the time limit; INFEASIBLE: the team rules cannot all be met (see obstacles).',
});

/**
 * A composition proposed for some teams of a round, kept with the fingerprint of what it was
 * made from (round, teams, memberships, pools, people) so that `stale` can be told on reading.
 */
@ObjectType('CompositionProposal', { description: 'A composition of some teams of a round, proposed by the solver, with its cost and its reasons.' })
@Entity('composition_proposals')
@Index(['roundId'])
export class CompositionProposal extends Identified {
  @RefColumn({ name: 'round_id' }) roundId!: string;
  @Field(() => ProposalStatus) @EnumColumn() status!: ProposalStatusName;
  @Field(() => Int, { description: 'Time spent in the solver, in milliseconds.' }) @IntColumn({ name: 'solve_millis' }) solveMillis!: number;
  @BoolColumn({ name: 'keep_current_members', default: true }) keepCurrentMembers!: boolean;
  /** The teams composed, in order. */
  @JsonColumn({ name: 'team_ids' }) teamIds!: string[];
  @JsonColumn() fingerprint!: Fingerprint;
  /** Teams, costs and obstacles (texts in both languages). */
  @JsonColumn() result!: ProposalData;
  @RefColumn({ name: 'created_by' }) createdBy!: string;
  @Field(() => Date) @InstantColumn({ name: 'created_at' }) createdAt!: Date;
}

/** A region's own weights of the composition's soft-cost model. */
@Entity('composition_weights')
export class CompositionWeightsRow extends Identified {
  @Index({ unique: true }) @RefColumn({ name: 'region_id' }) regionId!: string;
  @DecimalColumn({ name: 'soft_avoidance' }) softAvoidance!: number;
  @DecimalColumn({ name: 'repeat_target' }) repeatTarget!: number;
  @DecimalColumn({ name: 'experience_mix' }) experienceMix!: number;
  @DecimalColumn({ name: 'leave_overlap' }) leaveOverlap!: number;
  @DecimalColumn({ name: 'leader_not_rotated' }) leaderNotRotated!: number;
  @DecimalColumn({ name: 'rotation_per_round' }) rotationPerRound!: number;
  @DecimalColumn({ name: 'newly_promoted' }) newlyPromoted!: number;
  @RefColumn({ name: 'updated_by' }) updatedBy!: string;
  @InstantColumn({ name: 'updated_at' }) updatedAt!: Date;
}
