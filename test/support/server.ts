import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { bootServer } from '../../src/app';
import { SettableClock } from '../../src/common/clock';
import { loadConfig } from '../../src/config';
import { Server } from '../../src/server';
import { freshDatabase, FreshDatabase } from './db';
import { GqlOptions, ok, postGraphql } from './graphql-client';

/** The bootstrap account; its password meets the default policy (10+ characters, 3 classes, not the username). */
export const ADMIN = { username: 'admin', password: 'Bootstrap-Pass-2025' };
/** The password of the accounts tokenFor creates (meets the default policy). */
export const ACCOUNT_PASSWORD = 'password-123';
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface TestServer {
  url: string;
  server: Server;
  clock: SettableClock;
  /**
   * The clock of sessions, lockouts, password age and TOTP: fixed at start (so that moving the
   * business clock across months does not time sessions out), moved by the tests of those.
   */
  authClock: SettableClock;
  database: FreshDatabase;
  adminToken: string;
  /** SQL statements sent so far (reset with resetCount). */
  readonly queryCount: number;
  resetCount(): void;
  gql<T = any>(query: string, variables?: Record<string, unknown>, opts?: GqlOptions): ReturnType<typeof postGraphql<T>>;
  /** As ADMIN, expecting no errors. */
  admin<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  login(username: string, password: string): Promise<string>;
  /** Creates an account with these roles and regions (and person), and returns its token. */
  tokenFor(roles: string[], regionIds: string[], personId?: string | null): Promise<string>;
  close(): Promise<void>;
}

let accountSeq = 0;

/**
 * Starts the real server in this process on a fresh database (SQLite temp file, or a new MySQL
 * database when DATABASE_URL=mysql://…), with migrations run and an ADMIN account.
 */
export async function startTestServer(
  opts: { today?: string; env?: Record<string, string>; databaseUrl?: (url: string) => string; database?: FreshDatabase } = {},
): Promise<TestServer> {
  // A database given here is the server's from now on: close() drops it.
  const database = opts.database ?? (await freshDatabase());
  const clock = new SettableClock(opts.today ?? '2025-06-02');
  const authClock = new SettableClock(new Date());
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: opts.databaseUrl ? opts.databaseUrl(database.url) : database.url,
    DATA_DIR: database.dataDir,
    JWT_SECRET: TEST_JWT_SECRET,
    BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...opts.env,
  });
  const { server } = await bootServer({ config, clock, authClock });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  const gql = <T = any>(query: string, variables?: Record<string, unknown>, o?: GqlOptions) => postGraphql<T>(url, query, variables, o);
  const login = async (username: string, password: string) =>
    ok(await gql<{ login: { token: string } }>('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { username, password } })).login.token;
  const adminToken = await login(ADMIN.username, ADMIN.password);
  const t: TestServer = {
    url,
    server,
    clock,
    authClock,
    database,
    adminToken,
    get queryCount() {
      return server.db.counter.count;
    },
    resetCount: () => server.db.counter.reset(),
    gql,
    admin: async (query, variables) => ok(await gql(query, variables, { token: adminToken })),
    login,
    async tokenFor(roles, regionIds, personId = null) {
      const username = `user${++accountSeq}_${Date.now().toString(36)}`;
      const password = ACCOUNT_PASSWORD;
      await t.admin('mutation($i: CreateAccountInput!) { createAccount(input: $i) { account { id } } }', {
        i: { username, password, roles, regionIds, personId },
      });
      return login(username, password);
    },
    async close() {
      await server.stop();
      await database.drop();
    },
  };
  return t;
}
