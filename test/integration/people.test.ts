import { startTestServer, TestServer } from '../support/server';
import { basicRegions, createPerson, createUnit, addEmployment, addRelation } from '../support/fixtures';
import { codeOf } from '../support/graphql-client';

let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
beforeAll(async () => {
  t = await startTestServer();
  r = await basicRegions(t);
});
afterAll(() => t.close());

const PERSON = `query($id: ID!) { person(id: $id) { id name region { id name } birthDate
  employments { post leadership startedOn endedOn unit { name } }
  relations { kind relatedPerson { name } } } }`;

test('a person with an employment and a relation reads back both ways', async () => {
  const unit = await createUnit(t, r.countyA, '东安县财政局');
  const zhang = await createPerson(t, r.countyA, '张伟', { birthDate: '1980-02-29', gender: 'MALE', rank: 'SECTION' });
  const li = await createPerson(t, r.countyA, '李娜');
  await addEmployment(t, li, unit, '副局长', '2019-03-01', null, true);
  await addRelation(t, zhang, li, 'SPOUSE');
  const child = await createPerson(t, r.countyA, '张小明');
  await addRelation(t, child, zhang, 'PARENT');

  const z = (await t.admin(PERSON, { id: zhang })).person;
  expect(z.birthDate).toBe('1980-02-29');
  expect(z.relations.map((x: any) => [x.kind, x.relatedPerson.name]).sort()).toEqual([
    ['CHILD', '张小明'],
    ['SPOUSE', '李娜'],
  ]);
  const l = (await t.admin(PERSON, { id: li })).person;
  expect(l.employments).toEqual([{ post: '副局长', leadership: true, startedOn: '2019-03-01', endedOn: null, unit: { name: '东安县财政局' } }]);
  expect(l.relations).toEqual([{ kind: 'SPOUSE', relatedPerson: { name: '张伟' } }]);
});

test('a relation recorded from the other side is a duplicate', async () => {
  const a = await createPerson(t, r.countyA, '王芳');
  const b = await createPerson(t, r.countyA, '王强');
  await addRelation(t, a, b, 'PARENT');
  const again = await t.gql('mutation($i: AddRelationInput!) { addRelation(input: $i) { relation { id } } }', { i: { personId: b, relatedPersonId: a, kind: 'CHILD' } }, { token: t.adminToken });
  expect(codeOf(again)).toBe('CONFLICT');
  const self = await t.gql('mutation($i: AddRelationInput!) { addRelation(input: $i) { relation { id } } }', { i: { personId: a, relatedPersonId: a, kind: 'SIBLING' } }, { token: t.adminToken });
  expect(codeOf(self)).toBe('BAD_USER_INPUT');
  expect(self.errors![0].extensions!.field).toBe('relatedPersonId');
});

test('a date that does not exist is BAD_USER_INPUT naming the field, in English on request', async () => {
  const res = await t.gql('mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } } }', { i: { regionId: r.countyA, name: '赵六', birthDate: '1981-02-29' } }, { token: t.adminToken, lang: 'en' });
  expect(codeOf(res)).toBe('BAD_USER_INPUT');
  expect(res.errors![0].extensions!.field).toBe('birthDate');
  const end = await t.gql('mutation($i: AddEmploymentInput!) { addEmployment(input: $i) { employment { id } } }', {
    i: { personId: await createPerson(t, r.countyA, '钱七'), unitId: await createUnit(t, r.countyA, '东安县审计局'), post: '科员', leadership: false, startedOn: '2020-01-01', endedOn: '2019-12-31' },
  }, { token: t.adminToken, lang: 'en' });
  expect(codeOf(end)).toBe('BAD_USER_INPUT');
  expect(end.errors![0].extensions!.field).toBe('endedOn');
  expect(end.errors![0].message).toMatch(/before start date/);
});

test('a second kinship between the same two persons is refused, a personal tie beside it is not', async () => {
  const a = await createPerson(t, r.countyA, '孙丽');
  const b = await createPerson(t, r.countyA, '孙刚');
  await addRelation(t, a, b, 'PARENT');
  const contradictory = await t.gql('mutation($i: AddRelationInput!) { addRelation(input: $i) { relation { id } } }', { i: { personId: a, relatedPersonId: b, kind: 'CHILD' } }, { token: t.adminToken, lang: 'en' });
  expect(codeOf(contradictory)).toBe('CONFLICT');
  expect(contradictory.errors![0].message).toBe("孙刚 is already recorded as 孙丽's parent");
  await addRelation(t, a, b, 'CLOSE_FRIEND');
  const p = (await t.admin(PERSON, { id: a })).person;
  expect(p.relations.map((x: any) => x.kind).sort()).toEqual(['CLOSE_FRIEND', 'PARENT']);
});

test('usernames are case-insensitive on both databases', async () => {
  await t.admin('mutation($i: CreateAccountInput!) { createAccount(input: $i) { account { username } } }', {
    i: { username: 'ZhangWei', password: 'password-123', roles: ['INSPECTION_OFFICE'], regionIds: [r.countyA] },
  });
  expect(await t.login('zhangwei', 'password-123')).toEqual(expect.any(String));
  expect(await t.login('ZHANGWEI', 'password-123')).toEqual(expect.any(String));
  const dup = await t.gql('mutation($i: CreateAccountInput!) { createAccount(input: $i) { account { id } } }', {
    i: { username: 'zhangWEI', password: 'password-123', roles: ['INSPECTION_OFFICE'], regionIds: [r.countyA] },
  }, { token: t.adminToken });
  expect(codeOf(dup)).toBe('CONFLICT');
});
