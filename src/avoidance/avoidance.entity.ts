import { Field, ObjectType } from 'type-graphql';
import { Entity, Index } from 'typeorm';
import { BoolColumn, EnumColumn, Identified, InstantColumn, IntColumn, RefColumn, StringColumn } from '../db/columns';
import type { AvoidanceRuleName, SeverityName } from './rules/model';

/** An avoidance declared for a person, a unit and a round (回避申请); a hard finding (rule 6). */
@ObjectType({ description: 'An avoidance declared for a person, a unit and a round (回避申请).' })
@Entity('avoidance_declarations')
@Index('uq_avoidance_declarations_active', ['personId', 'unitId', 'activeRoundId'], { unique: true })
@Index(['roundId'])
export class AvoidanceDeclaration extends Identified {
  @RefColumn({ name: 'person_id' }) personId!: string;
  @RefColumn({ name: 'unit_id' }) unitId!: string;
  @RefColumn({ name: 'round_id' }) roundId!: string;
  @Field() @StringColumn(500) reason!: string;
  @RefColumn({ name: 'declared_by' }) declaredBy!: string;
  @Field(() => Date) @InstantColumn({ name: 'declared_at' }) declaredAt!: Date;
  /** The round while the declaration is in force, null once withdrawn (unique with person and unit). */
  @RefColumn({ nullable: true, name: 'active_round_id' }) activeRoundId!: string | null;
  @Field(() => Date, { nullable: true, description: 'Set once the declaration is withdrawn; it is kept, no longer in force.' })
  @InstantColumn({ nullable: true, name: 'withdrawn_at' })
  withdrawnAt!: Date | null;
  @RefColumn({ nullable: true, name: 'withdrawn_by' }) withdrawnBy!: string | null;
  @Field(() => String, { nullable: true }) @StringColumn(500, { nullable: true, name: 'withdrawal_reason' }) withdrawalReason!: string | null;
}

/**
 * The office director's waiver of one hard finding (one rule) of a person for a unit in a round:
 * the finding still shows, marked waived, and no longer refuses the assignment.
 */
@ObjectType({ description: 'A waiver of one hard avoidance finding of a person for a unit in a round.' })
@Entity('avoidance_waivers')
@Index('uq_avoidance_waivers_active', ['personId', 'unitId', 'activeRoundId', 'rule'], { unique: true })
@Index(['roundId'])
export class AvoidanceWaiver extends Identified {
  @RefColumn({ name: 'person_id' }) personId!: string;
  @RefColumn({ name: 'unit_id' }) unitId!: string;
  @RefColumn({ name: 'round_id' }) roundId!: string;
  @EnumColumn() rule!: AvoidanceRuleName;
  @Field() @StringColumn(500) reason!: string;
  @RefColumn({ name: 'approved_by' }) approvedBy!: string;
  @Field(() => Date) @InstantColumn({ name: 'approved_at' }) approvedAt!: Date;
  /** The round while the waiver is in force, null once revoked (unique with person, unit and rule). */
  @RefColumn({ nullable: true, name: 'active_round_id' }) activeRoundId!: string | null;
  @Field(() => Date, { nullable: true, description: 'Set once the waiver is revoked; it is kept, no longer in force.' })
  @InstantColumn({ nullable: true, name: 'revoked_at' })
  revokedAt!: Date | null;
  @RefColumn({ nullable: true, name: 'revoked_by' }) revokedBy!: string | null;
  @Field(() => String, { nullable: true }) @StringColumn(500, { nullable: true, name: 'revocation_reason' }) revocationReason!: string | null;
}

/** A region's own avoidance windows; its rule settings are in avoidance_rule_settings. */
@Entity('avoidance_settings')
export class AvoidanceSettingsRow extends Identified {
  @Index({ unique: true }) @RefColumn({ name: 'region_id' }) regionId!: string;
  @IntColumn({ name: 'former_employer_years' }) formerEmployerYears!: number;
  @IntColumn({ name: 'long_tenure_years' }) longTenureYears!: number;
  @IntColumn({ name: 'superior_subordinate_years' }) superiorSubordinateYears!: number;
  @IntColumn({ name: 'repeat_years' }) repeatYears!: number;
  @BoolColumn({ name: 'hometown_county_all_rounds' }) hometownCountyAllRounds!: boolean;
  @RefColumn({ name: 'updated_by' }) updatedBy!: string;
  @InstantColumn({ name: 'updated_at' }) updatedAt!: Date;
}

/** Whether one rule is on in a region, and its severities. */
@Entity('avoidance_rule_settings')
@Index(['regionId', 'rule'], { unique: true })
export class AvoidanceRuleSettingRow extends Identified {
  @RefColumn({ name: 'region_id' }) regionId!: string;
  @EnumColumn() rule!: AvoidanceRuleName;
  @BoolColumn() enabled!: boolean;
  @EnumColumn() severity!: SeverityName;
  @EnumColumn({ name: 'member_severity' }) memberSeverity!: SeverityName;
}
