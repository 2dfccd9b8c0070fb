import type { Express, Request, Response } from 'express';
import { badInput } from '../common/errors';
import { sendExport } from '../common/http';
import { msg } from '../common/i18n';
import { byId } from '../db/loaders';
import type { RouteDeps } from '../feature';
import { Account } from '../auth/account.entity';
import { AuditKind } from './audit.entity';
import { appendAuditAlone, AuditFilterData, auditRecordsForExport, recordOf } from './audit.service';
import { auditWorkbook } from './audit-workbook';

function instantParam(value: unknown, field: string): Date | null {
  if (value === undefined || value === '') return null;
  const d = new Date(String(value));
  if (typeof value !== 'string' || Number.isNaN(d.getTime())) throw badInput(field, msg(`${field} 须为 ISO-8601 时间`, `${field} must be an ISO-8601 instant`));
  return d;
}

function stringParam(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

/** The filter of the audit log from query parameters (the same as auditLog's AuditFilter). */
export function filterFromQuery(q: Request['query']): AuditFilterData {
  const kind = stringParam(q.kind);
  if (kind && !(Object.values(AuditKind) as string[]).includes(kind)) throw badInput('kind', msg(`未知类别：${kind}`, `Unknown kind: ${kind}`));
  return {
    accountId: stringParam(q.accountId),
    kind: kind as AuditKind | null,
    from: instantParam(q.from, 'from'),
    to: instantParam(q.to, 'to'),
    personId: stringParam(q.personId),
  };
}

/**
 * GET /exports/audit-log.xlsx?accountId=&kind=&from=&to=&personId=: the audit log (filtered like
 * auditLog) as a spreadsheet, for the audit administrator. The export itself is recorded before
 * the file is sent.
 */
export function auditRoutes(app: Express, deps: RouteDeps) {
  app.get('/exports/audit-log.xlsx', (req: Request, res: Response) =>
    sendExport(req, res, deps, async (ctx) => {
      ctx.auth.require('audit:read');
      const filter = filterFromQuery(req.query);
      const records = await auditRecordsForExport(ctx, filter);
      const accountIds = [...new Set(records.map((r) => r.accountId).filter((id): id is string => !!id))];
      const accounts = await byId(ctx, Account).loadMany(accountIds);
      const usernames = new Map(accounts.filter((a): a is Account => a instanceof Account).map((a) => [a.id, a.username]));
      const body = await auditWorkbook(records, usernames);
      const details = { ...filter, from: filter.from?.toISOString() ?? null, to: filter.to?.toISOString() ?? null, records: records.length };
      await appendAuditAlone(ctx.db, [recordOf(ctx, 'exportAuditLog', { kind: AuditKind.AUDIT_EXPORTED, details })]);
      const day = ctx.clock.today();
      return { body, asciiName: `audit-log-${day}.xlsx`, name: `审计日志-${day}.xlsx` };
    }),
  );
}
