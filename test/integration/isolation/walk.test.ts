/**
 * Region isolation, walked from the schema. For every role of county A, the walker calls every
 * root Query field (arguments derived from their names and types: ids of A's own objects, A's
 * region, the seed's month and dates), then every object field reachable from it, to six object
 * levels below the root value, asking every leaf field on the way; and no id of B's private
 * objects and no string planted in B's data may appear in any answer, data or error message.
 *
 * Nothing here names a field: the queries come from `getSchema()` (the executable schema the
 * server runs), so a field added to the schema tomorrow is walked tomorrow. A required argument
 * the walk cannot derive fails the walk, naming it (test/support/isolation-walk.ts then needs a
 * value for it).
 *
 * What the walk splits (src/server.ts allows depth 12, 20 aliases, 4000 tokens, cost 50000):
 * documents hold up to 18 aliased root calls and are cut at 3600 tokens or cost 45000 (counting a
 * connection's `first` as the multiplier it is, literal or variable); a connection is asked with
 * `first: 100`, then with its totalCount; an error that would null other paths' data (an error
 * in a non-null field propagates upwards) sends its path again under a root field of its own, or
 * in a document of its own when the null reaches the root. See test/support/schema-walker.ts.
 */
import { GraphQLSchema } from 'graphql';
import { COUNTY_ROLES, CountyRole, IsolationWorld, Marker, markersIn, useIsolationWorld } from '../../support/isolation-world';
import { idLabels, leaksIn, summarize, walkAs } from '../../support/isolation-walk';
import { SchemaWalker } from '../../support/schema-walker';
import { TestServer } from '../../support/server';

let t: TestServer;
let w: IsolationWorld;
let schema: GraphQLSchema;
useIsolationWorld((x) => ({ t, w, schema } = x));

const walks = new Map<CountyRole, ReturnType<typeof walkAs>>();
/** The walk of one role (run once, shared by the assertions below). */
const walkOf = (role: CountyRole) => {
  if (!walks.has(role)) walks.set(role, walkAs(t, schema, w, role));
  return walks.get(role)!;
};

const textOf = (walker: SchemaWalker) => walker.responses.map((r) => JSON.stringify(r.result)).join('\n');

/** Every object of a type in the walk's answers, or with `field`, the objects under that field of them. */
function objectsOf(walker: SchemaWalker, type: string, field?: string): any[] {
  const out: any[] = [];
  const visit = (x: any): void => {
    if (Array.isArray(x)) x.forEach(visit);
    else if (x && typeof x === 'object') {
      if (x.__typename === type) {
        const under = field ? x[field] : x;
        if (under != null) out.push(...(Array.isArray(under) ? under : [under]));
      }
      Object.values(x).forEach(visit);
    }
  };
  for (const r of walker.responses) visit(r.result.data);
  return out;
}
const idsOf = (xs: any[]) => [...new Set(xs.map((x) => x.id as string | undefined).filter((id): id is string => !!id))].sort();
const missing = (text: string, markers: Marker[]) => markers.filter((m) => !markersIn(text, [m]).length).map((m) => m.what);

describe('county A reads nothing of county B', () => {
  test.each(COUNTY_ROLES)('%s: every root field, every reachable field to depth 6', async (role) => {
    const { walker, calls } = await walkOf(role);
    // Every root field of the schema was called, with the lists and checks of A's region among them.
    expect(new Set(calls.map((c) => c.field))).toEqual(new Set(Object.keys(schema.getQueryType()!.getFields())));
    const leaks = leaksIn(role, walker.responses, w.privateB);
    expect(summarize(leaks, idLabels(w))).toEqual([]);
  });
});

describe('the walk reaches what each role may read (so that it cannot pass by reading nothing)', () => {
  const planted = (kinds: string[]) => w.A.planted.filter((m) => kinds.some((k) => m.what === `A's ${k}`));

  test('the inspection office reads every private record of A that a query reaches, six levels deep', async () => {
    const { walker } = await walkOf('INSPECTION_OFFICE');
    // Asked six levels down; past the fourth, every object a path reaches within A has been walked
    // at a shallower level already (the walker walks each once), so four is as deep as new
    // objects go once nothing of B is reachable.
    expect(walker.stats.deepest).toBeGreaterThanOrEqual(4);
    // Attendance records are answered only by recordAttendance: no query reaches their notes.
    const readable = w.A.planted.filter((m) => m.what !== "A's attendance-note");
    expect(missing(textOf(walker), readable)).toEqual([]);
  });

  test("the inspection office reads the names of A's persons' relatives kept by B, through relations", async () => {
    const { walker } = await walkOf('INSPECTION_OFFICE');
    const names = w.relativesOfA.map((r) => ({ value: r.name, what: `relative ${r.name}` }));
    expect(names).toHaveLength(2);
    const viaRelations = (n: Marker) => leaksIn('INSPECTION_OFFICE', walker.responses, [n]).some((l) => /relations\[\]\.relatedPerson\.name$/.test(l.where));
    expect(names.filter((n) => !viaRelations(n)).map((n) => n.what)).toEqual([]);
  });

  test("the inspection office reads A's composition proposal with its team, and candidates for A's team; nothing of B's", async () => {
    const { walker } = await walkOf('INSPECTION_OFFICE');
    expect(idsOf(objectsOf(walker, 'CompositionProposal'))).toEqual([w.A.proposal]);
    expect(idsOf(objectsOf(walker, 'ProposedTeam', 'team'))).toEqual([w.A.teams.current]);
    expect(idsOf(objectsOf(walker, 'ProposedMember', 'person'))).toEqual(expect.arrayContaining([w.A.persons.finance, w.cityCadre.id]));
    // Candidates for a member's place: the removed member (eligible) and the spare, whose sister leads a target unit (refused).
    const candidates = objectsOf(walker, 'Candidate');
    expect(candidates.map((c) => c.eligible)).toEqual(expect.arrayContaining([true, false]));
    expect(idsOf(objectsOf(walker, 'Candidate', 'person'))).toEqual(expect.arrayContaining([w.A.persons.extra, w.A.persons.spare]));
    expect(objectsOf(walker, 'Candidate', 'refusals').map((v) => v.rule)).toContain('KIN_IN_TARGET');
    expect(objectsOf(walker, 'Candidate', 'concerns').map((v) => v.rule)).toContain('PERSONAL_TIE');
  });

  test.each(['ORG_DEPARTMENT', 'LEADING_GROUP_HEAD', 'GROUP_LEADER', 'INSPECTOR'] as const)('%s, which does not compose teams, reads no proposal and no candidate', async (role) => {
    const { walker } = await walkOf(role);
    expect([objectsOf(walker, 'CompositionProposal').length, objectsOf(walker, 'Candidate').length]).toEqual([0, 0]);
  });

  test('the organization department reads evaluations, posts and relations of A', async () => {
    const { walker } = await walkOf('ORG_DEPARTMENT');
    expect(missing(textOf(walker), planted(['evaluation-comment', 'post', 'interest-tie', 'review', 'suspension']))).toEqual([]);
  });

  test("the leading group's head reads its rounds' teams and their members by name, and leave", async () => {
    const { walker } = await walkOf('LEADING_GROUP_HEAD');
    const members = ['leader', 'deputy', 'finance', 'inspector', 'member'] as const;
    const names = members.map((k) => ({ value: w.A.names[w.A.persons[k]], what: k }));
    expect(missing(textOf(walker), [...names, ...planted(['leave-reason', 'evaluation-comment', 'theme'])])).toEqual([]);
  });

  test('the group leader reads the members of the teams it leads and their targets', async () => {
    const { walker } = await walkOf('GROUP_LEADER');
    const text = textOf(walker);
    const members = ['deputy', 'finance', 'inspector', 'member'] as const;
    expect(missing(text, members.map((k) => ({ value: w.A.names[w.A.persons[k]], what: k })))).toEqual([]);
    expect(text).toContain(w.A.units.fin);
  });

  test('the inspector reads itself: its own relations, teams and leave', async () => {
    const { walker } = await walkOf('INSPECTOR');
    const text = textOf(walker);
    expect(text).toContain(w.A.names[w.A.persons.spare]); // a classmate: its own relation
    expect(text).toContain(w.A.birthDates[w.A.persons.inspector]);
    expect(text).toContain(w.A.leaves.inspector);
    expect(text).toContain(w.A.teams.current);
  });
});
