import fs from 'node:fs';
import { specifiedRules } from 'graphql';
import { graphqlMessage, TEMPLATES, translate } from '../../src/graphql/messages';

/**
 * The Chinese table of GraphQL's own messages covers every validation rule the server runs: each
 * rule of graphql-js's `specifiedRules` has templates, and every message template written in the
 * rule's source (read from the installed graphql package, so an upgrade that adds or rewords a
 * message fails here) translates.
 */
const CJK = /[\u4e00-\u9fff]/;

/** The message templates in a graphql-js source file, with each `${…}` replaced by a sample name. */
function templatesIn(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of source.matchAll(/`((?:[^`\\]|\\.)*)`|'((?:[^'\\]|\\.)*)'/g)) {
    const raw = m[1] ?? m[2];
    // Messages are sentences: a capital letter and spaces (not the invariant of an impossible node kind).
    if (!/^[A-Z]/.test(raw) || !raw.includes(' ') || raw.startsWith('Unexpected kind')) continue;
    found.push(raw.replace(/\$\{[^{}]*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)[^{}]*)*\}/g, 'Sample'));
  }
  return found;
}

const executable = specifiedRules.map((rule) => rule.name);

test('every rule of specifiedRules has templates', () => {
  const covered = new Set(TEMPLATES.map((t) => t.source));
  expect(executable.length).toBeGreaterThan(20);
  expect(executable.filter((name) => !covered.has(name))).toEqual([]);
});

test.each(executable)('every message written in %s translates', (name) => {
  const file = require.resolve(`graphql/validation/rules/${name}.js`);
  const messages = templatesIn(file);
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) {
    // Templates that end in another sentence (`…; ` + an inner message, a suggestion) are complete with a sample tail.
    const complete = /[.?]$/.test(message) || message === 'Maximum introspection depth exceeded' ? message : `${message}.`;
    const zh = translate(complete);
    expect({ message: complete, zh }).toEqual({ message: complete, zh: expect.stringMatching(CJK) });
  }
});

test('composed messages translate part by part', () => {
  expect(translate('Cannot query field "nmae" on type "Person". Did you mean "name"?')).toBe('类型 "Person" 上没有字段 "nmae"。是否想用 "name"？');
  expect(translate('Cannot query field "x" on type "Query". [Suggestion hidden]?')).toBe('类型 "Query" 上没有字段 "x"。');
  expect(
    translate('Variable "$input" got invalid value "x" at "input.first"; Int cannot represent non-integer value: "x"'),
  ).toBe('变量 $input 的值在 "input.first" 处"x" 不合法：Int 不能表示非整数值："x"');
  expect(translate('Fields "a" conflict because subfields "b" conflict because "c" and "d" are different fields. Use different aliases on the fields to fetch both if this was intentional.')).toBe(
    '字段 "a" 相互冲突：子字段 "b" 冲突，因为"c" 与 "d" 是不同的字段。如需同时查询，请给它们起不同的别名。',
  );
  expect(translate('Syntax Error: Expected Name, found <EOF>.')).toBe('语法错误：需要 名称，得到的是 文档结尾 <EOF>。');
  expect(translate('Value "BOSS" does not exist in "Role" enum. Did you mean the enum value "ADMIN"?')).toBe('枚举 "Role" 中没有值 "BOSS"。是否想用 "ADMIN"？');
});

test("armor's limits lose the misleading syntax-error prefix in English too", () => {
  expect(graphqlMessage('Syntax Error: Query depth limit of 12 exceeded, found 15.')).toEqual({ zh: '查询嵌套深度 15 超过上限 12。', en: 'Query depth limit of 12 exceeded, found 15.' });
  expect(graphqlMessage('Syntax Error: Token limit of 4000 exceeded.')).toEqual({ zh: '查询的词法单元数超过上限 4000。', en: 'Token limit of 4000 exceeded.' });
});

test('a message no template knows is left alone', () => {
  expect(graphqlMessage('Something else entirely')).toBeNull();
});
