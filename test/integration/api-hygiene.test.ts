import { startTestServer, TestServer } from '../support/server';
import { codeOf } from '../support/graphql-client';

describe('in production', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => t.close());

  test('introspection is off', async () => {
    const res = await t.gql('{ __schema { types { name } } }', {}, { token: t.adminToken });
    expect(res.data?.__schema).toBeUndefined();
    expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0].message).toBe('此环境不允许内省查询（__schema、__type）。');
  });
});

describe('query limits', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  test('introspection is on outside production', async () => {
    const res = await t.gql('{ __schema { queryType { name } } }', {}, { token: t.adminToken });
    expect(res.data.__schema.queryType.name).toBe('Query');
  });

  test('a query nested too deep is refused before it runs', async () => {
    let sel = 'name';
    for (let i = 0; i < 14; i++) sel = `parent { ${sel} }`;
    const res = await t.gql(`{ regions { ${sel} } }`, {}, { token: t.adminToken, lang: 'en' });
    expect(res.data).toBeUndefined();
    expect(res.errors![0].message).toMatch(/depth/i);
    expect((await t.gql(`{ regions { ${sel} } }`, {}, { token: t.adminToken })).errors![0].message).toMatch(/^查询嵌套深度/);
  });

  test('too many aliases are refused', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: me { username }`).join(' ');
    const res = await t.gql(`{ ${aliases} }`, {}, { token: t.adminToken, lang: 'en' });
    expect(res.data).toBeUndefined();
    expect(res.errors![0].message).toMatch(/alias/i);
  });

  test('a query with too many tokens is refused', async () => {
    const fields = Array.from({ length: 4500 }, () => '__typename').join(' ');
    const res = await t.gql(`{ ${fields} }`, {}, { token: t.adminToken, lang: 'en' });
    expect(res.data).toBeUndefined();
    expect(res.errors![0].message).toMatch(/token/i);
  });

  test('an ordinary query passes the limits', async () => {
    const res = await t.gql('{ me { username regions { name parent { name } } } }', {}, { token: t.adminToken });
    expect(res.errors).toBeUndefined();
    expect(res.data.me.username).toBe('admin');
  });
});
