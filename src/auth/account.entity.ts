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
  @BoolColumn() disabled!: boolean;
  @InstantColumn({ name: 'created_at' }) createdAt!: Date;
}

@Entity('account_regions')
@Index(['accountId', 'regionId'], { unique: true })
export class AccountRegion extends Identified {
  @RefColumn({ name: 'account_id' }) accountId!: string;
  @RefColumn({ name: 'region_id' }) regionId!: string;
}
