import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { ZONE } from '../common/dates';
import type { AuditEntry } from './audit.entity';

export const AUDIT_HEADERS = ['序号', '时间（北京时间）', '类别', '操作', '账号', '输入的用户名', '客户端地址', '原因', '涉及对象', '被查阅人员', '详情', '请求编号', '哈希'];

/** The audit log as a spreadsheet: one row per record, oldest first, with its chain hash. */
export async function auditWorkbook(records: AuditEntry[], usernames: Map<string, string>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(0);
  const ws = wb.addWorksheet('审计日志');
  ws.addRow(AUDIT_HEADERS).font = { bold: true };
  for (const r of records) {
    ws.addRow([
      r.seq,
      DateTime.fromJSDate(r.at, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm:ss.SSS'),
      r.kind,
      r.operation,
      r.accountId ? (usernames.get(r.accountId) ?? r.accountId) : '',
      r.username ?? '',
      r.clientAddress ?? '',
      r.reason ?? '',
      r.targetIds,
      r.personIds ?? '',
      r.details ?? '',
      r.requestId ?? '',
      r.hash ?? '',
    ]);
  }
  ws.columns.forEach((c, i) => (c.width = [8, 24, 20, 20, 16, 16, 16, 20, 40, 40, 40, 38, 66][i]));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
