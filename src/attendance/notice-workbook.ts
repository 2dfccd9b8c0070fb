import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { ZONE } from '../common/dates';
import { LEAVE_TYPES, LeaveType } from '../leave/rules/leave-types';
import type { SummaryRow } from './rules/summary';

export interface NoticeSheet {
  regionName: string;
  month: string;
  revision: number;
  publishedAt: Date;
  /** The revision that corrects this one, if any. */
  supersededByRevision: number | null;
  /** The frozen summary rows, with the person's name as published. */
  rows: (Omit<SummaryRow, 'personId'> & { personName: string })[];
}

const LEAVE_HEADERS: Record<LeaveType, string> = {
  PERSONAL: '事假',
  SICK: '病假',
  ANNUAL: '年休假',
  HOME_UNIT_RECALL: '原单位召回（请假）',
  MARRIAGE: '婚假',
  BEREAVEMENT: '丧假',
  OTHER: '其他假',
};

/** The column headers, in order (figures in working days). */
export const NOTICE_HEADERS = [
  '序号',
  '姓名',
  '应出勤天数',
  '出勤',
  '出差',
  '请假合计',
  ...LEAVE_TYPES.map((t) => LEAVE_HEADERS[t]),
  '缺勤',
  '原单位召回',
  '未登记',
];

export function noticeTitle(s: Pick<NoticeSheet, 'regionName' | 'month' | 'revision'>): string {
  const [y, m] = s.month.split('-');
  return `${s.regionName}巡察干部${y}年${Number(m)}月考勤情况公示${s.revision > 1 ? `（第${s.revision}版）` : ''}`;
}

/** The notice as an .xlsx workbook laid out for printing and posting (A4 landscape, one page wide). */
export async function noticeWorkbook(s: NoticeSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = s.regionName;
  wb.created = s.publishedAt;
  const ws = wb.addWorksheet(`${s.month} 考勤公示`, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  const width = NOTICE_HEADERS.length;
  const last = ws.getColumn(width).letter;

  ws.mergeCells(`A1:${last}1`);
  ws.getCell('A1').value = noticeTitle(s);
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.getRow(1).height = 28;

  ws.mergeCells(`A2:${last}2`);
  const published = DateTime.fromJSDate(s.publishedAt).setZone(ZONE).toFormat('yyyy年M月d日 HH:mm');
  ws.getCell('A2').value = `发布时间：${published}（北京时间）　　单位：工作日`;
  ws.getCell('A2').alignment = { horizontal: 'right' };

  const header = ws.getRow(3);
  header.values = NOTICE_HEADERS;
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.height = 32;

  s.rows.forEach((r, i) => {
    const byType = new Map(r.leaveByType.map((x) => [x.type, x.days]));
    ws.addRow([
      i + 1,
      r.personName,
      r.workingDays,
      r.presentDays,
      r.businessTripDays,
      r.leaveDays,
      ...LEAVE_TYPES.map((t) => byType.get(t) ?? 0),
      r.absentDays,
      r.homeUnitRecallDays,
      r.unrecordedDays,
    ]);
  });
  const thin = { style: 'thin' as const };
  for (let row = 3; row <= 3 + s.rows.length; row++) {
    for (let col = 1; col <= width; col++) {
      const cell = ws.getCell(row, col);
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      if (row > 3 && col !== 2) cell.alignment = { horizontal: 'center' };
      if (row > 3 && col > 2) cell.numFmt = '0.0';
    }
  }
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 12;
  for (let col = 3; col <= width; col++) ws.getColumn(col).width = 9;

  const notes = ['说明：天数按国家法定工作日计算，以半天为单位；请假按已批准的请假申请统计。如有异议，请于公示期内向巡察办反映。'];
  if (s.supersededByRevision !== null) notes.push(`本公示已被第${s.supersededByRevision}版更正，以更正后的公示为准。`);
  for (const text of notes) {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, width);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
