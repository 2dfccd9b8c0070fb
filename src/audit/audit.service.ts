import { EntityManager, MoreThan } from 'typeorm';
import { Ctx } from '../context';
import { badInput } from '../common/errors';
import { msg } from '../common/i18n';
import { paginate, PageArgs } from '../common/pagination';
import { instantToRaw } from '../db/columns';
import { Database } from '../db/data-source';
import { inTransaction } from '../db/transaction';
import { newId } from '../db/ids';
import { AuditChainHead, AuditEntry, AuditKind, AuditSubject, CHAIN_HEAD_ID } from './audit.entity';
import type { AuditEvent } from './audit-event';
import { checkLinks, GENESIS_HASH, linkHash } from './rules/chain';

const ID_KEY = /(^id$|Id$|Ids$)/;

/** The ids named in a mutation's input: every field called id, …Id or …Ids, at any depth. */
export function idsInInput(value: unknown, out = new Set<string>(), key = ''): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => idsInInput(v, out, key));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) idsInInput(v, out, k);
  else if (typeof value === 'string' && ID_KEY.test(key)) out.add(value);
  return out;
}

/** A record before it takes its place in the chain. */
export interface NewAuditRecord {
  kind: AuditKind;
  operation: string;
  accountId: string | null;
  username: string | null;
  clientAddress: string | null;
  reason: string | null;
  details: string | null;
  targetIds: string[];
  personIds: string[];
  requestId: string | null;
  at: Date;
  /** The reason of a correction, the file and counts of an import (noteForAudit). */
  note?: string | null;
}

const NOTE = 'audit:note';
const NOTE_MAX = 1000;

/**
 * Gives the current mutation's audit record its note: the reason of a correction, or the file
 * and counts of an import. Request-local, so a retried transaction starts without one.
 */
export function noteForAudit(ctx: Ctx, note: string) {
  ctx.local<{ text: string | null }>(NOTE, () => ({ text: null })).text = note.length > NOTE_MAX ? `${note.slice(0, NOTE_MAX - 1)}…` : note;
}

const truncate = (s: string | null | undefined, n: number) => (s == null ? null : s.slice(0, n));

/** A record of an event in this request: by default of the signed-in account, from its address. */
export function recordOf(ctx: Ctx, operation: string, e: AuditEvent): NewAuditRecord {
  return {
    kind: e.kind,
    operation: operation.slice(0, 64),
    accountId: e.accountId === undefined ? (ctx.account?.id ?? null) : e.accountId,
    username: truncate(e.username, 128),
    clientAddress: truncate(ctx.clientAddress, 64),
    reason: truncate(e.reason, 64),
    details: e.details ? JSON.stringify(e.details) : null,
    targetIds: [...new Set((e.targetIds ?? []).filter((x): x is string => !!x))],
    personIds: [...new Set(e.personIds ?? [])].sort(),
    requestId: ctx.requestId,
    at: ctx.clock.now(),
  };
}

const isMysql = (em: EntityManager) => em.connection.options.type === 'mysql';

/**
 * Ids one record lists at most, in each of its id columns: 1,000 ids take 37 KB, within MySQL's
 * TEXT (64 KB). A record that names more (an avoidance matrix of 2,000 persons) is written as
 * several records, each with its share of the ids and otherwise the same.
 */
export const IDS_PER_RECORD = 1000;

/** Records split so that no id column holds more than IDS_PER_RECORD ids. */
export function withinColumnLimits(records: readonly NewAuditRecord[]): NewAuditRecord[] {
  return records.flatMap((r) => {
    const parts = Math.max(1, Math.ceil(r.targetIds.length / IDS_PER_RECORD), Math.ceil(r.personIds.length / IDS_PER_RECORD));
    if (parts === 1) return [r];
    const share = (ids: string[], i: number) => ids.slice(i * IDS_PER_RECORD, (i + 1) * IDS_PER_RECORD);
    return Array.from({ length: parts }, (_, i) => ({ ...r, targetIds: share(r.targetIds, i), personIds: share(r.personIds, i) }));
  });
}

/**
 * Appends records to the chain in the caller's transaction. The chain head's row is locked
 * (SELECT … FOR UPDATE on MySQL; SQLite runs one writer at a time) until that transaction ends,
 * so replicas append one after another; mutations take it last, after their own row locks, so it
 * cannot join a deadlock cycle. Costs four statements however many records.
 */
export async function appendAudit(em: EntityManager, records: NewAuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  const qb = em.createQueryBuilder(AuditChainHead, 'h').where('h.id = :id', { id: CHAIN_HEAD_ID });
  if (isMysql(em)) qb.setLock('pessimistic_write');
  const head = (await qb.getOne()) ?? { seq: 0, hash: GENESIS_HASH };
  let { seq, hash } = head;
  const rows: AuditEntry[] = [];
  const subjects: AuditSubject[] = [];
  for (const r of withinColumnLimits(records)) {
    const entry = Object.assign(new AuditEntry(), {
      id: newId(),
      seq: seq + 1,
      kind: r.kind,
      operation: r.operation,
      accountId: r.accountId,
      username: r.username,
      clientAddress: r.clientAddress,
      reason: r.reason,
      details: r.details,
      targetIds: r.targetIds.join(' '),
      personIds: r.personIds.join(' '),
      requestId: r.requestId,
      at: r.at,
      note: r.note ?? null,
      prevHash: hash,
    });
    entry.hash = linkHash(hash, entry);
    ({ seq, hash } = { seq: entry.seq, hash: entry.hash });
    rows.push(entry);
    for (const s of new Set([...r.targetIds, ...r.personIds])) {
      if (s.length <= 36) subjects.push(Object.assign(new AuditSubject(), { recordId: entry.id, subjectId: s }));
    }
  }
  await em.insert(AuditEntry, rows);
  // Plain multi-row INSERTs: TypeORM's insert builder spends about 0.5 ms of CPU a row on its
  // parameters, and a matrix's record names thousands of persons.
  for (let i = 0; i < subjects.length; i += 1000) {
    const part = subjects.slice(i, i + 1000);
    await em.query(`INSERT INTO audit_subjects (record_id, subject_id) VALUES ${part.map(() => '(?, ?)').join(', ')}`, part.flatMap((x) => [x.recordId, x.subjectId]));
  }
  await em.update(AuditChainHead, { id: CHAIN_HEAD_ID }, { seq, hash });
}

/**
 * Appends records in a transaction of their own (for what happens outside a mutation's). Its one
 * read is the chain head's, locked: the server's default isolation does (no statement to set it).
 */
export function appendAuditAlone(db: Database, records: NewAuditRecord[]): Promise<void> {
  return inTransaction(db.dataSource, (em) => appendAudit(em, records), { plain: true });
}

interface Waiting {
  record: NewAuditRecord;
  done: (error?: unknown) => void;
}
const groups = new WeakMap<Database, { waiting: Waiting[]; running: boolean }>();

/**
 * Appends one record in a transaction of its own, together with the records other requests ask
 * to append meanwhile: while one transaction runs, the records that arrive wait and go into the
 * next, all of them (one lock of the chain head and one commit for many requests, in the order
 * they came). Resolves once the record is committed; fails when its transaction fails.
 */
export function appendAuditGrouped(db: Database, record: NewAuditRecord): Promise<void> {
  let group = groups.get(db);
  if (!group) groups.set(db, (group = { waiting: [], running: false }));
  const g = group;
  const committed = new Promise<void>((resolve, reject) => g.waiting.push({ record, done: (e) => (e === undefined ? resolve() : reject(e)) }));
  if (!g.running) {
    g.running = true;
    void (async () => {
      while (g.waiting.length > 0) {
        const batch = g.waiting.splice(0);
        try {
          await appendAuditAlone(
            db,
            batch.map((w) => w.record),
          );
          for (const w of batch) w.done();
        } catch (e) {
          for (const w of batch) w.done(e ?? new Error('audit append failed'));
        }
      }
      g.running = false;
    })();
  }
  return committed;
}

/**
 * Writes a mutation's record and the security events it reported, in its transaction. Only ids
 * and reasons: never values.
 */
export async function writeAudit(ctx: Ctx, operation: string, args: unknown, accountId: string | null) {
  const ids = idsInInput(args, new Set(ctx.touched));
  const mutation = {
    ...recordOf(ctx, operation, { kind: AuditKind.MUTATION, accountId, targetIds: [...ids] }),
    note: ctx.local<{ text: string | null }>(NOTE, () => ({ text: null })).text,
  };
  await appendAudit(ctx.em, [mutation, ...ctx.events.map((e) => recordOf(ctx, operation, e))]);
}

/** The record of the private facts a request read, when it read any (written after the request). */
export function privateReadRecord(ctx: Ctx, operation: string): NewAuditRecord | null {
  if (ctx.privateReads.size === 0) return null;
  return recordOf(ctx, operation, { kind: AuditKind.PRIVATE_READ, personIds: ctx.privateReads });
}

export interface AuditFilterData {
  accountId?: string | null;
  kind?: AuditKind | null;
  from?: Date | null;
  to?: Date | null;
  personId?: string | null;
}

/**
 * The records an audit reader may see, filtered. Under separation of duties nobody reads the
 * records of their own actions.
 */
function visibleRecords(ctx: Ctx, filter: AuditFilterData) {
  const reader = ctx.auth.require('audit:read');
  const qb = ctx.em.getRepository(AuditEntry).createQueryBuilder('a');
  if (filter.accountId) qb.andWhere('a.account_id = :accountId', { accountId: filter.accountId });
  if (filter.kind) qb.andWhere('a.kind = :kind', { kind: filter.kind });
  if (filter.from) qb.andWhere('a.at >= :from', { from: instantToRaw(filter.from) });
  if (filter.to) qb.andWhere('a.at < :to', { to: instantToRaw(filter.to) });
  if (filter.from && filter.to && filter.from > filter.to) throw badInput('to', msg('结束时间早于开始时间', 'The end of the period is before its start'));
  if (filter.personId) {
    qb.andWhere('a.id IN (SELECT s.record_id FROM audit_subjects s WHERE s.subject_id = :personId)', { personId: filter.personId });
  }
  if (ctx.config.separationOfDuties) qb.andWhere('(a.account_id IS NULL OR a.account_id <> :reader)', { reader: reader.id });
  return qb;
}

export async function auditLog(ctx: Ctx, page: PageArgs, filter: AuditFilterData = {}) {
  return paginate(visibleRecords(ctx, filter), page, { columns: ['a.id'], key: (a) => [a.id], descending: true });
}

export const EXPORT_LIMIT = 100_000;

/** Every visible record of a filter, oldest first, for the spreadsheet (at most EXPORT_LIMIT). */
export async function auditRecordsForExport(ctx: Ctx, filter: AuditFilterData): Promise<AuditEntry[]> {
  const qb = visibleRecords(ctx, filter);
  const count = await qb.clone().getCount();
  if (count > EXPORT_LIMIT) {
    throw badInput('from', msg(`记录超过 ${EXPORT_LIMIT} 条，请缩短时间段`, `More than ${EXPORT_LIMIT} records: choose a shorter period`));
  }
  return qb.orderBy('a.seq', 'ASC').getMany();
}

export interface AuditVerificationData {
  intact: boolean;
  checkedRecords: number;
  firstBrokenRecordId: string | null;
}

const VERIFY_BATCH = 2000;

/**
 * Walks the whole chain in sequence order, recomputing every hash. The first record whose
 * number, link or hash is wrong is the first broken one; a record outside the chain (no number)
 * is broken too, and a chain that stops short of its head (its newest records deleted) is not
 * intact although no record is broken.
 */
export async function verifyAuditLog(ctx: Ctx): Promise<AuditVerificationData> {
  ctx.auth.require('audit:read');
  const em = ctx.db.dataSource.manager;
  let at = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const batch = await em.find(AuditEntry, { where: { seq: MoreThan(at.seq) }, order: { seq: 'ASC' }, take: VERIFY_BATCH });
    const { broken, reached } = checkLinks(batch, at);
    if (broken) return { intact: false, checkedRecords: checked + batch.findIndex((r) => r.id === broken) + 1, firstBrokenRecordId: broken };
    checked += batch.length;
    at = reached;
    if (batch.length < VERIFY_BATCH) break;
  }
  const outside = await em.createQueryBuilder(AuditEntry, 'a').select('a.id', 'id').where('a.seq IS NULL').orderBy('a.id').limit(1).getRawOne<{ id: string }>();
  if (outside) return { intact: false, checkedRecords: checked, firstBrokenRecordId: outside.id };
  const head = await em.findOneBy(AuditChainHead, { id: CHAIN_HEAD_ID });
  const intact = !!head && head.seq === at.seq && head.hash === at.hash;
  return { intact, checkedRecords: checked, firstBrokenRecordId: null };
}
