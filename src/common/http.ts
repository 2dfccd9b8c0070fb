import type { Request, Response } from 'express';
import type { Ctx } from '../context';
import { AppError, ErrorCode } from './errors';
import type { RouteDeps } from '../feature';
import { Locale, localeFrom, localize, msg } from './i18n';

const STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, CONFLICT: 409 };

/**
 * The answer of an HTTP route beside /graphql to a failure: a typed error as its status and
 * JSON {code, message, field}, anything else as 500 (logged, never shown).
 */
export function sendError(res: Response, e: unknown, locale: Locale, ctx?: Ctx) {
  if (e instanceof AppError) {
    res.status(STATUS[e.code] ?? 400).json({ code: e.code, message: localize(e.text, locale), ...(e.field ? { field: e.field } : {}) });
    return;
  }
  ctx?.log.error({ err: e instanceof Error ? { message: e.message, stack: e.stack } : e }, 'route failed');
  res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: localize(msg('服务器内部错误，请稍后再试', 'Internal server error, please try again later'), locale) });
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A spreadsheet as a download, with an ASCII file name and the Chinese one (RFC 6266). */
export function sendWorkbook(res: Response, body: Buffer, asciiName: string, name: string) {
  res
    .status(200)
    .type(XLSX_TYPE)
    .setHeader('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .setHeader('cache-control', 'private, no-store')
    .send(body);
}

/** A query parameter as one string ('' when missing or repeated). */
export function queryParam(req: Request, name: string): string {
  const v = req.query[name];
  return typeof v === 'string' ? v : '';
}

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
  let ctx: Ctx | undefined;
  try {
    ctx = await deps.context(req);
    const file = await produce(ctx);
    sendWorkbook(res, file.body, file.asciiName, file.name);
  } catch (e) {
    sendError(res, e, localeFrom(req.header('accept-language')), ctx);
  }
}
