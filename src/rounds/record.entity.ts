import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Entity, Index } from 'typeorm';
import { DateColumn, EnumColumn, Identified, InstantColumn, RefColumn, StringColumn } from '../db/columns';
import { LocalDateScalar } from '../common/scalars';
import { EVALUATION_GRADES, READINESS_KINDS } from './rules/types';
import { enumOf } from '../common/vocabulary';

export const ReadinessKind = enumOf(READINESS_KINDS);
export type ReadinessKind = (typeof ReadinessKind)[keyof typeof ReadinessKind];
registerEnumType(ReadinessKind, { name: 'ReadinessKind' });

export const EvaluationGrade = enumOf(EVALUATION_GRADES);
export type EvaluationGrade = (typeof EvaluationGrade)[keyof typeof EvaluationGrade];
registerEnumType(EvaluationGrade, { name: 'EvaluationGrade' });

/** Training or a pledge completed by a person for one round (岗前培训、承诺书). */
@ObjectType('ReadinessRecord')
@Entity('readiness_records')
@Index(['personId', 'roundId', 'kind'], { unique: true })
@Index(['roundId'])
export class ReadinessRecord extends Identified {
  @RefColumn({ name: 'person_id' }) personId!: string;
  @RefColumn({ name: 'round_id' }) roundId!: string;
  @Field(() => ReadinessKind) @EnumColumn() kind!: ReadinessKind;
  @Field(() => LocalDateScalar) @DateColumn({ name: 'completed_on' }) completedOn!: string;
  @RefColumn({ nullable: true, name: 'recorded_by' }) recordedBy!: string | null;
  @InstantColumn({ name: 'recorded_at' }) recordedAt!: Date;
}

/** The evaluation of a membership after its round; a later one supersedes an earlier one. */
@ObjectType()
@Entity('evaluations')
@Index(['membershipId'])
export class Evaluation extends Identified {
  @RefColumn({ name: 'membership_id' }) membershipId!: string;
  @Field(() => EvaluationGrade) @EnumColumn() grade!: EvaluationGrade;
  @Field(() => String, { nullable: true }) @StringColumn(1000, { nullable: true }) comment!: string | null;
  @RefColumn({ name: 'evaluated_by' }) evaluatedById!: string;
  @Field(() => Date) @InstantColumn({ name: 'evaluated_at' }) evaluatedAt!: Date;
}
