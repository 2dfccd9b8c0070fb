/**
 * Accounts benchmark: what sign-in security costs, as ratios against baselines measured in the
 * same run (the machine is shared and noisy), on SQLite and on MariaDB:
 * - sign-in: an unknown username against a wrong password (the two must cost the same) and a
 *   right one, interleaved;
 * - a signed-in request (token verified, session + account + regions + settings in one
 *   statement) against the same request without a token;
 * - appending to the audit hash chain (lock the head, insert, update the head) against a plain
 *   one-row insert transaction, one writer and eight at once;
 * - verifyAuditLog over 10,000 records.
 *
 *   npm run bench:accounts                         # both databases
 *   BENCH_DATABASES=sqlite npm run bench:accounts  # one of them
 *   BENCH_MYSQL_URL=mysql://user:pass@host:3306 npm run bench:accounts
 *
 * Figures go to stdout and to bench/results/accounts-<database>.json.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { bootServer } from '../../src/app';
import { benchDatabase } from '../database';
import { AuditKind } from '../../src/audit/audit.entity';
import { appendAudit, NewAuditRecord } from '../../src/audit/audit.service';
import { SignInFailureRow } from '../../src/auth/account.entity';
import { loadConfig } from '../../src/config';
import { inTransaction } from '../../src/db/transaction';

const ADMIN = { username: 'admin', password: 'Bench-Pass-2025' };
const PASSWORD = 'Bench-User-2025';
const SIGN_INS = 30;
const REQUESTS = 300;
const APPENDS = 400;
const VERIFY_RECORDS = 10_000;

type Gql = <T = any>(query: string, variables?: Record<string, unknown>, token?: string | null) => Promise<{ data?: T; errors?: { message: string }[] }>;

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))];
const r2 = (x: number) => Math.round(x * 100) / 100;

function client(url: string): Gql {
  return async (query, variables = {}, token = null) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const send = () => fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    // After a long pause the kept-alive connection may have been closed by the server: once more.
    const res = await send().catch(send);
    return (await res.json()) as { data?: any; errors?: { message: string }[] };
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await work();
  return ms(t0);
}

function record(i: number): NewAuditRecord {
  return { kind: AuditKind.MUTATION, operation: 'bench', accountId: null, username: null, clientAddress: '127.0.0.1', reason: null, details: null, targetIds: [`t${i}`], personIds: [], requestId: `bench-${i}`, at: new Date() };
}

/** Runs `total` transactions from `writers` concurrent loops; returns transactions per second. */
async function throughput(writers: number, total: number, work: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: writers }, async () => {
    while (next < total) await work(next++);
  }));
  return Math.round(total / (ms(t0) / 1000));
}

async function run(dialect: 'sqlite' | 'mysql', mysqlBase: string) {
  const database = await benchDatabase(dialect, mysqlBase, 'bench_accounts');
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    DATA_DIR: database.dataDir,
    JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256-0123456789',
    BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
  });
  const { server } = await bootServer({ config });
  try {
    await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
    const gql = client(`http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`);
    const login = (username: string, password: string) => gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { username, password } });
    const admin = (await login(ADMIN.username, ADMIN.password)).data.login.token as string;
    // Many failures from one address: lift the throttle and the lockout out of the way.
    await gql('mutation { setSecuritySettings(input: { addressFailureLimit: 100000, lockoutThreshold: 20 }) { settings { lockoutThreshold } } }', {}, admin);
    const users: string[] = [];
    for (let i = 0; i < 4; i++) {
      const username = `bench${i}`;
      await gql('mutation($i: CreateAccountInput!) { createAccount(input: $i) { account { id } } }', { i: { username, password: PASSWORD, roles: ['AUDIT_ADMIN'], regionIds: [] } }, admin);
      users.push(username);
    }

    // Sign-in, interleaved so that the machine's load falls on all three alike.
    const unknown: number[] = [];
    const wrong: number[] = [];
    const right: number[] = [];
    for (let i = 0; i < SIGN_INS; i++) {
      const user = users[i % users.length];
      unknown.push(await timed(() => login(`nobody${i}`, 'Wrong-Pass-2025')));
      wrong.push(await timed(() => login(user, 'Wrong-Pass-2025')));
      right.push(await timed(() => login(user, PASSWORD)));
    }
    const signIn = { unknownMs: r2(median(unknown)), wrongMs: r2(median(wrong)), rightMs: r2(median(right)), unknownOverWrong: r2(median(unknown) / median(wrong)) };

    // A signed-in request against an anonymous one; statements of each.
    const token = (await login(users[0], PASSWORD)).data.login.token as string;
    const anonymous: number[] = [];
    const signedIn: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      anonymous.push(await timed(() => gql('{ __typename }')));
      signedIn.push(await timed(() => gql('{ __typename }', {}, token)));
    }
    server.db.counter.reset();
    await gql('{ __typename }', {}, token);
    const statementsSignedIn = server.db.counter.count;
    server.db.counter.reset();
    await gql('{ __typename }');
    const statementsAnonymous = server.db.counter.count;
    const request = {
      anonymousP50Ms: r2(median(anonymous)),
      signedInP50Ms: r2(median(signedIn)),
      signedInP95Ms: r2(p95(signedIn)),
      signedInOverAnonymous: r2(median(signedIn) / median(anonymous)),
      statementsSignedIn,
      statementsAnonymous,
    };

    // The chain's append against a plain one-row insert transaction.
    const ds = server.db.dataSource;
    const plainInsert = (i: number) => inTransaction(ds, (em) => em.insert(SignInFailureRow, Object.assign(new SignInFailureRow(), { address: `bench-${i}`, at: new Date() })));
    const chained = (i: number) => inTransaction(ds, (em) => appendAudit(em, [record(i)]));
    const appends: Record<string, number> = {};
    for (const writers of [1, 8]) {
      appends[`plainInsertPerSecond${writers}`] = await throughput(writers, APPENDS, plainInsert);
      appends[`chainedAppendPerSecond${writers}`] = await throughput(writers, APPENDS, chained);
      appends[`chainedOverPlain${writers}`] = r2(appends[`chainedAppendPerSecond${writers}`] / appends[`plainInsertPerSecond${writers}`]);
    }

    // verifyAuditLog over VERIFY_RECORDS records (added in batches of 500).
    const have = Number((await ds.query('SELECT COUNT(*) AS n FROM audit_log'))[0].n);
    for (let i = have; i < VERIFY_RECORDS; i += 500) {
      await inTransaction(ds, (em) => appendAudit(em, Array.from({ length: Math.min(500, VERIFY_RECORDS - i) }, (_, k) => record(i + k))));
    }
    const auditor = (await login(users[1], PASSWORD)).data.login.token as string;
    let verified: any;
    const verifyMs = await timed(async () => (verified = (await gql('{ verifyAuditLog { intact checkedRecords } }', {}, auditor)).data.verifyAuditLog));
    const verify = { ...verified, ms: Math.round(verifyMs), recordsPerSecond: Math.round(verified.checkedRecords / (verifyMs / 1000)) };

    const result = { dialect, at: new Date().toISOString(), load: os.loadavg().map(r2), signIn, request, appends, verify };
    console.log(JSON.stringify(result, null, 2));
    fs.mkdirSync(path.join(__dirname, '../../../bench/results'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, `../../../bench/results/accounts-${dialect}.json`), JSON.stringify(result, null, 2));
  } finally {
    await server.stop();
    await database.drop();
  }
}

async function main() {
  const which = (process.env.BENCH_DATABASES ?? 'sqlite,mysql').split(',');
  for (const d of which) await run(d as 'sqlite' | 'mysql', process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306');
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
