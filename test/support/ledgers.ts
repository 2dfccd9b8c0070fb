import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { TestServer } from './server';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** A CSV file as Excel writes it: every field quoted, CRLF, in the given encoding. */
export function csvFile(rows: string[][], encoding: Encoding = 'utf-8'): Buffer {
  const text = rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  const body = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/** An .xlsx file with the rows on its first sheet; cells that look like dates are written as date cells. */
export async function xlsxFile(rows: string[][], opts: { dateCells?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  rows.forEach((r, i) =>
    ws.addRow(r.map((v) => (opts.dateCells && i > 0 && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v))),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The rows of an .xlsx file's first sheet (or the named one), as text. */
export async function sheetRows(body: Buffer, sheet?: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = sheet ? wb.getWorksheet(sheet)! : wb.worksheets[0];
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value;
      values[c - 1] = v instanceof Date ? v.toISOString().slice(0, 10) : v == null ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((x) => x.text).join('') : String(v);
    });
    out.push(Array.from(values, (v) => v ?? ''));
  });
  return out;
}

export interface ImportReport {
  kind: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: { row: number; column: string; message: string }[];
}

export async function postImport(
  t: TestServer,
  kind: string,
  regionId: string,
  body: Buffer,
  opts: { dryRun?: boolean; token?: string; fileName?: string; lang?: string } = {},
): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${opts.token ?? t.adminToken}`,
    'content-type': body.subarray(0, 2).toString('latin1') === 'PK' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
  };
  if (opts.fileName) headers['content-disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(opts.fileName)}`;
  if (opts.lang) headers['accept-language'] = opts.lang;
  const url = `${t.url}/imports/${kind}?regionId=${encodeURIComponent(regionId)}&dryRun=${opts.dryRun ?? false}`;
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, json: await res.json() };
}

/** Imports and expects a report without errors. */
export async function imported(t: TestServer, kind: string, regionId: string, body: Buffer, opts: Parameters<typeof postImport>[4] = {}): Promise<ImportReport> {
  const { status, json } = await postImport(t, kind, regionId, body, opts);
  if (status !== 200 || json.errors?.length) throw new Error(`import of ${kind} failed: ${status} ${JSON.stringify(json)}`);
  return json;
}

export async function download(t: TestServer, path: string, token?: string): Promise<{ status: number; body: Buffer; type: string | null }> {
  const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token ?? t.adminToken}` } });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') };
}
