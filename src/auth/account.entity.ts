import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BoolColumn, Identified, InstantColumn, RefColumn, StringColumn } from '../db/columns';
import { Role } from './roles';

@ObjectType()
@Entity('accounts')
export class Account extends Identified {
  @Field() @Index({ unique: true }) @StringColumn(64) username!: string;
  /** scrypt hash; never exposed, never logged. */
  @StringColumn(200, { name: 'password_hash' }) passwordHash!: string;
  @Field(() => [Role])
  @Column({
    type: 'varchar',
    length: 200,
    // Stored as a comma-separated list.
    transformer: { to: (r: Role[]) => r.join(','), from: (s: string) => (s ? (s.split(',') as Role[]) : []) },
  })
  roles!: Role[];
  @RefColumn({ nullable: true, name: 'person_id' }) personId!: string | null;
  @Field() @BoolColumn() disabled!: boolean;
  @InstantColumn({ name: 'created_at' }) createdAt!: Date;
  @Field({ description: 'Set after a reset or for the bootstrap password: the next sign-in must change it.' })
  @BoolColumn({ name: 'must_change_password' })
  mustChangePassword!: boolean;
  @InstantColumn({ name: 'password_changed_at', nullable: true }) passwordChangedAt!: Date | null;
  /** Consecutive sign-in failures since the last success or lockout. */
  @Column({ type: 'int', name: 'failed_sign_ins', default: 0 }) failedSignIns!: number;
  @InstantColumn({ name: 'locked_until', nullable: true }) lockedUntil!: Date | null;
  /** The TOTP secret (base32) once enrolment is confirmed; never exposed after that. */
  @StringColumn(64, { name: 'totp_secret', nullable: true }) totpSecret!: string | null;
  /** A secret handed out for enrolment, waiting for its first code. */
  @StringColumn(64, { name: 'totp_pending_secret', nullable: true }) totpPendingSecret!: string | null;
  /** The last TOTP time step accepted, so that a code cannot be used twice. */
  @Column({ type: 'int', name: 'totp_last_step', nullable: true }) totpLastStep!: number | null;
}

@Entity('account_regions')
@Index(['accountId', 'regionId'], { unique: true })
export class AccountRegion extends Identified {
  @RefColumn({ name: 'account_id' }) accountId!: string;
  @RefColumn({ name: 'region_id' }) regionId!: string;
}

/** Hashes of an account's recent passwords, the current one included. */
@Entity('password_history')
@Index(['accountId', 'createdAt'])
export class PasswordHistory extends Identified {
  @RefColumn({ name: 'account_id' }) accountId!: string;
  @StringColumn(200) hash!: string;
  @InstantColumn({ name: 'created_at' }) createdAt!: Date;
}

/** One-time recovery codes for a lost authenticator, stored as SHA-256 hashes. */
@Entity('recovery_codes')
@Index(['accountId'])
export class RecoveryCode extends Identified {
  @RefColumn({ name: 'account_id' }) accountId!: string;
  @StringColumn(64, { name: 'code_hash' }) codeHash!: string;
  @InstantColumn({ name: 'used_at', nullable: true }) usedAt!: Date | null;
}

/** A failed sign-in from a client address, kept for the address throttle (the audit log keeps the record). */
@Entity('sign_in_failures')
@Index(['address', 'at'])
export class SignInFailureRow extends Identified {
  @StringColumn(64) address!: string;
  @InstantColumn() at!: Date;
}
