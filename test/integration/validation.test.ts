import { newId } from '../../src/db/ids';
import { addRelation, createPerson, createRegion } from '../support/fixtures';
import { GqlResult } from '../support/graphql-client';
import { expectError, mutate } from '../support/operations';
import { rowCounts } from '../support/rows';
import { ADMIN, startTestServer, TestServer } from '../support/server';
import { TwoCounties, twoCounties } from '../support/world';

/**
 * Every validation error of the foundation's inputs, with its code and `extensions.field`, in
 * Chinese by default and in English on request; and none of them writes anything.
 */
let t: TestServer;
let w: TwoCounties;
let pair: { parent: string; child: string; a: string; b: string };
let countsBefore: Record<string, number>;
const UNKNOWN = newId();
const EXISTING_CODE = 'V-EXISTS';

beforeAll(async () => {
  t = await startTestServer({ today: '2025-06-02' });
  w = await twoCounties(t);
  await createRegion(t, EXISTING_CODE, '已有地区', 'CITY');
  // Stored once: child's PARENT is parent; a and b are spouses.
  pair = { parent: await createPerson(t, w.countyA, '赵父'), child: await createPerson(t, w.countyA, '赵子'), a: await createPerson(t, w.countyA, '孙甲'), b: await createPerson(t, w.countyA, '孙乙') };
  await addRelation(t, pair.child, pair.parent, 'PARENT');
  await addRelation(t, pair.a, pair.b, 'SPOUSE');
  countsBefore = await rowCounts(t);
});
afterAll(() => t.close());

type Send = (lang?: string) => Promise<GqlResult>;
interface Case {
  title: string;
  send: Send;
  code: string;
  field?: string;
}
const m =
  (op: string, input: () => Record<string, unknown>): Send =>
  (lang) =>
    mutate(t, op, input(), { token: t.adminToken, lang });
const q =
  (query: string, variables: () => Record<string, unknown>): Send =>
  (lang) =>
    t.gql(query, variables(), { token: t.adminToken, lang });
const bad = (title: string, send: Send, field: string): Case => ({ title, send, code: 'BAD_USER_INPUT', field });
const conflict = (title: string, send: Send): Case => ({ title, send, code: 'CONFLICT' });

/** Input changes; a function where they name rows made in beforeAll. */
type Extra = Record<string, unknown> | (() => Record<string, unknown>);
const valid = (base: () => Record<string, unknown>) => (extra: Extra) => () => ({ ...base(), ...(typeof extra === 'function' ? extra() : extra) });
const person = valid(() => ({ regionId: w.countyA, name: '测试人员' }));
const unit = valid(() => ({ regionId: w.countyA, name: '测试单位', kind: 'DEPARTMENT' }));
const employment = valid(() => ({ personId: w.personA, unitId: w.unitA, post: '科员', leadership: false, startedOn: '2020-01-01' }));
const tie = valid(() => ({ personId: w.personA, unitId: w.unitA, description: '亲属经营的公司' }));
const account = valid(() => ({ username: 'new.user', password: 'password-123', roles: ['INSPECTION_OFFICE'], regionIds: [w.countyA] }));
const region = valid(() => ({ code: 'V-NEW', name: '新地区', level: 'TOWNSHIP', parentId: w.countyA }));
const PERSONS = 'query($r: ID!, $first: Int!, $after: String) { persons(filter: { regionId: $r }, first: $first, after: $after) { totalCount } }';
const UNITS = 'query($r: ID!, $first: Int!) { units(filter: { regionId: $r }, first: $first) { totalCount } }';
const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

const CASES: Case[] = [
  // unknown ids, in every input that takes one
  bad('createPerson: unknown regionId', m('createPerson', person({ regionId: UNKNOWN })), 'regionId'),
  bad('createPerson: malformed regionId', m('createPerson', person({ regionId: 'no-such-region' })), 'regionId'),
  bad('createPerson: unknown hometownRegionId', m('createPerson', person({ hometownRegionId: UNKNOWN })), 'hometownRegionId'),
  bad('createUnit: unknown regionId', m('createUnit', unit({ regionId: UNKNOWN })), 'regionId'),
  bad('createUnit: unknown parentId', m('createUnit', unit({ parentId: UNKNOWN })), 'parentId'),
  bad('createRegion: unknown parentId', m('createRegion', region({ parentId: UNKNOWN })), 'parentId'),
  bad('createAccount: unknown regionIds', m('createAccount', account(() => ({ regionIds: [w.countyA, UNKNOWN] }))), 'regionIds'),
  bad('createAccount: unknown personId', m('createAccount', account({ roles: ['INSPECTOR'], personId: UNKNOWN })), 'personId'),
  bad('addEmployment: unknown personId', m('addEmployment', employment({ personId: UNKNOWN })), 'personId'),
  bad('addEmployment: unknown unitId', m('addEmployment', employment({ unitId: UNKNOWN })), 'unitId'),
  bad('addRelation: unknown personId', m('addRelation', () => ({ personId: UNKNOWN, relatedPersonId: w.personA, kind: 'SIBLING' })), 'personId'),
  bad('addRelation: unknown relatedPersonId', m('addRelation', () => ({ personId: w.personA, relatedPersonId: UNKNOWN, kind: 'SIBLING' })), 'relatedPersonId'),
  bad('addInterestTie: unknown personId', m('addInterestTie', tie({ personId: UNKNOWN })), 'personId'),
  bad('addInterestTie: unknown unitId', m('addInterestTie', tie({ unitId: UNKNOWN })), 'unitId'),
  bad('persons: unknown regionId', q(PERSONS, () => ({ r: UNKNOWN, first: 10 })), 'regionId'),
  bad('units: unknown regionId', q(UNITS, () => ({ r: UNKNOWN, first: 10 })), 'regionId'),
  // empty, blank and too long text
  bad('createRegion: empty code', m('createRegion', region({ code: '' })), 'code'),
  bad('createRegion: blank code', m('createRegion', region({ code: '   ' })), 'code'),
  bad('createRegion: blank name', m('createRegion', region({ name: ' \t ' })), 'name'),
  bad('createUnit: empty name', m('createUnit', unit({ name: '' })), 'name'),
  bad('createPerson: blank name', m('createPerson', person({ name: '   ' })), 'name'),
  bad('createPerson: name of 101 characters', m('createPerson', person({ name: '张'.repeat(101) })), 'name'),
  bad('addEmployment: blank post', m('addEmployment', employment({ post: ' ' })), 'post'),
  bad('addInterestTie: empty description', m('addInterestTie', tie({ description: '' })), 'description'),
  // dates
  bad('addEmployment: end before start', m('addEmployment', employment({ startedOn: '2020-01-01', endedOn: '2019-12-31' })), 'endedOn'),
  bad('createPerson: 2023-02-29', m('createPerson', person({ birthDate: '2023-02-29' })), 'birthDate'),
  bad('createPerson: 2024-02-30 as newlyPromotedOn', m('createPerson', person({ newlyPromotedOn: '2024-02-30' })), 'newlyPromotedOn'),
  bad('addEmployment: 2024-13-01', m('addEmployment', employment({ startedOn: '2024-13-01' })), 'startedOn'),
  bad('addEmployment: "yesterday"', m('addEmployment', employment({ endedOn: 'yesterday' })), 'endedOn'),
  bad('addEmployment: 2024-1-5 (not YYYY-MM-DD)', m('addEmployment', employment({ startedOn: '2024-1-5' })), 'startedOn'),
  bad('createPerson: birth date after today', m('createPerson', person({ birthDate: '2025-06-03' })), 'birthDate'),
  bad('createPerson: a birth date before 1900', m('createPerson', person({ birthDate: '1899-12-31' })), 'birthDate'),
  bad('createPerson: a birth date in year 0001', m('createPerson', person({ birthDate: '0001-01-01' })), 'birthDate'),
  bad('addEmployment: a start in year 0099', m('addEmployment', employment({ startedOn: '0099-12-31' })), 'startedOn'),
  bad('addEmployment: an end in year 0000', m('addEmployment', employment({ endedOn: '0000-02-29' })), 'endedOn'),
  {
    title: 'a date before 1900 written in the query',
    send: (lang) => t.gql(`mutation { createPerson(input: { regionId: "${w.countyA}", name: "字面", birthDate: "0050-06-01" }) { person { id } } }`, {}, { token: t.adminToken, lang }),
    code: 'BAD_USER_INPUT',
  },
  {
    title: 'a date that does not exist written in the query',
    send: (lang) => t.gql(`mutation { createPerson(input: { regionId: "${w.countyA}", name: "字面", birthDate: "2023-02-29" }) { person { id } } }`, {}, { token: t.adminToken, lang }),
    code: 'BAD_USER_INPUT',
  },
  // pagination
  bad('persons: first 0', q(PERSONS, () => ({ r: w.countyA, first: 0 })), 'first'),
  bad('persons: first 101', q(PERSONS, () => ({ r: w.countyA, first: 101 })), 'first'),
  bad('persons: first -1', q(PERSONS, () => ({ r: w.countyA, first: -1 })), 'first'),
  bad('units: first 101', q(UNITS, () => ({ r: w.countyA, first: 101 })), 'first'),
  bad('auditLog: first 0', q('{ auditLog(first: 0) { totalCount } }', () => ({})), 'first'),
  bad('persons: a cursor that is not one', q(PERSONS, () => ({ r: w.countyA, first: 10, after: 'garbage' })), 'after'),
  bad('persons: a cursor of the wrong shape', q(PERSONS, () => ({ r: w.countyA, first: 10, after: cursor(['a', 'b']) })), 'after'),
  bad('persons: a cursor holding an object', q(PERSONS, () => ({ r: w.countyA, first: 10, after: cursor([{ id: 1 }]) })), 'after'),
  // relations
  bad('addRelation: a person related to themselves', m('addRelation', () => ({ personId: w.personA, relatedPersonId: w.personA, kind: 'SIBLING' })), 'relatedPersonId'),
  conflict('addRelation: the same relation again', m('addRelation', () => ({ personId: pair.child, relatedPersonId: pair.parent, kind: 'PARENT' }))),
  conflict('addRelation: the same relation from the other side', m('addRelation', () => ({ personId: pair.parent, relatedPersonId: pair.child, kind: 'CHILD' }))),
  conflict('addRelation: a symmetric relation from the other side', m('addRelation', () => ({ personId: pair.b, relatedPersonId: pair.a, kind: 'SPOUSE' }))),
  // unique names
  conflict('createRegion: a code in use', m('createRegion', region({ code: EXISTING_CODE }))),
  conflict('createRegion: a code in use, with spaces around', m('createRegion', region({ code: ` ${EXISTING_CODE} ` }))),
  conflict('createAccount: a username in use', m('createAccount', account({ username: ADMIN.username }))),
  conflict('createAccount: a username in use, with spaces around', m('createAccount', account({ username: ` ${ADMIN.username} ` }))),
  // region levels
  bad('createRegion: a county under a county', m('createRegion', region({ level: 'COUNTY' })), 'level'),
  bad('createRegion: a city under a county', m('createRegion', region({ level: 'CITY' })), 'level'),
  bad('createRegion: a province under a township', m('createRegion', region(() => ({ level: 'PROVINCE', parentId: w.townA }))), 'level'),
  // accounts
  bad('createAccount: a short password', m('createAccount', account({ password: 'short' })), 'password'),
  bad('createAccount: a username with spaces inside', m('createAccount', account({ username: 'new user' })), 'username'),
  bad('createAccount: no roles', m('createAccount', account({ roles: [] })), 'roles'),
  bad('createAccount: no regions for a non-ADMIN', m('createAccount', account({ regionIds: [] })), 'regionIds'),
  bad('createAccount: a group leader without a person', m('createAccount', account({ roles: ['GROUP_LEADER'] })), 'personId'),
  // what GraphQL itself refuses
  bad('createPerson: name missing', (lang) => t.gql('mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } } }', { i: { regionId: w.countyA } }, { token: t.adminToken, lang }), 'name'),
  bad('addRelation: a kind that does not exist', m('addRelation', () => ({ personId: pair.a, relatedPersonId: pair.parent, kind: 'NEIGHBOUR' })), 'kind'),
  bad('createAccount: a role that does not exist', m('createAccount', account({ roles: ['SUPERUSER'] })), 'roles'),
];

const CJK = /[\u4e00-\u9fff]/;

test.each(CASES.map((c) => ({ ...c, name: `${c.title} → ${c.code}${c.field ? ` on ${c.field}` : ''}` })))('$name', async ({ send, code, field }) => {
  const zh = await send();
  expectError(zh, code, field);
  expect(zh.errors![0].message).toMatch(CJK);
  const en = await send('en');
  expectError(en, code, field);
  expect(en.errors![0].message).toMatch(/[A-Za-z]{3,}/);
  expect(en.errors![0].message).not.toBe(zh.errors![0].message);
});

test('an English message names the problem in English', async () => {
  const en = await m('addEmployment', employment({ endedOn: '2019-12-31' }))('en');
  expect(en.errors![0].message).toBe('End date 2019-12-31 is before start date 2020-01-01');
  const date = await m('createPerson', person({ birthDate: '2023-02-29' }))('en-US,en;q=0.9');
  expect(date.errors![0].message).toBe('birthDate: "2023-02-29" is not a date that exists (YYYY-MM-DD)');
  expect((await m('createPerson', person({ birthDate: '2023-02-29' }))('zh-CN')).errors![0].message).toBe('birthDate：“2023-02-29”不是有效日期（YYYY-MM-DD）');
  const early = await m('addEmployment', employment({ startedOn: '0001-01-01' }))('en');
  expect(early.errors![0].message).toBe('startedOn: The date "0001-01-01" is before 1900-01-01 and is not accepted');
});

test('the limits themselves are accepted: first 1 and 100, a one-day post, a birth date of today, 1900-01-01', async () => {
  for (const first of [1, 100]) expect((await q(PERSONS, () => ({ r: w.countyA, first }))()).errors).toBeUndefined();
  const accepted = [
    await m('addEmployment', employment({ startedOn: '2024-02-29', endedOn: '2024-02-29' }))(),
    await m('createPerson', person({ birthDate: '2025-06-02' }))(),
    await m('createPerson', person({ birthDate: '1900-01-01' }))(),
    // The other kind between the same two persons is another relation.
    await m('addRelation', () => ({ personId: pair.a, relatedPersonId: pair.b, kind: 'CLASSMATE' }))(),
  ];
  for (const r of accepted) expect(r.errors).toBeUndefined();
  countsBefore = await rowCounts(t);
});

test('two requests racing to record one relation from both sides: one is stored, the other is CONFLICT', async () => {
  const [x, y] = [await createPerson(t, w.countyA, '竞争甲'), await createPerson(t, w.countyA, '竞争乙')];
  const results = await Promise.all([
    m('addRelation', () => ({ personId: x, relatedPersonId: y, kind: 'UNCLE_AUNT' }))(),
    m('addRelation', () => ({ personId: y, relatedPersonId: x, kind: 'NEPHEW_NIECE' }))(),
  ]);
  expect(results.map((r) => r.errors?.[0]?.extensions?.code ?? 'stored').sort()).toEqual(['CONFLICT', 'stored']);
  const stored = await t.admin('query($id: ID!) { person(id: $id) { relations { kind relatedPerson { id } } } }', { id: x });
  expect(stored.person.relations).toEqual([{ kind: 'UNCLE_AUNT', relatedPerson: { id: y } }]);
  countsBefore = await rowCounts(t);
});

test('no refused operation wrote anything: not a row, not an audit record', async () => {
  for (const c of CASES) await c.send();
  expect(await rowCounts(t)).toEqual(countsBefore);
});
