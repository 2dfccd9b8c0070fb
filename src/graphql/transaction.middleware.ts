import { MiddlewareFn } from 'type-graphql';
import { Ctx } from '../context';
import { inTransaction } from '../db/transaction';
import { writeAudit } from '../audit/audit.service';

/**
 * One transaction per mutation, declared once: the resolver runs inside it (retried on MySQL
 * deadlock), the audit record and the security events the services reported are written in it,
 * and loaders are emptied around it so that nothing read before the change is served after it.
 * Payload fields resolve after the commit. What a service queued with afterTransaction (a failed
 * sign-in's record) runs after the commit or rollback, in a transaction of its own.
 * src/schema.ts wraps every Mutation field, and only those, in it.
 */
export const MutationTransaction: MiddlewareFn<Ctx> = async ({ info, context, args }, next) => {
  const base = context.em;
  try {
    return await inTransaction(context.db.dataSource, async (em) => {
      context.em = em;
      context.touched = new Set();
      context.events = [];
      context.takeAfterTransaction();
      context.resetLoaders();
      const result = await next();
      // login names the account it signed in (whatever token came with it); every other
      // mutation is the signed-in account's.
      const actor = info.fieldName === 'login' ? auditAccount(result) : (context.account?.id ?? null);
      await writeAudit(context, info.fieldName, args, actor);
      return result;
    });
  } finally {
    context.em = base;
    context.resetLoaders();
    for (const work of context.takeAfterTransaction()) {
      try {
        await work();
      } catch (e) {
        context.log.error({ err: e instanceof Error ? { message: e.message, stack: e.stack } : e }, 'work after a mutation failed');
      }
    }
  }
};

function auditAccount(result: unknown): string | null {
  const account = (result as { account?: { id?: string } } | null)?.account;
  return typeof account?.id === 'string' ? account.id : null;
}
