import { startTestServer, TestServer } from '../support/server';

/**
 * The HTTP surface around /graphql: /metrics labels requests by the route express matched (one
 * label for every unmatched path, so it stays small whatever is requested), and bodies express
 * cannot read are answered with a GraphQL-shaped JSON error, never an HTML page.
 */
const CJK = /[\u4e00-\u9fff]/;

describe('/metrics', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  const metrics = async () => (await fetch(`${t.url}/metrics`)).text();
  const series = (text: string) => text.split('\n').filter((l) => l.startsWith('http_request_duration_seconds_count{'));

  test('2,000 unknown paths add one label, not 2,000', async () => {
    // Every route and one unknown path once, so that each label exists before the baseline.
    await fetch(`${t.url}/healthz`);
    await fetch(`${t.url}/readyz`);
    await t.gql('{ __typename }');
    await fetch(`${t.url}/exports/attendance-notices/nothing.xlsx`);
    await fetch(`${t.url}/not-a-route-0`);
    await metrics();
    const before = await metrics();
    for (let i = 0; i < 2000; i += 100) {
      await Promise.all(Array.from({ length: 100 }, (_, j) => fetch(`${t.url}/x${i + j}/${'y'.repeat(40)}?q=${i + j}`).then((r) => r.arrayBuffer())));
    }
    const after = await metrics();
    expect(after.length - before.length).toBeLessThan(4096);
    expect(after).not.toMatch(/route="\/x\d/);
    expect(after).not.toContain('not-a-route');
    expect(series(after)).toHaveLength(series(before).length);
    const unmatched = series(after).find((l) => l.includes('route="unmatched"') && l.includes('status="404"'))!;
    expect(Number(unmatched.split(' ').pop())).toBe(2001);
  });

  test('known routes keep a label each: their pattern, not the path asked for', async () => {
    const text = await metrics();
    for (const route of ['/healthz', '/readyz', '/metrics', '/graphql', '/exports/attendance-notices/:file']) {
      expect(text).toContain(`route="${route}"`);
    }
    expect(text).not.toContain('nothing.xlsx');
  });
});

describe.each(['development', 'production'])('a body express cannot read, in %s', (mode) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { NODE_ENV: mode } });
  });
  afterAll(() => t.close());

  const post = (body: string, lang?: string) =>
    fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(lang ? { 'accept-language': lang } : {}) }, body });

  test('malformed JSON: 400, a JSON error with BAD_USER_INPUT, in Chinese or English, no stack', async () => {
    for (const lang of [undefined, 'en']) {
      const res = await post('{"query": "{ __typename }"', lang);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const text = await res.text();
      expect(text).not.toMatch(/<html|<pre|at .*\.js:\d+/i);
      const body = JSON.parse(text);
      expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
      expect(body.errors[0].message).toMatch(lang ? /not valid JSON/ : CJK);
    }
  });

  test('a body over the limit: 413, a JSON error with BAD_USER_INPUT', async () => {
    const res = await post(JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } }), 'en');
    expect(res.status).toBe(413);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(body.errors[0].message).toMatch(/over the limit/);
  });

  test('a well-formed request still works', async () => {
    const res = await post(JSON.stringify({ query: '{ __typename }' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe.each([
  { mode: 'development', env: { NODE_ENV: 'development' } as Record<string, string>, ide: true },
  { mode: 'production', env: { NODE_ENV: 'production' }, ide: false },
  { mode: 'production with GRAPHQL_IDE=on', env: { NODE_ENV: 'production', GRAPHQL_IDE: 'on' }, ide: true },
  { mode: 'development with GRAPHQL_IDE=off', env: { NODE_ENV: 'development', GRAPHQL_IDE: 'off' }, ide: false },
])('GET /graphql from a browser, in $mode', ({ env, ide }) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: env as Record<string, string> });
  });
  afterAll(() => t.close());

  const browserGet = (path: string) => fetch(`${t.url}${path}`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });

  test(ide ? 'GraphiQL from the service itself, nothing from another host' : 'no IDE, and never a page from a CDN', async () => {
    const res = await browserGet('/graphql');
    const text = await res.text();
    // Never Apollo's landing page, which loads Apollo Sandbox from a CDN.
    expect(text).not.toMatch(/apollographql|embeddable-sandbox|cdn\./i);
    const script = await browserGet('/graphiql/graphiql.min.js');
    if (ide) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const urls = [...text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(urls.length).toBeGreaterThanOrEqual(4);
      for (const url of urls) {
        expect(url).toMatch(/^\/graphiql\//);
        expect((await browserGet(url)).status).toBe(200);
      }
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toMatch(/javascript/);
    } else {
      expect(text).not.toContain('graphiql');
      expect(script.status).toBe(404);
    }
    // The API answers GET and POST as before.
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    expect(await t.gql('{ __typename }')).toMatchObject({ data: { __typename: 'Query' } });
  });
});
