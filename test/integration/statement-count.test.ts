import { Employment } from '../../src/people/employment.entity';
import { Person } from '../../src/people/person.entity';
import { Relation } from '../../src/people/relation.entity';
import { canonicalPair, RelationKindName } from '../../src/people/rules/relation-kinds';
import { basicRegions, createUnit } from '../support/fixtures';
import { ok } from '../support/graphql-client';
import { startTestServer, TestServer } from '../support/server';

/**
 * A page of persons with their region, employments (with unit and the unit's region) and
 * relations (with the related person) costs the same number of SQL statements at 10 rows and
 * at 100: every nested field is read through a per-request DataLoader.
 */
let t: TestServer;
let countyA: string;
let townA: string;
let officeToken: string;
// More than a page of 100, so that both pages below have a next page and count their total.
const PEOPLE = 120;

beforeAll(async () => {
  t = await startTestServer();
  const r = await basicRegions(t);
  countyA = r.countyA;
  townA = r.townA;
  officeToken = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyA]);
  // Units in the township and in another county, so that unit regions are never all cached.
  const units = [
    await createUnit(t, r.townA, '城关镇党委', 'TOWNSHIP'),
    await createUnit(t, r.townA, '城关镇财政所', 'INSTITUTION'),
    await createUnit(t, r.countyB, '西平县财政局'),
    await createUnit(t, r.countyB, '西平县审计局'),
  ];
  // Test data written directly: 120 persons of county A and its township, each with
  // two or three employments and two or three relations (both directions occur).
  const persons = Array.from({ length: PEOPLE }, (_, i) =>
    Object.assign(new Person(), {
      regionId: i % 4 === 0 ? r.townA : r.countyA,
      name: `人员${String(i).padStart(3, '0')}`,
      gender: null,
      birthDate: '1980-01-01',
      hometownRegionId: null,
      rank: null,
      fullTimeInspector: false,
      newlyPromotedOn: null,
      youngReserve: false,
    }),
  );
  const employments = persons.flatMap((p, i) =>
    Array.from({ length: 2 + (i % 2) }, (_, k) =>
      Object.assign(new Employment(), { personId: p.id, unitId: units[(i + k) % units.length], post: `职务${k}`, leadership: k === 0, startedOn: `20${10 + k}-01-01`, endedOn: null }),
    ),
  );
  const kinds: RelationKindName[] = ['SIBLING', 'PARENT', 'CLASSMATE'];
  const relations = persons.flatMap((p, i) =>
    [1, 2, 3]
      .filter((d) => d < 3 || i % 2 === 0)
      .map((d) => Object.assign(new Relation(), canonicalPair(p.id, persons[(i + d) % PEOPLE].id, kinds[d - 1]))),
  );
  const em = t.server.db.dataSource.manager;
  await em.insert(Person, persons);
  await em.insert(Employment, employments);
  await em.insert(Relation, relations);
});
afterAll(() => t.close());

const PAGE = `query($r: ID!, $first: Int!) { persons(filter: { regionId: $r }, first: $first) { totalCount edges { node {
  name region { name }
  employments { post unit { name region { name } } }
  relations { kind relatedPerson { name } }
} } } }`;

async function statementsFor(first: number, token: string) {
  t.resetCount();
  const data = ok(await t.gql(PAGE, { r: countyA, first }, { token })).persons;
  const statements = t.queryCount;
  const nodes = data.edges.map((e: { node: any }) => e.node);
  return { statements, nodes };
}

test.each([
  ['ADMIN', () => t.adminToken],
  ['a county office', () => officeToken],
])('as %s, 10 rows and 100 rows cost the same number of statements', async (_who, token) => {
  const ten = await statementsFor(10, token());
  const hundred = await statementsFor(100, token());
  // The pages are really filled, nested fields included.
  expect(ten.nodes).toHaveLength(10);
  expect(hundred.nodes).toHaveLength(100);
  for (const node of hundred.nodes) {
    expect(node.employments.length).toBeGreaterThanOrEqual(2);
    expect(node.employments.length).toBeLessThanOrEqual(3);
    expect(node.relations.length).toBeGreaterThanOrEqual(2);
    expect(node.employments[0].unit.region.name).toMatch(/城关镇|西平县/);
    expect(node.relations[0].relatedPerson.name).toMatch(/^人员\d{3}$/);
  }
  // A bigger page never costs more; it may cost one less, when it holds every related person
  // itself (a page's persons are not read again).
  expect(hundred.statements).toBeLessThanOrEqual(ten.statements);
  expect(ten.statements - hundred.statements).toBeLessThanOrEqual(1);
});

const TOTAL = `query($r: ID!, $first: Int!, $after: String) { persons(filter: { regionId: $r }, first: $first, after: $after) {
  totalCount edges { node { id } } pageInfo { endCursor } } }`;
const NO_TOTAL = 'query($r: ID!, $first: Int!) { persons(filter: { regionId: $r }, first: $first) { edges { node { id } } } }';

test('totalCount costs a statement only when it is selected and the page does not show it', async () => {
  const run = async (query: string, variables: Record<string, unknown>) => {
    t.resetCount();
    const data = ok(await t.gql(query, { r: countyA, ...variables }, { token: officeToken })).persons;
    return { data, statements: t.queryCount };
  };
  const counted = await run(TOTAL, { first: 10 });
  expect(counted.data.totalCount).toBe(PEOPLE);
  const uncounted = await run(NO_TOTAL, { first: 10 });
  expect(uncounted.data.edges).toHaveLength(10);
  expect(uncounted.statements).toBe(counted.statements - 1);
  // A later page counts every row, not the rest.
  const later = await run(TOTAL, { first: 10, after: counted.data.pageInfo.endCursor });
  expect(later.data.totalCount).toBe(PEOPLE);
  expect(later.statements).toBe(counted.statements);
  const rest = await run(TOTAL, { first: 100, after: later.data.pageInfo.endCursor });
  expect(rest.data.edges).toHaveLength(PEOPLE - 20);
  expect(rest.data.totalCount).toBe(PEOPLE);
  // A first page holding every row (the township's quarter of the persons): its length is the total.
  // (Compared with the same page uncounted: the account's own region, county A, is read with its
  // session, the township is read once.)
  const whole = await run(TOTAL, { r: townA, first: 100 });
  expect(whole.data.totalCount).toBe(PEOPLE / 4);
  expect(whole.data.edges).toHaveLength(PEOPLE / 4);
  expect(whole.statements).toBe((await run(NO_TOTAL, { r: townA, first: 100 })).statements);
});
