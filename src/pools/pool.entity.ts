import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Entity, Index } from 'typeorm';
import { EnumColumn, Identified, InstantColumn, IntColumn, RefColumn, StringColumn } from '../db/columns';
import { POOL_ENTRY_STATUSES, POOL_KINDS } from './rules/pool-entry';
import { enumOf } from '../common/vocabulary';

export const PoolKind = enumOf(POOL_KINDS);
export type PoolKind = (typeof PoolKind)[keyof typeof PoolKind];
registerEnumType(PoolKind, { name: 'PoolKind' });

export const PoolEntryStatus = enumOf(POOL_ENTRY_STATUSES);
export type PoolEntryStatus = (typeof PoolEntryStatus)[keyof typeof PoolEntryStatus];
registerEnumType(PoolEntryStatus, { name: 'PoolEntryStatus' });

/** A specialty (专业) of the reference list; administrators add more. */
@ObjectType()
@Entity('specialties')
export class Specialty extends Identified {
  @Field() @Index({ unique: true }) @StringColumn(32) code!: string;
  /** Chinese name; the GraphQL `name` is in the request's language. */
  @StringColumn(50, { name: 'name' }) nameZh!: string;
  @StringColumn(100, { name: 'name_en' }) nameEn!: string;
  @IntColumn({ name: 'sort_order' }) sortOrder!: number;
}

/** A person's place in one pool of one region (人才库条目). Never deleted. */
@ObjectType()
@Entity('pool_entries')
@Index(['personId', 'pool', 'regionId'], { unique: true })
@Index(['regionId', 'pool', 'status'])
export class PoolEntry extends Identified {
  @RefColumn({ name: 'person_id' }) personId!: string;
  @RefColumn({ name: 'region_id' }) regionId!: string;
  @Field(() => PoolKind) @EnumColumn() pool!: PoolKind;
  @Field(() => PoolEntryStatus) @EnumColumn() status!: PoolEntryStatus;
  @RefColumn({ nullable: true, name: 'recommended_by_unit_id' }) recommendedByUnitId!: string | null;
  @InstantColumn({ name: 'created_at' }) createdAt!: Date;
  @InstantColumn({ name: 'updated_at' }) updatedAt!: Date;
}

/** One specialty of a pool entry. */
@Entity('pool_entry_specialties')
@Index(['entryId', 'specialtyCode'], { unique: true })
export class PoolEntrySpecialty extends Identified {
  @RefColumn({ name: 'entry_id' }) entryId!: string;
  @StringColumn(32, { name: 'specialty_code' }) specialtyCode!: string;
}

/** One change of a pool entry: who, when, from, to, why. */
@ObjectType({ description: 'One change of a pool entry: enrollment, review, suspension, reinstatement or exit.' })
@Entity('pool_entry_events')
export class PoolEntryEvent extends Identified {
  @RefColumn({ name: 'entry_id' }) entryId!: string;
  @Field(() => PoolEntryStatus, { nullable: true, description: 'Null for the first enrollment.' })
  @EnumColumn({ nullable: true, name: 'from_status' })
  fromStatus!: PoolEntryStatus | null;
  @Field(() => PoolEntryStatus) @EnumColumn({ name: 'to_status' }) toStatus!: PoolEntryStatus;
  @Field(() => String, { nullable: true }) @StringColumn(500, { nullable: true }) reason!: string | null;
  /** The entry's specialty codes after the change, comma-separated. */
  @StringColumn(400) specialties!: string;
  @RefColumn({ nullable: true, name: 'account_id' }) accountId!: string | null;
  @Field(() => Date) @InstantColumn() at!: Date;
}
