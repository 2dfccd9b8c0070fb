import type { AuditKind } from './audit.entity';

/** A security event as a service reports it; the audit service adds who, where, when and the chain. */
export interface AuditEvent {
  kind: AuditKind;
  /** The account the event is of; by default the signed-in one. */
  accountId?: string | null;
  /** The username as typed, for sign-ins. */
  username?: string | null;
  reason?: string | null;
  /** What changed, e.g. { before, after } (ids and names, never secrets). */
  details?: Record<string, unknown> | null;
  targetIds?: (string | null | undefined)[];
  personIds?: Iterable<string>;
}
