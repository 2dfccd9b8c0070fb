import DataLoader from 'dataloader';
import type { Logger } from 'pino';
import { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { Access, AuthAccount } from './auth/access';
import type { SessionRestriction } from './auth/rules/sessions';
import type { SecuritySettingsData } from './auth/rules/security-settings';
import type { AuditEvent } from './audit/audit-event';
import { Clock } from './common/clock';
import { Locale } from './common/i18n';
import { Config } from './config';
import { Database } from './db/data-source';

/**
 * Everything a request carries: who asks, in which language, the database handle (the
 * mutation's transaction inside a mutation), per-request DataLoaders and the clock.
 * Services take it as their first argument.
 */
export interface Ctx {
  requestId: string;
  locale: Locale;
  account: AuthAccount | null;
  auth: Access;
  /** The current EntityManager: the mutation's transaction inside a mutation. */
  em: EntityManager;
  db: Database;
  dialect: Database['dialect'];
  clock: Clock;
  config: Config;
  log: Logger;
  /** Who else the features let this account read in a limited view (src/access). */
  personGrants: readonly PersonGrant[];
  /** A per-request DataLoader, made on first use. */
  loader<K, V>(key: string, make: () => DataLoader<K, V>): DataLoader<K, V>;
  /** Any other per-request state, made on first use and dropped with the loaders. */
  local<T>(key: string, make: () => T): T;
  /** Drops every loader's cache (the mutation middleware does this around each mutation). */
  resetLoaders(): void;
  /** Names ids in the current mutation's audit record. */
  touch(...ids: (string | null | undefined)[]): void;
  touched: Set<string>;
  /**
   * The clock of sign-in security: sessions' idle and absolute limits, lockouts, password age,
   * TOTP. The system clock in service; tests fix it apart from the business clock they move.
   */
  authClock: Clock;
  /** The client's address (behind a proxy only when TRUST_PROXY says so), for sign-in records. */
  clientAddress: string | null;
  /** The session the bearer token names, when it is active. */
  session: SessionInfo | null;
  /** The security settings, when the request's session load brought them. */
  securitySettings: SecuritySettingsData | null;
  /** Records a security event, written with the mutation's audit record in its transaction. */
  recordEvent(event: AuditEvent): void;
  events: AuditEvent[];
  /**
   * Work to run after the mutation's transaction, committed or rolled back, in its own
   * transaction: what a failing mutation must still leave behind (a failed sign-in).
   */
  afterTransaction(work: () => Promise<void>): void;
  /** The work queued by afterTransaction, taken (and emptied) by the mutation middleware. */
  takeAfterTransaction(): (() => Promise<void>)[];
  /**
   * Notes persons whose private facts (relations, interest ties, birth date, avoidance findings)
   * this request reads; one audit record lists them after the request.
   */
  notePrivateRead(personIds: Iterable<string | null | undefined>): void;
  readonly privateReads: ReadonlySet<string>;
}

/** The signed-in session as a request sees it. */
export interface SessionInfo {
  id: string;
  accountId: string;
  createdAt: Date;
  restriction: SessionRestriction | null;
}

/** Persons a feature lets the account read in a limited view (see src/people/person.access.ts). */
export type PersonGrant = (ctx: Ctx, personIds: string[]) => Promise<Set<string>>;

export function repo<T extends ObjectLiteral>(ctx: Ctx, entity: EntityTarget<T>): Repository<T> {
  return ctx.em.getRepository(entity);
}

export interface CtxInit {
  requestId: string;
  locale: Locale;
  account: AuthAccount | null;
  db: Database;
  clock: Clock;
  config: Config;
  log: Logger;
  makeAccess: (ctx: Ctx, account: AuthAccount | null) => Access;
  personGrants?: readonly PersonGrant[];
  authClock?: Clock;
  clientAddress?: string | null;
  session?: SessionInfo | null;
  securitySettings?: SecuritySettingsData | null;
}

/** What changes during a request; shared by the context and every shallow copy of it. */
interface RequestState {
  em: EntityManager;
  touched: Set<string>;
  events: AuditEvent[];
  afterTransaction: (() => Promise<void>)[];
  privateReads: Set<string>;
  loaders: Map<string, unknown>;
}

/**
 * Apollo hands resolvers a shallow copy of the context object (prototype kept, own properties
 * copied), while the access checks keep the original. So the state that changes during a
 * request (the mutation's EntityManager, the ids named for the audit, the loaders) lives in one
 * object behind prototype accessors: the original and every copy read and write the same state.
 */
class RequestContext implements Ctx {
  requestId: string;
  locale: Locale;
  account: AuthAccount | null;
  auth!: Access;
  db: Database;
  dialect: Database['dialect'];
  clock: Clock;
  config: Config;
  log: Logger;
  personGrants: readonly PersonGrant[];
  authClock: Clock;
  clientAddress: string | null;
  session: SessionInfo | null;
  securitySettings: SecuritySettingsData | null;
  private readonly state: RequestState;

  constructor(init: CtxInit) {
    this.requestId = init.requestId;
    this.locale = init.locale;
    this.account = init.account;
    this.db = init.db;
    this.dialect = init.db.dialect;
    this.clock = init.clock;
    this.config = init.config;
    this.log = init.log;
    this.personGrants = init.personGrants ?? [];
    this.authClock = init.authClock ?? init.clock;
    this.clientAddress = init.clientAddress ?? null;
    this.session = init.session ?? null;
    this.securitySettings = init.securitySettings ?? null;
    this.state = { em: init.db.dataSource.manager, touched: new Set(), events: [], afterTransaction: [], privateReads: new Set(), loaders: new Map() };
  }

  get em(): EntityManager {
    return this.state.em;
  }
  set em(em: EntityManager) {
    this.state.em = em;
  }
  get touched(): Set<string> {
    return this.state.touched;
  }
  set touched(ids: Set<string>) {
    this.state.touched = ids;
  }

  loader<K, V>(key: string, make: () => DataLoader<K, V>): DataLoader<K, V> {
    return this.local(key, make);
  }

  local<T>(key: string, make: () => T): T {
    let l = this.state.loaders.get(key) as T | undefined;
    if (l === undefined) {
      l = make();
      this.state.loaders.set(key, l);
    }
    return l;
  }

  resetLoaders() {
    this.state.loaders = new Map();
  }

  get events(): AuditEvent[] {
    return this.state.events;
  }
  set events(events: AuditEvent[]) {
    this.state.events = events;
  }
  get privateReads(): ReadonlySet<string> {
    return this.state.privateReads;
  }

  touch(...ids: (string | null | undefined)[]) {
    for (const id of ids) if (id) this.state.touched.add(id);
  }

  recordEvent(event: AuditEvent) {
    this.state.events.push(event);
  }

  afterTransaction(work: () => Promise<void>) {
    this.state.afterTransaction.push(work);
  }

  takeAfterTransaction() {
    const work = this.state.afterTransaction;
    this.state.afterTransaction = [];
    return work;
  }

  notePrivateRead(personIds: Iterable<string | null | undefined>) {
    for (const id of personIds) if (id) this.state.privateReads.add(id);
  }
}

export function createContext(init: CtxInit): Ctx {
  const ctx = new RequestContext(init);
  ctx.auth = init.makeAccess(ctx, init.account);
  return ctx;
}
