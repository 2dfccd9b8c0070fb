import { createPerson, createUnit } from '../support/fixtures';
import { GqlResult } from '../support/graphql-client';
import { expectError, mutate } from '../support/operations';
import { rowCounts } from '../support/rows';
import { startTestServer, TestServer } from '../support/server';
import { TwoCounties, twoCounties } from '../support/world';

/**
 * Free text through the API: names refuse control and invisible format characters and lone
 * surrogates, longer text keeps newlines and tabs but refuses other controls; both are stored in
 * NFC. A name search takes % and _ literally.
 */
let t: TestServer;
let w: TwoCounties;

beforeAll(async () => {
  t = await startTestServer({ today: '2025-06-02' });
  w = await twoCounties(t);
});
afterAll(() => t.close());

const CJK = /[\u4e00-\u9fff]/;
const as = (name: string, input: () => Record<string, unknown>) => (lang?: string) => mutate(t, name, input(), { token: t.adminToken, lang });

describe('names', () => {
  const cases: [string, string, (v: string) => (lang?: string) => Promise<GqlResult>][] = [
    ['createPerson', 'name', (v) => as('createPerson', () => ({ regionId: w.countyA, name: v }))],
    ['createUnit', 'name', (v) => as('createUnit', () => ({ regionId: w.countyA, name: v, kind: 'DEPARTMENT' }))],
    ['createRegion', 'name', (v) => as('createRegion', () => ({ code: `T-${Math.random().toString(36).slice(2, 8)}`, name: v, level: 'TOWNSHIP', parentId: w.countyA }))],
    ['addEmployment', 'post', (v) => as('addEmployment', () => ({ personId: w.personA, unitId: w.unitA, post: v, leadership: false, startedOn: '2020-01-01' }))],
    ['createRound', 'theme', (v) => as('createRound', () => ({ regionId: w.countyA, year: 2025, ordinal: 9, kind: 'SPECIAL', theme: v, startsOn: '2025-09-01', endsOn: '2025-10-31' }))],
  ];
  const bad: [string, string][] = [
    ['NUL', '张\u0000伟'],
    ['a right-to-left override', '张\u202e伟'],
    ['a zero-width space', '张\u200b伟'],
    ['a lone surrogate', '张\ud800'],
    ['a line feed', '张\n伟'],
  ];
  test.each(cases.flatMap(([op, field, send]) => bad.map(([what, v]) => ({ title: `${op}.${field} with ${what}`, field, send: send(v) }))))(
    '$title is BAD_USER_INPUT on the field, in Chinese or English, writing nothing',
    async ({ field, send }) => {
      const before = await rowCounts(t);
      const zh = await send();
      expectError(zh, 'BAD_USER_INPUT', field);
      expect(zh.errors![0].message).toMatch(CJK);
      const en = await send('en');
      expectError(en, 'BAD_USER_INPUT', field);
      expect(en.errors![0].message).toMatch(new RegExp(`^${field} `));
      expect(await rowCounts(t)).toEqual(before);
    },
  );

  test('a name is stored in NFC, and found by either spelling', async () => {
    const id = await createPerson(t, w.countyA, 'Jose\u0301 王');
    const stored = await t.admin('query($id: ID!) { person(id: $id) { name } }', { id });
    expect(stored.person.name).toBe('José 王');
    for (const search of ['José', 'Jose\u0301']) {
      const found = await t.admin('query($r: ID!, $n: String) { persons(filter: { regionId: $r, nameContains: $n }, first: 10) { edges { node { id } } } }', { r: w.countyA, n: search });
      expect(found.persons.edges.map((e: any) => e.node.id)).toEqual([id]);
    }
  });
});

describe('longer text', () => {
  const tie = (description: string) => as('addInterestTie', () => ({ personId: w.personA, unitId: w.unitA, description }));

  test('newlines and tabs are kept', async () => {
    const r = await tie('其弟经营的公司\r\n\t承接该局工程')();
    expect(r.errors).toBeUndefined();
    const stored = await t.admin('query($id: ID!) { person(id: $id) { interestTies { description } } }', { id: w.personA });
    expect(stored.person.interestTies.map((x: any) => x.description)).toContain('其弟经营的公司\n\t承接该局工程');
  });

  test.each([
    ['NUL', '亲属\u0000公司'],
    ['an escape sequence', '亲属\u001b[2J公司'],
    ['a lone surrogate', '亲属公司\udfff'],
  ])('%s is BAD_USER_INPUT on the field', async (_, v) => {
    expectError(await tie(v)(), 'BAD_USER_INPUT', 'description');
  });
});

describe('nameContains', () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    ids = {
      percent: await createPerson(t, w.countyB, '百分%号'),
      underscore: await createPerson(t, w.countyB, '下划_线'),
      plain: await createPerson(t, w.countyB, '百分之号下划线'),
      bang: await createPerson(t, w.countyB, '感叹!号'),
    };
    await createUnit(t, w.countyB, '研究所_一');
    await createUnit(t, w.countyB, '研究所二');
  });

  const persons = async (n: string) =>
    (await t.admin('query($r: ID!, $n: String) { persons(filter: { regionId: $r, nameContains: $n }, first: 100) { edges { node { id } } } }', { r: w.countyB, n })).persons.edges.map((e: any) => e.node.id).sort();
  const units = async (n: string) =>
    (await t.admin('query($r: ID!, $n: String) { units(filter: { regionId: $r, nameContains: $n }, first: 100) { edges { node { name } } } }', { r: w.countyB, n })).units.edges.map((e: any) => e.node.name).sort();

  test('% and _ match only themselves, in persons and units', async () => {
    expect(await persons('%')).toEqual([ids.percent]);
    expect(await persons('_')).toEqual([ids.underscore]);
    expect(await persons('百分%')).toEqual([ids.percent]);
    expect(await persons('!')).toEqual([ids.bang]);
    expect(await units('_')).toEqual(['研究所_一']);
  });

  test('an ordinary search still finds every name that contains it', async () => {
    expect(await persons('百分')).toEqual([ids.percent, ids.plain].sort());
    expect(await units('研究所')).toEqual(['研究所_一', '研究所二']);
  });
});
