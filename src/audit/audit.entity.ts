import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Identified, InstantColumn, RefColumn, StringColumn, TextColumn } from '../db/columns';
import { DateTimeScalar } from '../common/scalars';

/** What a record is about: every mutation, and every security event beside it. */
export enum AuditKind {
  MUTATION = 'MUTATION',
  SIGN_IN = 'SIGN_IN',
  SIGN_IN_FAILED = 'SIGN_IN_FAILED',
  LOCKOUT = 'LOCKOUT',
  ACCOUNT_UNLOCKED = 'ACCOUNT_UNLOCKED',
  SIGN_OUT = 'SIGN_OUT',
  SESSION_ENDED = 'SESSION_ENDED',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  PASSWORD_RESET = 'PASSWORD_RESET',
  ACCOUNT_CREATED = 'ACCOUNT_CREATED',
  ROLES_CHANGED = 'ROLES_CHANGED',
  REGIONS_CHANGED = 'REGIONS_CHANGED',
  ACCOUNT_PERSON_CHANGED = 'ACCOUNT_PERSON_CHANGED',
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  ACCOUNT_ENABLED = 'ACCOUNT_ENABLED',
  SECOND_FACTOR_ENROLLED = 'SECOND_FACTOR_ENROLLED',
  SECOND_FACTOR_REMOVED = 'SECOND_FACTOR_REMOVED',
  RECOVERY_CODE_USED = 'RECOVERY_CODE_USED',
  SECURITY_SETTINGS_CHANGED = 'SECURITY_SETTINGS_CHANGED',
  PRIVATE_READ = 'PRIVATE_READ',
  AUDIT_EXPORTED = 'AUDIT_EXPORTED',
}
registerEnumType(AuditKind, {
  name: 'AuditKind',
  description: 'What an audit record is about.',
  valuesConfig: {
    MUTATION: { description: 'A change made through the API (every mutation).' },
    PRIVATE_READ: { description: "Relations, interest ties, birth dates or avoidance findings read; the record lists the persons." },
  },
});

/**
 * One record per mutation (written in its transaction) and per security event. Append-only: the
 * service has no path that updates or deletes a record. Each stores the SHA-256 of its content
 * and of the previous record's hash (see rules/chain.ts). Holds ids and reasons, never values,
 * but for the note a use case gives: a correction's reason, an import's file and counts.
 */
@ObjectType({ description: 'What an account did, or what happened to it, and when.' })
@Entity('audit_log')
@Index(['at'])
export class AuditEntry extends Identified {
  @RefColumn({ nullable: true, name: 'account_id' }) accountId!: string | null;
  @Field({ description: 'The mutation or query, e.g. createPerson.' }) @StringColumn(64) operation!: string;
  /** Space-separated ids of the rows the mutation touched. */
  @TextColumn({ name: 'target_ids' }) targetIds!: string;
  @Field(() => DateTimeScalar) @InstantColumn() at!: Date;
  @Field(() => String, { nullable: true }) @StringColumn(64, { nullable: true, name: 'request_id' }) requestId!: string | null;
  /** Position in the hash chain (1, 2, …). */
  @Field({ description: 'Position in the hash chain.' }) @Index({ unique: true }) @Column({ type: 'int', nullable: true }) seq!: number;
  @Field(() => AuditKind) @StringColumn(40, { nullable: true }) kind!: AuditKind;
  @Field(() => String, { nullable: true, description: 'The username as typed, for sign-ins.' })
  @StringColumn(128, { nullable: true })
  username!: string | null;
  @Field(() => String, { nullable: true }) @StringColumn(64, { nullable: true, name: 'client_address' }) clientAddress!: string | null;
  @Field(() => String, { nullable: true, description: 'Why: a sign-in failure, a session end.' })
  @StringColumn(64, { nullable: true })
  reason!: string | null;
  @Field(() => String, { nullable: true, description: 'JSON with what changed (roles, regions, settings before and after).' })
  @TextColumn({ nullable: true })
  details!: string | null;
  /** Space-separated ids of the persons whose private facts were read. */
  @TextColumn({ nullable: true, name: 'person_ids' }) personIds!: string;
  @StringColumn(64, { nullable: true, name: 'prev_hash' }) prevHash!: string | null;
  @Field(() => String, { nullable: true }) @StringColumn(64, { nullable: true }) hash!: string | null;
  @Field(() => String, { nullable: true, description: 'The reason given for a correction, or the file and counts of a ledger import.' })
  @StringColumn(1000, { nullable: true })
  note!: string | null;
}

/** Every id a record names (targets and persons read), for the "person" filter. */
@Entity('audit_subjects')
@Index(['subjectId'])
export class AuditSubject {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'record_id' }) recordId!: string;
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'subject_id' }) subjectId!: string;
}

/** The head of the hash chain: one row, locked by every append so that replicas append in turn. */
@Entity('audit_chain')
export class AuditChainHead {
  @PrimaryColumn({ type: 'varchar', length: 16 }) id!: string;
  @Column({ type: 'int' }) seq!: number;
  @StringColumn(64) hash!: string;
}

export const CHAIN_HEAD_ID = 'head';
