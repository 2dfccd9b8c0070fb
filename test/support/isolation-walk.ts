/**
 * What the schema walker needs for county A of the isolation world: argument values derived from
 * each argument's name and type (ids of A's own objects, A's region, sensible scalars), and the
 * search of every answer for B's private markers.
 */
import { getNamedType, GraphQLInputObjectType, GraphQLSchema, GraphQLInputType, isEnumType, isInputObjectType, isListType, isNonNullType } from 'graphql';
import { CountyRole, IsolationWorld, Marker, markersIn } from './isolation-world';
import { GqlResult } from './graphql-client';
import { ArgSource, rootCalls, RootCall, SchemaWalker, WalkResponse } from './schema-walker';
import { TestServer } from './server';

const nullable = (t: GraphQLInputType): GraphQLInputType => (isNonNullType(t) ? t.ofType : t);

/** The type an id argument names, from its name: `personId` → Person, `targetUnitIds` → Unit. */
export const ID_STEMS: Record<string, string> = {
  person: 'Person',
  relatedPerson: 'Person',
  round: 'Round',
  followsRound: 'Round',
  team: 'Team',
  unit: 'Unit',
  targetUnit: 'Unit',
  recommendedByUnit: 'Unit',
  region: 'Region',
  hometownRegion: 'Region',
  leave: 'LeaveRequest',
  membership: 'TeamMembership',
  entry: 'PoolEntry',
  notice: 'AttendanceNotice',
  account: 'Account',
  employment: 'Employment',
  declaration: 'AvoidanceDeclaration',
  waiver: 'AvoidanceWaiver',
  session: 'Session',
  proposal: 'CompositionProposal',
};

/** The object type an id argument or input field refers to; `id` names the field's own type. */
export function idTarget(name: string, returns: string): string | undefined {
  if (name === 'id') return returns;
  const stem = name.replace(/Ids?$/, '');
  return ID_STEMS[stem];
}

/** Ids of A's objects, by type: the first of each is the one used when a field takes several ids. */
export function examplesOfA(w: IsolationWorld, role: CountyRole): Record<string, string[]> {
  const A = w.A;
  const own = role === 'GROUP_LEADER' ? A.persons.leader : role === 'INSPECTOR' ? A.persons.inspector : null;
  return {
    Person: [...(own ? [own] : []), A.persons.member, A.persons.deputy, w.cross.aWife, w.cityCadre.id],
    Round: [A.rounds.current, A.rounds.past],
    Team: [A.teams.current, A.teams.past],
    Unit: [A.units.fin],
    Region: [A.region],
    LeaveRequest: [A.leaves.inspector, A.leaves.financePending],
    TeamMembership: [A.currentMemberships.member],
    PoolEntry: [A.entries.member!],
    AttendanceNotice: [A.notice],
    Account: [A.accounts[role].id, A.accounts.INSPECTOR.id],
    CompositionProposal: [A.proposal],
  };
}

/**
 * B's ids the walk asks with as well, after A's (an answer may repeat the id it was given, in an
 * error message, and nothing else of B): composition proposals.
 */
function idsOfB(w: IsolationWorld): Record<string, string[]> {
  return { CompositionProposal: [w.B.proposal] };
}

/**
 * Input objects whose required fields alone reach little: candidates for a member's place and a
 * leader's on A's current team, the ineligible included (their refusals), and on B's.
 */
function inputsOf(w: IsolationWorld): Record<string, unknown[]> {
  const filter = (teamId: string, role: string) => ({ teamId, role, includeIneligible: true });
  return { CandidateFilter: [filter(w.A.teams.current, 'MEMBER'), filter(w.A.teams.current, 'LEADER'), filter(w.B.teams.current, 'MEMBER')] };
}

/** Lists of A's ids for list arguments (`personIds`, `unitIds`). */
function listsOfA(w: IsolationWorld): Record<string, string[]> {
  const A = w.A;
  return {
    Person: [A.persons.leader, A.persons.deputy, A.persons.finance, A.persons.inspector, A.persons.member, A.persons.spare, w.cityCadre.id],
    Unit: [A.units.fin, A.units.aud, A.units.edu, A.units.town],
    Region: [A.region],
  };
}

/** Values of scalars by argument name, for the dates and periods of the seed (2025). */
const SCALARS: Record<string, unknown> = {
  first: 100,
  month: '2025-03',
  year: 2025,
  from: '2025-01-01',
  to: '2025-12-31',
  startDate: '2025-03-03',
  endDate: '2025-03-07',
  startHalf: 'AM',
  endHalf: 'PM',
};
/** Paging cursors are left out: the walk reads the first page. */
const LEFT_OUT = new Set(['after', 'before', 'last']);

/**
 * Argument values for a county-A account: id arguments by the type they name (the own person
 * first for group leaders and inspectors), A's region for regions, list arguments with A's
 * lists, scalars by name; input objects (filters) with their required fields, plus, for an
 * account with a person, a second variant naming that person where the input takes a personId.
 */
export function countyArgs(w: IsolationWorld, role: CountyRole): ArgSource {
  const examples = examplesOfA(w, role);
  const ofB = idsOfB(w);
  const inputs = inputsOf(w);
  const lists = listsOfA(w);
  const own = role === 'GROUP_LEADER' ? w.A.persons.leader : role === 'INSPECTOR' ? w.A.persons.inspector : null;

  const valueOf = (name: string, type: GraphQLInputType, returns: string): unknown[] | undefined => {
    const inner = nullable(type);
    const named = getNamedType(type);
    if (named.name === 'ID') {
      const target = idTarget(name, returns);
      if (!target) return undefined;
      if (isListType(inner)) return lists[target] ? [lists[target]] : examples[target] ? [examples[target]] : undefined;
      return examples[target] && [...examples[target], ...(ofB[target] ?? [])];
    }
    if (LEFT_OUT.has(name)) return [];
    if (isInputObjectType(named)) return inputs[named.name] ?? inputObjects(named);
    if (name in SCALARS) return [SCALARS[name]];
    if (isEnumType(named)) return isNonNullType(type) ? [named.getValues()[0].value] : [];
    return isNonNullType(type) ? undefined : [];
  };

  const inputObjects = (t: GraphQLInputObjectType): unknown[] | undefined => {
    const base: Record<string, unknown> = {};
    for (const f of Object.values(t.getFields())) {
      if (!isNonNullType(f.type)) continue;
      const v = valueOf(f.name, f.type, t.name);
      if (!v || v.length === 0) return undefined;
      base[f.name] = v[0];
    }
    const variants = [base];
    if (own && 'personId' in t.getFields() && !('personId' in base)) variants.push({ ...base, personId: own });
    return variants;
  };

  return ({ arg, returns }) => valueOf(arg.name, arg.type, returns);
}

export interface Leak {
  role: string;
  /** Where: the answer's path to the value (or the error), and what the request asked for. */
  where: string;
  marker: Marker;
}

/** The JSON path of the first place a string holding `value` sits in `x`. */
function whereIs(x: unknown, value: string, path = ''): string | null {
  if (typeof x === 'string') return x.includes(value) ? path || '.' : null;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      const p = whereIs(x[i], value, `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      const p = whereIs(v, value, path ? `${path}.${k}` : k);
      if (p) return p;
    }
  }
  return null;
}

/**
 * Every marker found in the answers (data and error messages), with where it sat. A value the
 * request itself holds (an id of B it asks with) counts only where it sits in the data: an error
 * message may repeat the id it was given.
 */
export function leaksIn(role: string, responses: readonly WalkResponse[], markers: readonly Marker[]): Leak[] {
  const leaks: Leak[] = [];
  for (const r of responses) {
    const text = JSON.stringify({ data: r.result.data, errors: r.result.errors });
    const data = JSON.stringify(r.result.data ?? null);
    for (const marker of markersIn(text, markers)) {
      if (r.document.includes(marker.value) && !data.includes(marker.value)) continue;
      const at = whereIs(r.result.data, marker.value) ?? `error: ${whereIs(r.result.errors, marker.value)}`;
      const alias = at.split(/[.[]/)[0];
      const where = (r.aliases[alias] ? r.aliases[alias] + at.slice(alias.length) : at).replace(/\[\d+\]/g, '[]');
      leaks.push({ role, where, marker });
    }
  }
  return leaks;
}

/** One line per (role, place, kind of marker): what a failing assertion shows. */
export function summarize(leaks: readonly Leak[], labels = new Map<string, string>(), max = 60): string[] {
  const lines = new Map<string, number>();
  for (const l of leaks) {
    const kind = l.marker.what.replace(/ [\p{Script=Han}\w-]*[0-9a-f]{6,}$/u, '');
    const key = `${l.role}: ${kind} at ${withLabels(l.where, labels)}`;
    lines.set(key, (lines.get(key) ?? 0) + 1);
  }
  const out = [...lines].map(([k, n]) => (n > 1 ? `${k} (×${n})` : k)).sort();
  return out.length > max ? [...out.slice(0, max), `… and ${out.length - max} more`] : out;
}

/** Short names of the world's ids (A.member, B.round.current …), to make failure lines readable. */
export function idLabels(w: IsolationWorld): Map<string, string> {
  const labels = new Map<string, string>();
  for (const side of ['A', 'B'] as const) {
    const c = w[side];
    labels.set(c.region, `${side}.region`);
    for (const [k, v] of Object.entries(c.persons)) labels.set(v, `${side}.${k}`);
    for (const [k, v] of Object.entries(c.units)) labels.set(v, `${side}.unit.${k}`);
    for (const [k, v] of Object.entries(c.rounds)) labels.set(v, `${side}.round.${k}`);
    for (const [k, v] of Object.entries(c.teams)) labels.set(v, `${side}.team.${k}`);
    for (const [k, v] of Object.entries(c.leaves)) labels.set(v, `${side}.leave.${k}`);
    labels.set(c.notice, `${side}.notice`);
    labels.set(c.proposal, `${side}.proposal`);
  }
  labels.set(w.cross.aWife, 'A.wife');
  labels.set(w.cityCadre.id, 'cityCadre');
  return labels;
}

/** The text with every known id replaced by its short name. */
export function withLabels(text: string, labels: Map<string, string>): string {
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => labels.get(id) ?? id);
}

/**
 * An answer as the isolation tests compare it: the first error's code and field and its message
 * in Chinese and in English with the given ids taken out (or the data when there is no error),
 * and the whole text of both answers (to search for markers).
 */
export async function answerShape(
  t: { gql: (q: string, v?: Record<string, unknown>, o?: { token?: string; lang?: string }) => Promise<GqlResult> },
  document: string,
  variables: Record<string, unknown>,
  token: string,
  ids: readonly string[],
) {
  const [zh, en] = [await t.gql(document, variables, { token, lang: 'zh' }), await t.gql(document, variables, { token, lang: 'en' })];
  const strip = (s: string) => ids.reduce((x, id) => x.split(id).join('<id>'), s);
  const first = (r: GqlResult) => r.errors?.[0];
  return {
    shape: {
      code: first(zh)?.extensions?.code ?? 'no error',
      field: first(zh)?.extensions?.field ?? null,
      zh: strip(first(zh)?.message ?? JSON.stringify(zh.data)),
      en: strip(first(en)?.message ?? JSON.stringify(en.data)),
    },
    text: JSON.stringify([zh, en]),
  };
}

/** The walk of the whole schema as one role of county A: every root call, and every answer kept. */
export async function walkAs(t: TestServer, schema: GraphQLSchema, w: IsolationWorld, role: CountyRole): Promise<{ walker: SchemaWalker; calls: RootCall[] }> {
  const token = w.A.accounts[role].token;
  const args = countyArgs(w, role);
  const walker = new SchemaWalker(schema, (doc) => t.gql(doc, {}, { token }), args);
  const calls = rootCalls(schema, args);
  await walker.walk(calls);
  return { walker, calls };
}
