/**
 * A walker of the GraphQL schema: it generates queries from the schema itself (every root field,
 * every reachable object field, every leaf field) and runs them against the server, so that a
 * field added to the schema is walked the day it is added, with no list to keep up to date.
 *
 * The walk is breadth first over field paths. Level 0 asks each root call for its leaf fields;
 * each next level asks, for every path that returned at least one object, each object field of
 * that object's type with its leaf fields; down to `maxDepth` object levels below the root value.
 * Connection and edge wrappers (types named …Connection / …Edge) do not count as levels.
 *
 * What keeps it small enough to run in seconds:
 * - a path that returned no object (null, an empty list, or an error) is not walked further;
 * - a path whose every object (same type, id and leaf values) was already walked from the same
 *   or a shallower depth is not walked again (back references like team → members → team);
 * - a connection's `first` is 100 at level 0 and then its `totalCount` (at most 100), so the cost
 *   multiplier of the server's cost limit stays as small as the data allows;
 * - paths are packed into as few documents as the server's limits allow (tokens, cost, aliases,
 *   depth), the paths of one root call under one aliased root field;
 * - an error whose null would reach other paths' data (an error in a non-null field propagates
 *   upwards) sends its path again under a root field of its own, or in a document of its own when
 *   the null reaches the answer's root; the field is remembered and asked apart from then on;
 * - a root field the server refuses to see twice in one document is never copied again.
 *
 * Abstract types (none in today's schema) are asked with an inline fragment per possible type.
 * Objects with the same type, id and leaf values are taken as the same object whatever field led
 * to them: a guard that showed one object differently by the path to it, with equal leaf values,
 * would have the second path's subtree left unwalked.
 */
import {
  astFromValue,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLSchema,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  Lexer,
  OperationDefinitionNode,
  parse,
  print,
  SelectionNode,
  Source,
  TokenKind,
} from 'graphql';
import { GqlResult } from './graphql-client';

/** The server's limits (src/server.ts), with some room left. */
export const LIMITS = { tokens: 3600, cost: 45000, aliases: 18, depth: 12 };

/** What an argument is, for the function that supplies its values. */
export interface ArgQuestion {
  /** The type that declares the field (Query for root fields). */
  owner: string;
  field: string;
  arg: GraphQLArgument;
  /** The named type the field returns. */
  returns: string;
}

/**
 * Candidate values of an argument: undefined when it cannot say (a required argument then fails
 * the walk, naming it), [] to leave an optional argument out.
 */
export type ArgSource = (q: ArgQuestion) => unknown[] | undefined;

export interface RootCall {
  field: string;
  args: Record<string, unknown>;
  /** e.g. person(id: "…") */
  label: string;
}

interface Step {
  owner: string;
  field: string;
}

interface WalkPath {
  call: RootCall;
  steps: Step[];
  type: GraphQLNamedType;
  depth: number;
  /** Asked under a root field of its own ('alias') or in a document of its own ('doc'). */
  isolate?: 'alias' | 'doc';
}

interface Group {
  call: RootCall;
  alias: string;
  trie: TrieNode;
  isolated: boolean;
  paths: WalkPath[];
}

interface Doc {
  document: string;
  groups: Group[];
}

type GqlError = NonNullable<GqlResult['errors']>[number];

const fragileKey = (p: { call: RootCall; steps: Step[] }) => (p.steps.length ? `${p.steps[p.steps.length - 1].owner}.${p.steps[p.steps.length - 1].field}` : `Query.${p.call.field}`);

export interface WalkResponse {
  /** The root calls and field paths the document asked for. */
  paths: string[];
  /** Each root alias of the document and the call it stands for, e.g. r7 → person(id: "…"). */
  aliases: Record<string, string>;
  document: string;
  result: GqlResult;
}

export interface WalkStats {
  requests: number;
  /** The deepest object level that answered with an object. */
  deepest: number;
  paths: number;
  pathsWithErrors: number;
  splits: number;
}

const isWrapper = (t: GraphQLNamedType) => /(Connection|Edge)$/.test(t.name);

const pathLabel = (p: { call: RootCall; steps: Step[] }) => [p.call.label, ...p.steps.map((s) => s.field)].join('.');

/** The literal of a value of an input type (enums bare, input objects with their fields). */
function literal(value: unknown, type: GraphQLInputType): string {
  const ast = astFromValue(value, type);
  if (!ast) throw new Error(`cannot print ${JSON.stringify(value)} as ${String(type)}`);
  return print(ast);
}

function printArgs(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): string {
  const parts = field.args.filter((a) => args[a.name] !== undefined).map((a) => `${a.name}: ${literal(args[a.name], a.type)}`);
  return parts.length ? `(${parts.join(', ')})` : '';
}

/**
 * The arguments of a field from the source: each argument's candidates; when exactly one
 * argument has several, one call per candidate, else the first of each.
 */
function argumentSets(owner: string, field: GraphQLField<unknown, unknown>, source: ArgSource): Record<string, unknown>[] {
  const returns = getNamedType(field.type).name;
  const options: [string, unknown[]][] = [];
  for (const arg of field.args) {
    const values = source({ owner, field: field.name, arg, returns });
    if (values === undefined || (values.length === 0 && isNonNullType(arg.type))) {
      if (isNonNullType(arg.type)) throw new Error(`no value for the required argument ${owner}.${field.name}(${arg.name}: ${String(arg.type)}): add one to the walk's argument source`);
      continue;
    }
    if (values.length > 0) options.push([arg.name, values]);
  }
  const multi = options.filter(([, v]) => v.length > 1);
  const base = Object.fromEntries(options.map(([k, v]) => [k, v[0]]));
  if (multi.length !== 1) return [base];
  const [name, values] = multi[0];
  return values.map((v) => ({ ...base, [name]: v }));
}

/** One call per root Query field (several when one id argument has several candidates). */
export function rootCalls(schema: GraphQLSchema, source: ArgSource, only?: (field: string) => boolean): RootCall[] {
  const query = schema.getQueryType()!;
  const calls: RootCall[] = [];
  for (const field of Object.values(query.getFields())) {
    if (only && !only(field.name)) continue;
    for (const args of argumentSets('Query', field, source)) {
      calls.push({ field: field.name, args, label: `${field.name}${printArgs(field, args)}` });
    }
  }
  return calls;
}

interface TrieNode {
  /** Leaf fields asked here (the frontier). */
  leaves: boolean;
  children: Map<string, { step: Step; node: TrieNode }>;
}

export class SchemaWalker {
  readonly responses: WalkResponse[] = [];
  readonly stats: WalkStats = { requests: 0, deepest: 0, paths: 0, pathsWithErrors: 0, splits: 0 };
  /** Paths whose own request failed, with the error (code: message). */
  readonly errors: { path: string; error: string }[] = [];
  private readonly seen = new Map<string, number>();
  /** Fields whose errors null out more than themselves, and how far apart their paths must be asked. */
  private readonly fragile = new Map<string, 'alias' | 'doc'>();
  /** Root fields the server refused to see twice in one document. */
  private readonly noCopies = new Set<string>();
  private aliasSeq = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly send: (document: string) => Promise<GqlResult>,
    private readonly source: ArgSource,
    private readonly maxDepth = 6,
  ) {}

  private fieldsOf(type: GraphQLNamedType): { owner: GraphQLObjectType; field: GraphQLField<unknown, unknown> }[] {
    const owners = isObjectType(type) ? [type] : isAbstractType(type) ? this.schema.getPossibleTypes(type) : [];
    return owners.flatMap((owner) => Object.values(owner.getFields()).map((field) => ({ owner, field })));
  }

  /** Arguments of a nested field (none in today's schema: derived like a root field's when they come). */
  private nestedArgs(owner: string, field: GraphQLField<unknown, unknown>): string {
    if (field.args.length === 0) return '';
    return printArgs(field, argumentSets(owner, field, this.source)[0]);
  }

  private leafSelection(type: GraphQLNamedType): string {
    const parts = ['__typename'];
    const byOwner = new Map<string, string[]>();
    for (const { owner, field } of this.fieldsOf(type)) {
      if (!isLeafType(getNamedType(field.type))) continue;
      byOwner.set(owner.name, [...(byOwner.get(owner.name) ?? []), `${field.name}${this.nestedArgs(owner.name, field)}`]);
    }
    for (const [owner, fields] of byOwner) parts.push(isAbstractType(type) ? `... on ${owner} { ${fields.join(' ')} }` : fields.join(' '));
    return parts.join(' ');
  }

  private fieldOf(owner: string, name: string): GraphQLField<unknown, unknown> {
    const t = this.schema.getType(owner) as GraphQLObjectType;
    return t.getFields()[name];
  }

  private printNode(type: GraphQLNamedType, node: TrieNode): string {
    const parts: string[] = [node.leaves ? this.leafSelection(type) : '__typename'];
    for (const { step, node: child } of node.children.values()) {
      const field = this.fieldOf(step.owner, step.field);
      const inner = `${step.field}${this.nestedArgs(step.owner, field)} { ${this.printNode(getNamedType(field.type), child)} }`;
      parts.push(isAbstractType(type) ? `... on ${step.owner} { ${inner} }` : inner);
    }
    return parts.join(' ');
  }

  /** The document asking for these groups of paths, each under its aliased root field. */
  private document(groups: Group[]): string {
    const query = this.schema.getQueryType()!;
    const roots = groups.map(({ call, alias, trie }) => {
      const field = query.getFields()[call.field];
      const type = getNamedType(field.type);
      const selection = isLeafType(type) ? '' : ` { ${this.printNode(type, trie)} }`;
      return `${alias}: ${call.field}${printArgs(field, call.args)}${selection}`;
    });
    return `{ ${roots.join(' ')} }`;
  }

  private static insert(trie: TrieNode, steps: Step[]) {
    let node = trie;
    for (const step of steps) {
      const key = `${step.owner}.${step.field}`;
      let next = node.children.get(key);
      if (!next) {
        next = { step, node: { leaves: false, children: new Map() } };
        node.children.set(key, next);
      }
      node = next.node;
    }
    node.leaves = true;
  }

  /**
   * Packs paths into documents within the limits. Paths of one root call share one aliased root
   * field, except isolated ones: 'alias' gets a root field of its own (an error there nulls no
   * other path's data), 'doc' a document of its own (its error nulls the whole answer).
   */
  private pack(paths: WalkPath[]): Doc[] {
    const docs: Doc[] = [];
    // Places a path among the groups (null when its isolation forbids it); the groups are copied, not changed.
    const place = (groups: Group[], p: WalkPath): Group[] | null => {
      if (groups.length > 0 && (p.isolate === 'doc' || groups.some((g) => g.paths.some((q) => q.isolate === 'doc')))) return null;
      const next = [...groups];
      const at = p.isolate ? -1 : next.findIndex((x) => x.call === p.call && !x.isolated);
      let g: Group;
      if (at >= 0) {
        g = { ...next[at], trie: cloneTrie(next[at].trie), paths: [...next[at].paths] };
        next[at] = g;
      } else {
        if (next.length >= LIMITS.aliases) return null;
        if (this.noCopies.has(p.call.field) && next.some((x) => x.call.field === p.call.field)) return null;
        g = { call: p.call, alias: `r${++this.aliasSeq}`, trie: { leaves: false, children: new Map() }, isolated: !!p.isolate, paths: [] };
        next.push(g);
      }
      SchemaWalker.insert(g.trie, p.steps);
      g.paths.push(p);
      return next;
    };
    // Greedy, in growing chunks (measuring a document costs a parse): double while they fit, halve when not.
    let i = 0;
    while (i < paths.length) {
      let groups: Group[] = [];
      let text = '';
      let step = 1;
      while (i < paths.length) {
        let next: Group[] | null = groups;
        for (const p of paths.slice(i, i + step)) next = next && place(next, p);
        const candidate = next && this.document(next);
        if (next && candidate && within(candidate)) {
          groups = next;
          text = candidate;
          i += Math.min(step, paths.length - i);
          step *= 2;
        } else if (step > 1) step = Math.floor(step / 2);
        else break;
      }
      if (groups.length === 0) throw new Error(`one path alone exceeds the server's limits: ${pathLabel(paths[i])}`);
      docs.push({ document: text, groups });
    }
    return docs;
  }

  /** The objects a response holds at a path (lists flattened, nulls left out). */
  private static objectsAt(data: any, alias: string, steps: Step[]): any[] {
    let values: any[] = data && data[alias] != null ? [data[alias]] : [];
    for (const step of steps) {
      const next: any[] = [];
      for (const v of values) {
        if (v.__typename !== step.owner) continue;
        const x = v[step.field];
        if (Array.isArray(x)) next.push(...x.filter((y) => y != null));
        else if (x != null) next.push(x);
      }
      values = next;
    }
    return values;
  }

  /**
   * Where an error's null lands: the path it belongs to, and whether the null reaches other paths'
   * data (`spill`: 'alias' when it stays inside the root field, 'doc' when it nulls the answer).
   */
  private locate(error: GqlError, doc: Doc): { own: WalkPath | undefined; spill: 'alias' | 'doc' | null } {
    const path = error.path ?? [];
    const group = doc.groups.find((g) => g.alias === path[0]);
    if (!group) return { own: undefined, spill: 'doc' };
    // The types along the response path, then the first nullable position going up.
    const types: GraphQLOutputType[] = [];
    let current: GraphQLOutputType = this.schema.getQueryType()!.getFields()[group.call.field].type;
    types.push(current);
    for (let i = 1; i < path.length; i++) {
      const key = path[i];
      if (typeof key === 'number') {
        const list: GraphQLOutputType = isNonNullType(current) ? current.ofType : current;
        current = isListType(list) ? list.ofType : list;
      } else {
        const named = getNamedType(current);
        const owner = isObjectType(named) ? named : isAbstractType(named) ? this.schema.getPossibleTypes(named).find((t) => t.getFields()[key]) : undefined;
        const f = owner?.getFields()[key];
        if (!f) return { own: undefined, spill: 'doc' };
        current = f.type;
      }
      types.push(current);
    }
    let landing = path.length - 1;
    while (landing >= 0 && isNonNullType(types[landing])) landing--;
    // The group's path the error path runs through (paths of one level have as many steps).
    const keys = path.slice(1).filter((k): k is string => typeof k === 'string');
    const own = group.paths.find((p) => p.steps.every((s, i) => keys[i] === s.field));
    if (!own) return { own, spill: 'doc' };
    // The position in `path` of the own path's last field.
    let ownPosition = 0;
    for (let i = 1, n = 0; i < path.length && n < own.steps.length; i++) {
      if (typeof path[i] === 'string') {
        n++;
        ownPosition = i;
      }
    }
    if (landing >= ownPosition) return { own, spill: null };
    if (landing < 0) return { own, spill: doc.groups.length > 1 || group.paths.length > 1 ? 'doc' : null };
    return { own, spill: group.paths.length > 1 ? 'alias' : null };
  }

  /** Objects with an id are known by type, id and leaf values; others (value objects) are never taken as seen. */
  private signature(o: any): string | null {
    if (o.id === undefined) return null;
    const leaves = Object.entries(o).filter(([, v]) => v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => typeof x !== 'object')));
    return JSON.stringify(leaves);
  }

  private async run(doc: Doc): Promise<{ doc: Doc; data: any; failed: Set<WalkPath> }[]> {
    const result = await this.send(doc.document);
    this.stats.requests++;
    this.responses.push({
      paths: doc.groups.flatMap((g) => g.paths.map(pathLabel)),
      aliases: Object.fromEntries(doc.groups.map((g) => [g.alias, g.call.label])),
      document: doc.document,
      result,
    });
    const errors = result.errors ?? [];
    const all = doc.groups.flatMap((g) => g.paths);
    const invalid = errors.find((e) => !e.path);
    if (invalid) {
      // A root field the server takes once per request (e.g. a bounded matrix): never copy it again.
      const fields = doc.groups.map((g) => g.call.field).filter((f, i, xs) => xs.indexOf(f) !== i);
      if (fields.length === 0) throw new Error(`the server refused a generated document: ${invalid.message}\n${doc.document}`);
      fields.forEach((f) => this.noCopies.add(f));
      return this.rerun(all);
    }
    const located = errors.map((e) => ({ e, ...this.locate(e, doc) }));
    const spilled = located.filter((l) => l.spill !== null);
    if (spilled.length > 0) {
      this.stats.splits++;
      if (spilled.some((l) => !l.own)) {
        // Cannot tell whose error it is: halve.
        const half = Math.ceil(all.length / 2);
        return [...(await this.rerun(all.slice(0, half))), ...(await this.rerun(all.slice(half)))];
      }
      for (const l of spilled) {
        const p = l.own!;
        p.isolate = p.isolate === 'doc' || l.spill === 'doc' ? 'doc' : 'alias';
        this.fragile.set(fragileKey(p), p.isolate);
      }
      return this.rerun(all);
    }
    const failed = new Set<WalkPath>();
    for (const l of located) {
      if (l.own) failed.add(l.own);
      this.errors.push({ path: l.own ? pathLabel(l.own) : JSON.stringify(l.e.path), error: `${l.e.extensions?.code}: ${l.e.message}` });
    }
    return [{ doc, data: result.data, failed }];
  }

  private async rerun(paths: WalkPath[]) {
    const out = [];
    for (const d of this.pack(paths)) out.push(...(await this.run(d)));
    return out;
  }

  /** Walks from these root calls; every answer is kept in `responses`. */
  async walk(calls: RootCall[]): Promise<void> {
    const query = this.schema.getQueryType()!;
    let frontier: WalkPath[] = calls.map((call) => ({ call, steps: [], type: getNamedType(query.getFields()[call.field].type), depth: 0 }));
    let level = 0;
    while (frontier.length > 0) {
      const next: WalkPath[] = [];
      for (const p of frontier) p.isolate ??= this.fragile.get(fragileKey(p));
      for (const doc of this.pack(frontier)) {
        for (const answered of await this.run(doc)) {
          for (const group of answered.doc.groups) {
            for (const p of group.paths) {
              this.stats.paths++;
              if (answered.failed.has(p)) this.stats.pathsWithErrors++;
              const objects = SchemaWalker.objectsAt(answered.data, group.alias, p.steps);
              if (level === 0) narrowFirst(p.call, objects[0]);
              if (objects.length === 0 || isLeafType(p.type)) continue;
              this.stats.deepest = Math.max(this.stats.deepest, p.depth);
              // Back references and objects walked already from as shallow a depth are not walked again.
              let fresh = false;
              for (const o of objects) {
                const sig = this.signature(o);
                if (sig === null) {
                  fresh = true;
                  continue;
                }
                const before = this.seen.get(sig);
                if (before === undefined || before > p.depth) {
                  this.seen.set(sig, p.depth);
                  fresh = true;
                }
              }
              if (!fresh) continue;
              const types = new Set(objects.map((o) => o.__typename as string));
              for (const { owner, field } of this.fieldsOf(p.type)) {
                if (isAbstractType(p.type) && !types.has(owner.name)) continue;
                const child = getNamedType(field.type);
                if (isLeafType(child)) continue;
                const depth = isWrapper(p.type) || isWrapper(child) ? p.depth : p.depth + 1;
                if (depth > this.maxDepth) continue;
                next.push({ call: p.call, steps: [...p.steps, { owner: owner.name, field: field.name }], type: child, depth });
              }
            }
          }
        }
      }
      frontier = next;
      level++;
    }
  }
}

function cloneTrie(t: TrieNode): TrieNode {
  return { leaves: t.leaves, children: new Map([...t.children].map(([k, v]) => [k, { step: v.step, node: cloneTrie(v.node) }])) };
}

/**
 * After level 0, a connection is asked for exactly as many items as it holds (at most 100: the
 * seed is small; more would need paging), so that the cost multiplier stays small.
 */
function narrowFirst(call: RootCall, value: any) {
  if (typeof call.args.first !== 'number' || !value || typeof value.totalCount !== 'number') return;
  if (value.totalCount > 100) throw new Error(`${call.label} holds ${value.totalCount} items: the walk reads one page of 100`);
  call.args.first = Math.max(1, value.totalCount);
}

/** Tokens, depth and cost of a document as the server's limits count them (cost: graphql-armor's formula). */
export function measure(text: string): { tokens: number; depth: number; cost: number; aliases: number } {
  const lexer = new Lexer(new Source(text));
  let tokens = 0;
  while (lexer.advance().kind !== TokenKind.EOF) tokens++;
  const op = parse(text).definitions[0] as OperationDefinitionNode;
  let aliases = 0;
  const depthOf = (sel: readonly SelectionNode[], d: number): number =>
    Math.max(
      d,
      ...sel.map((s) => {
        if (s.kind === Kind.FIELD && s.alias) aliases++;
        const inner = s.kind === Kind.FIELD || s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : undefined;
        return inner ? depthOf(inner.selections, s.kind === Kind.FIELD ? d + 1 : d) : s.kind === Kind.FIELD ? d + 1 : d;
      }),
    );
  const depth = depthOf(op.selectionSet.selections, 0);
  // graphql-armor's cost: a leaf 1; a field with a selection (or an inline fragment) 2 plus 1.5 × each
  // child, all times its `first`/`last`; a `first` given as a variable is counted as 100.
  const cost = (s: SelectionNode): number => {
    if (s.kind === Kind.FRAGMENT_SPREAD || !s.selectionSet) return 1;
    const first = s.kind === Kind.FIELD ? s.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last') : undefined;
    const multiplier = first && first.value.kind === Kind.INT ? Math.max(1, parseInt(first.value.value, 10)) : first ? 100 : 1;
    return (2 + s.selectionSet.selections.reduce((a, c) => a + 1.5 * cost(c), 0)) * multiplier;
  };
  return { tokens, depth, cost: op.selectionSet.selections.reduce((a, s) => a + cost(s), 0), aliases };
}

function within(text: string): boolean {
  const m = measure(text);
  return m.tokens <= LIMITS.tokens && m.cost <= LIMITS.cost && m.aliases <= LIMITS.aliases && m.depth <= LIMITS.depth;
}
