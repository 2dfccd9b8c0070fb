import { SignJWT } from 'jose';
import { newId } from '../../src/db/ids';
import { Round, RoundKind, RoundStatus } from '../../src/rounds/round.entity';
import { Team, TeamMembership, TeamRole } from '../../src/rounds/team.entity';
import { createPerson } from '../support/fixtures';
import { GqlResult, ok } from '../support/graphql-client';
import { expectError, mutate, unique } from '../support/operations';
import { startTestServer, TEST_JWT_SECRET, TestServer } from '../support/server';
import { countyTokens, NON_ADMIN_ROLES, RoleName, TwoCounties, twoCounties } from '../support/world';

/**
 * The access table over HTTP, for the operations that exist now (accounts, regions, units,
 * people, employments, relations, interest ties, the audit log, me), and region scoping.
 */
let t: TestServer;
let w: TwoCounties;
let tokens: Record<RoleName, string>;
beforeAll(async () => {
  t = await startTestServer();
  w = await twoCounties(t);
  tokens = await countyTokens(t, w);
});
afterAll(() => t.close());

type Op = (token: string | null) => Promise<GqlResult>;
const as = (token: string | null) => ({ token });
const read = (query: string, variables: () => Record<string, unknown> = () => ({})): Op => (token) => t.gql(query, variables(), as(token));

const OPS: Record<string, Op> = {
  me: read('{ me { id } }'),
  regions: read('{ regions { id } }'),
  persons: read('query($r: ID!) { persons(filter: { regionId: $r }, first: 10) { totalCount } }', () => ({ r: w.countyA })),
  person: read('query($id: ID!) { person(id: $id) { id name } }', () => ({ id: w.personA })),
  unit: read('query($id: ID!) { unit(id: $id) { id name } }', () => ({ id: w.unitA })),
  units: read('query($r: ID!) { units(filter: { regionId: $r }, first: 10) { totalCount } }', () => ({ r: w.countyA })),
  auditLog: read('{ auditLog(first: 1) { totalCount } }'),
  createAccount: (token) =>
    mutate(t, 'createAccount', { username: unique('acc'), password: 'password-123', roles: ['INSPECTION_OFFICE'], regionIds: [w.countyA] }, as(token)),
  createRegion: (token) => mutate(t, 'createRegion', { code: unique('C'), name: '新市', level: 'CITY' }, as(token)),
  createUnit: (token) => mutate(t, 'createUnit', { regionId: w.countyA, name: '东安县审计局', kind: 'DEPARTMENT' }, as(token)),
  createPerson: (token) => mutate(t, 'createPerson', { regionId: w.countyA, name: '新人' }, as(token)),
  addEmployment: (token) =>
    mutate(t, 'addEmployment', { personId: w.personA, unitId: w.unitA, post: '科员', leadership: false, startedOn: '2010-01-01', endedOn: '2012-01-01' }, as(token)),
  addRelation: async (token) => {
    const [a, b] = [await createPerson(t, w.countyA, '甲'), await createPerson(t, w.countyA, '乙')];
    return mutate(t, 'addRelation', { personId: a, relatedPersonId: b, kind: 'SIBLING' }, as(token));
  },
  addInterestTie: (token) => mutate(t, 'addInterestTie', { personId: w.personA, unitId: w.unitA, description: '亲属经营的公司承接该局工程' }, as(token)),
};

const OK = 'ok';
const F = 'FORBIDDEN';
const NF = 'NOT_FOUND';
const WRITES_NONE = { createAccount: F, createRegion: F, createUnit: F, createPerson: F, addEmployment: F, addRelation: F, addInterestTie: F };
// Group leaders and inspectors read units only as their teams' targets.
const OWN_ONLY = { me: OK, regions: OK, persons: F, person: NF, unit: F, units: F, auditLog: F, ...WRITES_NONE };
const OFFICE = {
  ...{ me: OK, regions: OK, persons: OK, person: OK, unit: OK, units: OK, auditLog: F },
  ...{ createAccount: F, createRegion: F, createUnit: OK, createPerson: OK, addEmployment: OK, addRelation: OK, addInterestTie: OK },
};

/** Each role (county A, or ADMIN) × each operation on county A's data: 'ok' or the error code. */
const EXPECTED: Record<RoleName, Record<keyof typeof OPS, string>> = {
  ADMIN: Object.fromEntries(Object.keys(OPS).map((op) => [op, OK])),
  ORG_DEPARTMENT: { ...OFFICE, createUnit: F },
  INSPECTION_OFFICE: OFFICE,
  OFFICE_DIRECTOR: OFFICE,
  // The leading group's head reads the people of its rounds' teams and of its leave, not the register.
  LEADING_GROUP_HEAD: { me: OK, regions: OK, persons: F, person: NF, unit: OK, units: OK, auditLog: F, ...WRITES_NONE },
  GROUP_LEADER: OWN_ONLY,
  INSPECTOR: OWN_ONLY,
};

const outcome = (r: GqlResult) => (r.errors?.length ? r.errors[0].extensions?.code : OK);

describe('the access table', () => {
  const cases = (Object.keys(EXPECTED) as RoleName[]).flatMap((role) => Object.keys(OPS).map((op) => [role, op, EXPECTED[role][op]] as const));
  test.each(cases)('%s %s → %s', async (role, op, expected) => {
    expect(outcome(await OPS[op](tokens[role]))).toBe(expected);
  });

  test.each(Object.keys(OPS))('%s without a token, with a garbage, expired, foreign or orphan token → UNAUTHENTICATED', async (op) => {
    const key = new TextEncoder().encode(TEST_JWT_SECRET);
    const sign = (sub: string, exp: number, k = key) =>
      new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuer('inspection-personnel-service').setIssuedAt(exp - 60).setExpirationTime(exp).sign(k);
    const me = ok(await t.gql('{ me { id } }', {}, as(tokens.INSPECTION_OFFICE))).me.id;
    const now = Math.floor(Date.now() / 1000);
    const bad = [
      null,
      'garbage',
      `${tokens.INSPECTION_OFFICE}x`,
      await sign(me, now - 60),
      await sign(me, now + 3600, new TextEncoder().encode('another-secret-that-is-long-enough-0123456789')),
      await sign(newId(), now + 3600),
    ];
    for (const token of bad) expect([token, outcome(await OPS[op](token))]).toEqual([token, 'UNAUTHENTICATED']);
  });

  test('a wrong password and an unknown user get the same UNAUTHENTICATED answer', async () => {
    const wrong = await mutate(t, 'login', { username: 'admin', password: 'not-the-password' });
    const unknown = await mutate(t, 'login', { username: 'nobody-here', password: 'not-the-password' });
    expectError(wrong, 'UNAUTHENTICATED');
    expect(unknown.errors![0]).toEqual(wrong.errors![0]);
  });

  test('me is the signed-in account, with its roles, regions and person', async () => {
    const me = ok(await t.gql('{ me { username roles regions { id } person { id name } } }', {}, as(tokens.INSPECTOR))).me;
    expect(me).toMatchObject({ roles: ['INSPECTOR'], regions: [{ id: w.countyA }], person: { id: w.inspectorPerson, name: '周干部' } });
  });
});

describe('group leaders and inspectors', () => {
  const SELF = 'query($id: ID!) { person(id: $id) { id name birthDate relations { kind } interestTies { description } employments { post } } }';

  test.each(['GROUP_LEADER', 'INSPECTOR'] as const)('%s reads its own person, private fields included, and nobody else', async (role) => {
    const self = role === 'GROUP_LEADER' ? w.leaderPerson : w.inspectorPerson;
    const own = ok(await t.gql(SELF, { id: self }, as(tokens[role]))).person;
    expect(own).toMatchObject({ id: self, birthDate: role === 'GROUP_LEADER' ? '1970-03-15' : '1990-07-20', relations: [], interestTies: [] });
    for (const other of [w.personA, w.personB]) expectError(await t.gql(SELF, { id: other }, as(tokens[role])), 'NOT_FOUND');
  });

  test('they read the members of their own teams, but not their private fields', async () => {
    const round = Object.assign(new Round(), {
      regionId: w.countyA,
      year: 2025,
      ordinal: 1,
      name: '2025年第一轮巡察',
      kind: RoundKind.REGULAR,
      theme: null,
      status: RoundStatus.PLANNING,
      startsOn: '2025-03-01',
      endsOn: '2025-05-31',
      followsRoundId: null,
      rules: {},
      createdAt: new Date(),
    });
    const team = Object.assign(new Team(), { roundId: round.id, name: '第一巡察组', createdAt: new Date() });
    const member = (personId: string, role: TeamRole) =>
      Object.assign(new TeamMembership(), { teamId: team.id, roundId: round.id, personId, role, joinedOn: '2025-03-01', leftOn: null, leftReason: null, createdAt: new Date() });
    const em = t.server.db.dataSource.manager;
    await em.insert(Round, round);
    await em.insert(Team, team);
    await em.insert(TeamMembership, [member(w.leaderPerson, TeamRole.LEADER), member(w.inspectorPerson, TeamRole.MEMBER)]);

    const NAME = 'query($id: ID!) { person(id: $id) { name } }';
    expect(ok(await t.gql(NAME, { id: w.inspectorPerson }, as(tokens.GROUP_LEADER))).person.name).toBe('周干部');
    expect(ok(await t.gql(NAME, { id: w.leaderPerson }, as(tokens.INSPECTOR))).person.name).toBe('陈组长');
    const birth = await t.gql('query($id: ID!) { person(id: $id) { name birthDate } }', { id: w.inspectorPerson }, as(tokens.GROUP_LEADER));
    expect(birth.data?.person).toEqual({ name: '周干部', birthDate: null });
    expectError(birth, 'FORBIDDEN');
    expectError(await t.gql(NAME, { id: w.personA }, as(tokens.GROUP_LEADER)), 'NOT_FOUND');
  });
});

describe('private fields: birth date, relations, interest ties', () => {
  const PRIVATE = ['birthDate', 'relations { kind relatedPerson { name } }', 'interestTies { description unit { name } }'];
  const READERS = ['ADMIN', 'ORG_DEPARTMENT', 'INSPECTION_OFFICE', 'OFFICE_DIRECTOR'] as const;

  let person: string;
  beforeAll(async () => {
    person = await createPerson(t, w.countyA, '李强', { birthDate: '1980-05-01' });
    const spouse = await createPerson(t, w.countyA, '王芳');
    ok(await mutate(t, 'addRelation', { personId: person, relatedPersonId: spouse, kind: 'SPOUSE' }, as(t.adminToken)));
    ok(await mutate(t, 'addInterestTie', { personId: person, unitId: w.unitA, description: '配偶持股的公司与该局有业务往来' }, as(t.adminToken)));
  });

  test.each(READERS.flatMap((role) => PRIVATE.map((field) => [role, field])))('%s reads %s', async (role, field) => {
    const r = ok(await t.gql(`query($id: ID!) { person(id: $id) { name ${field} } }`, { id: person }, as(tokens[role as RoleName]))).person;
    const key = field.split(' ')[0];
    expect(r[key]).toEqual(
      { birthDate: '1980-05-01', relations: [{ kind: 'SPOUSE', relatedPerson: { name: '王芳' } }], interestTies: [{ description: '配偶持股的公司与该局有业务往来', unit: { name: '东安县财政局' } }] }[key],
    );
  });

  test.each(PRIVATE)('LEADING_GROUP_HEAD does not read a person on none of its teams and without leave (%s)', async (field) => {
    const r = await t.gql(`query($id: ID!) { person(id: $id) { name ${field} } }`, { id: person }, as(tokens.LEADING_GROUP_HEAD));
    expectError(r, 'NOT_FOUND');
    expect(r.data?.person ?? null).toBeNull();
  });
});

describe('region scoping', () => {
  let countyA: string;
  let townA: string;
  let city: string;
  beforeAll(async () => {
    countyA = tokens.INSPECTION_OFFICE;
    townA = await t.tokenFor(['INSPECTION_OFFICE'], [w.townA]);
    city = await t.tokenFor(['INSPECTION_OFFICE'], [w.city]);
  });

  test('another county’s person and unit are NOT_FOUND, not FORBIDDEN', async () => {
    for (const role of ['INSPECTION_OFFICE', 'ORG_DEPARTMENT', 'LEADING_GROUP_HEAD', 'OFFICE_DIRECTOR'] as const) {
      expectError(await t.gql('query($id: ID!) { person(id: $id) { name } }', { id: w.personB }, as(tokens[role])), 'NOT_FOUND');
    }
    expectError(await t.gql('query($id: ID!) { unit(id: $id) { name } }', { id: w.unitB }, as(countyA)), 'NOT_FOUND');
    // An inspector looks up no unit at all: the same answer for every id.
    expectError(await t.gql('query($id: ID!) { unit(id: $id) { name } }', { id: w.unitB }, as(tokens.INSPECTOR)), 'FORBIDDEN');
    expectError(await t.gql('query($id: ID!) { unit(id: $id) { name } }', { id: w.unitA }, as(tokens.INSPECTOR)), 'FORBIDDEN');
  });

  test.each([
    ['createPerson', 'regionId', () => ({ regionId: w.countyB, name: '越界' })],
    ['createUnit', 'regionId', () => ({ regionId: w.countyB, name: '越界单位', kind: 'DEPARTMENT' })],
    ['createUnit', 'parentId', () => ({ regionId: w.countyA, name: '越界单位', kind: 'DEPARTMENT', parentId: w.unitB })],
    ['addEmployment', 'personId', () => ({ personId: w.personB, unitId: w.unitA, post: '科员', leadership: false, startedOn: '2020-01-01' })],
    ['addEmployment', 'unitId', () => ({ personId: w.personA, unitId: w.unitB, post: '科员', leadership: false, startedOn: '2020-01-01' })],
    ['addRelation', 'relatedPersonId', () => ({ personId: w.personA, relatedPersonId: w.personB, kind: 'COUSIN' })],
    ['addRelation', 'personId', () => ({ personId: w.personB, relatedPersonId: w.personA, kind: 'COUSIN' })],
    ['addInterestTie', 'unitId', () => ({ personId: w.personA, unitId: w.unitB, description: '越界' })],
    ['addInterestTie', 'personId', () => ({ personId: w.personB, unitId: w.unitA, description: '越界' })],
  ] as const)('%s naming another county’s row is BAD_USER_INPUT on %s', async (op, field, input) => {
    expectError(await mutate(t, op, input(), as(countyA)), 'BAD_USER_INPUT', field);
  });

  test('another county’s rows are refused in the very words used for rows that do not exist', async () => {
    const nobody = newId();
    const answers = async (id: string, query: string, op: string, input: (id: string) => Record<string, unknown>) => {
      const read = (await t.gql(query, { id }, as(countyA))).errors![0];
      const write = (await mutate(t, op, input(id), as(countyA))).errors![0];
      return JSON.stringify([read, write]).replaceAll(id, '<id>');
    };
    const PERSON = 'query($id: ID!) { person(id: $id) { name } }';
    const tie = (personId: string) => ({ personId, unitId: w.unitA, description: '越界' });
    expect(await answers(w.personB, PERSON, 'addInterestTie', tie)).toBe(await answers(nobody, PERSON, 'addInterestTie', tie));
    const UNIT = 'query($id: ID!) { unit(id: $id) { name } }';
    const employ = (unitId: string) => ({ personId: w.personA, unitId, post: '科员', leadership: false, startedOn: '2020-01-01' });
    expect(await answers(w.unitB, UNIT, 'addEmployment', employ)).toBe(await answers(nobody, UNIT, 'addEmployment', employ));
  });

  test('a hometown may lie outside the account’s regions: it only has to exist', async () => {
    const id = ok(await mutate(t, 'createPerson', { regionId: w.countyA, name: '籍贯外县', hometownRegionId: w.countyB }, as(countyA))).createPerson.person.id;
    expect(ok(await t.gql('query($id: ID!) { person(id: $id) { hometown { name } } }', { id }, as(countyA))).person.hometown).toEqual({ name: '西平县' });
  });

  test('listing another county is BAD_USER_INPUT on regionId', async () => {
    expectError(await t.gql('query($r: ID!) { persons(filter: { regionId: $r }, first: 5) { totalCount } }', { r: w.countyB }, as(countyA)), 'BAD_USER_INPUT', 'regionId');
    expectError(await t.gql('query($r: ID!) { units(filter: { regionId: $r }, first: 5) { totalCount } }', { r: w.countyB }, as(countyA)), 'BAD_USER_INPUT', 'regionId');
    expectError(await t.gql('query($r: ID!) { persons(filter: { regionId: $r }, first: 5) { totalCount } }', { r: w.city }, as(countyA)), 'BAD_USER_INPUT', 'regionId');
  });

  test('an account sees its regions’ subtrees only', async () => {
    const regions = async (token: string) => ok(await t.gql('{ regions { id } }', {}, as(token))).regions.map((r: { id: string }) => r.id).sort();
    expect(await regions(countyA)).toEqual([w.countyA, w.townA].sort());
    expect(await regions(townA)).toEqual([w.townA]);
    expect(await regions(city)).toEqual([w.city, w.countyA, w.countyB, w.townA].sort());
    expect(await regions(t.adminToken)).toEqual(expect.arrayContaining([w.city, w.countyA, w.countyB, w.townA]));
  });

  test('a township account lists the township’s units and people, not the county’s', async () => {
    const unitIds = ok(await t.gql('query($r: ID!) { units(filter: { regionId: $r }, first: 50) { edges { node { id } } } }', { r: w.townA }, as(townA))).units.edges.map(
      (e: { node: { id: string } }) => e.node.id,
    );
    expect(unitIds).toEqual([w.townUnitA]);
    expectError(await t.gql('query($id: ID!) { unit(id: $id) { name } }', { id: w.unitA }, as(townA)), 'NOT_FOUND');
    expectError(await t.gql('query($id: ID!) { person(id: $id) { name } }', { id: w.personA }, as(townA)), 'NOT_FOUND');
  });

  test('a county lists its own people only; the city lists both counties', async () => {
    const names = async (token: string, regionId: string) =>
      ok(await t.gql('query($r: ID!) { persons(filter: { regionId: $r }, first: 100) { edges { node { name } } } }', { r: regionId }, as(token))).persons.edges.map(
        (e: { node: { name: string } }) => e.node.name,
      );
    const inA = await names(countyA, w.countyA);
    expect(inA).toContain('张伟');
    expect(inA).not.toContain('刘洋');
    const inCity = await names(city, w.city);
    expect(inCity).toEqual(expect.arrayContaining(['张伟', '刘洋']));
  });

  test('a city account covers both counties: it reads and links across them', async () => {
    expect(ok(await t.gql('query($id: ID!) { person(id: $id) { name birthDate } }', { id: w.personB }, as(city))).person).toEqual({ name: '刘洋', birthDate: '1975-10-01' });
    expect(ok(await t.gql('query($id: ID!) { unit(id: $id) { name } }', { id: w.unitB }, as(city))).unit.name).toBe('西平县财政局');
    ok(await mutate(t, 'addRelation', { personId: w.personA, relatedPersonId: w.personB, kind: 'CLASSMATE' }, as(city)));
    ok(await mutate(t, 'addEmployment', { personId: w.personA, unitId: w.unitB, post: '挂职副局长', leadership: true, startedOn: '2021-01-01', endedOn: '2022-12-31' }, as(city)));
    ok(await mutate(t, 'createPerson', { regionId: w.countyB, name: '市里录入' }, as(city)));
  });

  test('roles without region scope over a person still get NOT_FOUND for other counties', async () => {
    for (const role of NON_ADMIN_ROLES) {
      expect([role, outcome(await t.gql('query($id: ID!) { person(id: $id) { name } }', { id: w.personB }, as(tokens[role])))]).toEqual([role, 'NOT_FOUND']);
    }
  });
});
