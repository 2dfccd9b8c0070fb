import { Arg, Ctx as Context, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Ctx } from '../context';
import { Connection } from '../common/pagination';
import { byId } from '../db/loaders';
import { Account } from '../auth/account.entity';
import { AuditEntry } from './audit.entity';
import { auditLog } from './audit.service';

export const AuditEntryConnection = Connection(AuditEntry, 'AuditEntry');

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'Every change, newest first (ADMIN).' })
  auditLog(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Context() ctx: Ctx,
  ) {
    return auditLog(ctx, { first, after });
  }

  @FieldResolver(() => Account, { nullable: true })
  account(@Root() e: AuditEntry, @Context() ctx: Ctx) {
    return e.accountId ? byId(ctx, Account).load(e.accountId) : null;
  }

  @FieldResolver(() => [String], { description: 'Ids of the rows the mutation touched.' })
  targetIds(@Root() e: AuditEntry) {
    return e.targetIds ? e.targetIds.split(' ') : [];
  }
}
