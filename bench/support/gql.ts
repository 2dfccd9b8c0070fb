/** What the benchmarks share: a GraphQL client over HTTP, latency statistics, MySQL scratch databases, an in-process server. */
import { AddressInfo } from 'node:net';
import mysql from 'mysql2/promise';
import { bootServer } from '../../src/app';
import { SettableClock } from '../../src/common/clock';
import { loadConfig } from '../../src/config';

export type Gql = <T = any>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** A GraphQL client that throws on any error; `token()` gives the bearer token of each call. */
export function client(url: string, token: () => string | null): Gql {
  return async (query, variables = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const t = token();
    if (t) headers.authorization = `Bearer ${t}`;
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`${body.errors[0].message} in ${query.slice(0, 80)}`);
    return body.data;
  };
}

export async function login(gql: Gql, username: string, password: string): Promise<string> {
  return (await gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { username, password } })).login.token;
}

export interface Stats {
  n: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  const r = (x: number) => Math.round(x * 10) / 10;
  return { n: s.length, meanMs: r(s.reduce((a, b) => a + b, 0) / s.length), p50Ms: r(at(0.5)), p95Ms: r(at(0.95)), maxMs: r(s[s.length - 1]) };
}

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface ScratchDatabase {
  url: string;
  /** True when the database was already there (and `reuse` was asked for). */
  existed: boolean;
  drop(): Promise<void>;
}

/**
 * A MySQL/MariaDB database `name` on the server `serverUrl` (mysql://user:pass@host:port): made
 * fresh, or kept as it is when `reuse` and it exists.
 */
export async function scratchDatabase(serverUrl: string, name: string, reuse = false): Promise<ScratchDatabase> {
  const base = new URL(serverUrl);
  const conn = () =>
    mysql.createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username), password: decodeURIComponent(base.password) });
  const admin = await conn();
  const [rows] = (await admin.query('SELECT COUNT(*) AS n FROM information_schema.schemata WHERE schema_name = ?', [name])) as any;
  const existed = reuse && Number(rows[0].n) === 1;
  if (!existed) {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  await admin.end();
  base.pathname = `/${name}`;
  return {
    url: base.toString(),
    existed,
    drop: async () => {
      const c = await conn();
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

export const BENCH_JWT_SECRET = 'bench-secret-that-is-long-enough-for-hs256-0123456789';

/**
 * The real server in-process on `databaseUrl` (migrated, with a first ADMIN), listening on a free
 * port, and a client signed in as that ADMIN.
 */
export async function startBenchServer(databaseUrl: string, opts: { admin: { username: string; password: string }; today: string; dataDir?: string }) {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    ...(opts.dataDir ? { DATA_DIR: opts.dataDir } : {}),
    JWT_SECRET: BENCH_JWT_SECRET,
    BOOTSTRAP_ADMIN_USERNAME: opts.admin.username,
    BOOTSTRAP_ADMIN_PASSWORD: opts.admin.password,
    LOG_LEVEL: 'warn',
  });
  const { server } = await bootServer({ config, clock: new SettableClock(opts.today) });
  try {
    await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
    let token: string | null = null;
    const gql = client(url, () => token);
    token = await login(gql, opts.admin.username, opts.admin.password);
    return { server, url, gql };
  } catch (e) {
    await server.stop();
    throw e;
  }
}
