/**
 * Reading a ledger file into rows of text cells, and writing rows into a workbook laid out as
 * the template: .xlsx through exceljs; .csv through csv-parse, in UTF-8 (with or without a byte
 * order mark) or GB18030 (what Chinese Excel writes by default), told apart by whether the bytes
 * are valid UTF-8.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

export type FileFormat = 'xlsx' | 'csv';

/** One data row: its number (1 = the first data row) and its cells by header. */
export interface DataRow {
  row: number;
  cells: Map<string, string>;
}

export interface Table {
  format: FileFormat;
  encoding: 'utf-8' | 'gb18030' | null;
  headers: string[];
  rows: DataRow[];
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function formatOf(body: Buffer): FileFormat {
  return body.subarray(0, 4).equals(ZIP) ? 'xlsx' : 'csv';
}

/** The text of a CSV file and the encoding it was in. */
export function decodeCsv(body: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' } {
  if (body.subarray(0, 3).equals(BOM)) return { text: body.subarray(3).toString('utf8'), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(body, 'gb18030'), encoding: 'gb18030' };
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell's value as the text a clerk sees: dates as YYYY-MM-DD, numbers as written. */
function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

/** The rows under the header row; rows with every cell empty are left out (their numbers kept). */
function toTable(format: FileFormat, encoding: Table['encoding'], grid: string[][]): Table {
  const headers = (grid[0] ?? []).map((h) => h.trim());
  const rows: DataRow[] = [];
  for (let i = 1; i < grid.length; i++) {
    const values = grid[i].map((v) => v.trim());
    if (values.every((v) => v === '')) continue;
    const cells = new Map<string, string>();
    headers.forEach((h, j) => {
      if (h) cells.set(h, values[j] ?? '');
    });
    rows.push({ row: i, cells });
  }
  return { format, encoding, headers, rows };
}

/** Reads the first worksheet of an .xlsx file, or a CSV file. Throws on a file that is neither. */
export async function readTable(body: Buffer): Promise<Table> {
  const format = formatOf(body);
  if (format === 'csv') {
    const { text, encoding } = decodeCsv(body);
    const grid = parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
    return toTable('csv', encoding, grid);
  }
  // The whole workbook, not exceljs's streaming reader: that one splits characters of several
  // bytes (most Chinese) where its chunks end.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const grid: string[][] = [];
  ws?.eachRow({ includeEmpty: false }, (row, n) => {
    const values = row.values as ExcelJS.CellValue[];
    grid[n - 1] = Array.from({ length: Math.max(0, values.length - 1) }, (_, c) => cellText(values[c + 1]));
  });
  return toTable('xlsx', null, Array.from(grid, (r) => r ?? []));
}

export interface Column {
  header: string;
  required?: boolean;
  /** What goes in the cell: format and allowed values, for the instructions sheet. */
  note: string;
  width?: number;
}

export interface SheetSpec {
  /** The data sheet's name. */
  name: string;
  title: string;
  columns: Column[];
  /** Lines of general instructions above the column table. */
  instructions: string[];
}

/**
 * A workbook in the template's layout: the data sheet (headers in row 1, then `rows`) and an
 * instructions sheet (allowed values, date formats). Every cell is text, so that codes keep
 * their leading zeros and dates their format.
 */
export async function ledgerWorkbook(spec: SheetSpec, rows: readonly string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '巡察干部管理';
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 4), style: { numFmt: '@' } }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle' };
  spec.columns.forEach((c, i) => {
    if (c.required) header.getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  for (const r of rows) ws.addRow(r);

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 18 }, { width: 10 }, { width: 90 }];
  help.addRow([spec.title]).font = { bold: true, size: 14 };
  for (const line of spec.instructions) help.addRow([line]);
  help.addRow([]);
  const h = help.addRow(['列名', '是否必填', '填写要求']);
  h.font = { bold: true };
  for (const c of spec.columns) help.addRow([c.header, c.required ? '必填' : '选填', c.note]).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
