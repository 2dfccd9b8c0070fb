import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { bootServer } from '../app';
import { Clock, SettableClock, systemClock } from '../common/clock';
import { loadConfig } from '../config';
import { Server } from '../server';
import type { DemoApi, DemoWorld } from './api';
import { countsOf, GeneratedWorld, generateWorld, toDemoWorld } from './generator';
import { loadWorld } from './load';
import { demoSeeds } from './seeds';

export const DEMO_ADMIN = { username: 'admin', password: 'Demo-Pass-2025' };
/** Every demo account has this password. */
export const DEMO_PASSWORD = 'Demo-Pass-2025';

export interface DemoOptions {
  /** Where the demo's SQLite file lives (default ./data/demo); its previous file is deleted. */
  dataDir?: string;
  /** Port to listen on (default PORT, else 4000; 0 picks a free one). */
  port?: number;
  /** Interface to listen on (default HOST, else 127.0.0.1). */
  host?: string;
  seed?: number | string;
  /** The demo's today (YYYY-MM-DD); default the real today. A fixed today also fixes the server's clock. */
  today?: string;
  /** Log level of the server (default warn). */
  logLevel?: string;
  /** Where the instructions go (default stdout). */
  write?: (text: string) => void;
}

export interface DemoAccount {
  username: string;
  password: string;
  roles: string[];
  regionName: string;
  personName: string | null;
}

export interface DemoHandle {
  url: string;
  server: Server;
  world: GeneratedWorld;
  demoWorld: DemoWorld;
  accounts: DemoAccount[];
  databaseFile: string;
  stop(): Promise<void>;
}

/** A GraphQL client over HTTP that throws on any error. */
function client(url: string, token: () => string | null) {
  return async <T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const t = token();
    if (t) headers.authorization = `Bearer ${t}`;
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
    if (body.errors?.length) {
      const first = body.errors[0];
      const detail = [first.extensions?.code, first.extensions?.field].filter(Boolean).join(' ');
      throw new Error(`GraphQL error${detail ? ` (${detail})` : ''}: ${first.message}\n  in: ${query.replace(/\s+/g, ' ').slice(0, 200)}`);
    }
    return body.data as T;
  };
}

/**
 * Starts the demo: a fresh SQLite file, the real server, the county-scale world, demo accounts
 * for every role, and every feature's demo seed, all through the GraphQL API as ADMIN.
 */
export async function runDemo(opts: DemoOptions = {}): Promise<DemoHandle> {
  const write = opts.write ?? ((s: string) => process.stdout.write(s));
  const dataDir = path.resolve(opts.dataDir ?? path.join('data', 'demo'));
  const databaseFile = path.join(dataDir, 'demo.sqlite');
  fs.mkdirSync(dataDir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(databaseFile + suffix, { force: true });

  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: `sqlite:${databaseFile}`,
    DATA_DIR: dataDir,
    BOOTSTRAP_ADMIN_USERNAME: DEMO_ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: DEMO_ADMIN.password,
    LOG_LEVEL: opts.logLevel ?? 'warn',
    ...(opts.port !== undefined ? { PORT: String(opts.port) } : {}),
    // Fixed passwords: listen on this machine only unless told otherwise.
    HOST: opts.host ?? process.env.HOST ?? '127.0.0.1',
  });
  const clock: Clock = opts.today ? new SettableClock(opts.today) : systemClock;
  const { server } = await bootServer({ config, clock });
  try {
    const t0 = Date.now();
    const world = generateWorld({ scale: 'county', seed: opts.seed ?? 1, today: clock.today() });
    await loadWorld(server.db.dataSource, world);
    const c = countsOf(world);
    write(
      `Loaded the example world in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${c.regions} regions, ${c.units} units, ` +
        `${c.persons} persons, ${c.employments} employments, ${c.relations} relations, ${c.interestTies} interest ties.\n`,
    );

    await new Promise<void>((resolve) => server.httpServer.listen(config.port, config.host, resolve));
    const port = (server.httpServer.address() as AddressInfo).port;
    const url = `http://localhost:${port}`;
    let token: string | null = null;
    const gql = client(`http://127.0.0.1:${port}`, () => token);
    token = (await gql<{ login: { token: string } }>('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: DEMO_ADMIN })).login.token;

    const accounts = await createDemoAccounts(gql, world);
    const demoWorld = toDemoWorld(world);
    const api: DemoApi = {
      gql,
      async as(username, password) {
        const signedIn = (await gql<{ login: { token: string } }>('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { username, password } })).login.token;
        return client(`http://127.0.0.1:${port}`, () => signedIn);
      },
      world: demoWorld,
    };
    for (const { name, seed } of demoSeeds) {
      const ts = Date.now();
      try {
        await seed(api);
      } catch (e) {
        throw new Error(`demo seed "${name}" failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      write(`Seeded ${name} in ${((Date.now() - ts) / 1000).toFixed(1)} s.\n`);
    }
    return {
      url,
      server,
      world,
      demoWorld,
      accounts,
      databaseFile,
      stop: () => server.stop(),
    };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

/** Accounts for every role: the city office, and each county's office, with a group leader and an inspector. */
async function createDemoAccounts(gql: DemoApi['gql'], world: GeneratedWorld): Promise<DemoAccount[]> {
  const names = new Map(world.persons.map((p) => [p.id, p.name]));
  const city = world.cities[0];
  const wanted: { username: string; roles: string[]; regionId: string; regionName: string; personId?: string }[] = [];
  const office = (slug: string, regionId: string, regionName: string) => {
    wanted.push({ username: `${slug}-director`, roles: ['OFFICE_DIRECTOR'], regionId, regionName });
    wanted.push({ username: `${slug}-office`, roles: ['INSPECTION_OFFICE'], regionId, regionName });
    wanted.push({ username: `${slug}-org`, roles: ['ORG_DEPARTMENT'], regionId, regionName });
    wanted.push({ username: `${slug}-head`, roles: ['LEADING_GROUP_HEAD'], regionId, regionName });
  };
  office(city.slug, city.regionId, city.name);
  for (const county of world.counties.filter((c) => c.cityRegionId === city.regionId)) {
    office(county.slug, county.regionId, county.name);
    wanted.push({ username: `${county.slug}-leader`, roles: ['GROUP_LEADER'], regionId: county.regionId, regionName: county.name, personId: county.leaderPersonIds[0] });
    wanted.push({ username: `${county.slug}-inspector`, roles: ['INSPECTOR'], regionId: county.regionId, regionName: county.name, personId: county.specialists[0].personId });
  }
  const out: DemoAccount[] = [];
  for (const a of wanted) {
    await gql('mutation($i: CreateAccountInput!) { createAccount(input: $i) { account { id } } }', {
      i: { username: a.username, password: DEMO_PASSWORD, roles: a.roles, regionIds: [a.regionId], personId: a.personId ?? null },
    });
    out.push({ username: a.username, password: DEMO_PASSWORD, roles: a.roles, regionName: a.regionName, personName: a.personId ? names.get(a.personId)! : null });
  }
  return out;
}

/** A query to try: persons of a county named 王…, with their careers. */
export function exampleQuery(countyRegionId: string): string {
  return (
    `query { persons(filter: { regionId: "${countyRegionId}", nameContains: "王" }, first: 5) {\n` +
    '      totalCount edges { node { name rank employments { post startedOn endedOn unit { name } } } } } }'
  );
}

/** What to print once the demo is up. */
export function instructions(h: DemoHandle): string {
  const county = h.world.counties[0];
  const lines = [
    '',
    `Demo database: ${h.databaseFile}`,
    `GraphQL endpoint: ${h.url}/graphql   (today is ${h.world.today})`,
    '',
    'Accounts (log in with the login mutation; send the token as "Authorization: Bearer <token>"):',
    `  ${DEMO_ADMIN.username.padEnd(20)} ${DEMO_ADMIN.password.padEnd(15)} ADMIN`,
    ...h.accounts.map((a) => `  ${a.username.padEnd(20)} ${a.password.padEnd(15)} ${a.roles.join(',')} in ${a.regionName}${a.personName ? ` (${a.personName})` : ''}`),
    '',
    'Example:',
    `  mutation { login(input: { username: "${county.slug}-office", password: "${DEMO_PASSWORD}" }) { token } }`,
    `  ${exampleQuery(county.regionId)}`,
    '',
  ];
  return lines.join('\n');
}

async function main() {
  const seedOnly = process.argv.includes('--seed-only') || process.env.DEMO_ONLY_SEED === '1';
  const handle = await runDemo({
    dataDir: process.env.DEMO_DATA_DIR,
    ...(seedOnly ? { port: 0, host: '127.0.0.1' } : {}),
    seed: process.env.DEMO_SEED,
    today: process.env.DEMO_TODAY,
    logLevel: process.env.LOG_LEVEL,
  });
  if (seedOnly) {
    await handle.stop();
    process.stdout.write(`${instructions(handle).replace(/GraphQL endpoint: .*\n/, '')}\nSeeded; not serving (seed-only mode). Start it with: DATABASE_URL=sqlite:${handle.databaseFile} npm start\n`);
    return;
  }
  process.stdout.write(instructions(handle));
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await handle.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`demo failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exit(1);
  });
}
