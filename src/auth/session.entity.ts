import { Field, ObjectType } from 'type-graphql';
import { Entity, Index } from 'typeorm';
import { DateTimeScalar } from '../common/scalars';
import { Identified, InstantColumn, RefColumn, StringColumn } from '../db/columns';
import type { SessionEndReason, SessionRestriction } from './rules/sessions';

/** A signed-in session: every token names one, and it ends server-side. */
@ObjectType({ description: 'A signed-in session of an account.' })
@Entity('sessions')
@Index(['accountId', 'endedAt'])
export class Session extends Identified {
  @RefColumn({ name: 'account_id' }) accountId!: string;
  @Field(() => DateTimeScalar) @InstantColumn({ name: 'created_at' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'Last use, to within a minute.' })
  @InstantColumn({ name: 'last_seen_at' })
  lastSeenAt!: Date;
  @InstantColumn({ name: 'ended_at', nullable: true }) endedAt!: Date | null;
  @StringColumn(32, { name: 'end_reason', nullable: true }) endReason!: SessionEndReason | null;
  @StringColumn(32, { nullable: true }) restriction!: SessionRestriction | null;
  @Field(() => String, { nullable: true, description: 'The client address it signed in from.' })
  @StringColumn(64, { name: 'client_address', nullable: true })
  clientAddress!: string | null;
}
