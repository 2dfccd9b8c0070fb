import { findAvoidance, MAX_MATRIX_PAIRS } from '../../src/avoidance/avoidance.service';
import { workerJobsRunning } from '../../src/common/worker';
import { loadConfig } from '../../src/config';
import { Ctx } from '../../src/context';
import { newId } from '../../src/db/ids';
import { generateWorld, GeneratedWorld } from '../../src/demo/generator';
import { loadWorld } from '../../src/demo/load';
import { RoundKind, RoundStatus } from '../../src/rounds/round.entity';
import { GqlResult } from '../support/graphql-client';
import { expectError } from '../support/operations';
import { insertRound } from '../support/rounds-data';
import { startTestServer, TestServer } from '../support/server';
import { serviceContext } from '../support/service-context';

/**
 * The bounds of one request's work: one avoidanceMatrix per request with a budget of pairs, the
 * query cost counted with its variables, and a large matrix judged in a worker thread while
 * /healthz keeps answering.
 */
const TODAY = '2025-06-02';
const WORKER_FROM = 1000;
let t: TestServer;
let world: GeneratedWorld;
let round: string;
let persons: string[];
let units: string[];

const MATRIX = `query($r: ID!, $ps: [ID!]!, $us: [ID!]!) { avoidanceMatrix(roundId: $r, personIds: $ps, unitIds: $us) { rule severity waived explanation person { id } unit { id } } }`;
const CJK = /[\u4e00-\u9fff]/;

beforeAll(async () => {
  // A time limit no busy machine reaches: the limit itself is tested with a tiny one below.
  t = await startTestServer({ today: TODAY, env: { AVOIDANCE_WORKER_PAIRS: String(WORKER_FROM), AVOIDANCE_TIMEOUT_SECONDS: '3600' } });
  world = generateWorld({ scale: 'county', seed: 1, today: TODAY });
  await loadWorld(t.server.db.dataSource, world);
  const city = world.cities[0];
  round = (await insertRound(t, { regionId: city.regionId, startsOn: '2025-03-01', endsOn: '2025-05-31', kind: RoundKind.CROSS, status: RoundStatus.PLANNING, teams: [] })).roundId;
  persons = world.counties.flatMap((c) => c.personIds).slice(0, 2000);
  units = world.counties.flatMap((c) => c.departmentUnitIds).filter((_, i) => i % 3 === 0).slice(0, 50);
});
afterAll(() => t.close());

describe('avoidanceMatrix bounds', () => {
  test('the fixture is the benchmark-sized matrix: 2,000 persons × 50 units', () => {
    expect(new Set(persons).size).toBe(2000);
    expect(new Set(units).size).toBe(50);
  });

  test('two avoidanceMatrix fields in one request are refused, aliases and fragments alike, in Chinese or English', async () => {
    const one = (alias: string) => `${alias}: avoidanceMatrix(roundId: $r, personIds: $ps, unitIds: $us) { rule }`;
    const vars = { r: round, ps: persons.slice(0, 2), us: units.slice(0, 2) };
    const documents = [
      `query($r: ID!, $ps: [ID!]!, $us: [ID!]!) { ${one('a')} ${one('b')} }`,
      `query($r: ID!, $ps: [ID!]!, $us: [ID!]!) { ...A ...B } fragment A on Query { ${one('a')} } fragment B on Query { ${one('b')} }`,
      `query($r: ID!, $ps: [ID!]!, $us: [ID!]!) { ${one('a')} ... on Query { ${one('b')} } }`,
    ];
    for (const doc of documents) {
      const zh = await t.gql(doc, vars, { token: t.adminToken });
      expectError(zh, 'BAD_USER_INPUT');
      expect(zh.data).toBeUndefined();
      expect(zh.errors![0].message).toMatch(CJK);
      const en = await t.gql(doc, vars, { token: t.adminToken, lang: 'en' });
      expect(en.errors![0].message).toMatch(/One avoidanceMatrix per request/);
    }
  });

  test('one matrix beside checks, or the same matrix spread twice under one name, is accepted', async () => {
    const vars = { r: round, ps: persons.slice(0, 2), us: units.slice(0, 2), p: persons[0], u: units[0] };
    const doc = `query($r: ID!, $ps: [ID!]!, $us: [ID!]!, $p: ID!, $u: ID!) { ...M ...M a: avoidanceCheck(personId: $p, unitId: $u, roundId: $r) { rule } b: avoidanceCheck(personId: $p, unitId: $u, roundId: $r) { rule } }
      fragment M on Query { m: avoidanceMatrix(roundId: $r, personIds: $ps, unitIds: $us) { rule } }`;
    const r = await t.gql(doc, vars, { token: t.adminToken });
    expect(r.errors).toBeUndefined();
    expect(Array.isArray(r.data.m)).toBe(true);
  });

  test('the budget admits the benchmark\'s 2,000 × 50', async () => {
    // One unknown person stops it right after the budget, before any evaluation.
    const r = await t.gql(MATRIX, { r: round, ps: [...persons.slice(1), newId()], us: units }, { token: t.adminToken, lang: 'en' });
    expect(r.errors![0].extensions!.field).toBe('personIds');
    expect(r.errors![0].message).not.toMatch(/pairs/);
  });

  test(`a matrix of more than ${MAX_MATRIX_PAIRS} pairs is refused before anything is read`, async () => {
    const many = Array.from({ length: Math.floor(MAX_MATRIX_PAIRS / units.length) + 1 }, () => newId());
    // What any signed-in request costs (reading the account), and no more.
    t.resetCount();
    await t.gql('{ __typename }', {}, { token: t.adminToken });
    const signedIn = t.queryCount;
    t.resetCount();
    const zh = await t.gql(MATRIX, { r: round, ps: many, us: units }, { token: t.adminToken });
    expectError(zh, 'BAD_USER_INPUT', 'personIds');
    expect(zh.errors![0].message).toMatch(CJK);
    expect(t.queryCount).toBe(signedIn);
    const en = await t.gql(MATRIX, { r: round, ps: many, us: units }, { token: t.adminToken, lang: 'en' });
    expect(en.errors![0].message).toMatch(/person-unit pairs/);
  });

  test('a worker thread judges the same findings as the event loop', async () => {
    const inline = serviceContext(t);
    const inWorker = serviceContext(t);
    (inline as { config: unknown }).config = { ...loadConfig({ NODE_ENV: 'test' }), avoidanceWorkerPairs: Number.POSITIVE_INFINITY };
    (inWorker as { config: unknown }).config = { ...loadConfig({ NODE_ENV: 'test' }), avoidanceWorkerPairs: 1 };
    const q = { roundId: round, personIds: persons.slice(0, 300), unitIds: units.slice(0, 20) };
    const rows = async (ctx: Ctx) => (await findAvoidance(ctx, q)).map((f) => JSON.stringify([f.personId, f.unitId, f.rule, f.severity, f.waived, f.explanation, f.path]));
    const expected = await rows(inline);
    expect(expected.length).toBeGreaterThan(0);
    expect(await rows(inWorker)).toEqual(expected);
  });

  test('a worker over its time limit is stopped and the request refused', async () => {
    const ctx = serviceContext(t);
    (ctx as { config: unknown }).config = { ...loadConfig({ NODE_ENV: 'test' }), avoidanceWorkerPairs: 1, avoidanceTimeoutSeconds: 0.001 };
    const refused = findAvoidance(ctx, { roundId: round, personIds: persons.slice(0, 100), unitIds: units.slice(0, 10) });
    await expect(refused).rejects.toMatchObject({ code: 'BAD_USER_INPUT', text: { en: expect.stringMatching(/did not finish within 0.001 s/) } });
    expect(await (await fetch(`${t.url}/metrics`)).text()).toMatch(/^worker_jobs_running 0$/m);
  });

  test('while a large matrix is judged in a worker, /healthz and /metrics answer', async () => {
    const order: string[] = [];
    const ps = persons.slice(0, 500);
    const us = units.slice(0, 20);
    expect(ps.length * us.length).toBeGreaterThanOrEqual(10 * WORKER_FROM);
    const matrix = t.gql(MATRIX, { r: round, ps, us }, { token: t.adminToken }).then((r) => {
      order.push('matrix');
      return r;
    });
    // Wait, a turn of the event loop at a time, until the worker has the job.
    while (workerJobsRunning() === 0 && order.length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(workerJobsRunning()).toBe(1);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/^worker_jobs_running 1$/m);
    const health = await fetch(`${t.url}/healthz`);
    order.push(`healthz ${health.status}`);
    const result: GqlResult = await matrix;
    expect(result.errors).toBeUndefined();
    expect(result.data.avoidanceMatrix.length).toBeGreaterThan(0);
    expect(order).toEqual(['healthz 200', 'matrix']);
  });
});

describe('query cost', () => {
  // One page of persons with what a roster shows about each: cheap for one row, over the cost
  // limit for a hundred (armor's formula: `first` multiplies what the field selects).
  const selection = `edges { node { id name gender birthDate rank fullTimeInspector youngReserve newlyPromotedOn
      region { id name code level parent { id name code level parent { id name code } } }
      employments { id post leadership startedOn endedOn unit { id name kind system region { id name parent { id name } } parent { id name kind parent { id name kind } } } }
      hometown { id name code parent { id name code } } } cursor }
    pageInfo { hasNextPage endCursor } totalCount`;
  const literal = (n: number) => `query($r: ID!) { persons(filter: { regionId: $r }, first: ${n}) { ${selection} } }`;
  const variable = `query($r: ID!, $n: Int!) { persons(filter: { regionId: $r }, first: $n) { ${selection} } }`;
  const withDefault = `query($r: ID!, $n: Int = 100) { persons(filter: { regionId: $r }, first: $n) { ${selection} } }`;

  test('first given as a variable counts as the same number written in the query', async () => {
    const r = world.counties[0].regionId;
    const refusedLiteral = await t.gql(literal(100), { r }, { token: t.adminToken });
    expectError(refusedLiteral, 'GRAPHQL_VALIDATION_FAILED');
    expect(refusedLiteral.status).toBe(400);
    expect(refusedLiteral.errors![0].message).toMatch(CJK);
    for (const refused of [await t.gql(variable, { r, n: 100 }, { token: t.adminToken }), await t.gql(withDefault, { r }, { token: t.adminToken })]) {
      expect(refused.data).toBeUndefined();
      expect(refused.status).toBe(400);
      expect(refused.errors).toEqual(refusedLiteral.errors);
    }
    const en = await t.gql(variable, { r, n: 100 }, { token: t.adminToken, lang: 'en' });
    expect(en.errors![0].message).toMatch(/^Query cost limit of 50000 exceeded/);
    // The same query for one row passes, written either way.
    expect((await t.gql(literal(1), { r }, { token: t.adminToken })).errors).toBeUndefined();
    expect((await t.gql(variable, { r, n: 1 }, { token: t.adminToken })).errors).toBeUndefined();
  });
});
