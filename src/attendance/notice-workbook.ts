import ExcelJS from 'exceljs';
import { localDateOf } from '../common/dates';
import { LEAVE_TYPES, LeaveType } from '../leave/rules/leave-types';
import { dateZh, defaultIssuingOffice } from './rules/notice';
import type { SummaryRow } from './rules/summary';

export interface NoticeSheet {
  regionName: string;
  month: string;
  revision: number;
  publishedAt: Date;
  /** When the notice this one corrects was published (revision > 1). */
  replacesPublishedAt: Date | null;
  /** When the correction that replaces this one was published, if any. */
  supersededAt: Date | null;
  postedFrom: string | null;
  postedUntil: string | null;
  postingWorkingDays: number | null;
  issuingOffice: string | null;
  objectionContact: string | null;
  /** The frozen summary rows, with the person's name and team as published. */
  rows: (Omit<SummaryRow, 'personId' | 'unrecorded'> & { personName: string; teamName: string | null; remark: string | null })[];
}

/** Data rows per printed page; the header rows repeat on every page. */
export const ROWS_PER_PAGE = 25;

/** Leave columns by type; leave for a home unit's recall is counted with the recalls. */
const LEAVE_HEADERS: Partial<Record<LeaveType, string>> = {
  PERSONAL: '事假',
  SICK: '病假',
  ANNUAL: '年休假',
  MARRIAGE: '婚假',
  BEREAVEMENT: '丧假',
  OTHER: '其他假',
};

type Row = NoticeSheet['rows'][number];

interface Column {
  header: string;
  /** The group header above it (two header rows), or none (one header cell over both rows). */
  group?: string;
  width: number;
  value: (r: Row, i: number) => string | number;
  align?: 'left' | 'center';
}

const leaveOf = (r: Row, t: LeaveType) => r.leaveByType.find((x) => x.type === t)?.days ?? 0;

/** The columns of a notice: only the leave types that occur, one recall column, and a remark. */
export function noticeColumns(rows: readonly Row[]): Column[] {
  const types = LEAVE_TYPES.filter((t) => LEAVE_HEADERS[t] && rows.some((r) => leaveOf(r, t) > 0));
  const leave: Column[] = types.length
    ? types.map((t) => ({ header: LEAVE_HEADERS[t]!, group: '请假', width: 7, value: (r: Row) => leaveOf(r, t) }))
    : [{ header: '请假', width: 7, value: () => 0 }];
  const fixed: Column[] = [
    { header: '序号', width: 5, value: (_r, i) => i + 1 },
    { header: '姓名', width: 10, value: (r) => r.personName },
    { header: '所在巡察组', width: 16, value: (r) => r.teamName ?? '' },
    { header: '应出勤', width: 8, value: (r) => r.workingDays },
    { header: '实际出勤', width: 8, value: (r) => r.presentDays },
    { header: '出差', width: 7, value: (r) => r.businessTripDays },
    ...leave,
    { header: '原单位召回', width: 9, value: (r) => r.homeUnitRecallDays + leaveOf(r, 'HOME_UNIT_RECALL') },
    { header: '缺勤', width: 7, value: (r) => r.absentDays },
  ];
  // The remark takes the rest of a constant width, so every notice prints at the same scale.
  const used = fixed.reduce((n, c) => n + c.width, 0);
  return [...fixed, { header: '备注', width: Math.max(20, TABLE_WIDTH - used), value: (r) => r.remark ?? '', align: 'left' }];
}

/** The width of the table in character units: one A4 landscape page wide at about 100%. */
const TABLE_WIDTH = 118;

export function noticeTitle(s: Pick<NoticeSheet, 'regionName' | 'month'>): string {
  const [y, m] = s.month.split('-');
  return `${s.regionName}巡察干部${y}年${Number(m)}月考勤情况公示`;
}

/** The notice's text around the table: a correction line, the opening, the posting period and the foot. */
export function noticeTexts(s: NoticeSheet) {
  const [y, m] = s.month.split('-').map(Number);
  const office = s.issuingOffice ?? defaultIssuingOffice(s.regionName);
  const status = [
    ...(s.replacesPublishedAt ? [`（更正公示，替代${dateZh(localDateOf(s.replacesPublishedAt))}发布的公示）`] : []),
    ...(s.supersededAt ? [`（本公示已由${dateZh(localDateOf(s.supersededAt))}发布的更正公示替代，以更正公示为准）`] : []),
  ];
  const opening = `现将${s.regionName}巡察干部${y}年${m}月考勤情况予以公示。天数按国家法定工作日计算，以半天为单位；请假按已批准且已到期的请假统计；原单位召回含因原单位召回而请假的天数。`;
  const contact = s.objectionContact ? `（联系方式：${s.objectionContact}）` : '';
  const posting =
    s.postedFrom && s.postedUntil
      ? `公示期：${dateZh(s.postedFrom)}至${dateZh(s.postedUntil)}（${s.postingWorkingDays}个工作日）。公示期内如有异议，请向${office}反映${contact}。`
      : `如有异议，请向${office}反映${contact}。`;
  return { status, opening, posting, office, date: dateZh(localDateOf(s.publishedAt)) };
}

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = '宋体';

/**
 * The notice as an .xlsx workbook an office prints and posts as it is: A4 landscape, one page
 * wide, 25 people per page with the header rows repeated, the issuing office and date at the foot.
 */
export async function noticeWorkbook(s: NoticeSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = s.issuingOffice ?? defaultIssuingOffice(s.regionName);
  wb.created = s.publishedAt;
  const [y, m] = s.month.split('-').map(Number);
  const ws = wb.addWorksheet(`${y}年${m}月考勤公示`, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  const columns = noticeColumns(s.rows);
  const width = columns.length;
  const texts = noticeTexts(s);
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));

  const line = (text: string, o: { size: number; bold?: boolean; height: number; align: 'center' | 'left' | 'right' }) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, width);
    const cell = row.getCell(1);
    cell.font = { name: FONT, size: o.size, bold: o.bold };
    cell.alignment = { horizontal: o.align, vertical: 'middle', wrapText: true, indent: o.align === 'right' ? 2 : 0 };
    row.height = o.height;
    return row;
  };

  line(noticeTitle(s), { size: 18, bold: true, height: 32, align: 'center' });
  for (const text of texts.status) line(text, { size: 12, height: 20, align: 'center' });
  line(texts.opening, { size: 11, height: 40, align: 'left' });

  // Two header rows: a column without a group spans both; a group spans its columns.
  const top = ws.addRow(columns.map((c) => c.group ?? c.header));
  const sub = ws.addRow(columns.map((c) => (c.group ? c.header : '')));
  columns.forEach((c, i) => {
    if (!c.group) ws.mergeCells(top.number, i + 1, sub.number, i + 1);
  });
  for (let i = 0; i < width; ) {
    const g = columns[i].group;
    let j = i;
    while (g && j + 1 < width && columns[j + 1].group === g) j++;
    if (g && j > i) ws.mergeCells(top.number, i + 1, top.number, j + 1);
    i = j + 1;
  }
  for (const row of [top, sub]) {
    row.height = 18;
    for (let col = 1; col <= width; col++) {
      const cell = row.getCell(col);
      cell.font = { name: FONT, size: 11, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    }
  }

  s.rows.forEach((r, i) => {
    const row = ws.addRow(columns.map((c) => c.value(r, i)));
    row.height = 16;
    columns.forEach((c, k) => {
      const cell = row.getCell(k + 1);
      cell.font = { name: FONT, size: 11 };
      cell.alignment = { horizontal: c.align ?? 'center', vertical: 'middle', shrinkToFit: c.align === 'left', indent: c.align === 'left' ? 1 : 0 };
      cell.border = BORDER;
    });
    // A new page after every 25 people, the header rows repeated on it.
    if ((i + 1) % ROWS_PER_PAGE === 0 && i + 1 < s.rows.length) row.addPageBreak();
  });

  ws.addRow([]);
  line(texts.posting, { size: 11, height: 32, align: 'left' });
  ws.addRow([]);
  line(texts.office, { size: 12, height: 20, align: 'right' });
  const last = line(texts.date, { size: 12, height: 20, align: 'right' });

  ws.pageSetup.printTitlesRow = `${top.number}:${sub.number}`;
  ws.pageSetup.printArea = `A1:${ws.getColumn(width).letter}${last.number}`;
  ws.views = [{ state: 'frozen', ySplit: sub.number }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
