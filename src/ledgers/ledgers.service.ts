/**
 * Ledger import and export: the access checks, the file, the plan and, when asked for and
 * without error, the writes with their audit record, all in one transaction.
 */
import { Ctx } from '../context';
import { badInput } from '../common/errors';
import { localize, msg } from '../common/i18n';
import { inTransaction } from '../db/transaction';
import { writeAudit, noteForAudit } from '../audit/audit.service';
import { requireRegion } from '../regions/regions.service';
import { checkHeaders, countOutcomes, Errors, KindName, LedgerKind } from './ledger';
import { ledgerWorkbook, readTable, Table } from './sheet';

export interface ImportReport {
  kind: KindName;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: { row: number; column: string; message: string }[];
}

export interface ImportRequest {
  regionId: string;
  dryRun: boolean;
  body: Buffer;
  fileName: string;
}

async function tableOf(body: Buffer): Promise<Table> {
  try {
    return await readTable(body);
  } catch {
    throw badInput('file', msg('无法读取该文件：请上传导入模板格式的 .xlsx 或 .csv 文件', 'The file cannot be read: send an .xlsx or .csv file in the template\'s format'));
  }
}

/**
 * Imports a ledger file into the region. Every problem of every row is reported at once; nothing
 * is written unless `dryRun` is false and there is none, and then everything is written in one
 * transaction (an import that fails half-way leaves nothing) with one audit record naming the
 * file and the counts.
 */
export async function importLedger(ctx: Ctx, kind: LedgerKind, q: ImportRequest): Promise<ImportReport> {
  const account = ctx.auth.require(kind.importPermission);
  const region = await requireRegion(ctx, q.regionId, 'regionId');
  const table = await tableOf(q.body);
  const errors = new Errors();
  checkHeaders(table, kind.sheet, errors);
  // Errors in reading order: by row, then by the column's place in the template.
  const place = new Map(kind.sheet.columns.map((c, i) => [c.header, i]));
  const report = (counts = { created: 0, updated: 0, unchanged: 0 }): ImportReport => ({
    kind: kind.name,
    rows: table.rows.length,
    ...counts,
    errors: errors.list
      .sort((a, b) => a.row - b.row || (place.get(a.column) ?? 0) - (place.get(b.column) ?? 0))
      .map((e) => ({ row: e.row, column: e.column, message: localize(e.message, ctx.locale) })),
  });
  if (!errors.empty) return report();

  const run = async () => {
    const plan = await kind.plan(ctx, { region, table, errors, fileName: q.fileName });
    const counts = countOutcomes(plan.outcomes);
    if (errors.empty && !q.dryRun) {
      await plan.write(ctx);
      noteForAudit(ctx, `${kind.name} ${q.fileName}: rows ${table.rows.length}, created ${counts.created}, updated ${counts.updated}, unchanged ${counts.unchanged}`);
      await writeAudit(ctx, 'importLedger', { regionId: region.id }, account.id);
    }
    return errors.empty ? report(counts) : report();
  };
  if (q.dryRun) return run();
  const base = ctx.em;
  try {
    return await inTransaction(ctx.db.dataSource, async (em) => {
      ctx.em = em;
      ctx.resetLoaders();
      errors.list.length = 0;
      return run();
    });
  } finally {
    ctx.em = base;
    ctx.resetLoaders();
  }
}

/** The template of a kind: its headers, an example row and the instructions sheet. */
export async function ledgerTemplate(ctx: Ctx, kind: LedgerKind): Promise<Buffer> {
  ctx.auth.signedIn();
  return ledgerWorkbook(kind.sheet, [kind.example]);
}

/** The region's records of a kind, in the template's own format (so that a file round-trips). */
export async function exportLedger(ctx: Ctx, kind: LedgerKind, regionId: string): Promise<Buffer> {
  for (const p of kind.exportPermissions) ctx.auth.require(p);
  const region = await requireRegion(ctx, regionId, 'regionId');
  return ledgerWorkbook(kind.sheet, await kind.exportRows(ctx, region));
}
