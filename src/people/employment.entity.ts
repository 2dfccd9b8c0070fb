import { Field, ObjectType } from 'type-graphql';
import { Entity, Index } from 'typeorm';
import { BoolColumn, DateColumn, Identified, RefColumn, StringColumn } from '../db/columns';
import { LocalDateScalar } from '../common/scalars';

@ObjectType({ description: 'A post held by a person at a unit (履历).' })
@Entity('employments')
@Index(['personId', 'startedOn'])
@Index(['unitId'])
export class Employment extends Identified {
  @RefColumn({ name: 'person_id' }) personId!: string;
  @RefColumn({ name: 'unit_id' }) unitId!: string;
  @Field() @StringColumn(100) post!: string;
  @Field({ description: 'A leadership post (领导班子成员).' }) @BoolColumn() leadership!: boolean;
  @Field(() => LocalDateScalar) @DateColumn({ name: 'started_on' }) startedOn!: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Null while the post is held.' })
  @DateColumn({ nullable: true, name: 'ended_on' })
  endedOn!: string | null;
}
