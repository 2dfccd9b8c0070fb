import DataLoader from 'dataloader';
import type { Logger } from 'pino';
import { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { Access, AuthAccount } from './auth/access';
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
  /** A per-request DataLoader, made on first use. */
  loader<K, V>(key: string, make: () => DataLoader<K, V>): DataLoader<K, V>;
  /** Drops every loader's cache (the mutation middleware does this around each mutation). */
  resetLoaders(): void;
  /** Names ids in the current mutation's audit record. */
  touch(...ids: (string | null | undefined)[]): void;
  touched: Set<string>;
}

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
}

export function createContext(init: CtxInit): Ctx {
  let loaders = new Map<string, DataLoader<unknown, unknown>>();
  const ctx: Ctx = {
    requestId: init.requestId,
    locale: init.locale,
    account: init.account,
    auth: undefined as unknown as Access,
    em: init.db.dataSource.manager,
    db: init.db,
    dialect: init.db.dialect,
    clock: init.clock,
    config: init.config,
    log: init.log,
    loader<K, V>(key: string, make: () => DataLoader<K, V>) {
      let l = loaders.get(key);
      if (!l) {
        l = make() as DataLoader<unknown, unknown>;
        loaders.set(key, l);
      }
      return l as DataLoader<K, V>;
    },
    resetLoaders() {
      loaders = new Map();
    },
    touch(...ids) {
      for (const id of ids) if (id) ctx.touched.add(id);
    },
    touched: new Set(),
  };
  ctx.auth = init.makeAccess(ctx, init.account);
  return ctx;
}
