import { Ctx } from '../context';
import { paginate, PageArgs } from '../common/pagination';
import { AuditEntry } from './audit.entity';

const ID_KEY = /(^id$|Id$|Ids$)/;

/** The ids named in a mutation's input: every field called id, …Id or …Ids, at any depth. */
export function idsInInput(value: unknown, out = new Set<string>(), key = ''): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => idsInInput(v, out, key));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) idsInInput(v, out, k);
  else if (typeof value === 'string' && ID_KEY.test(key)) out.add(value);
  return out;
}

const NOTE = 'audit:note';
const NOTE_MAX = 1000;

/**
 * Gives the current mutation's audit record its note: the reason of a correction, or the file
 * and counts of an import. Request-local, so a retried transaction starts without one.
 */
export function noteForAudit(ctx: Ctx, note: string) {
  ctx.local<{ text: string | null }>(NOTE, () => ({ text: null })).text = note.length > NOTE_MAX ? `${note.slice(0, NOTE_MAX - 1)}…` : note;
}

/**
 * Writes the audit record of a mutation, in its transaction: the ids it named and touched, and
 * the note its use case gave (noteForAudit), never other values.
 */
export async function writeAudit(ctx: Ctx, operation: string, args: unknown, accountId: string | null) {
  const ids = idsInInput(args, new Set(ctx.touched));
  await ctx.em.insert(AuditEntry, {
    ...new AuditEntry(),
    accountId,
    operation,
    targetIds: [...ids].join(' '),
    at: ctx.clock.now(),
    requestId: ctx.requestId,
    note: ctx.local<{ text: string | null }>(NOTE, () => ({ text: null })).text,
  });
}

export async function auditLog(ctx: Ctx, page: PageArgs) {
  ctx.auth.require('audit:read');
  const qb = ctx.em.getRepository(AuditEntry).createQueryBuilder('a');
  return paginate(qb, page, { columns: ['a.id'], key: (a) => [a.id], descending: true });
}
