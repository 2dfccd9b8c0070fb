import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { AddressInfo } from 'node:net';
import { bootServer } from '../../src/app';
import { SettableClock } from '../../src/common/clock';
import { loadConfig } from '../../src/config';
import { DEMO_PASSWORD, exampleQuery, runDemo } from '../../src/demo/demo';
import { generateWorld, GeneratedWorld } from '../../src/demo/generator';
import { loadWorld } from '../../src/demo/load';
import { demoSeeds } from '../../src/demo/seeds';
import type { DemoApi } from '../../src/demo/api';
import { codeOf, ok, postGraphql } from '../support/graphql-client';
import { startTestServer, TestServer } from '../support/server';

const ROOT = path.resolve(__dirname, '../..');
const TODAY = '2025-06-02';

const TOTAL = 'query($f: PersonFilter!) { persons(filter: $f, first: 1) { totalCount } }';
const UNITS = 'query($f: UnitFilter!) { units(filter: $f, first: 1) { totalCount } }';

describe('loading a generated world', () => {
  let t: TestServer;
  let world: GeneratedWorld;
  beforeAll(async () => {
    t = await startTestServer({ today: TODAY });
    world = generateWorld({ scale: 'county', seed: 3, today: TODAY });
    await loadWorld(t.server.db.dataSource, world, { chunkSize: 700 });
  });
  afterAll(() => t.close());

  test('every row is there, read back through GraphQL', async () => {
    const all = await t.admin(TOTAL, { f: { regionId: world.rootRegionId } });
    expect(all.persons.totalCount).toBe(world.persons.length);
    for (const c of world.counties) {
      expect((await t.admin(TOTAL, { f: { regionId: c.regionId } })).persons.totalCount).toBe(c.personIds.length);
      expect((await t.admin(UNITS, { f: { regionId: c.regionId, kind: 'DEPARTMENT' } })).units.totalCount).toBe(c.departmentUnitIds.length);
      const villages = (await t.admin(UNITS, { f: { regionId: c.regionId, kind: 'VILLAGE' } })).units.totalCount;
      const communities = (await t.admin(UNITS, { f: { regionId: c.regionId, kind: 'COMMUNITY' } })).units.totalCount;
      expect(villages + communities).toBe(c.villageUnitIds.length);
    }
    const ds = t.server.db.dataSource;
    const count = async (table: string) => Number((await ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    expect(await count('regions')).toBe(world.regions.length);
    expect(await count('units')).toBe(world.units.length);
    expect(await count('employments')).toBe(world.employments.length);
    expect(await count('relations')).toBe(world.relations.length);
    expect(await count('interest_ties')).toBe(world.interestTies.length);
  });

  test('a person reads back with employment history and relations seen from both sides', async () => {
    const spouse = world.relations.find((r) => r.kind === 'SPOUSE')!;
    const child = world.relations.find((r) => r.kind === 'CHILD')!;
    const Q = `query($id: ID!) { person(id: $id) { name birthDate region { id } hometown { level }
      employments { post leadership startedOn endedOn unit { id } } relations { kind relatedPerson { id } } } }`;
    const p = world.persons.find((x) => x.id === child.personId)!;
    const read = (await t.admin(Q, { id: p.id })).person;
    expect(read.name).toBe(p.name);
    expect(read.birthDate).toBe(p.birthDate);
    expect(read.region.id).toBe(p.regionId);
    expect(['TOWNSHIP', 'VILLAGE']).toContain(read.hometown.level);
    const posts = world.employments.filter((e) => e.personId === p.id);
    expect(read.employments).toEqual(posts.map((e) => ({ post: e.post, leadership: e.leadership, startedOn: e.startedOn, endedOn: e.endedOn, unit: { id: e.unitId } })));
    expect(read.relations).toContainEqual({ kind: 'CHILD', relatedPerson: { id: child.relatedPersonId } });
    // The same relation from the child's side is PARENT.
    const theChild = (await t.admin(Q, { id: child.relatedPersonId })).person;
    expect(theChild.relations).toContainEqual({ kind: 'PARENT', relatedPerson: { id: p.id } });
    const husband = (await t.admin(Q, { id: spouse.relatedPersonId })).person;
    expect(husband.relations).toContainEqual({ kind: 'SPOUSE', relatedPerson: { id: spouse.personId } });
  });

  test('the stored relations are canonical, so recording one again from the other side is a conflict', async () => {
    const r = world.relations.find((x) => x.kind === 'CHILD')!;
    const res = await t.gql('mutation($i: AddRelationInput!) { addRelation(input: $i) { relation { id } } }', { i: { personId: r.relatedPersonId, relatedPersonId: r.personId, kind: 'PARENT' } }, { token: t.adminToken });
    expect(codeOf(res)).toBe('CONFLICT');
  });
});

describe('the demo', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'insp-demo-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('starts with the world, accounts for every role and the feature seeds, all reachable over GraphQL', async () => {
    // A seed registered like a feature's: it gets the world and the API as ADMIN.
    let seen: DemoApi | null = null;
    const probe = {
      name: 'probe',
      seed: async (api: DemoApi) => {
        seen = api;
        await api.gql('mutation($i: CreateUnitInput!) { createUnit(input: $i) { unit { id } } }', {
          i: { regionId: api.world.counties[0].regionId, name: '探针单位', kind: 'OTHER' },
        });
      },
    };
    demoSeeds.push(probe);
    const out: string[] = [];
    const demo = await runDemo({ dataDir: path.join(dataDir, 'in-process'), port: 0, host: '127.0.0.1', today: TODAY, logLevel: 'silent', write: (s) => out.push(s) });
    demoSeeds.splice(demoSeeds.indexOf(probe), 1);
    try {
      const url = `http://127.0.0.1:${(demo.server.httpServer.address() as AddressInfo).port}`;
      const gql = (q: string, v: Record<string, unknown>, token?: string) => postGraphql(url, q, v, { token });
      const login = async (username: string) => ok(await gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { username, password: DEMO_PASSWORD } })).login.token as string;

      // Every field of the world the seeds get is filled, and every id is real.
      const w = seen!.world;
      expect(w).toEqual(demo.demoWorld);
      expect(w.today).toBe(TODAY);
      expect(w.counties).toHaveLength(2);
      const admin = await login('admin');
      for (const c of w.counties) {
        for (const key of ['townshipRegionIds', 'departmentUnitIds', 'villageUnitIds', 'townshipUnitIds', 'leaderPersonIds', 'deputyPersonIds', 'specialists'] as const) expect(c[key].length).toBeGreaterThan(0);
        const unit = ok(await gql('query($id: ID!) { unit(id: $id) { kind region { id } } }', { id: c.departmentUnitIds[0] }, admin)).unit;
        expect(unit).toEqual({ kind: 'DEPARTMENT', region: { id: c.regionId } });
        const leader = ok(await gql('query($id: ID!) { person(id: $id) { rank region { id } } }', { id: c.leaderPersonIds[0] }, admin)).person;
        expect(leader.region.id).toBe(c.regionId);
        expect(['SECTION', 'DEPUTY_DIVISION', 'DIVISION']).toContain(leader.rank);
      }
      expect(ok(await gql(UNITS, { f: { regionId: w.counties[0].regionId, nameContains: '探针' } }, admin)).units.totalCount).toBe(1);

      // Accounts of every role can log in and act in their own region only.
      const roles = new Set(demo.accounts.flatMap((a) => a.roles));
      expect(roles).toEqual(new Set(['OFFICE_DIRECTOR', 'INSPECTION_OFFICE', 'ORG_DEPARTMENT', 'LEADING_GROUP_HEAD', 'GROUP_LEADER', 'INSPECTOR']));
      const [dongan, xiping] = demo.world.counties;
      const office = await login(`${dongan.slug}-office`);
      const own = ok(await gql(TOTAL, { f: { regionId: dongan.regionId } }, office)).persons.totalCount;
      expect(own).toBe(dongan.personIds.length);
      const other = await gql(TOTAL, { f: { regionId: xiping.regionId } }, office);
      expect(codeOf(other)).toBe('BAD_USER_INPUT');
      const cityOffice = await login(`${demo.world.cities[0].slug}-office`);
      expect(ok(await gql(TOTAL, { f: { regionId: xiping.regionId } }, cityOffice)).persons.totalCount).toBe(xiping.personIds.length);
      const inspector = await login(`${dongan.slug}-inspector`);
      expect(ok(await gql('query { me { person { id } } }', {}, inspector)).me.person.id).toBe(dongan.specialists[0].personId);

      // The printed example works as printed.
      const example = ok(await gql(exampleQuery(dongan.regionId), {}, office)).persons;
      expect(example.totalCount).toBeGreaterThan(0);
      expect(example.edges[0].node.name).toContain('王');
      expect(out.join('')).toMatch(/Seeded probe/);
    } finally {
      await demo.stop();
    }
  });

  test('seed-only mode runs the command end to end and leaves a database the service starts on', async () => {
    const dir = path.join(dataDir, 'seed-only');
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, 'src/demo/demo.ts')], {
      cwd: ROOT,
      env: { ...process.env, DEMO_ONLY_SEED: '1', DEMO_DATA_DIR: dir, DEMO_TODAY: TODAY, LOG_LEVEL: 'silent', SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('seed-only mode') });
    expect(output).toContain('dongan-office');
    expect(output).toContain(DEMO_PASSWORD);

    // The service starts on the seeded file and the demo accounts work.
    const { server } = await bootServer({
      config: loadConfig({ NODE_ENV: 'test', DATABASE_URL: `sqlite:${path.join(dir, 'demo.sqlite')}`, DATA_DIR: dir, LOG_LEVEL: 'silent' }),
      clock: new SettableClock(TODAY),
    });
    try {
      await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
      const token = ok(await postGraphql(url, 'mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { username: 'xiping-org', password: DEMO_PASSWORD } })).login.token;
      const regions = ok(await postGraphql(url, 'query { me { regions { id name } } }', {}, { token })).me.regions;
      expect(regions.map((r: { name: string }) => r.name)).toEqual(['西平县']);
      const n = ok(await postGraphql(url, TOTAL, { f: { regionId: regions[0].id } }, { token })).persons.totalCount;
      expect(n).toBeGreaterThan(1000);
    } finally {
      await server.stop();
    }
  });
});
