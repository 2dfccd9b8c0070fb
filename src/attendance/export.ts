import type { Express, Request, Response } from 'express';
import type { Ctx } from '../context';
import { AppError, ErrorCode } from '../common/errors';
import { localeFrom, localize, msg } from '../common/i18n';
import { byId } from '../db/loaders';
import type { RouteDeps } from '../feature';
import { regionLoader } from '../regions/regions.service';
import { AttendanceNotice } from './attendance.entity';
import { getNotice, noticeRows } from './attendance.service';
import { noticeTitle, noticeWorkbook } from './notice-workbook';

const STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, CONFLICT: 409 };

/** GET /exports/attendance-notices/{id}.xlsx: a published notice as a spreadsheet (same bearer token as /graphql). */
export function attendanceRoutes(app: Express, deps: RouteDeps) {
  app.get('/exports/attendance-notices/:file', async (req: Request, res: Response) => {
    const locale = localeFrom(req.header('accept-language'));
    const id = /^(.+)\.xlsx$/.exec(String(req.params.file))?.[1];
    let ctx: Ctx | undefined;
    try {
      if (!id) throw new AppError('NOT_FOUND', msg('没有这个导出文件', 'No such export'));
      ctx = await deps.context(req);
      const notice = await getNotice(ctx, id);
      const [region, rows, successor] = await Promise.all([
        regionLoader(ctx).load(notice.regionId),
        noticeRows(ctx, notice.id),
        notice.supersededById ? byId(ctx, AttendanceNotice).load(notice.supersededById) : null,
      ]);
      const sheet = {
        regionName: region?.name ?? '',
        month: notice.month,
        revision: notice.revision,
        publishedAt: notice.publishedAt,
        supersededByRevision: successor?.revision ?? null,
        rows,
      };
      const body = await noticeWorkbook(sheet);
      const filename = `${noticeTitle(sheet)}.xlsx`;
      res
        .status(200)
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .setHeader('content-disposition', `attachment; filename="notice-${notice.month}-r${notice.revision}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .setHeader('cache-control', 'private, no-store')
        .send(body);
    } catch (e) {
      if (e instanceof AppError) {
        res.status(STATUS[e.code] ?? 400).json({ code: e.code, message: localize(e.text, locale) });
        return;
      }
      ctx?.log.error({ err: e instanceof Error ? { message: e.message, stack: e.stack } : e }, 'export failed');
      res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: localize(msg('服务器内部错误，请稍后再试', 'Internal server error, please try again later'), locale) });
    }
  });
}
