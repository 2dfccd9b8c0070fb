import { startTestServer, TestServer } from '../support/server';

/**
 * GraphQL's own errors (syntax, validation, variable coercion) and the query limits speak
 * Chinese by default and English with `Accept-Language: en`, like every other message, and keep
 * their `extensions.code` (a syntax error is GRAPHQL_VALIDATION_FAILED: graphql-armor's token count
 * parses the document before Apollo does).
 */
const CJK = /[\u4e00-\u9fff]/;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const deep = (levels: number) => {
  let sel = 'name';
  for (let i = 0; i < levels; i++) sel = `parent { ${sel} }`;
  return `{ regions { ${sel} } }`;
};

const cases: { what: string; query: string; variables?: Record<string, unknown>; code: string; zh: RegExp; en: RegExp }[] = [
  { what: 'an unknown field', query: '{ me { usernme } }', code: 'GRAPHQL_VALIDATION_FAILED', zh: /^类型 "Account" 上没有字段 "usernme"。是否想用 "username"？$/, en: /^Cannot query field "usernme" on type "Account"\. Did you mean "username"\?$/ },
  { what: 'an argument of the wrong type', query: '{ calendarYear(year: "2025") { year } }', code: 'GRAPHQL_VALIDATION_FAILED', zh: /^Int 不能表示非整数值："2025"$/, en: /^Int cannot represent non-integer value: "2025"$/ },
  { what: 'an unknown argument', query: '{ calendarYear(year: 2025, yaer: 1) { year } }', code: 'GRAPHQL_VALIDATION_FAILED', zh: /^字段 "Query\.calendarYear" 没有参数 "yaer"。是否想用 "year"？$/, en: /^Unknown argument "yaer" on field "Query\.calendarYear"\. Did you mean "year"\?$/ },
  { what: 'a syntax error', query: '{ me { username }', code: 'GRAPHQL_VALIDATION_FAILED', zh: /^语法错误：需要 名称，得到的是 文档结尾 <EOF>。\n\nGraphQL request:1:18/, en: /^Syntax Error: Expected Name, found <EOF>\.\n\nGraphQL request:1:18/ },
  { what: 'an undefined variable', query: '{ calendarYear(year: $n) { year } }', code: 'GRAPHQL_VALIDATION_FAILED', zh: /^变量 \$n 未在操作中定义。$/, en: /^Variable "\$n" is not defined\.$/ },
  { what: 'a variable of the wrong type', query: 'query($n: Int!) { calendarYear(year: $n) { year } }', variables: { n: 'ten' }, code: 'BAD_USER_INPUT', zh: /^变量 \$n 的值 "ten" 不合法：Int 不能表示非整数值："ten"$/, en: /^Variable "\$n" got invalid value "ten"; Int cannot represent non-integer value: "ten"$/ },
  { what: 'a missing required variable', query: 'query($id: ID!) { person(id: $id) { name } }', code: 'BAD_USER_INPUT', zh: /^缺少必填变量 \$id（类型 "ID!"）。$/, en: /^Variable "\$id" of required type "ID!" was not provided\.$/ },
  { what: 'too deep a query', query: deep(14), code: 'GRAPHQL_VALIDATION_FAILED', zh: /^查询嵌套深度 \d+ 超过上限 12。$/, en: /^Query depth limit of 12 exceeded, found \d+\.$/ },
  { what: 'too many aliases', query: `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: me { username }`).join(' ')} }`, code: 'GRAPHQL_VALIDATION_FAILED', zh: /^查询中的别名数 30 超过上限 20。$/, en: /^Aliases limit of 20 exceeded, found 30\.$/ },
  { what: 'too many directives', query: `{ __typename ${'@include(if: true) '.repeat(25)}}`, code: 'GRAPHQL_VALIDATION_FAILED', zh: /^查询中的指令数 25 超过上限 20。$/, en: /^Directives limit of 20 exceeded, found 25\.$/ },
  { what: 'too many tokens', query: `{ ${'__typename '.repeat(4500)}}`, code: 'GRAPHQL_VALIDATION_FAILED', zh: /^查询的词法单元数超过上限 4000。$/, en: /^Token limit of 4000 exceeded\.$/ },
];

describe.each(cases)('$what', ({ query, variables, code, zh, en }) => {
  test('Chinese by default, English on request, the same code', async () => {
    const inChinese = await t.gql(query, variables, { token: t.adminToken });
    const inEnglish = await t.gql(query, variables, { token: t.adminToken, lang: 'en' });
    expect(inChinese.data ?? undefined).toBeUndefined();
    expect(inChinese.errors![0].message).toMatch(zh);
    expect(inChinese.errors![0].message).toMatch(CJK);
    expect(inChinese.errors![0].extensions?.code).toBe(code);
    expect(inEnglish.errors![0].message).toMatch(en);
    expect(inEnglish.errors![0].extensions?.code).toBe(code);
    // The internal carrier of both texts never reaches the client.
    expect(JSON.stringify([inChinese.errors, inEnglish.errors])).not.toContain('__text');
  });
});

test('every error of a request is translated, not only the first', async () => {
  const res = await t.gql('query($unused: Int) { me { usernme } nothing }', {}, { token: t.adminToken });
  expect(res.errors!.length).toBeGreaterThanOrEqual(3);
  for (const e of res.errors!) {
    expect(e.message).toMatch(CJK);
    expect(e.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  }
});

test("Apollo's own request errors, answered before any operation runs, too", async () => {
  const post = (lang?: string) =>
    fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(lang ? { 'accept-language': lang } : {}) }, body: JSON.stringify({ query: 5 }) });
  const zh = (await (await post()).json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
  const en = (await (await post('en')).json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
  expect(zh.errors[0].message).toBe('query 必须是字符串。');
  expect(en.errors[0].message).toMatch(/^GraphQL queries must be strings\./);
  expect(zh.errors[0].extensions.code).toBe('BAD_REQUEST');
  expect(en.errors[0].extensions.code).toBe('BAD_REQUEST');
  expect(JSON.stringify([zh, en])).not.toContain('__text');
});
