import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Entity, Index } from 'typeorm';
import { DateColumn, EnumColumn, Identified, InstantColumn, IntColumn, JsonColumn, RefColumn, StringColumn } from '../db/columns';
import { LocalDateScalar } from '../common/scalars';
import { enumOf, ROUND_KINDS, ROUND_STATUSES } from '../common/vocabulary';

export const RoundKind = enumOf(ROUND_KINDS);
export type RoundKind = (typeof RoundKind)[keyof typeof RoundKind];
registerEnumType(RoundKind, { name: 'RoundKind' });

export const RoundStatus = enumOf(ROUND_STATUSES);
export type RoundStatus = (typeof RoundStatus)[keyof typeof RoundStatus];
registerEnumType(RoundStatus, {
  name: 'RoundStatus',
  valuesConfig: { CANCELLED: { description: 'Called off before stationing; kept with its reason, its authorizations ended.' } },
});

/** The team rules of a round, with the defaults of the domain. */
export interface TeamRulesData {
  minSize: number;
  maxSize: number;
  minDeputies: number;
  maxDeputies: number;
  maxTargets: number;
  rankFloor: string;
  minFullTime: number;
  requiredSpecialtiesAnyOf: string[];
  maxLeaveShare?: number;
}

@ObjectType({ description: 'A round of inspection (轮次) in a region.' })
@Entity('rounds')
@Index(['regionId', 'year', 'ordinal'], { unique: true })
@Index(['startsOn', 'endsOn'])
export class Round extends Identified {
  @RefColumn({ name: 'region_id' }) regionId!: string;
  @Field(() => Int) @IntColumn() year!: number;
  @Field(() => Int) @IntColumn() ordinal!: number;
  @Field() @StringColumn(200) name!: string;
  @Field(() => RoundKind) @EnumColumn() kind!: RoundKind;
  @Field(() => String, { nullable: true }) @StringColumn(200, { nullable: true }) theme!: string | null;
  @Field(() => RoundStatus) @EnumColumn() status!: RoundStatus;
  @Field(() => LocalDateScalar) @DateColumn({ name: 'starts_on' }) startsOn!: string;
  @Field(() => LocalDateScalar) @DateColumn({ name: 'ends_on' }) endsOn!: string;
  @RefColumn({ nullable: true, name: 'follows_round_id' }) followsRoundId!: string | null;
  @JsonColumn() rules!: TeamRulesData;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the round was called off (CANCELLED).' })
  @DateColumn({ nullable: true, name: 'cancelled_on' })
  cancelledOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the round was called off (CANCELLED).' })
  @StringColumn(500, { nullable: true, name: 'cancel_reason' })
  cancelReason!: string | null;
  @InstantColumn({ name: 'created_at' }) createdAt!: Date;
}
