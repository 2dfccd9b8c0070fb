import { Field, ObjectType } from 'type-graphql';
import { Entity, Index } from 'typeorm';
import { Identified, InstantColumn, RefColumn, StringColumn, TextColumn } from '../db/columns';
import { DateTimeScalar } from '../common/scalars';

/** One record per mutation, written in the mutation's transaction. Holds ids, never values. */
@ObjectType({ description: 'What an account changed, and when.' })
@Entity('audit_log')
@Index(['at'])
export class AuditEntry extends Identified {
  @RefColumn({ nullable: true, name: 'account_id' }) accountId!: string | null;
  @Field({ description: 'The mutation, e.g. createPerson.' }) @StringColumn(64) operation!: string;
  /** Space-separated ids of the rows the mutation touched. */
  @TextColumn({ name: 'target_ids' }) targetIds!: string;
  @Field(() => DateTimeScalar) @InstantColumn() at!: Date;
  @Field(() => String, { nullable: true }) @StringColumn(64, { nullable: true, name: 'request_id' }) requestId!: string | null;
}
