import { addEmployment, addRelation, basicRegions, createPerson, createUnit } from '../support/fixtures';
import { ok } from '../support/graphql-client';
import { expectError } from '../support/operations';
import { createRound, createTeam, member, poolPerson } from '../support/rounds';
import { startTestServer, TestServer } from '../support/server';

/**
 * How much of a person each account sees (src/people/person.access.ts): in full, limited (team
 * members, the people an office may draw into its teams), as a relative (id, name, region), or
 * not at all; and what avoidance findings say of relatives to those who may not read them.
 */
let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
const ids: Record<string, string> = {};
const tok: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer();
  r = await basicRegions(t);
  ids.finance = await createUnit(t, r.countyA, '东安县财政局');
  ids.unitB = await createUnit(t, r.countyB, '西平县审计局');
  ids.leader = await poolPerson(t, r.countyA, '郑组长', 'GROUP_LEADER', { fullTimeInspector: true });
  ids.member = await poolPerson(t, r.countyA, '吴组员', 'SPECIALIST', { specialties: ['FINANCE'] });
  // The member's wife is kept by county B and works in county A's finance bureau.
  ids.wife = await createPerson(t, r.countyB, '林秀', { gender: 'FEMALE', birthDate: '1982-02-02' });
  await addRelation(t, ids.member, ids.wife, 'SPOUSE');
  await addEmployment(t, ids.wife, ids.finance, '副局长', '2019-01-01');
  await addEmployment(t, ids.wife, ids.unitB, '科员', '2010-01-01', '2018-12-31');
  // A city cadre in the city's leader pool: any county office may draw them into its teams.
  ids.cityCadre = await poolPerson(t, r.city, '市干部', 'GROUP_LEADER', { rank: 'DEPUTY_DIVISION' });
  // A person of county A nobody draws into anything.
  ids.plain = await createPerson(t, r.countyA, '普通人', { birthDate: '1990-01-01' });
  ids.round = await createRound(t, r.countyA);
  ids.team = await createTeam(t, ids.round, '第一巡察组', [ids.finance]);
  await member(t, ids.team, ids.leader, 'LEADER');
  // The spouse in the target unit is a hard finding: waived, the member joins and it shows.
  await t.admin('mutation($i: WaiveAvoidanceInput!) { waiveAvoidance(input: $i) { waiver { id } } }', {
    i: { personId: ids.member, unitId: ids.finance, roundId: ids.round, rule: 'KIN_IN_TARGET', reason: '工作需要' },
  });
  await member(t, ids.team, ids.member);
  // A soft finding through the wife that shows in the team's violations: her interest tie.
  await t.admin('mutation($i: AddInterestTieInput!) { addInterestTie(input: $i) { interestTie { id } } }', {
    i: { personId: ids.wife, unitId: ids.finance, description: '林秀之弟的公司承揽财政局项目' },
  });
  tok.office = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyA]);
  tok.head = await t.tokenFor(['LEADING_GROUP_HEAD'], [r.countyA]);
  tok.leader = await t.tokenFor(['GROUP_LEADER'], [r.countyA], ids.leader);
  tok.officeB = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyB]);
});
afterAll(() => t.close());

const PERSON = `query($id: ID!) { person(id: $id) { id name rank region { name } employments { post } poolEntries { pool } teamHistory { team { name } } } }`;

describe('levels', () => {
  test('a relative kept by another county reaches the office through the relation: id, name and region, nothing more', async () => {
    const q = `query($id: ID!) { person(id: $id) { relations { kind relatedPerson { id name gender birthDate region { name } employments { post } relations { kind } teamHistory { id } poolEntries { id } } } } }`;
    const rel = ok(await t.gql(q, { id: ids.member }, { token: tok.office })).person.relations;
    expect(rel).toEqual([
      { kind: 'SPOUSE', relatedPerson: { id: ids.wife, name: '林秀', gender: null, birthDate: null, region: { name: '西平县' }, employments: [], relations: [], teamHistory: [], poolEntries: [] } },
    ]);
    // Looked up directly, the relative is another county's person: missing.
    expectError(await t.gql(PERSON, { id: ids.wife }, { token: tok.office }), 'NOT_FOUND');
    // The relative's own office sees her in full.
    const own = ok(await t.gql(PERSON, { id: ids.wife }, { token: tok.officeB })).person;
    expect(own.employments.map((e: any) => e.post).sort()).toEqual(['副局长', '科员']);
  });

  test('an office sees a city cadre it may draw into its teams in a limited view', async () => {
    const p = ok(await t.gql(PERSON, { id: ids.cityCadre }, { token: tok.office })).person;
    expect(p).toMatchObject({ name: '市干部', rank: 'DEPUTY_DIVISION', region: { name: '江州市' }, employments: [], poolEntries: [{ pool: 'GROUP_LEADER' }] });
    const birth = ok(await t.gql('query($id: ID!) { person(id: $id) { birthDate } }', { id: ids.cityCadre }, { token: tok.office })).person;
    expect(birth.birthDate).toBeNull();
    // The leading group's head composes nothing: the city cadre is missing to it.
    expectError(await t.gql(PERSON, { id: ids.cityCadre }, { token: tok.head }), 'NOT_FOUND');
  });

  test('the leading group head reads its teams’ members in a limited view, not the people register', async () => {
    expectError(await t.gql('query($r: ID!) { persons(filter: { regionId: $r }, first: 5) { totalCount } }', { r: r.countyA }, { token: tok.head }), 'FORBIDDEN');
    const p = ok(await t.gql(PERSON, { id: ids.member }, { token: tok.head })).person;
    expect(p).toMatchObject({ name: '吴组员', employments: [], teamHistory: [{ team: { name: '第一巡察组' } }] });
    const priv = await t.gql('query($id: ID!) { person(id: $id) { name relations { kind } } }', { id: ids.member }, { token: tok.head });
    expectError(priv, 'FORBIDDEN');
    expectError(await t.gql(PERSON, { id: ids.plain }, { token: tok.head }), 'NOT_FOUND');
  });

  test('a group leader reads its own team’s members and nobody else', async () => {
    const team = ok(await t.gql('query($id: ID!) { team(id: $id) { members { person { name } } } }', { id: ids.team }, { token: tok.leader })).team;
    expect(team.members.map((m: any) => m.person.name).sort()).toEqual(['吴组员', '郑组长']);
    expectError(await t.gql(PERSON, { id: ids.plain }, { token: tok.leader }), 'NOT_FOUND');
    expectError(await t.gql(PERSON, { id: ids.cityCadre }, { token: tok.leader }), 'NOT_FOUND');
  });
});

describe('avoidance text', () => {
  const VIOLATIONS = `query($id: ID!) { team(id: $id) { violations { rule severity message person { name } unit { name } } } }`;

  test('the office reads the relative in a waived finding; the leading group head and the leader read it without her', async () => {
    // A waived finding is not a violation; the checks show it: the office reads the path.
    const CHECK = `query($p: ID!, $u: ID!, $r: ID!) { avoidanceCheck(personId: $p, unitId: $u, roundId: $r) { rule waived explanation path { label person { name } unit { name } } } }`;
    const office = ok(await t.gql(CHECK, { p: ids.member, u: ids.finance, r: ids.round }, { token: tok.office })).avoidanceCheck;
    const kin = office.find((f: any) => f.rule === 'KIN_IN_TARGET');
    expect(kin.waived).toBe(true);
    expect(kin.explanation).toContain('林秀');
    expect(kin.path.some((s: any) => s.person?.name === '林秀')).toBe(true);
  });

  test.each(['head', 'leader'])('%s: team violations name no relative, in Chinese and English', async (who) => {
    for (const lang of ['zh', 'en']) {
      const officeView = ok(await t.gql(VIOLATIONS, { id: ids.team }, { token: tok.office, lang })).team.violations;
      const theirs = ok(await t.gql(VIOLATIONS, { id: ids.team }, { token: tok[who], lang })).team.violations;
      const tie = (vs: any[]) => vs.find((v) => v.rule === 'INTEREST_TIE');
      expect(tie(officeView).message).toContain('林秀');
      expect(tie(theirs).message).toMatch(lang === 'en' ? /relative/ : /近亲属/);
      expect(tie(theirs)).toMatchObject({ rule: 'INTEREST_TIE', severity: tie(officeView).severity, unit: { name: '东安县财政局' }, person: { name: '吴组员' } });
      for (const v of theirs) {
        expect(v.message).not.toContain('林秀');
        expect(v.message).not.toMatch(/配偶|妻子|spouse|wife|承揽/i);
      }
    }
  });
});

describe('inputs', () => {
  const ASSIGN = `mutation($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { membership { id } violations { rule message } } }`;

  test('a person of another county is, to an assignment, a person that does not exist', async () => {
    const b = await createPerson(t, r.countyB, '西平干部');
    const random = '01930000-0000-7000-8000-000000000000';
    const [withB, withRandom] = await Promise.all(
      [b, random].map((personId) => t.gql(ASSIGN, { i: { teamId: ids.team, personId, role: 'MEMBER' } }, { token: tok.office })),
    );
    expectError(withB, 'BAD_USER_INPUT', 'personId');
    expect(withB.errors![0].message.replace(b, 'ID')).toBe(withRandom.errors![0].message.replace(random, 'ID'));
    expect(JSON.stringify(withB)).not.toContain('西平');
  });
});
