/**
 * Every id in every mutation input, found by iterating the schema's Mutation fields and their
 * input types (nested input lists included): in a call county A may make, that one id replaced
 * by county B's id of the same kind gets exactly the answer a random id that does not exist
 * gets (same code, same `extensions.field`, same message but for the id, in Chinese and English),
 * and the answer names nothing of B.
 *
 * The A-valid calls come from EXAMPLES (by mutation name); a mutation that is not there gets a
 * call generated from its input type, tried as each role of A. Either way the random-id answer
 * must be an error on that very input field (so the call was good up to that id); a mutation
 * taking ids that neither the table nor the generator covers fails the coverage test by name.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  isLeafType,
  isObjectType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import { v7 as uuidv7 } from 'uuid';
import { COUNTY_ROLES, CountyRole, IsolationWorld, markersIn, useIsolationWorld } from '../../support/isolation-world';
import { answerShape, idTarget } from '../../support/isolation-walk';
import { TestServer } from '../../support/server';

/** The schema as emitted (kept current by a test): read at load time so that each id gets its own test case. */
const SDL = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../../schema/schema.graphql'), 'utf8'));

/** Id fields whose name does not say what they name. */
const TARGET_OF: Record<string, string> = {
  'CreateUnitInput.parentId': 'Unit',
  'CreateRegionInput.parentId': 'Region',
  // RemoveRecordInput.id names what its mutation removes.
  'removeEmployment.id': 'Employment',
  'removeRelation.id': 'Relation',
  'removeInterestTie.id': 'InterestTie',
  'removeTeam.id': 'Team',
};

/**
 * Ids that may name another county's row on purpose, and why: the answers are then not compared
 * (only searched for B's private data).
 */
const MAY_NAME_ANY: Record<string, string> = {
  'createPerson.hometownRegionId': 'a hometown (籍贯) may lie in any region: regions are public reference data',
  'updatePerson.hometownRegionId': 'a hometown (籍贯) may lie in any region: regions are public reference data',
};

interface Slot {
  mutation: string;
  /** Where the id sits in the arguments, e.g. ['input', 'entries', 0, 'personId']. */
  at: (string | number)[];
  /** The input field an error about it names, e.g. entries[0].personId. */
  field: string;
  /** The type of object it names (Person, Unit, …), or undefined when the test cannot tell. */
  target: string | undefined;
}

const nullable = (t: GraphQLInputType): GraphQLInputType => (isNonNullType(t) ? t.ofType : t);

/** Every ID-typed argument or input field of a mutation, nested inputs and lists included. */
function idSlots(schema: GraphQLSchema, mutation: string): Slot[] {
  const slots: Slot[] = [];
  const visit = (type: GraphQLInputType, at: (string | number)[], owner: string, name: string, depth: number) => {
    const list = isListType(nullable(type));
    const named = getNamedType(type);
    const here = list ? [...at, 0] : at;
    if (named.name === 'ID') {
      const field = here.slice(1).reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '');
      slots.push({ mutation, at: here, field: field || String(at[0]), target: TARGET_OF[`${mutation}.${name}`] ?? TARGET_OF[`${owner}.${name}`] ?? idTarget(name, '') });
    } else if (isInputObjectType(named) && depth < 5) {
      for (const f of Object.values(named.getFields())) visit(f.type, [...here, f.name], named.name, f.name, depth + 1);
    }
  };
  for (const arg of schema.getMutationType()!.getFields()[mutation].args) visit(arg.type, [arg.name], `Mutation.${mutation}`, arg.name, 0);
  return slots;
}

const MUTATIONS = Object.keys(SDL.getMutationType()!.getFields()).sort();
const SLOTS = MUTATIONS.flatMap((m) => idSlots(SDL, m));

type Caller = CountyRole | 'ADMIN_ONLY';
interface Example {
  /** The role of A that may make the call; ADMIN_ONLY: no county role may (then as A's office, FORBIDDEN either way). */
  as: Caller;
  input: (w: IsolationWorld) => Record<string, unknown>;
}

let seq = 0;
const fresh = (p: string) => `${p}${Date.now().toString(36)}${++seq}`;

/** Calls county A may make (with A's ids), by mutation; several where the roles differ. */
const EXAMPLES: Record<string, Example[]> = {
  addEmployment: [
    { as: 'INSPECTION_OFFICE', input: (w) => ({ personId: w.A.persons.spare, unitId: w.A.units.aud, post: '科员', leadership: false, startedOn: '2010-01-01', endedOn: '2011-01-01' }) },
  ],
  addInterestTie: [{ as: 'INSPECTION_OFFICE', input: (w) => ({ personId: w.A.persons.spare, unitId: w.A.units.aud, description: '亲属经营的公司承接该局工程' }) }],
  addRelation: [{ as: 'INSPECTION_OFFICE', input: (w) => ({ personId: w.A.persons.spare, relatedPersonId: w.A.persons.pending, kind: 'CLASSMATE' }) }],
  advanceRound: [{ as: 'INSPECTION_OFFICE', input: (w) => ({ roundId: w.A.rounds.current, to: 'AUTHORIZED' }) }],
  // Only the office may apply; a random or B's id is not found before anything is written.
  applyComposition: [{ as: 'INSPECTION_OFFICE', input: (w) => ({ proposalId: w.A.proposal }) }],
  assignTeamMember: [{ as: 'INSPECTION_OFFICE', input: (w) => ({ teamId: w.A.teams.current, personId: w.A.persons.spare, role: 'MEMBER' }) }],
  authorizeTeamLeader: [
    { as: 'INSPECTION_OFFICE', input: (w) => ({ teamId: w.A.teams.current, documentNo: '县委巡察授〔2025〕9号', authorizedOn: '2025-05-01', authorizedBy: '中共东安县委' }) },
  ],
  cancelLeave: [{ as: 'INSPECTION_OFFICE', input: (w) => ({ leaveId: w.A.leaves.financePending, reason: '行程取消' }) }],
  changePoolEntryStatus: [{ as: 'ORG_DEPARTMENT', input: (w) => ({ entryId: w.A.entries.spare, status: 'SUSPENDED', reason: '身体原因' }) }],
  createAccount: [
    { as: 'ADMIN_ONLY', input: (w) => ({ username: fresh('acc'), password: 'password-123', roles: ['INSPECTOR'], regionIds: [w.A.region], personId: w.A.persons.spare }) },
  ],
  createPerson: [{ as: 'INSPECTION_OFFICE', input: (w) => ({ regionId: w.A.region, name: '新人', hometownRegionId: w.A.township }) }],
  createRegion: [{ as: 'ADMIN_ONLY', input: (w) => ({ code: fresh('X'), name: '新镇', level: 'TOWNSHIP', parentId: w.A.region }) }],
  createRound: [
    {
      as: 'INSPECTION_OFFICE',
      input: (w) => ({ regionId: w.A.region, year: 2026, ordinal: 1, kind: 'LOOK_BACK', startsOn: '2026-03-02', endsOn: '2026-04-30', followsRoundId: w.A.rounds.past }),
    },
  ],
  createTeam: [{ as: 'INSPECTION_OFFICE', input: (w) => ({ roundId: w.A.rounds.current, name: '第三巡察组', targetUnitIds: [w.A.units.edu] }) }],
  createUnit: [{ as: 'INSPECTION_OFFICE', input: (w) => ({ regionId: w.A.region, name: '东安县国库支付中心', kind: 'INSTITUTION', parentId: w.A.units.fin }) }],
  decideLeave: [{ as: 'OFFICE_DIRECTOR', input: (w) => ({ leaveId: w.A.leaves.financePending, approve: true, comment: '同意' }) }],
  declareAvoidance: [
    { as: 'INSPECTION_OFFICE', input: (w) => ({ personId: w.A.persons.spare, roundId: w.A.rounds.current, unitId: w.A.units.aud, reason: '曾在该局挂职' }) },
  ],
  enrollInPool: [
    {
      as: 'INSPECTION_OFFICE',
      input: (w) => ({ personId: w.A.persons.spouse, regionId: w.A.region, pool: 'SPECIALIST', specialties: ['FINANCE'], recommendedByUnitId: w.A.units.school }),
    },
  ],
  evaluateMember: [
    { as: 'GROUP_LEADER', input: (w) => ({ membershipId: w.A.pastMemberships.member, grade: 'COMPETENT', comment: '称职' }) },
    { as: 'LEADING_GROUP_HEAD', input: (w) => ({ membershipId: w.A.pastMemberships.leader, grade: 'EXCELLENT' }) },
  ],
  publishAttendanceNotice: [{ as: 'OFFICE_DIRECTOR', input: (w) => ({ regionId: w.A.region, month: '2025-04' }) }],
  recordAttendance: [
    { as: 'INSPECTION_OFFICE', input: (w) => ({ roundId: w.A.rounds.past, entries: [{ personId: w.A.persons.inspector, date: '2025-03-06', status: 'PRESENT' }] }) },
  ],
  recordReadiness: [{ as: 'INSPECTION_OFFICE', input: (w) => ({ personId: w.A.persons.spare, roundId: w.A.rounds.current, kind: 'TRAINING', completedOn: '2025-05-01' }) }],
  removeTeamMember: [{ as: 'INSPECTION_OFFICE', input: (w) => ({ membershipId: w.A.currentMemberships.member, reason: '工作调整' }) }],
  reportBack: [{ as: 'INSPECTION_OFFICE', input: (w) => ({ leaveId: w.A.leaves.memberApproved, returnedOn: '2025-04-08' }) }],
  requestLeave: [
    {
      as: 'INSPECTION_OFFICE',
      input: (w) => ({ regionId: w.A.region, personId: w.A.persons.spare, type: 'PERSONAL', startDate: '2025-06-09', startHalf: 'AM', endDate: '2025-06-09', endHalf: 'PM', reason: '家中有事' }),
    },
  ],
  reviewPoolEntry: [{ as: 'ORG_DEPARTMENT', input: (w) => ({ entryId: w.A.entries.pending, approve: true }) }],
  setAvoidanceSettings: [{ as: 'OFFICE_DIRECTOR', input: (w) => ({ regionId: w.A.region, repeatYears: 5 }) }],
  setLeavePolicy: [{ as: 'ADMIN_ONLY', input: (w) => ({ regionId: w.A.region, tiers: [{ upToWorkingDays: null, approverRoles: ['OFFICE_DIRECTOR'] }] }) }],
  updatePerson: [{ as: 'INSPECTION_OFFICE', input: (w) => ({ personId: w.A.persons.spare, hometownRegionId: w.A.region, rank: 'STAFF' }) }],
  updateEmployment: [{ as: 'INSPECTION_OFFICE', input: () => ({ employmentId: facts.A.employment, post: '科员' }) }],
  removeEmployment: [{ as: 'INSPECTION_OFFICE', input: () => ({ id: facts.A.employment, reason: '录入错误' }) }],
  removeRelation: [{ as: 'INSPECTION_OFFICE', input: () => ({ id: facts.A.relation, reason: '录入错误' }) }],
  removeInterestTie: [{ as: 'INSPECTION_OFFICE', input: () => ({ id: facts.A.interestTie, reason: '录入错误' }) }],
  removeTeam: [{ as: 'INSPECTION_OFFICE', input: (w) => ({ id: w.A.teams.current, reason: '计划调整' }) }],
  updateRound: [{ as: 'INSPECTION_OFFICE', input: (w) => ({ roundId: w.A.rounds.current, theme: '主题' }) }],
  cancelRound: [{ as: 'INSPECTION_OFFICE', input: (w) => ({ roundId: w.A.rounds.current, reason: '计划调整' }) }],
  withdrawAvoidanceDeclaration: [{ as: 'INSPECTION_OFFICE', input: (w) => ({ declarationId: w.A.declaration, reason: '情况有变' }) }],
  revokeAvoidanceWaiver: [{ as: 'OFFICE_DIRECTOR', input: (w) => ({ waiverId: w.A.waiver, reason: '情况有变' }) }],
  // Accounts are the security administrator's, deployment-wide: no county role may touch one.
  updateAccount: [
    { as: 'ADMIN_ONLY', input: (w) => ({ accountId: w.A.accounts.INSPECTOR.id, regionIds: [w.A.region], personId: w.A.persons.inspector }) },
  ],
  resetPassword: [{ as: 'ADMIN_ONLY', input: (w) => ({ accountId: w.A.accounts.INSPECTOR.id, temporaryPassword: 'Temporary-Pass-1' }) }],
  resetTotp: [{ as: 'ADMIN_ONLY', input: (w) => ({ accountId: w.A.accounts.INSPECTOR.id }) }],
  unlockAccount: [{ as: 'ADMIN_ONLY', input: (w) => ({ accountId: w.A.accounts.INSPECTOR.id }) }],
  endAccountSessions: [{ as: 'ADMIN_ONLY', input: (w) => ({ accountId: w.A.accounts.INSPECTOR.id, sessionId: sessions.A }) }],
  setTeamTargets: [{ as: 'INSPECTION_OFFICE', input: (w) => ({ teamId: w.A.teams.current, targetUnitIds: [w.A.units.aud, w.A.units.fin] }) }],
  waiveAvoidance: [
    {
      as: 'OFFICE_DIRECTOR',
      input: (w) => ({ personId: w.A.persons.member, unitId: w.A.units.fin, roundId: w.A.rounds.current, rule: 'KIN_IN_TARGET', reason: '配偶不分管被巡察业务' }),
    },
  ],
};

let t: TestServer;
let w: IsolationWorld;
let schema: GraphQLSchema;
useIsolationWorld((x) => ({ t, w, schema } = x));

/** A post, a relation and an interest tie of each county's finance specialist (for the corrections). */
const facts: Record<'A' | 'B', { employment: string; relation: string; interestTie: string }> = {
  A: { employment: '', relation: '', interestTie: '' },
  B: { employment: '', relation: '', interestTie: '' },
};
beforeAll(async () => {
  for (const side of ['A', 'B'] as const) {
    const p = (await t.admin('query($id: ID!) { person(id: $id) { employments { id } relations { id } interestTies { id } } }', { id: w[side].persons.finance })).person;
    facts[side] = { employment: p.employments[0].id, relation: p.relations[0].id, interestTie: p.interestTies[0].id };
  }
});

/** A session of each county's inspector (for the calls that name one). */
const sessions: Record<'A' | 'B', string> = { A: '', B: '' };
beforeAll(async () => {
  for (const side of ['A', 'B'] as const) {
    const r = await t.gql('{ mySessions { id } }', {}, { token: w[side].accounts.INSPECTOR.token });
    sessions[side] = r.data!.mySessions[0].id;
  }
});

const accountIds = (side: 'A' | 'B') => Object.fromEntries(Object.entries(w[side].accounts).map(([role, a]) => [role, a.id]));

/** County B's id of the same kind as an A id (A's spare person → B's spare person, …). */
function counterpart(aId: string): string | undefined {
  const pairs: [Partial<Record<string, string>>, Partial<Record<string, string>>][] = [
    [accountIds('A'), accountIds('B')],
    [{ session: sessions.A }, { session: sessions.B }],
    [facts.A, facts.B],
    [
      { declaration: w.A.declaration, waiver: w.A.waiver, proposal: w.A.proposal },
      { declaration: w.B.declaration, waiver: w.B.waiver, proposal: w.B.proposal },
    ],
    [w.A.persons, w.B.persons],
    [w.A.units, w.B.units],
    [w.A.rounds, w.B.rounds],
    [w.A.teams, w.B.teams],
    [w.A.leaves, w.B.leaves],
    [w.A.entries, w.B.entries],
    [w.A.pastMemberships, w.B.pastMemberships],
    [w.A.currentMemberships, w.B.currentMemberships],
    [{ region: w.A.region, township: w.A.township, notice: w.A.notice }, { region: w.B.region, township: w.B.township, notice: w.B.notice }],
  ];
  for (const [a, b] of pairs) {
    const key = Object.keys(a).find((k) => a[k] === aId);
    if (key && b[key]) return b[key];
  }
  return undefined;
}

/** A copy of `args` with the value at `at` replaced. */
function replaced(args: Record<string, unknown>, at: (string | number)[], value: string): Record<string, unknown> {
  const copy = structuredClone(args);
  let node: any = copy;
  for (const k of at.slice(0, -1)) node = node[k];
  node[at[at.length - 1]] = value;
  return copy;
}

const valueAt = (args: Record<string, unknown>, at: (string | number)[]) => at.reduce<any>((v, k) => (v == null ? undefined : v[k]), args);

/** Leaf fields of a type, and of its object fields to `depth` levels: what a payload is asked for. */
function selection(type: GraphQLNamedType, depth: number): string {
  if (!isObjectType(type)) return '';
  const parts = Object.values(type.getFields()).map((f) => {
    const named = getNamedType(f.type);
    if (isLeafType(named)) return f.name;
    return depth > 0 && f.args.length === 0 ? `${f.name} { ${selection(named, depth - 1) || '__typename'} }` : '';
  });
  return parts.filter(Boolean).join(' ');
}

/** The mutation with its arguments as variables, and its payload two levels deep (so that a leak shows). */
function documentOf(mutation: string): string {
  const field = schema.getMutationType()!.getFields()[mutation];
  const vars = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation(${vars}) { ${mutation}(${args}) { ${selection(getNamedType(field.type), 2)} } }`;
}

/** What is compared: code, field and both messages with the substituted id taken out. */
const answer = (mutation: string, args: Record<string, unknown>, token: string, id: string) => answerShape(t, documentOf(mutation), args, token, [id]);

const baseField = (f: unknown) => String(f ?? '').replace(/\[\d+\]/g, '');
const tokenOf = (as: Caller) => w.A.accounts[as === 'ADMIN_ONLY' ? 'INSPECTION_OFFICE' : as].token;

/** A call built from the input type: A's ids by what they name, scalars by name and type. */
function generated(mutation: string): Record<string, unknown> {
  const examples: Record<string, string> = {
    Person: w.A.persons.spare,
    Unit: w.A.units.aud,
    Region: w.A.region,
    Round: w.A.rounds.current,
    Team: w.A.teams.current,
    LeaveRequest: w.A.leaves.financePending,
    TeamMembership: w.A.currentMemberships.member,
    PoolEntry: w.A.entries.spare!,
    AttendanceNotice: w.A.notice,
  };
  const value = (name: string, type: GraphQLInputType): unknown => {
    const named = getNamedType(type);
    const list = isListType(nullable(type));
    let v: unknown;
    if (named.name === 'ID') v = examples[idTarget(name, '') ?? ''] ?? w.A.persons.spare;
    else if (isInputObjectType(named)) v = Object.fromEntries(Object.values(named.getFields()).map((f) => [f.name, value(f.name, f.type)]));
    else if (isEnumType(named)) v = named.getValues()[0].value;
    else if (named.name === 'LocalDate') v = '2025-05-06';
    else if (named.name === 'Int') v = 1;
    else if (named.name === 'Float') v = 1;
    else if (named.name === 'Boolean') v = true;
    else v = /month/i.test(name) ? '2025-04' : `${name} 测试`;
    return list ? [v] : v;
  };
  const field = schema.getMutationType()!.getFields()[mutation];
  return Object.fromEntries(field.args.map((a) => [a.name, value(a.name, a.type)]));
}

interface Case {
  as: Caller;
  args: Record<string, unknown>;
}

/** The calls of a mutation whose random-id answer for this slot is an error on that slot's field. */
async function casesFor(slot: Slot): Promise<{ cases: Case[]; problems: string[] }> {
  const candidates: Case[] = EXAMPLES[slot.mutation]
    ? EXAMPLES[slot.mutation].map((e) => ({ as: e.as, args: { input: e.input(w) } }))
    : COUNTY_ROLES.map((as) => ({ as, args: generated(slot.mutation) }));
  const cases: Case[] = [];
  const problems: string[] = [];
  for (const c of candidates) {
    const random = uuidv7();
    const r = await answer(slot.mutation, replaced(c.args, slot.at, random), tokenOf(c.as), random);
    const aboutTheId = c.as === 'ADMIN_ONLY' ? r.shape.code === 'FORBIDDEN' : baseField(r.shape.field) === baseField(slot.field);
    if (aboutTheId) cases.push(c);
    else problems.push(`${slot.mutation} as ${c.as}: a random ${slot.field} gets ${r.shape.code} on ${r.shape.field}: ${r.shape.en}`);
  }
  return { cases, problems };
}

test('the mutations taken from schema/schema.graphql are the ones the server runs, with the same ids', () => {
  expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(MUTATIONS);
  const key = (x: Slot) => `${x.mutation} ${x.field} ${x.target}`;
  expect(MUTATIONS.flatMap((m) => idSlots(schema, m)).map(key).sort()).toEqual(SLOTS.map(key).sort());
});

test('every id of every mutation input is covered: by a call of the table or a generated one, and names a known kind of object', async () => {
  const uncovered: string[] = [];
  for (const slot of SLOTS) {
    if (!slot.target) uncovered.push(`${slot.mutation}.${slot.field}: cannot tell what kind of object it names (add it to TARGET_OF)`);
    else if ((await casesFor(slot)).cases.length === 0) uncovered.push(`${slot.mutation}.${slot.field}: neither in EXAMPLES nor generated`);
  }
  expect(uncovered).toEqual([]);
  expect(SLOTS.length).toBeGreaterThan(30);
});

describe("county B's id gets the answer a random id gets", () => {
  test.each(SLOTS.map((s) => [s.mutation, s.field, s] as const))('%s %s', async (_m, _f, slot) => {
    expect(slot.target).toBeDefined();
    const { cases, problems } = await casesFor(slot);
    if (cases.length === 0) expect(problems).toEqual([]);
    for (const c of cases) {
      const aId = valueAt(c.args, slot.at) as string;
      const bId = counterpart(aId);
      expect([slot.field, aId, bId]).toEqual([slot.field, aId, expect.any(String)]);
      const random = uuidv7();
      const token = tokenOf(c.as);
      const asRandom = await answer(slot.mutation, replaced(c.args, slot.at, random), token, random);
      const asB = await answer(slot.mutation, replaced(c.args, slot.at, bId!), token, bId!);
      // Nothing of B in the answer but the id it was given: no other private id or string, no name of a person B keeps.
      expect(markersIn(asB.text, [...w.privateB, ...w.namesOfB].filter((m) => m.value !== bId)).map((m) => m.what)).toEqual([]);
      if (MAY_NAME_ANY[`${slot.mutation}.${slot.field}`]) continue;
      expect({ as: c.as, ...asB.shape }).toEqual({ as: c.as, ...asRandom.shape });
    }
  });
});
