/**
 * What every ledger kind provides (its sheet, how a file's rows become a plan of writes, and
 * its rows for the export), and the reading of a row's cells with every problem collected.
 */
import type { Ctx } from '../context';
import type { Msg } from '../common/i18n';
import type { Permission } from '../auth/rules/permissions';
import type { Region } from '../regions/region.entity';
import { parseDate, STILL_HELD, Vocabulary, YES_NO } from './rules/vocabulary';
import type { DataRow, SheetSpec, Table } from './sheet';
import { insertChunks, PersonRef } from './lookup';
import type { EntityTarget, ObjectLiteral } from 'typeorm';

export const KIND_NAMES = ['persons', 'employments', 'relations', 'pool-entries', 'rounds'] as const;
export type KindName = (typeof KIND_NAMES)[number];

export interface RowError {
  /** 1 is the first data row; 0 is the file itself (a missing column). */
  row: number;
  /** The template's Chinese header. */
  column: string;
  message: Msg;
}

export class Errors {
  readonly list: RowError[] = [];
  add(row: number, column: string, message: Msg) {
    this.list.push({ row, column, message });
  }
  get empty() {
    return this.list.length === 0;
  }
}

export type Outcome = 'created' | 'updated' | 'unchanged';

/** What an import would do: each row's outcome, and the writes (run only when there is no error). */
export interface Plan {
  outcomes: Map<number, Outcome>;
  write(ctx: Ctx): Promise<void>;
}

export interface PlanInput {
  region: Region;
  table: Table;
  errors: Errors;
  /** The file's name, for the records an import leaves (pool entry events). */
  fileName: string;
}

export interface LedgerKind {
  name: KindName;
  sheet: SheetSpec;
  /** One example row for the template. */
  example: string[];
  /** What importing this kind takes. */
  importPermission: Permission;
  /** What exporting it takes (the records hold birth dates: private facts). */
  exportPermissions: Permission[];
  plan(ctx: Ctx, input: PlanInput): Promise<Plan>;
  /** The region's records, as rows of the template. */
  exportRows(ctx: Ctx, region: Region): Promise<string[][]>;
}

/** The cells of one row, read by header; every problem goes to `errors` and gives null. */
export class Cells {
  constructor(
    private readonly data: DataRow,
    private readonly errors: Errors,
  ) {}

  get row() {
    return this.data.row;
  }

  fail(column: string, message: Msg): null {
    this.errors.add(this.data.row, column, message);
    return null;
  }

  /** The trimmed text, null when empty. */
  text(column: string, max = 200): string | null {
    const v = this.data.cells.get(column)?.trim() ?? '';
    if (!v) return null;
    if (v.length > max) return this.fail(column, { zh: `不能超过${max}个字符`, en: `At most ${max} characters` });
    return v;
  }

  required(column: string, max = 200): string | null {
    const v = this.text(column, max);
    if (v === null && !this.data.cells.get(column)?.trim()) return this.fail(column, { zh: '必须填写', en: 'Required' });
    return v;
  }

  date(column: string, required = false): string | null {
    const v = required ? this.required(column) : this.text(column);
    if (v === null) return null;
    return parseDate(v) ?? this.fail(column, { zh: `“${v}”不是有效日期（YYYY-MM-DD）`, en: `"${v}" is not a date (YYYY-MM-DD)` });
  }

  /** A date, or null for "still held" (empty or 至今), or undefined when the cell is empty. */
  endDate(column: string): string | null | undefined {
    const v = this.text(column);
    if (v === null) return undefined;
    if (STILL_HELD.has(v)) return null;
    return parseDate(v) ?? this.fail(column, { zh: `“${v}”不是有效日期（YYYY-MM-DD），在任请填“至今”`, en: `"${v}" is not a date (YYYY-MM-DD); write 至今 for a post still held` }) ?? undefined;
  }

  word<T extends string>(column: string, vocabulary: Vocabulary<T>, required = false): T | null {
    const v = required ? this.required(column) : this.text(column);
    if (v === null) return null;
    const value = vocabulary.read.get(v);
    if (value !== undefined) return value;
    const shown = vocabulary.words.slice(0, 12).join('、');
    return this.fail(column, { zh: `“${v}”不是可用的值（可填：${shown}${vocabulary.words.length > 12 ? '等' : ''}）`, en: `"${v}" is not an allowed value (e.g. ${shown})` });
  }

  /** 是/否; null when empty. */
  flag(column: string): boolean | null {
    const v = this.word(column, YES_NO);
    return v === null ? null : v === 'YES';
  }

  /**
   * The person a row names: by 编号, else by 姓名 + 出生日期 (姓名 is required without a code,
   * unless the person is `optional`), with a prefix for a second person.
   */
  personRef(prefix = '', optional = false): PersonRef {
    const cols = personColumns(prefix);
    const code = this.text(cols.code, 50);
    return { code, name: optional || code ? this.text(cols.name, 100) : this.required(cols.name, 100), birthDate: this.date(cols.birthDate) };
  }

  int(column: string, min: number, max: number): number | null {
    const v = this.required(column);
    if (v === null) return null;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) return this.fail(column, { zh: `须为${min}至${max}的整数`, en: `Must be a whole number from ${min} to ${max}` });
    return n;
  }
}

/** Missing columns of a file (reported as row 0). */
export function checkHeaders(table: Table, sheet: SheetSpec, errors: Errors) {
  const present = new Set(table.headers);
  for (const c of sheet.columns) {
    if (c.required && !present.has(c.header)) errors.add(0, c.header, { zh: '文件缺少此列（请使用导入模板）', en: 'The file lacks this column (use the template)' });
  }
}

/** Counts of a plan's outcomes. */
export function countOutcomes(outcomes: Map<number, Outcome>) {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const o of outcomes.values()) counts[o]++;
  return counts;
}

/** The person columns of a ledger row: 编号, 姓名, 出生日期 (with a prefix for a second person). */
export function personColumns(prefix = '') {
  return {
    code: `${prefix}编号`,
    name: `${prefix}姓名`,
    birthDate: `${prefix}出生日期`,
  };
}

export const PERSON_REF_NOTES = {
  code: '本单位人事档案编号等，本地区内唯一；填写后按编号识别人员',
  name: '未填编号时必填，按“姓名＋出生日期”在本地区识别人员（填了编号时用于核对）',
  birthDate: 'YYYY-MM-DD，如 1980-05-01（日期格式的单元格亦可）',
};

/** The writes of a plan that inserts new rows and updates changed ones of one table. */
export function insertsAndUpdates<T extends ObjectLiteral & { id: string }>(entity: EntityTarget<T>, inserts: readonly T[], updates: readonly { id: string; changes: Partial<T> }[]) {
  return async (tx: Ctx) => {
    await insertChunks(tx.em, entity, inserts);
    for (const u of updates) await tx.em.update(entity, { id: u.id } as never, u.changes as never);
  };
}
