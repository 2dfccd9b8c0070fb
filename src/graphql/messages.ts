/**
 * Chinese for the messages GraphQL itself writes: syntax errors, every validation rule of
 * graphql-js's `specifiedRules`, variable coercion, the built-in scalars and enums, graphql-armor's
 * limits and Apollo's request errors. graphql-js has no message catalogue, so each message is
 * matched by the pattern of its English template; names, types and values quoted in it are kept
 * as they are. A message that several templates compose (a reason inside a conflict, a scalar's
 * complaint inside a coercion error, a "Did you mean" suggestion) is translated part by part.
 *
 * `graphqlMessage` returns both languages: the English is graphql-js's own, except for armor's
 * limits, which armor prefixes with a misleading "Syntax Error: ".
 */
import { Msg } from '../common/i18n';

type Zh = (...groups: string[]) => string;

/** Where a template comes from (a graphql-js validation rule by its name, or another source). */
export interface Template {
  source: string;
  pattern: RegExp;
  zh: Zh;
  /** English other than the original message (armor's limits only). */
  en?: Zh;
}

const q = (s: string) => `"${s}"`;

/** Sentences whose tail is another translatable sentence are matched with a final `(.*)`. */
export const TEMPLATES: Template[] = [
  // --- validation rules (graphql/validation/rules/*)
  { source: 'ExecutableDefinitionsRule', pattern: /^The (.+) definition is not executable\.$/, zh: (d) => `${d} 定义不可执行（请求里只能有操作和片段）。` },
  { source: 'UniqueOperationNamesRule', pattern: /^There can be only one operation named "(.*)"\.$/, zh: (n) => `名为 ${q(n)} 的操作只能有一个。` },
  { source: 'LoneAnonymousOperationRule', pattern: /^This anonymous operation must be the only defined operation\.$/, zh: () => '匿名操作必须是请求中唯一的操作。' },
  { source: 'SingleFieldSubscriptionsRule', pattern: /^(?:Subscription "(.*)"|Anonymous Subscription) must select only one top level field\.$/, zh: (n) => `订阅${n ? ` ${q(n)} ` : ''}只能选择一个顶层字段。` },
  { source: 'SingleFieldSubscriptionsRule', pattern: /^(?:Subscription "(.*)"|Anonymous Subscription) must not select an introspection top level field\.$/, zh: (n) => `订阅${n ? ` ${q(n)} ` : ''}不能选择内省的顶层字段。` },
  { source: 'KnownTypeNamesRule', pattern: /^Unknown type "(.*?)"\.(.*)$/s, zh: (t, rest) => `未知的类型 ${q(t)}。${tail(rest)}` },
  { source: 'FragmentsOnCompositeTypesRule', pattern: /^Fragment (?:"(.*)" )?cannot condition on non composite type "(.*)"\.$/, zh: (f, t) => `片段${f ? ` ${q(f)} ` : ''}不能以非复合类型 ${q(t)} 为条件。` },
  { source: 'VariablesAreInputTypesRule', pattern: /^Variable "\$(.*)" cannot be non-input type "(.*)"\.$/, zh: (v, t) => `变量 $${v} 不能是非输入类型 ${q(t)}。` },
  { source: 'ScalarLeafsRule', pattern: /^Field "(.*)" must not have a selection since type "(.*)" has no subfields\.$/, zh: (f, t) => `字段 ${q(f)} 的类型 ${q(t)} 没有子字段，不能带选择集。` },
  { source: 'ScalarLeafsRule', pattern: /^Field "(.*)" of type "(.*)" must have a selection of subfields\. Did you mean "(.*)"\?$/, zh: (f, t, s) => `字段 ${q(f)}（类型 ${q(t)}）必须选择子字段，例如 ${q(s)}。` },
  { source: 'ScalarLeafsRule', pattern: /^Field "(.*)" of type "(.*)" must have at least one field selected\.$/, zh: (f, t) => `字段 ${q(f)}（类型 ${q(t)}）至少要选择一个子字段。` },
  { source: 'FieldsOnCorrectTypeRule', pattern: /^Cannot query field "(.*?)" on type "(.*?)"\.(.*)$/s, zh: (f, t, rest) => `类型 ${q(t)} 上没有字段 ${q(f)}。${tail(rest)}` },
  { source: 'UniqueFragmentNamesRule', pattern: /^There can be only one fragment named "(.*)"\.$/, zh: (n) => `名为 ${q(n)} 的片段只能有一个。` },
  { source: 'KnownFragmentNamesRule', pattern: /^Unknown fragment "(.*)"\.$/, zh: (n) => `未知的片段 ${q(n)}。` },
  { source: 'NoUnusedFragmentsRule', pattern: /^Fragment "(.*)" is never used\.$/, zh: (n) => `片段 ${q(n)} 没有被使用。` },
  { source: 'PossibleFragmentSpreadsRule', pattern: /^Fragment (?:"(.*)" )?cannot be spread here as objects of type "(.*)" can never be of type "(.*)"\.$/, zh: (f, p, t) => `片段${f ? ` ${q(f)} ` : ''}不能在此展开：类型 ${q(p)} 的对象永远不会是类型 ${q(t)}。` },
  { source: 'NoFragmentCyclesRule', pattern: /^Cannot spread fragment "(.*?)" within itself(?: via (.*))?\.$/, zh: (f, via) => `片段 ${q(f)} 不能${via ? `经由 ${via} ` : ''}展开它自身。` },
  { source: 'UniqueVariableNamesRule', pattern: /^There can be only one variable named "\$(.*)"\.$/, zh: (v) => `名为 $${v} 的变量只能有一个。` },
  { source: 'NoUndefinedVariablesRule', pattern: /^Variable "\$(.*?)" is not defined(?: by operation "(.*)")?\.$/, zh: (v, op) => `变量 $${v} 未在操作${op ? ` ${q(op)} ` : ''}中定义。` },
  { source: 'NoUnusedVariablesRule', pattern: /^Variable "\$(.*?)" is never used(?: in operation "(.*)")?\.$/, zh: (v, op) => `变量 $${v} 在操作${op ? ` ${q(op)} ` : ''}中没有被使用。` },
  { source: 'KnownDirectivesRule', pattern: /^Unknown directive "@(.*)"\.$/, zh: (d) => `未知的指令 @${d}。` },
  { source: 'KnownDirectivesRule', pattern: /^Directive "@(.*)" may not be used on (.*)\.$/, zh: (d, l) => `指令 @${d} 不能用在 ${l} 上。` },
  { source: 'UniqueDirectivesPerLocationRule', pattern: /^The directive "@(.*)" can only be used once at this location\.$/, zh: (d) => `指令 @${d} 在此处只能使用一次。` },
  { source: 'KnownArgumentNamesRule', pattern: /^Unknown argument "(.*?)" on field "(.*?)"\.(.*)$/s, zh: (a, f, rest) => `字段 ${q(f)} 没有参数 ${q(a)}。${tail(rest)}` },
  { source: 'KnownArgumentNamesRule', pattern: /^Unknown argument "(.*?)" on directive "@(.*?)"\.(.*)$/s, zh: (a, d, rest) => `指令 @${d} 没有参数 ${q(a)}。${tail(rest)}` },
  { source: 'UniqueArgumentNamesRule', pattern: /^There can be only one argument named "(.*)"\.$/, zh: (a) => `名为 ${q(a)} 的参数只能有一个。` },
  { source: 'ValuesOfCorrectTypeRule', pattern: /^Expected value of type "(.*?)", found (.*?); (.*)$/s, zh: (t, v, inner) => `需要类型 ${q(t)} 的值，得到的是 ${v}：${translate(inner) ?? inner}` },
  { source: 'ValuesOfCorrectTypeRule', pattern: /^Expected value of type "(.*?)", found (.*)\.$/s, zh: (t, v) => `需要类型 ${q(t)} 的值，得到的是 ${v}。` },
  { source: 'ValuesOfCorrectTypeRule', pattern: /^Field "(.*)" of required type "(.*)" was not provided\.$/, zh: (f, t) => `缺少必填字段 ${q(f)}（类型 ${q(t)}）。` },
  { source: 'ValuesOfCorrectTypeRule', pattern: /^Field "(.*?)" is not defined by type "(.*?)"\.(.*)$/s, zh: (f, t, rest) => `类型 ${q(t)} 没有字段 ${q(f)}。${tail(rest)}` },
  { source: 'ValuesOfCorrectTypeRule', pattern: /^OneOf Input Object "(.*)" must specify exactly one key\.$/, zh: (t) => `OneOf 输入对象 ${q(t)} 必须恰好给出一个字段。` },
  { source: 'ValuesOfCorrectTypeRule', pattern: /^Field "(.*)" must be non-null\.$/, zh: (f) => `字段 ${q(f)} 不能为 null。` },
  { source: 'ProvidedRequiredArgumentsRule', pattern: /^Field "(.*)" argument "(.*)" of type "(.*)" is required, but it was not provided\.$/, zh: (f, a, t) => `字段 ${q(f)} 缺少必填参数 ${q(a)}（类型 ${q(t)}）。` },
  { source: 'ProvidedRequiredArgumentsRule', pattern: /^Directive "@(.*)" argument "(.*)" of type "(.*)" is required, but it was not provided\.$/, zh: (d, a, t) => `指令 @${d} 缺少必填参数 ${q(a)}（类型 ${q(t)}）。` },
  { source: 'VariablesInAllowedPositionRule', pattern: /^Variable "\$(.*)" of type "(.*)" used in position expecting type "(.*)"\.$/, zh: (v, t, e) => `变量 $${v} 的类型是 ${q(t)}，此处需要类型 ${q(e)}。` },
  { source: 'VariablesInAllowedPositionRule', pattern: /^Variable "\$(.*)" is of type "(.*)" but must be non-nullable to be used for OneOf Input Object "(.*)"\.$/, zh: (v, t, o) => `变量 $${v} 的类型是 ${q(t)}，用于 OneOf 输入对象 ${q(o)} 时必须是非空类型。` },
  { source: 'OverlappingFieldsCanBeMergedRule', pattern: /^Fields "(.*?)" conflict because (.*)\. Use different aliases on the fields to fetch both if this was intentional\.$/s, zh: (f, why) => `字段 ${q(f)} 相互冲突：${reason(why)}。如需同时查询，请给它们起不同的别名。` },
  { source: 'UniqueInputFieldNamesRule', pattern: /^There can be only one input field named "(.*)"\.$/, zh: (f) => `名为 ${q(f)} 的输入字段只能有一个。` },
  { source: 'MaxIntrospectionDepthRule', pattern: /^Maximum introspection depth exceeded$/, zh: () => '内省查询的嵌套超过上限。' },

  // --- syntax (graphql/language/lexer.js, parser.js); the prefix "Syntax Error: " is handled below
  { source: 'parser', pattern: /^Expected (.*?), found (.*)\.$/s, zh: (e, f) => `需要 ${token(e)}，得到的是 ${token(f)}。` },
  { source: 'parser', pattern: /^Unexpected (.*)\.$/s, zh: (t) => `意外的 ${token(t)}。` },
  { source: 'parser', pattern: /^(.*) is reserved and cannot be used for an enum value\.$/, zh: (t) => `${token(t)} 是保留字，不能用作枚举值。` },
  { source: 'parser', pattern: /^Unexpected variable "\$(.*)" in constant value\.$/, zh: (v) => `常量值中不能使用变量 $${v}。` },
  { source: 'parser', pattern: /^Unexpected description, .*\.$/, zh: () => '此处不能有描述字符串。' },
  { source: 'parser', pattern: /^Document contains more th[ae]n (\d+) (tokens|comments)\. Parsing aborted\.$/, zh: (n, what) => `文档超过 ${n} 个${what === 'tokens' ? '词法单元' : '注释'}，已停止解析。` },
  { source: 'parser', pattern: /^Source contains more than (\d+) UTF-16 code units\. Parsing aborted\.$/, zh: (n) => `文档超过 ${n} 个 UTF-16 码元，已停止解析。` },
  { source: 'lexer', pattern: /^Unexpected single quote character \('\), did you mean to use a double quote \("\)\?$/, zh: () => '意外的单引号：字符串请用双引号。' },
  { source: 'lexer', pattern: /^Unexpected character: (.*)\.$/, zh: (c) => `意外的字符：${c}。` },
  { source: 'lexer', pattern: /^Invalid character: (.*)\.$/, zh: (c) => `无效字符：${c}。` },
  { source: 'lexer', pattern: /^Invalid number, unexpected digit after 0: (.*)\.$/, zh: (c) => `无效的数字：0 之后不能紧跟数字 ${c}。` },
  { source: 'lexer', pattern: /^Invalid number, expected digit but got: (.*)\.$/, zh: (c) => `无效的数字：需要数字，得到的是 ${c}。` },
  { source: 'lexer', pattern: /^Invalid character within String: (.*)\.$/, zh: (c) => `字符串中有无效字符：${c}。` },
  { source: 'lexer', pattern: /^Unterminated string\.$/, zh: () => '字符串没有结束引号。' },
  { source: 'lexer', pattern: /^Invalid Unicode escape sequence: (.*)\.$/, zh: (s) => `无效的 Unicode 转义序列：${s}。` },
  { source: 'lexer', pattern: /^Invalid character escape sequence: (.*)\.$/, zh: (s) => `无效的转义序列：${s}。` },

  // --- variables and input coercion (graphql/execution/values.js, utilities/coerceInputValue.js, type/*)
  { source: 'values', pattern: /^Variable "\$(.*)" expected value of type "(.*)" which cannot be used as an input type\.$/, zh: (v, t) => `变量 $${v} 的类型 ${q(t)} 不能用作输入类型。` },
  { source: 'values', pattern: /^Variable "\$(.*)" of required type "(.*)" was not provided\.$/, zh: (v, t) => `缺少必填变量 $${v}（类型 ${q(t)}）。` },
  { source: 'values', pattern: /^Variable "\$(.*)" of non-null type "(.*)" must not be null\.$/, zh: (v, t) => `变量 $${v}（类型 ${q(t)}）不能为 null。` },
  { source: 'values', pattern: /^Variable "\$(.*?)" got invalid value (.*?)(?: at "(.*?)")?; (.*)$/s, zh: (v, val, at, inner) => `变量 $${v} 的值${at ? `在 ${q(at)} 处` : ' '}${val} 不合法：${translate(inner) ?? inner}` },
  { source: 'values', pattern: /^Too many errors processing variables, error limit reached\. Execution aborted\.$/, zh: () => '变量中的错误过多，已停止执行。' },
  { source: 'coerceInputValue', pattern: /^Expected non-nullable type "(.*)" not to be null\.$/, zh: (t) => `非空类型 ${q(t)} 的值不能为 null。` },
  { source: 'coerceInputValue', pattern: /^Expected type "(.*?)" to be an object\.$/, zh: (t) => `类型 ${q(t)} 的值必须是对象。` },
  { source: 'coerceInputValue', pattern: /^Exactly one key must be specified for OneOf type "(.*)"\.$/, zh: (t) => `OneOf 类型 ${q(t)} 必须恰好给出一个字段。` },
  { source: 'coerceInputValue', pattern: /^Expected type "(.*?)"\. (.*)$/s, zh: (t, inner) => `需要类型 ${q(t)}：${translate(inner) ?? inner}` },
  { source: 'coerceInputValue', pattern: /^Expected type "(.*?)"\.$/, zh: (t) => `需要类型 ${q(t)}。` },
  { source: 'scalars', pattern: /^Int cannot represent non-integer value: (.*)$/s, zh: (v) => `Int 不能表示非整数值：${v}` },
  { source: 'scalars', pattern: /^Int cannot represent non 32-bit signed integer value: (.*)$/s, zh: (v) => `Int 不能表示超出 32 位有符号整数范围的值：${v}` },
  { source: 'scalars', pattern: /^Float cannot represent non numeric value: (.*)$/s, zh: (v) => `Float 不能表示非数值：${v}` },
  { source: 'scalars', pattern: /^String cannot represent a non string value: (.*)$/s, zh: (v) => `String 不能表示非字符串值：${v}` },
  { source: 'scalars', pattern: /^Boolean cannot represent a non boolean value: (.*)$/s, zh: (v) => `Boolean 不能表示非布尔值：${v}` },
  { source: 'scalars', pattern: /^ID cannot represent (?:a non-string and non-integer )?value: (.*)$/s, zh: (v) => `ID 不能表示该值：${v}` },
  { source: 'enum', pattern: /^Value "(.*?)" does not exist in "(.*?)" enum\.(.*)$/s, zh: (v, e, rest) => `枚举 ${q(e)} 中没有值 ${q(v)}。${tail(rest)}` },
  { source: 'enum', pattern: /^Enum "(.*?)" cannot represent non-(?:string|enum) value: (.*?)\.(.*)$/s, zh: (e, v, rest) => `枚举 ${q(e)} 不能表示值 ${v}。${tail(rest)}` },

  // --- graphql-armor's limits (its messages start with "Syntax Error: " whatever the limit)
  { source: 'armor', pattern: /^Query depth limit of (\d+) exceeded, found (\d+)\.$/, zh: (n, f) => `查询嵌套深度 ${f} 超过上限 ${n}。`, en: (n, f) => `Query depth limit of ${n} exceeded, found ${f}.` },
  { source: 'armor', pattern: /^Aliases limit of (\d+) exceeded, found (\d+)\.$/, zh: (n, f) => `查询中的别名数 ${f} 超过上限 ${n}。`, en: (n, f) => `Aliases limit of ${n} exceeded, found ${f}.` },
  { source: 'armor', pattern: /^Directives limit of (\d+) exceeded, found (\d+)\.$/, zh: (n, f) => `查询中的指令数 ${f} 超过上限 ${n}。`, en: (n, f) => `Directives limit of ${n} exceeded, found ${f}.` },
  { source: 'armor', pattern: /^Token limit of (\d+) exceeded\.$/, zh: (n) => `查询的词法单元数超过上限 ${n}。`, en: (n) => `Token limit of ${n} exceeded.` },
  { source: 'armor', pattern: /^Query Cost limit of (\d+) exceeded, found (\d+)\.$/, zh: (n, f) => `查询的代价 ${f} 超过上限 ${n}。`, en: (n, f) => `Query cost limit of ${n} exceeded, found ${f}.` },

  // --- Apollo Server's request errors
  { source: 'apollo', pattern: /^GraphQL introspection is not allowed by Apollo Server/, zh: () => '此环境不允许内省查询（__schema、__type）。', en: () => 'Introspection (__schema, __type) is not allowed in this environment.' },
  { source: 'apollo', pattern: /^Unknown operation named "(.*)"\.$/, zh: (n) => `未知的操作名 ${q(n)}。` },
  { source: 'apollo', pattern: /^Must provide operation name if query contains multiple operations\.$/, zh: () => '请求含有多个操作时必须给出 operationName。' },
  { source: 'apollo', pattern: /^Must provide query string\.$/, zh: () => '缺少查询字符串。' },
  { source: 'apollo', pattern: /^GraphQL operations must contain a non-empty `query`/, zh: () => 'GraphQL 请求必须含有非空的 query。' },
  { source: 'apollo', pattern: /^GraphQL queries must be strings\./, zh: () => 'query 必须是字符串。' },
  { source: 'apollo', pattern: /^POST body missing, invalid Content-Type, or JSON object has no keys\.$/, zh: () => '缺少请求体、Content-Type 不正确或 JSON 对象为空。' },
  { source: 'apollo', pattern: /^GET requests only support query operations, not (.*) operations$/, zh: (op) => `GET 请求只能执行查询，不能执行 ${op}。` },
  { source: 'apollo', pattern: /^This operation has been blocked as a potential Cross-Site Request Forgery/, zh: () => '该请求疑似跨站请求伪造（CSRF），已被拦截：请带上 Content-Type: application/json 或 Apollo-Require-Preflight 请求头。' },
  { source: 'apollo', pattern: /^(.*) recursively requests too many selections\.$/, zh: (op) => `操作 ${op} 递归请求的选择过多。` },
  { source: 'apollo', pattern: /^The (.*) search parameter (?:contains invalid JSON|should contain a JSON-encoded object)\.$/, zh: (p) => `查询参数 ${p} 必须是 JSON 编码的对象。` },
];

/** The end of a sentence: a "Did you mean" suggestion (or armor's mask of it), or nothing. */
function tail(rest: string): string {
  const s = rest.trim();
  if (!s) return '';
  if (/^\[Suggestion hidden\]\??$/.test(s)) return '';
  const m = /^Did you mean (?:(the enum value|to use an inline fragment on) )?(.*)\?$/s.exec(s);
  if (m) {
    const options = m[2].replace(/,? or /g, '、').replace(/, /g, '、');
    if (m[1] === 'to use an inline fragment on') return `是否要对 ${options} 使用内联片段？`;
    return `是否想用 ${options}？`;
  }
  return translate(s) ?? s;
}

/** A conflict's reason (OverlappingFieldsCanBeMergedRule), possibly nested through subfields. */
function reason(text: string): string {
  const parts: string[] = [];
  let rest = text;
  for (let guard = 0; rest && guard < 50; guard++) {
    let m: RegExpExecArray | null;
    if ((m = /^they return conflicting types "(.*?)" and "(.*?)"(.*)$/s.exec(rest))) {
      parts.push(`它们返回的类型 ${q(m[1])} 与 ${q(m[2])} 冲突`);
      rest = m[3];
    } else if ((m = /^"(.*?)" and "(.*?)" are different fields(.*)$/s.exec(rest))) {
      parts.push(`${q(m[1])} 与 ${q(m[2])} 是不同的字段`);
      rest = m[3];
    } else if ((m = /^they have differing arguments(.*)$/s.exec(rest))) {
      parts.push('它们的参数不同');
      rest = m[1];
    } else if ((m = /^they have differing stream directives(.*)$/s.exec(rest))) {
      parts.push('它们的 @stream 指令不同');
      rest = m[1];
    } else if ((m = /^subfields "(.*?)" conflict because (.*)$/s.exec(rest))) {
      parts.push(`子字段 ${q(m[1])} 冲突，因为`);
      rest = m[2];
    } else if ((m = /^ and (.*)$/s.exec(rest))) {
      parts.push('；');
      rest = m[1];
    } else {
      parts.push(rest);
      break;
    }
  }
  return parts.join('');
}

/** Token descriptions in syntax errors: `Name "foo"`, `"{"`, `<EOF>`, `String "x"`… */
function token(desc: string): string {
  return desc
    .replace(/^<EOF>$/, '文档结尾 <EOF>')
    .replace(/^Name\b/, '名称')
    .replace(/^name\b/, '名称')
    .replace(/^String\b/, '字符串')
    .replace(/^Int\b/, '整数')
    .replace(/^Float\b/, '浮点数')
    .replace(/^BlockString\b/, '块字符串')
    .replace(/^Comment\b/, '注释');
}

/** The Chinese of one message, or null when no template matches. */
export function translate(message: string): string | null {
  const syntax = /^Syntax Error: (.*)$/s.exec(message);
  if (syntax) {
    const armor = armorLimit(syntax[1]);
    if (armor) return armor.zh;
    const inner = translate(syntax[1]);
    return inner === null ? null : `语法错误：${inner}`;
  }
  for (const t of TEMPLATES) {
    const m = t.pattern.exec(message);
    if (m) return t.zh(...m.slice(1).map((g) => g ?? ''));
  }
  return null;
}

function armorLimit(message: string): Msg | null {
  for (const t of TEMPLATES) {
    if (t.source !== 'armor') continue;
    const m = t.pattern.exec(message);
    if (m) {
      const groups = m.slice(1);
      return { zh: t.zh(...groups), en: t.en!(...groups) };
    }
  }
  return null;
}

/**
 * Both languages of a message of GraphQL, graphql-armor or Apollo: graphql-js's English (armor's
 * and Apollo's introspection refusal reworded) and its Chinese; null for a message no template
 * knows.
 */
export function graphqlMessage(full: string): Msg | null {
  // A syntax error ends with where it is (`\n\nGraphQL request:1:18` and the line): kept as is.
  const at = full.search(/\n\nGraphQL request:\d+:\d+/);
  if (at > 0) {
    const head = graphqlMessage(full.slice(0, at));
    return head && { zh: head.zh + full.slice(at), en: head.en + full.slice(at) };
  }
  const message = full;
  const syntax = /^Syntax Error: (.*)$/s.exec(message);
  if (syntax) {
    const armor = armorLimit(syntax[1]);
    if (armor) return armor;
  }
  for (const t of TEMPLATES) {
    if (!t.en) continue;
    const m = t.pattern.exec(message);
    if (m) return { zh: t.zh(...m.slice(1)), en: t.en(...m.slice(1)) };
  }
  const zh = translate(message);
  return zh === null ? null : { zh, en: message };
}
