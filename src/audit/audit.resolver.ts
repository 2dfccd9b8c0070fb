import { Arg, Ctx as Context, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Ctx } from '../context';
import { Connection } from '../common/pagination';
import { DateTimeScalar } from '../common/scalars';
import { byId } from '../db/loaders';
import { Account } from '../auth/account.entity';
import { AuditEntry, AuditKind } from './audit.entity';
import { auditLog, verifyAuditLog } from './audit.service';

export const AuditEntryConnection = Connection(AuditEntry, 'AuditEntry');

@InputType({ description: 'Every field given narrows the log.' })
export class AuditFilter {
  @Field(() => ID, { nullable: true, description: 'Records of what this account did (or of its sign-ins).' }) accountId?: string | null;
  @Field(() => AuditKind, { nullable: true }) kind?: AuditKind | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'From this instant (inclusive).' }) from?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Until this instant (exclusive).' }) to?: Date | null;
  @Field(() => ID, { nullable: true, description: 'Records naming this person (or any id): changes to it, reads of its private facts.' })
  personId?: string | null;
}

@ObjectType()
export class AuditVerification {
  @Field({ description: "True when every record's hash-chain link holds." }) intact!: boolean;
  @Field(() => Int) checkedRecords!: number;
  @Field(() => ID, { nullable: true, description: 'The first record whose link is broken, if any.' }) firstBrokenRecordId!: string | null;
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first (AUDIT_ADMIN; ADMIN without separation of duties).' })
  auditLog(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | null,
    @Context() ctx: Ctx,
  ) {
    return auditLog(ctx, { first, after }, filter ?? {});
  }

  @Query(() => AuditVerification, { description: 'Recomputes the hash chain of the whole log and reports the first broken link.' })
  verifyAuditLog(@Context() ctx: Ctx) {
    return verifyAuditLog(ctx);
  }

  @FieldResolver(() => Account, { nullable: true })
  account(@Root() e: AuditEntry, @Context() ctx: Ctx) {
    return e.accountId ? byId(ctx, Account).load(e.accountId) : null;
  }

  @FieldResolver(() => [String], { description: 'Ids of the rows the mutation or event touched.' })
  targetIds(@Root() e: AuditEntry) {
    return e.targetIds ? e.targetIds.split(' ') : [];
  }

  @FieldResolver(() => [ID], { description: 'The persons whose private facts were read (PRIVATE_READ).' })
  personIds(@Root() e: AuditEntry) {
    return e.personIds ? e.personIds.split(' ') : [];
  }
}
