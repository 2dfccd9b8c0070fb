import { DataSource, EntityManager } from 'typeorm';

const DEADLOCK = 1213; // ER_LOCK_DEADLOCK: MySQL rolled the transaction back; it is safe to retry.
const MAX_ATTEMPTS = 4;

export function isDeadlock(e: unknown): boolean {
  const err = e as { errno?: number; driverError?: { errno?: number } };
  return err?.errno === DEADLOCK || err?.driverError?.errno === DEADLOCK;
}

/** True for a unique-key violation on either database. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } };
  const code = err?.driverError?.code ?? err?.code;
  const errno = err?.driverError?.errno ?? err?.errno;
  return code === 'ER_DUP_ENTRY' || errno === 1062 || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT_UNIQUE')) || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

// better-sqlite3 gives one connection to the process: transactions must not interleave on it.
// (SQLite is embedded, so this process is its only writer; MySQL needs no such queue.)
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

function serialized<T>(ds: DataSource, fn: () => Promise<T>): Promise<T> {
  if (ds.options.type === 'mysql') return fn();
  const prev = sqliteQueues.get(ds) ?? Promise.resolve();
  const next = prev.then(fn, fn);
  sqliteQueues.set(
    ds,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * Runs `work` in one transaction (READ COMMITTED on MySQL, so row locks see committed rows),
 * retried when MySQL reports a deadlock. `work` may run more than once: it must keep its
 * effects inside the transaction. `plain`: the server's default isolation (one statement less),
 * for work whose reads are all locking reads, which see committed rows at any level.
 */
export async function inTransaction<T>(ds: DataSource, work: (em: EntityManager, attempt: number) => Promise<T>, opts: { plain?: boolean } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await serialized(ds, () =>
        ds.options.type === 'mysql' && !opts.plain
          ? ds.transaction('READ COMMITTED', (em) => work(em, attempt))
          : ds.transaction((em) => work(em, attempt)),
      );
    } catch (e) {
      if (!isDeadlock(e) || attempt >= MAX_ATTEMPTS) throw e;
      // Jitter so that the two sides of a deadlock do not collide again.
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}
