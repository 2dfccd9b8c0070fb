import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Entity, Index } from 'typeorm';
import { DateColumn, EnumColumn, Identified, InstantColumn, RefColumn, StringColumn } from '../db/columns';
import { LocalDateScalar } from '../common/scalars';
import { AUTHORIZATION_STATUSES } from './rules/types';
import { enumOf, TEAM_ROLES } from '../common/vocabulary';

export const TeamRole = enumOf(TEAM_ROLES);
export type TeamRole = (typeof TeamRole)[keyof typeof TeamRole];
registerEnumType(TeamRole, { name: 'TeamRole' });

export const AuthorizationStatus = enumOf(AUTHORIZATION_STATUSES);
export type AuthorizationStatus = (typeof AuthorizationStatus)[keyof typeof AuthorizationStatus];
registerEnumType(AuthorizationStatus, { name: 'AuthorizationStatus' });

@ObjectType({ description: 'An inspection team (巡察组), composed afresh for one round.' })
@Entity('teams')
@Index(['roundId', 'name'], { unique: true })
export class Team extends Identified {
  @RefColumn({ name: 'round_id' }) roundId!: string;
  @Field() @StringColumn(100) name!: string;
  @InstantColumn({ name: 'created_at' }) createdAt!: Date;
}

/** A unit a team inspects in its round. */
@Entity('team_targets')
@Index(['teamId', 'unitId'], { unique: true })
@Index(['unitId'])
export class TeamTarget extends Identified {
  @RefColumn({ name: 'team_id' }) teamId!: string;
  @RefColumn({ name: 'round_id' }) roundId!: string;
  @RefColumn({ name: 'unit_id' }) unitId!: string;
}

/** A person on a team, from joinedOn to leftOn (null while on the team). Never deleted. */
@ObjectType()
@Entity('team_memberships')
@Index(['personId', 'roundId'])
@Index(['teamId'])
@Index('uq_team_memberships_current', ['personId', 'currentRoundId'], { unique: true })
export class TeamMembership extends Identified {
  @RefColumn({ name: 'team_id' }) teamId!: string;
  @RefColumn({ name: 'round_id' }) roundId!: string;
  @RefColumn({ name: 'person_id' }) personId!: string;
  @Field(() => TeamRole) @EnumColumn() role!: TeamRole;
  @Field(() => LocalDateScalar) @DateColumn({ name: 'joined_on' }) joinedOn!: string;
  @Field(() => LocalDateScalar, { nullable: true }) @DateColumn({ nullable: true, name: 'left_on' }) leftOn!: string | null;
  @Field(() => String, { nullable: true }) @StringColumn(500, { nullable: true, name: 'left_reason' }) leftReason!: string | null;
  /** The round while the membership is current, null once removed (unique with the person). */
  @RefColumn({ nullable: true, name: 'current_round_id' }) currentRoundId!: string | null;
  @InstantColumn({ name: 'created_at' }) createdAt!: Date;
}

/** The Party committee's authorization of a team's leader for one round (一次一授权). */
@ObjectType()
@Entity('authorizations')
@Index(['teamId', 'status'])
@Index('uq_authorizations_active_team', ['activeTeamId'], { unique: true })
export class Authorization extends Identified {
  @RefColumn({ name: 'round_id' }) roundId!: string;
  @RefColumn({ name: 'team_id' }) teamId!: string;
  @RefColumn({ name: 'person_id' }) personId!: string;
  @Field() @StringColumn(100, { name: 'document_no' }) documentNo!: string;
  @Field(() => LocalDateScalar) @DateColumn({ name: 'authorized_on' }) authorizedOn!: string;
  @Field() @StringColumn(200, { name: 'authorized_by' }) authorizedBy!: string;
  @Field(() => AuthorizationStatus) @EnumColumn() status!: AuthorizationStatus;
  @DateColumn({ nullable: true, name: 'ended_on' }) endedOn!: string | null;
  /** The team while ACTIVE, null once revoked or ended (unique: one ACTIVE authorization per team). */
  @RefColumn({ nullable: true, name: 'active_team_id' }) activeTeamId!: string | null;
  @InstantColumn({ name: 'created_at' }) createdAt!: Date;
}
