import { createHash } from 'node:crypto';

/** The hash before the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a record's hash covers: every stored field but the hash itself, as stored. */
export interface ChainedContent {
  seq: number;
  id: string;
  at: Date;
  accountId: string | null;
  kind: string;
  operation: string;
  username: string | null;
  clientAddress: string | null;
  reason: string | null;
  details: string | null;
  targetIds: string;
  personIds: string;
  requestId: string | null;
  /** A correction's reason or an import's file and counts; records without one hash as before it existed. */
  note?: string | null;
}

/** A fixed-order JSON array of the content, so that the hash does not depend on key order. */
export function canonical(c: ChainedContent): string {
  return JSON.stringify([
    c.seq,
    c.id,
    c.at.toISOString(),
    c.accountId,
    c.kind,
    c.operation,
    c.username,
    c.clientAddress,
    c.reason,
    c.details,
    c.targetIds,
    c.personIds,
    c.requestId,
    ...(c.note != null ? [c.note] : []),
  ]);
}

/** SHA-256 (hex) over the previous record's hash and this record's content. */
export function linkHash(prevHash: string, c: ChainedContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(c)).digest('hex');
}

export interface ChainedRecord extends ChainedContent {
  prevHash: string | null;
  hash: string | null;
}

export interface ChainPosition {
  seq: number;
  hash: string;
}

/**
 * Checks records that follow `from` in sequence order: each must carry the next number, the
 * previous record's hash, and the hash of its own content. Returns the first that does not
 * (its id), or the position reached.
 */
export function checkLinks(records: readonly ChainedRecord[], from: ChainPosition): { broken: string | null; reached: ChainPosition } {
  let at = from;
  for (const r of records) {
    if (r.seq !== at.seq + 1 || r.prevHash !== at.hash || r.hash !== linkHash(at.hash, r)) return { broken: r.id, reached: at };
    at = { seq: r.seq, hash: r.hash };
  }
  return { broken: null, reached: at };
}
