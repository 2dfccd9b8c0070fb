import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Entity, Index } from 'typeorm';
import { EnumColumn, Identified, RefColumn, StringColumn } from '../db/columns';
import { enumOf, REGION_LEVELS } from '../common/vocabulary';

export const RegionLevel = enumOf(REGION_LEVELS);
export type RegionLevel = (typeof RegionLevel)[keyof typeof RegionLevel];
registerEnumType(RegionLevel, { name: 'RegionLevel' });

/** Depth order of levels: a child is always deeper than its parent. */
export const LEVEL_DEPTH: Record<RegionLevel, number> = {
  PROVINCE: 0,
  CITY: 1,
  COUNTY: 2,
  TOWNSHIP: 3,
  VILLAGE: 4,
};

@ObjectType()
@Entity('regions')
export class Region extends Identified {
  @Field() @Index({ unique: true }) @StringColumn(32) code!: string;
  @Field() @StringColumn(100) name!: string;
  @Field(() => RegionLevel) @EnumColumn() level!: RegionLevel;
  @RefColumn({ nullable: true, name: 'parent_id' }) parentId!: string | null;
  /** Materialized path "/rootId/…/ownId/": a region covers every region whose path starts with its own. */
  @StringColumn(400) path!: string;
}
