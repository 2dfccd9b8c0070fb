/**
 * The one place where column types are chosen, for entities and for migrations alike, so that
 * the same definitions work on SQLite and MySQL/MariaDB:
 * - ids: varchar(36) holding UUIDv7 strings;
 * - enums: varchar plus a TypeScript union (no native enum);
 * - dates: `date` columns holding 'YYYY-MM-DD' strings (mysql2 is told to return them as strings);
 * - instants: UTC `datetime(3)`;
 * - JSON: text holding JSON (simple-json), only where truly needed.
 */
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, ColumnOptions, PrimaryColumn } from 'typeorm';
import { TableColumnOptions } from 'typeorm/schema-builder/options/TableColumnOptions';
import { TableForeignKeyOptions } from 'typeorm/schema-builder/options/TableForeignKeyOptions';
import { newId } from './ids';

export const ID_LENGTH = 36;

// ---------------------------------------------------------------- entity decorators

export const IdColumn = () => PrimaryColumn({ type: 'varchar', length: ID_LENGTH });
export const RefColumn = (opts: { nullable?: boolean; name?: string } = {}) =>
  Column({ type: 'varchar', length: ID_LENGTH, nullable: opts.nullable ?? false, name: opts.name });
export const StringColumn = (length: number, opts: { nullable?: boolean; name?: string } = {}) =>
  Column({ type: 'varchar', length, nullable: opts.nullable ?? false, name: opts.name });
export const TextColumn = (opts: { nullable?: boolean; name?: string } = {}) =>
  Column({ type: 'text', nullable: opts.nullable ?? false, name: opts.name });
export const EnumColumn = (opts: { nullable?: boolean; name?: string; length?: number } = {}) =>
  Column({ type: 'varchar', length: opts.length ?? 32, nullable: opts.nullable ?? false, name: opts.name });
export const BoolColumn = (opts: { name?: string; default?: boolean } = {}) =>
  Column({ type: 'boolean', name: opts.name, default: opts.default ?? false });
export const IntColumn = (opts: { nullable?: boolean; name?: string } = {}) =>
  Column({ type: 'int', nullable: opts.nullable ?? false, name: opts.name });
/** Fractional numbers that must stay exact in half steps (e.g. working days). */
export const DecimalColumn = (opts: { nullable?: boolean; name?: string } = {}) =>
  Column({
    type: 'decimal',
    precision: 8,
    scale: 1,
    nullable: opts.nullable ?? false,
    name: opts.name,
    transformer: { to: (v: number | null) => v, from: (v: string | number | null) => (v == null ? v : Number(v)) },
  });
export const DateColumn = (opts: { nullable?: boolean; name?: string } = {}) =>
  Column({ type: 'date', nullable: opts.nullable ?? false, name: opts.name });
export const InstantColumn = (opts: { nullable?: boolean; name?: string } = {}) =>
  Column({ type: 'datetime', precision: 3, nullable: opts.nullable ?? false, name: opts.name } as ColumnOptions);
export const JsonColumn = (opts: { nullable?: boolean; name?: string } = {}) =>
  Column({ type: 'simple-json', nullable: opts.nullable ?? false, name: opts.name });

/**
 * Base of every entity: an opaque id assigned on creation (`new X()`), so it can be used before
 * the row is inserted. Rows read from the database skip the constructor (entitySkipConstructor in
 * db/data-source.ts) and get their stored id only.
 */
@ObjectType('Node_', { description: 'internal base type' })
export abstract class Identified {
  @Field(() => ID) @IdColumn() id: string = newId();
}

// ---------------------------------------------------------------- migration column helpers

type Nullable = { nullable?: boolean };
export const col = {
  id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: String(ID_LENGTH), isPrimary: true }),
  ref: (name: string, o: Nullable = {}): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(ID_LENGTH),
    isNullable: o.nullable ?? false,
  }),
  string: (name: string, length: number, o: Nullable = {}): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: o.nullable ?? false,
  }),
  text: (name: string, o: Nullable = {}): TableColumnOptions => ({ name, type: 'text', isNullable: o.nullable ?? false }),
  enum: (name: string, o: Nullable & { length?: number } = {}): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(o.length ?? 32),
    isNullable: o.nullable ?? false,
  }),
  bool: (name: string, dflt = false): TableColumnOptions => ({ name, type: 'boolean', default: dflt ? 1 : 0 }),
  int: (name: string, o: Nullable = {}): TableColumnOptions => ({ name, type: 'int', isNullable: o.nullable ?? false }),
  decimal: (name: string, o: Nullable = {}): TableColumnOptions => ({
    name,
    type: 'decimal',
    precision: 8,
    scale: 1,
    isNullable: o.nullable ?? false,
  }),
  date: (name: string, o: Nullable = {}): TableColumnOptions => ({ name, type: 'date', isNullable: o.nullable ?? false }),
  instant: (name: string, o: Nullable = {}): TableColumnOptions => ({
    name,
    type: 'datetime',
    precision: 3,
    isNullable: o.nullable ?? false,
  }),
  json: (name: string, o: Nullable = {}): TableColumnOptions => ({ name, type: 'text', isNullable: o.nullable ?? false }),
  /** JSON that may pass MySQL's 64 KB `text` (e.g. a whole composition): `longtext` there, `text` on SQLite. */
  longJson: (name: string, dialect: string): TableColumnOptions => ({ name, type: dialect === 'mysql' ? 'longtext' : 'text', isNullable: false }),
};

/** A foreign key to another table's id; RESTRICT by default, because nothing is deleted. */
export const fk = (column: string, table: string, onDelete: 'RESTRICT' | 'CASCADE' = 'RESTRICT'): TableForeignKeyOptions => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
});

/**
 * An instant read by raw SQL: mysql2 gives a Date (UTC, `timezone: 'Z'`), SQLite the UTC text
 * TypeORM stored ('YYYY-MM-DD HH:MM:SS.SSS').
 */
export function instantFromRaw(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/** An instant as raw SQL takes it on both databases: UTC 'YYYY-MM-DD HH:MM:SS.SSS'. */
export function instantToRaw(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}
