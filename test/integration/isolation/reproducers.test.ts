/**
 * The side doors found by trying the service as an attacker with two sibling counties, one case
 * each: what county A's accounts got through them of county B, and what the roles table says
 * they may not read at all.
 */
import { v7 as uuidv7 } from 'uuid';
import { GqlResult } from '../../support/graphql-client';
import { IsolationWorld, Marker, markersIn, useIsolationWorld } from '../../support/isolation-world';
import { answerShape } from '../../support/isolation-walk';
import { rowCounts } from '../../support/rows';
import { TestServer } from '../../support/server';

let t: TestServer;
let w: IsolationWorld;
useIsolationWorld((x) => ({ t, w } = x));

const as = (role: keyof IsolationWorld['A']['accounts']) => w.A.accounts[role].token;
/** Markers of B found in a text (the given ids excepted: an answer may echo the id it was asked about). */
const ofB = (text: string, except: string[] = []) => markersIn(text, [...w.privateB, ...w.namesOfB].filter((m) => !except.includes(m.value))).map((m) => m.what);
const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

/**
 * The answer with B's ids in place of `ids` compared with the answer with random ids in their
 * place: the same (code, field, messages but for the ids), nothing of B in it, nothing written.
 */
async function likeRandomIds(document: string, variables: (ids: string[]) => Record<string, unknown>, bIds: string[], token: string) {
  const random = bIds.map(() => uuidv7());
  const before = await rowCounts(t);
  const asRandom = await answerShape(t, document, variables(random), token, random);
  const asB = await answerShape(t, document, variables(bIds), token, bIds);
  const after = await rowCounts(t);
  const written = Object.keys(after).filter((table) => after[table] !== before[table]);
  expect(asRandom.shape.code).toBe('BAD_USER_INPUT');
  expect({ ...asB.shape, ofB: ofB(asB.text, bIds), written }).toEqual({ ...asRandom.shape, ofB: [], written: [] });
}

test("recordReadiness with B's person on A's round: no such person, and nothing of the person's teams", async () => {
  await likeRandomIds(
    `mutation($i: RecordReadinessInput!) { recordReadiness(input: $i) { person { id name teamHistory { id team { name targets { name }
      authorization { documentNo authorizedBy } round { name } } evaluation { comment evaluatedBy { username } } } } } }`,
    ([personId]) => ({ i: { personId, roundId: w.A.rounds.current, kind: 'TRAINING', completedOn: '2025-05-01' } }),
    [w.B.persons.member],
    as('INSPECTION_OFFICE'),
  );
});

test("declareAvoidance on B's round and B's unit: refused as unknown ids, and B's declarations stay unread", async () => {
  await likeRandomIds(
    `mutation($i: DeclareAvoidanceInput!) { declareAvoidance(input: $i) { declaration { id round { name
      avoidanceDeclarations { reason person { name } } avoidanceWaivers { reason } } unit { name } } } }`,
    ([roundId, unitId]) => ({ i: { personId: w.A.persons.spare, roundId, unitId, reason: '曾在该局挂职' } }),
    [w.B.rounds.current, w.B.units.aud],
    as('INSPECTION_OFFICE'),
  );
});

test("from A's own person through a relative kept by B: the relative's name, and nothing of B's evaluations, teams or waivers", async () => {
  const r = await t.gql(
    `query($id: ID!) { person(id: $id) { relations { relatedPerson { id name teamHistory { evaluation { comment }
      team { round { avoidanceWaivers { reason } } } } } } } }`,
    { id: w.A.persons.deputy },
    { token: as('INSPECTION_OFFICE') },
  );
  const sister = w.relativesOfA.find((x) => x.id === w.B.persons.finance)!;
  expect(JSON.stringify(r)).toContain(sister.name);
  expect(markersIn(JSON.stringify(r), w.privateB).map((m) => m.what)).toEqual([]);
});

test("an inspector reads no evaluation through its own teams: neither A's nor the city cadre's in B", async () => {
  const r = await t.gql('{ me { person { teamHistory { evaluation { comment } team { members { person { name } evaluation { comment } } } } } } }', {}, { token: as('INSPECTOR') });
  const comments: Marker[] = [...w.A.planted, ...w.B.planted].filter((m) => /evaluation-comment/.test(m.what));
  expect(markersIn(JSON.stringify(r), comments).map((m) => m.what)).toEqual([]);
  expect(ofB(JSON.stringify(r))).toEqual([]);
});

test("waiveAvoidance with B's person and B's unit on A's round: the answer of random ids, naming no one", async () => {
  await likeRandomIds(
    'mutation($i: WaiveAvoidanceInput!) { waiveAvoidance(input: $i) { waiver { id person { name } unit { name } } } }',
    ([personId, unitId]) => ({ i: { personId, unitId, roundId: w.A.rounds.current, rule: 'KIN_IN_TARGET', reason: '经研究同意' } }),
    [w.B.persons.member, w.B.units.fin],
    as('OFFICE_DIRECTOR'),
  );
});

test("assignTeamMember with B's person: no such person, not its name, county or team", async () => {
  await likeRandomIds(
    `mutation($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { membership { id } violations { rule message person { name region { name } } } } }`,
    ([personId]) => ({ i: { teamId: w.A.teams.current, personId, role: 'MEMBER' } }),
    [w.B.persons.member],
    as('INSPECTION_OFFICE'),
  );
});

test("recordAttendance with B's person: no such person, not its name, county or team", async () => {
  await likeRandomIds(
    'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { records { id person { name } } } }',
    ([personId]) => ({ i: { roundId: w.A.rounds.past, entries: [{ personId, date: '2025-03-06', status: 'PRESENT' }] } }),
    [w.B.persons.inspector],
    as('INSPECTION_OFFICE'),
  );
});

describe('reads narrowed to the roles table', () => {
  test("the leading group's head cannot list persons (no person:read) …", async () => {
    const r = await t.gql('query($r: ID!) { persons(filter: { regionId: $r }, first: 100) { totalCount edges { node { name } } } }', { r: w.A.region }, { token: as('LEADING_GROUP_HEAD') });
    expect(codeOf(r)).toBe('FORBIDDEN');
  });

  test('… but reads the members of its rounds’ teams by name', async () => {
    const r = await t.gql('query($id: ID!) { round(id: $id) { teams { members { person { id name } } } } }', { id: w.A.rounds.current }, { token: as('LEADING_GROUP_HEAD') });
    expect(r.errors).toBeUndefined();
    const names = r.data.round.teams.flatMap((x: any) => x.members.map((m: any) => m.person.name));
    for (const key of ['leader', 'deputy', 'finance', 'inspector', 'member'] as const) expect(names).toContain(w.A.names[w.A.persons[key]]);
  });

  test.each(['GROUP_LEADER', 'INSPECTOR'] as const)('%s cannot list units (no unit:read), and reads its team’s targets through the team', async (role) => {
    const list = await t.gql('query($r: ID!) { units(filter: { regionId: $r }, first: 100) { totalCount edges { node { name } } } }', { r: w.A.region }, { token: as(role) });
    expect(codeOf(list)).toBe('FORBIDDEN');
    const team = await t.gql('query($id: ID!) { team(id: $id) { targets { id } } }', { id: w.A.teams.current }, { token: as(role) });
    expect(team.data?.team?.targets.map((u: { id: string }) => u.id).sort()).toEqual([w.A.units.aud, w.A.units.fin].sort());
  });
});

describe("an inspector reads nobody else's account", () => {
  /** Every username in the world but the inspector's own. */
  const others = () => [...Object.values(w.A.accounts), ...Object.values(w.B.accounts)].filter((a) => a !== w.A.accounts.INSPECTOR).map((a) => a.username).concat('admin');

  test('its leave: the approval steps without who decided them', async () => {
    const r = await t.gql('query($id: ID!) { leaveRequest(id: $id) { approvalSteps { status decidedBy { id username } } } }', { id: w.A.leaves.inspector }, { token: as('INSPECTOR') });
    const steps = r.data?.leaveRequest?.approvalSteps ?? [];
    expect(steps.map((s: any) => s.status)).toContain('APPROVED');
    expect(steps.map((s: any) => s.decidedBy)).toEqual(steps.map(() => null));
    expect(others().filter((u) => JSON.stringify(r).includes(u))).toEqual([]);
  });

  test('its evaluations: hidden with their evaluators', async () => {
    const r = await t.gql('{ me { person { teamHistory { evaluation { grade evaluatedBy { id username } } } } } }', {}, { token: as('INSPECTOR') });
    expect(r.data?.me?.person?.teamHistory.length).toBeGreaterThan(0);
    expect(r.data.me.person.teamHistory.map((m: any) => m.evaluation)).toEqual(r.data.me.person.teamHistory.map(() => null));
    expect(others().filter((u) => JSON.stringify(r).includes(u))).toEqual([]);
  });

  test('its pool entries: the history without who changed them', async () => {
    const r = await t.gql('{ me { person { poolEntries { history { toStatus by { id username } } } } } }', {}, { token: as('INSPECTOR') });
    const events = (r.data?.me?.person?.poolEntries ?? []).flatMap((e: any) => e.history);
    expect(events.length).toBeGreaterThan(0);
    expect(events.map((e: any) => e.by)).toEqual(events.map(() => null));
    expect(others().filter((u) => JSON.stringify(r).includes(u))).toEqual([]);
  });
});
