/**
 * The ledger routes beside /graphql (same bearer token):
 *   GET  /imports/templates/{kind}.xlsx
 *   POST /imports/{kind}?regionId=…&dryRun=true|false      the file as the body
 *   GET  /exports/{kind}.xlsx?regionId=…
 *   GET  /exports/pool-roster.xlsx?regionId=…               组长库/副组长库/人才库名册
 *   GET  /exports/inspection-records/{personId}.xlsx         巡察履历
 */
import express, { Express, Request, Response } from 'express';
import { parse as parseDisposition } from 'content-disposition';
import type { Ctx } from '../context';
import { AppError, badInput } from '../common/errors';
import { queryParam, sendError, sendWorkbook } from '../common/http';
import { localeFrom, msg } from '../common/i18n';
import type { RouteDeps } from '../feature';
import { inspectionRecord, poolRoster } from './cadre-files';
import { KINDS } from './kinds';
import type { LedgerKind } from './ledger';
import { exportLedger, importLedger, ledgerTemplate } from './ledgers.service';

/** The largest file an import takes (a county's ledger is a few megabytes). */
const MAX_FILE = '64mb';

const noSuchRoute = () => new AppError('NOT_FOUND', msg('没有这个台账类别', 'No such ledger kind'));

/** The kind a path names (`persons`, or `persons.xlsx` with the suffix), or NOT_FOUND. */
function kindOf(file: string, suffix = ''): LedgerKind {
  const name = !suffix ? file : file.endsWith(suffix) ? file.slice(0, -suffix.length) : '';
  const kind = KINDS.find((k) => k.name === name);
  if (!kind) throw noSuchRoute();
  return kind;
}

/** The file's name: from Content-Disposition when sent, else the kind with the format's extension. */
function fileNameOf(req: Request, kind: LedgerKind, body: Buffer): string {
  const header = req.header('content-disposition');
  if (header) {
    try {
      const name = parseDisposition(header).parameters.filename;
      if (name) return name.slice(0, 200);
    } catch {
      // A malformed header names no file.
    }
  }
  return `${kind.name}.${body.subarray(0, 2).toString('latin1') === 'PK' ? 'xlsx' : 'csv'}`;
}

function dryRunOf(req: Request): boolean {
  const v = queryParam(req, 'dryRun');
  if (v === '' || v === 'true') return true;
  if (v === 'false') return false;
  throw badInput('dryRun', msg('dryRun 须为 true 或 false', 'dryRun must be true or false'));
}

type Handler = (ctx: Ctx, req: Request, res: Response) => Promise<void>;

export function ledgerRoutes(app: Express, deps: RouteDeps) {
  const route = (handler: Handler) => async (req: Request, res: Response) => {
    const locale = localeFrom(req.header('accept-language'));
    let ctx: Ctx | undefined;
    try {
      ctx = await deps.context(req);
      await handler(ctx, req, res);
    } catch (e) {
      sendError(res, e, locale, ctx);
    }
  };

  app.get(
    '/imports/templates/:file',
    route(async (ctx, req, res) => {
      const kind = kindOf(String(req.params.file), '.xlsx');
      sendWorkbook(res, await ledgerTemplate(ctx, kind), `template-${kind.name}.xlsx`, `${kind.sheet.title}.xlsx`);
    }),
  );

  app.post(
    '/imports/:kind',
    express.raw({ type: () => true, limit: MAX_FILE }),
    route(async (ctx, req, res) => {
      const kind = kindOf(String(req.params.kind));
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (body.length === 0) throw badInput('file', msg('请求中没有文件', 'The request carries no file'));
      const report = await importLedger(ctx, kind, { regionId: queryParam(req, 'regionId'), dryRun: dryRunOf(req), body, fileName: fileNameOf(req, kind, body) });
      res.status(200).json(report);
    }),
  );

  app.get(
    '/exports/inspection-records/:file',
    route(async (ctx, req, res) => {
      const id = /^(.+)\.xlsx$/.exec(String(req.params.file))?.[1];
      if (!id) throw new AppError('NOT_FOUND', msg('没有这个导出文件', 'No such export'));
      const { body, title } = await inspectionRecord(ctx, id);
      sendWorkbook(res, body, 'inspection-record.xlsx', `${title}.xlsx`);
    }),
  );

  app.get(
    '/exports/:file',
    route(async (ctx, req, res) => {
      const file = String(req.params.file);
      if (file === 'pool-roster.xlsx') {
        const { body, title } = await poolRoster(ctx, queryParam(req, 'regionId'));
        sendWorkbook(res, body, 'pool-roster.xlsx', `${title}.xlsx`);
        return;
      }
      const kind = kindOf(file, '.xlsx');
      sendWorkbook(res, await exportLedger(ctx, kind, queryParam(req, 'regionId')), `${kind.name}.xlsx`, `${kind.sheet.name}.xlsx`);
    }),
  );
}
