/**
 * What the MariaDB benchmarks share: a database of their own on the benchmark server (fresh, or
 * kept from an earlier run), the real server booted on it in production mode, and a GraphQL
 * client over HTTP with accounts to sign in as.
 */
import { AddressInfo } from 'node:net';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Ctx } from '../../src/context';
import mysql from 'mysql2/promise';
import { bootServer } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { Server } from '../../src/server';

export const BENCH_SERVER = (process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');
export const BENCH_ADMIN = { username: 'bench-admin', password: 'Bench-Pass-2025' };

export interface BenchDatabase {
  server: Server;
  /** True when the kept database already holds the data (`--reuse` and the marker round is there). */
  reused: boolean;
  /** Drops the database unless it is to be kept; closes the admin connection. */
  finish(keep: boolean): Promise<void>;
}

/** Boots the server on database `db`; with `reuse`, keeps it when it has a round named `marker`. */
export async function benchDatabase(db: string, marker: string, reuse: boolean): Promise<BenchDatabase> {
  const admin = await mysql.createConnection(`${BENCH_SERVER}/`);
  const [schemas] = (await admin.query('SELECT COUNT(*) AS n FROM information_schema.schemata WHERE schema_name = ?', [db])) as any;
  let reused = reuse && Number(schemas[0].n) === 1;
  if (reused) {
    const [[row]] = (await admin.query(`SELECT COUNT(*) AS n FROM \`${db}\`.rounds WHERE name = ?`, [marker])) as any;
    reused = Number(row.n) === 1;
  }
  if (!reused) {
    await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
    await admin.query(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: `${BENCH_SERVER}/${db}`,
    JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256-0123456789',
    BOOTSTRAP_ADMIN_USERNAME: BENCH_ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: BENCH_ADMIN.password,
    LOG_LEVEL: 'silent',
  });
  const { server } = await bootServer({ config });
  return {
    server,
    reused,
    async finish(keep) {
      await server.stop();
      if (!keep) await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
      await admin.end();
    },
  };
}

export interface BenchClient {
  post(query: string, variables: Record<string, unknown>, token?: string): Promise<any>;
  login(username: string, password: string): Promise<string>;
  /** A new OFFICE_DIRECTOR account of the region, signed in. */
  director(regionId: string): Promise<string>;
}

/** Starts listening and returns a client of the server's GraphQL endpoint (errors throw). */
export async function benchClient(server: Server): Promise<BenchClient> {
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/graphql`;
  const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as any;
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const login = async (username: string, password: string) =>
    (await post('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { username, password } })).login.token as string;
  const adminToken = await login(BENCH_ADMIN.username, BENCH_ADMIN.password);
  return {
    post,
    login,
    async director(regionId) {
      const username = `director-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
      await post('mutation($i: CreateAccountInput!) { createAccount(input: $i) { account { id } } }', {
        i: { username, password: 'Director-Pass-2025', roles: ['OFFICE_DIRECTOR'], regionIds: [regionId] },
      }, adminToken);
      return login(username, 'Director-Pass-2025');
    },
  };
}

/** Milliseconds since `t0` (process.hrtime.bigint()). */
export const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
/** The p-th percentile (nearest rank). */
export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
/** One decimal place. */
export const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * A bare service context on an EntityManager (no account, no access checks): enough for the
 * services' batched loads, for timing them without HTTP and GraphQL. `reset` empties its loaders.
 */
export function benchContext(em: EntityManager): { ctx: Ctx; reset(): void } {
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  const ctx = {
    em,
    // No settings of its own: the services' defaults (e.g. from how many pairs avoidance uses a worker).
    config: {},
    loader: <K, V>(key: string, make: () => DataLoader<K, V>) => {
      if (!loaders.has(key)) loaders.set(key, make() as DataLoader<unknown, unknown>);
      return loaders.get(key) as DataLoader<K, V>;
    },
  } as unknown as Ctx;
  return { ctx, reset: () => loaders.clear() };
}
