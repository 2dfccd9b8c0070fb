import { Field, ObjectType } from 'type-graphql';
import { Entity, Index } from 'typeorm';
import { Identified, RefColumn, StringColumn } from '../db/columns';

@ObjectType({ description: "An interest tie from a person to a unit, e.g. a relative's company doing business with it." })
@Entity('interest_ties')
@Index(['personId'])
@Index(['unitId'])
export class InterestTie extends Identified {
  @RefColumn({ name: 'person_id' }) personId!: string;
  @RefColumn({ name: 'unit_id' }) unitId!: string;
  @Field() @StringColumn(500) description!: string;
}
