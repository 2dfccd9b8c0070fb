import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Entity } from 'typeorm';
import { EnumColumn, Identified, RefColumn, StringColumn } from '../db/columns';
import { enumOf, UNIT_KINDS } from '../common/vocabulary';

export const UnitKind = enumOf(UNIT_KINDS);
export type UnitKind = (typeof UnitKind)[keyof typeof UnitKind];
registerEnumType(UnitKind, { name: 'UnitKind' });

/** Grassroots units: townships, villages and communities (rule 7 of the avoidance rules). */
export const GRASSROOTS_KINDS: readonly UnitKind[] = [UnitKind.TOWNSHIP, UnitKind.VILLAGE, UnitKind.COMMUNITY];

@ObjectType({ description: 'A unit that can be inspected (被巡察单位 / 党组织).' })
@Entity('units')
export class Unit extends Identified {
  @Field() @StringColumn(200) name!: string;
  @Field(() => UnitKind) @EnumColumn() kind!: UnitKind;
  @RefColumn({ name: 'region_id' }) regionId!: string;
  @RefColumn({ nullable: true, name: 'parent_id' }) parentId!: string | null;
  @Field(() => String, { nullable: true, description: 'The line of departments this unit belongs to (系统), e.g. political-legal.' })
  @StringColumn(100, { nullable: true })
  system!: string | null;
}
