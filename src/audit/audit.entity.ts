import { Field, ObjectType } from 'type-graphql';
import { Entity, Index } from 'typeorm';
import { Identified, InstantColumn, RefColumn, StringColumn, TextColumn } from '../db/columns';
import { DateTimeScalar } from '../common/scalars';

/**
 * One record per mutation (and per ledger import), written in its transaction. Holds ids, never
 * values, but for the note a use case gives: a correction's reason, an import's file and counts.
 */
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
  @Field(() => String, { nullable: true, description: 'The reason given for a correction, or the file and counts of a ledger import.' })
  @StringColumn(1000, { nullable: true })
  note!: string | null;
}
