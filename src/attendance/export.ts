import type { Express, Request, Response } from 'express';
import { AppError } from '../common/errors';
import { sendExport } from '../common/http';
import { msg } from '../common/i18n';
import { byId } from '../db/loaders';
import type { RouteDeps } from '../feature';
import { regionLoader } from '../regions/regions.service';
import { AttendanceNotice } from './attendance.entity';
import { getNotice, noticeRows } from './attendance.service';
import { NoticeSheet, noticeTitle, noticeWorkbook } from './notice-workbook';

/** GET /exports/attendance-notices/{id}.xlsx: a published notice as a spreadsheet (same bearer token as /graphql). */
export function attendanceRoutes(app: Express, deps: RouteDeps) {
  app.get('/exports/attendance-notices/:file', (req: Request, res: Response) =>
    sendExport(req, res, deps, async (ctx) => {
      const id = /^(.+)\.xlsx$/.exec(String(req.params.file))?.[1];
      if (!id) throw new AppError('NOT_FOUND', msg('没有这个导出文件', 'No such export'));
      const notice = await getNotice(ctx, id);
      const [region, rows, successor, previous] = await Promise.all([
        regionLoader(ctx).load(notice.regionId),
        noticeRows(ctx, notice.id),
        notice.supersededById ? byId(ctx, AttendanceNotice).load(notice.supersededById) : null,
        notice.revision > 1 ? ctx.em.findOneBy(AttendanceNotice, { regionId: notice.regionId, month: notice.month, revision: notice.revision - 1 }) : null,
      ]);
      const sheet: NoticeSheet = {
        regionName: region?.name ?? '',
        month: notice.month,
        revision: notice.revision,
        publishedAt: notice.publishedAt,
        replacesPublishedAt: previous?.publishedAt ?? null,
        supersededAt: successor?.publishedAt ?? null,
        postedFrom: notice.postedFrom,
        postedUntil: notice.postedUntil,
        postingWorkingDays: notice.postingWorkingDays,
        issuingOffice: notice.issuingOffice,
        objectionContact: notice.objectionContact,
        rows,
      };
      return { body: await noticeWorkbook(sheet), asciiName: `notice-${notice.month}-r${notice.revision}.xlsx`, name: `${noticeTitle(sheet)}${notice.revision > 1 ? '（更正）' : ''}.xlsx` };
    }),
  );
}
