import type { Request, Response } from 'express';
import type { Ctx } from '../context';
import type { RouteDeps } from '../feature';
import { AppError, ErrorCode } from './errors';
import { localeFrom, localize, msg } from './i18n';

const STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, CONFLICT: 409 };

export interface ExportFile {
  body: Buffer;
  /** ASCII file name, and the full (e.g. Chinese) one for clients that read filename*. */
  asciiName: string;
  name: string;
}

/**
 * Answers a spreadsheet export (same bearer token as /graphql): the file, or the error as JSON
 * with its code and an HTTP status, in the request's language.
 */
export async function sendExport(req: Request, res: Response, deps: RouteDeps, produce: (ctx: Ctx) => Promise<ExportFile>) {
  const locale = localeFrom(req.header('accept-language'));
  let ctx: Ctx | undefined;
  try {
    ctx = await deps.context(req);
    const file = await produce(ctx);
    res
      .status(200)
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .setHeader('content-disposition', `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .setHeader('cache-control', 'private, no-store')
      .send(file.body);
  } catch (e) {
    if (e instanceof AppError) {
      res.status(STATUS[e.code] ?? 400).json({ code: e.code, message: localize(e.text, locale), ...(e.field ? { field: e.field } : {}) });
      return;
    }
    ctx?.log.error({ err: e instanceof Error ? { message: e.message, stack: e.stack } : e }, 'export failed');
    res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: localize(msg('服务器内部错误，请稍后再试', 'Internal server error, please try again later'), locale) });
  }
}
