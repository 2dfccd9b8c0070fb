import { newId } from '../../src/db/ids';
import { addEmployment, addRelation, basicRegions, createPerson, createUnit } from '../support/fixtures';
import { codeOf } from '../support/graphql-client';
import { createRound, createTeam, member, poolPerson } from '../support/rounds';
import { rowCounts } from '../support/rows';
import { startTestServer, TestServer } from '../support/server';

let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
const u: Record<string, string> = {};
const p: Record<string, string> = {};
let round: string;
let team1: string;
let team2: string;
let officeA: string;

const CANDIDATES = `query($f: CandidateFilter!, $first: Int!, $after: String) { candidates(filter: $f, first: $first, after: $after) {
  totalCount excludedByRule { rule count } pageInfo { hasNextPage endCursor }
  edges { cursor node { person { id name } role eligible costDelta fixes refusals { rule severity message } concerns { rule severity message } } } } }`;
const PROPOSE = `mutation($i: ProposeCompositionInput!) { proposeComposition(input: $i) { proposal { id status cost bound solveMillis stale
  round { id } costByRule { rule count cost } obstacles { rule explanation team { id } people { id name } }
  teams { team { id } cost members { role kept person { id name } } concerns { rule severity message } } } } }`;
const PROPOSAL = `query($id: ID!) { compositionProposal(id: $id) { id status stale teams { team { id } members { role kept person { id } } } } }`;
const APPLY = `mutation($i: ApplyCompositionInput!) { applyComposition(input: $i) { round { id } memberships { id role person { id } } } }`;
const TEAM = `query($id: ID!) { team(id: $id) { members { id role leftOn person { id } } violations { rule severity } } }`;
const HISTORY = `query($id: ID!) { person(id: $id) { teamHistory { role leftOn leftReason } } }`;
const MATRIX = `query($r: ID!, $ps: [ID!]!, $us: [ID!]!, $role: TeamRole) { avoidanceMatrix(roundId: $r, personIds: $ps, unitIds: $us, role: $role) { rule severity } }`;
const CHECK = `query($p: ID!, $u: ID!, $r: ID!, $role: TeamRole) { avoidanceCheck(personId: $p, unitId: $u, roundId: $r, role: $role) { rule severity } }`;
const WEIGHTS = `query($id: ID!) { compositionWeights(regionId: $id) { region { id } definedIn { id } softAvoidance repeatTarget experienceMix leaveOverlap leaderNotRotated rotationPerRound newlyPromoted } }`;
const SET_WEIGHTS = `mutation($i: SetCompositionWeightsInput!) { setCompositionWeights(input: $i) { weights { definedIn { id } rotationPerRound softAvoidance } } }`;

const candidates = (f: Record<string, unknown>, first = 50, after: string | null = null, token = t.adminToken) => t.gql(CANDIDATES, { f, first, after }, { token });
const names = (edges: any[]) => edges.map((e) => e.node.person.name);
const hard = (vs: { severity: string; rule: string }[]) => vs.filter((v) => v.severity === 'HARD').map((v) => v.rule).sort();

beforeAll(async () => {
  t = await startTestServer({ today: '2025-06-02' });
  r = await basicRegions(t, 'CP');
  for (const [k, name] of Object.entries({ u1: '东安县财政局', u2: '东安县教育局', u3: '东安县交通局', u4: '东安县水利局', u5: '东安县农业局' })) {
    u[k] = await createUnit(t, r.countyA, name);
  }
  const add = async (key: string, name: string, pool: string, opts: Parameters<typeof poolPerson>[4] = {}) => (p[key] = await poolPerson(t, r.countyA, name, pool, opts));
  await add('L1', '林一', 'GROUP_LEADER', { fullTimeInspector: true });
  await add('L2', '林二', 'GROUP_LEADER');
  await add('L3', '林三', 'GROUP_LEADER', { fullTimeInspector: true });
  await add('D1', '邓一', 'DEPUTY_LEADER', { rank: 'DEPUTY_SECTION' });
  await add('D2', '邓二', 'DEPUTY_LEADER', { rank: 'DEPUTY_SECTION' });
  await add('D3', '邓三', 'DEPUTY_LEADER', { rank: 'DEPUTY_SECTION' });
  await add('F1', '范财', 'SPECIALIST', { specialties: ['FINANCE'] });
  await add('F2', '范审', 'SPECIALIST', { specialties: ['AUDIT'] });
  await add('S1', '石一', 'SPECIALIST', { specialties: ['LAW'] });
  await add('S2', '石二', 'SPECIALIST', { specialties: ['LAW'], fullTimeInspector: true });
  await add('S3', '石三', 'SPECIALIST');
  await add('S4', '石四', 'SPECIALIST');
  // A city cadre (sent down) is drawable; a county B specialist is not.
  p.C1 = await poolPerson(t, r.city, '程市', 'GROUP_LEADER', { fullTimeInspector: true });
  p.B1 = await poolPerson(t, r.countyB, '白西', 'SPECIALIST', { specialties: ['FINANCE'] });
  // 林二's spouse works at the finance bureau (a target of the first team): kin in target, hard.
  const spouse = await createPerson(t, r.countyA, '林二之妻');
  await addRelation(t, p.L2, spouse, 'SPOUSE');
  await addEmployment(t, spouse, u.u1, '科员', '2020-01-01');
  // 邓一 served under the head of the transport bureau until 2024 (rule 4: hard for leaders and deputies, soft for members).
  const head = await createPerson(t, r.countyA, '交通局长');
  await addEmployment(t, head, u.u5, '局长', '2019-01-01', '2024-02-01', true);
  await addEmployment(t, p.D1, u.u5, '科员', '2020-01-01', '2024-02-01');
  await addEmployment(t, head, u.u3, '局长', '2024-02-02', null, true);

  round = await createRound(t, r.countyA, { startsOn: '2025-07-01', endsOn: '2025-08-29' });
  team1 = await createTeam(t, round, '第一巡察组', [u.u1, u.u2]);
  team2 = await createTeam(t, round, '第二巡察组', [u.u3, u.u4]);
  officeA = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyA]);
});
afterAll(() => t.close());

describe('candidates', () => {
  it('ranks the people who could lead a team: pools of the region, its ancestors and descendants, eligible first', async () => {
    const res = (await candidates({ teamId: team1, role: 'LEADER' }, 50, null, officeA)).data!.candidates;
    expect(names(res.edges).sort()).toEqual(['林一', '林三', '程市'].sort());
    expect(res.edges.every((e: any) => e.node.eligible && e.node.refusals.length === 0)).toBe(true);
    const deltas = res.edges.map((e: any) => e.node.costDelta);
    expect(deltas).toEqual([...deltas].sort((a: number, b: number) => a - b));
    for (const e of res.edges) expect(e.node.fixes).toEqual(expect.arrayContaining(['LEADER_COUNT', 'FULL_TIME_CORE']));
    expect(res.excludedByRule).toEqual([{ rule: 'POOL_MEMBERSHIP', count: 9 }, { rule: 'RANK_FLOOR', count: 6 }, { rule: 'KIN_IN_TARGET', count: 1 }]);

    const all = (await candidates({ teamId: team1, role: 'LEADER', includeIneligible: true })).data!.candidates;
    expect(all.totalCount).toBe(13);
    expect(all.edges.slice(0, 3).every((e: any) => e.node.eligible)).toBe(true);
    const lin2 = all.edges.find((e: any) => e.node.person.name === '林二').node;
    expect(lin2.eligible).toBe(false);
    expect(lin2.costDelta).toBeNull();
    expect(hard(lin2.refusals)).toEqual(['KIN_IN_TARGET']);
    expect(names(all.edges)).not.toContain('白西');
  });

  it('judges each role by its own severities: rule 4 keeps a deputy off but lets a member on', async () => {
    const deputy = (await candidates({ teamId: team2, role: 'DEPUTY_LEADER', includeIneligible: true })).data!.candidates;
    const asDeputy = deputy.edges.find((e: any) => e.node.person.name === '邓一').node;
    expect(hard(asDeputy.refusals)).toEqual(['FORMER_SUPERIOR_SUBORDINATE']);
    const members = (await candidates({ teamId: team2, role: 'MEMBER' })).data!.candidates;
    const asMember = members.edges.find((e: any) => e.node.person.name === '邓一').node;
    expect(asMember.eligible).toBe(true);
    expect(asMember.concerns.map((c: any) => `${c.rule}:${c.severity}`)).toContain('FORMER_SUPERIOR_SUBORDINATE:SOFT');
    // The matrix and the check say the same when asked for the role.
    const matrix = async (role?: string) => (await t.admin(MATRIX, { r: round, ps: [p.D1], us: [u.u3], role })).avoidanceMatrix;
    expect(await matrix('MEMBER')).toEqual([{ rule: 'FORMER_SUPERIOR_SUBORDINATE', severity: 'SOFT' }]);
    expect(await matrix()).toEqual([{ rule: 'FORMER_SUPERIOR_SUBORDINATE', severity: 'SOFT' }]);
    expect(await matrix('DEPUTY_LEADER')).toEqual([{ rule: 'FORMER_SUPERIOR_SUBORDINATE', severity: 'HARD' }]);
    expect((await t.admin(CHECK, { p: p.D1, u: u.u3, r: round, role: 'LEADER' })).avoidanceCheck).toEqual([{ rule: 'FORMER_SUPERIOR_SUBORDINATE', severity: 'HARD' }]);
  });

  it('filters by specialty and names the rules a candidate would mend', async () => {
    const res = (await candidates({ teamId: team1, role: 'MEMBER', specialty: 'FINANCE' })).data!.candidates;
    expect(names(res.edges)).toEqual(['范财']);
    expect(res.edges[0].node.fixes).toEqual(['REQUIRED_SPECIALTY']);
    const bad = await candidates({ teamId: team1, role: 'MEMBER', specialty: 'NOPE' });
    expect([codeOf(bad), bad.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'specialty']);
  });

  it('pages through the whole list, and refuses a cursor of a list that has changed', async () => {
    const whole = (await candidates({ teamId: team2, role: 'MEMBER', includeIneligible: true }, 100)).data!.candidates;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await candidates({ teamId: team2, role: 'MEMBER', includeIneligible: true }, 4, after)).data!.candidates;
      expect(page.totalCount).toBe(whole.totalCount);
      seen.push(...names(page.edges));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(names(whole.edges));
    const first = (await candidates({ teamId: team2, role: 'MEMBER' }, 2)).data!.candidates;
    const other = await candidates({ teamId: team1, role: 'MEMBER' }, 2, first.pageInfo.endCursor);
    expect([codeOf(other), other.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'after']);
  });

  it('costs the same number of statements whatever the size of the pool', async () => {
    const count = async () => {
      t.resetCount();
      expect((await candidates({ teamId: team2, role: 'MEMBER', includeIneligible: true })).errors).toBeUndefined();
      return t.queryCount;
    };
    const before = await count();
    for (let i = 0; i < 6; i++) await poolPerson(t, r.townA, `镇干部${i}`, 'SPECIALIST', { specialties: ['PETITION'] });
    const total = (await candidates({ teamId: team2, role: 'MEMBER', includeIneligible: true })).data!.candidates.totalCount;
    expect(total).toBeGreaterThanOrEqual(19);
    expect(await count()).toBe(before);
  });
});

describe('proposals', () => {
  let proposalId: string;

  it('proposes an optimal composition that breaks no hard rule, and keeps it to read again', async () => {
    const { proposal } = (await t.gql(PROPOSE, { i: { roundId: round } }, { token: officeA })).data!.proposeComposition;
    expect(proposal.status).toBe('OPTIMAL');
    expect(proposal.bound).toBe(proposal.cost);
    expect(proposal.obstacles).toEqual([]);
    expect(proposal.stale).toBe(false);
    expect(proposal.teams.map((x: any) => x.team.id)).toEqual([team1, team2]);
    const everyone = proposal.teams.flatMap((x: any) => x.members.map((m: any) => m.person.id));
    expect(new Set(everyone).size).toBe(everyone.length);
    expect(proposal.teams[0].members.map((m: any) => m.person.name)).not.toContain('林二');
    for (const team of proposal.teams) {
      expect(team.members.filter((m: any) => m.role === 'LEADER')).toHaveLength(1);
      expect(team.members.every((m: any) => m.kept === false)).toBe(true);
    }
    expect(proposal.costByRule.reduce((s: number, c: any) => s + c.cost, 0)).toBeCloseTo(proposal.cost, 6);
    proposalId = proposal.id;
    const read = (await t.gql(PROPOSAL, { id: proposalId }, { token: officeA })).data!.compositionProposal;
    expect(read.teams).toEqual(proposal.teams.map((x: any) => ({ team: x.team, members: x.members.map((m: any) => ({ role: m.role, kept: m.kept, person: { id: m.person.id } })) })));
  });

  it('is stale once a proposed person leaves the pool, and applying it then writes nothing', async () => {
    const { proposal } = (await t.admin(PROPOSE, { i: { roundId: round } })).proposeComposition;
    const member = proposal.teams[1].members.find((m: any) => m.role === 'MEMBER').person;
    const entries = (await t.admin(`query($id: ID!) { person(id: $id) { poolEntries { id } } }`, { id: member.id })).person.poolEntries;
    await t.admin('mutation($i: ChangePoolEntryStatusInput!) { changePoolEntryStatus(input: $i) { entry { id } } }', {
      i: { entryId: entries[0].id, status: 'SUSPENDED', reason: '原单位工作需要' },
    });
    expect((await t.admin(PROPOSAL, { id: proposal.id })).compositionProposal.stale).toBe(true);
    expect((await t.admin(PROPOSAL, { id: proposalId })).compositionProposal.stale).toBe(true);
    const before = await rowCounts(t);
    const res = await t.gql(APPLY, { i: { proposalId: proposal.id } }, { token: t.adminToken });
    expect(codeOf(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toContain(member.name);
    const after = await rowCounts(t);
    expect({ ...after, audit_entries: 0 }).toEqual({ ...before, audit_entries: 0 });
    await t.admin('mutation($i: ChangePoolEntryStatusInput!) { changePoolEntryStatus(input: $i) { entry { id } } }', {
      i: { entryId: entries[0].id, status: 'ACTIVE', reason: '恢复' },
    });
  });

  it('applies a fresh proposal in one go: every membership written, no hard rule broken but the authorization to come', async () => {
    const { proposal } = (await t.gql(PROPOSE, { i: { roundId: round, timeLimitSeconds: 5 } }, { token: officeA })).data!.proposeComposition;
    const applied = (await t.gql(APPLY, { i: { proposalId: proposal.id } }, { token: officeA })).data!.applyComposition;
    expect(applied.round.id).toBe(round);
    const proposed = proposal.teams.flatMap((x: any) => x.members.map((m: any) => `${m.person.id}:${m.role}`)).sort();
    expect(applied.memberships.map((m: any) => `${m.person.id}:${m.role}`).sort()).toEqual(proposed);
    for (const id of [team1, team2]) {
      const team = (await t.admin(TEAM, { id })).team;
      expect(hard(team.violations)).toEqual(['LEADER_AUTHORIZATION']);
    }
    // Applied: the proposal no longer matches the round, and cannot be applied twice.
    expect((await t.admin(PROPOSAL, { id: proposal.id })).compositionProposal.stale).toBe(true);
    expect(codeOf(await t.gql(APPLY, { i: { proposalId: proposal.id } }, { token: officeA }))).toBe('CONFLICT');
  });

  it('replaces current members when asked to, keeping their history', async () => {
    // Rotation made dear: people who served in the round above cost much more.
    await t.gql(SET_WEIGHTS, { i: { regionId: r.countyA, rotationPerRound: 100 } }, { token: officeA });
    const later = await createRound(t, r.countyA, {
      ordinal: 2,
      startsOn: '2025-10-08',
      endsOn: '2025-11-28',
      rules: { minSize: 2, minDeputies: 0, minFullTime: 0, requiredSpecialtiesAnyOf: [] },
    });
    const team = await createTeam(t, later, '第一巡察组', [u.u5]);
    const served = (await t.admin(TEAM, { id: team1 })).team.members.find((m: any) => m.role === 'MEMBER').person.id;
    await member(t, team, served);
    const kept = (await t.admin(PROPOSE, { i: { roundId: later } })).proposeComposition.proposal;
    expect(kept.teams[0].members).toContainEqual({ role: 'MEMBER', kept: true, person: expect.objectContaining({ id: served }) });
    const fresh = (await t.admin(PROPOSE, { i: { roundId: later, keepCurrentMembers: false } })).proposeComposition.proposal;
    expect(fresh.status).toBe('OPTIMAL');
    expect(fresh.cost).toBeLessThan(kept.cost);
    expect(fresh.teams[0].members.map((m: any) => m.person.id)).not.toContain(served);
    await t.admin(APPLY, { i: { proposalId: fresh.id } });
    const now = (await t.admin(TEAM, { id: team })).team.members;
    expect(now.filter((m: any) => m.leftOn === null).map((m: any) => m.person.id).sort()).toEqual(fresh.teams[0].members.map((m: any) => m.person.id).sort());
    const history = (await t.admin(HISTORY, { id: served })).person.teamHistory;
    expect(history).toContainEqual({ role: 'MEMBER', leftOn: '2025-06-02', leftReason: '按组合方案调整' });
    await t.gql(SET_WEIGHTS, { i: { regionId: r.countyA, rotationPerRound: 4 } }, { token: officeA });
  });

  it('says in words why the rules cannot be met, naming the people', async () => {
    const hard2 = await createRound(t, r.countyA, { ordinal: 3, startsOn: '2025-12-01', endsOn: '2025-12-31', rules: { minFullTime: 3 } });
    const a = await createTeam(t, hard2, '甲组', [u.u1]);
    await createTeam(t, hard2, '乙组', [u.u2]);
    const { proposal } = (await t.admin(PROPOSE, { i: { roundId: hard2 } })).proposeComposition;
    expect(proposal.status).toBe('INFEASIBLE');
    expect(proposal.cost).toBeNull();
    expect(proposal.teams).toEqual([]);
    const shortfall = proposal.obstacles.find((o: any) => o.rule === 'FULL_TIME_CORE' && o.team === null);
    expect(shortfall.explanation).toMatch(/^共需6名专职巡察干部，只有4人可安排：/);
    expect(shortfall.people.map((x: any) => x.name).sort()).toEqual(['林一', '林三', '石二', '程市'].sort());
    const perTeam = proposal.obstacles.filter((o: any) => o.rule === 'FULL_TIME_CORE' && o.team !== null);
    expect(perTeam.length).toBeGreaterThan(0);
    expect([a, expect.any(String)]).toContain(perTeam[0].team.id);
    const en = (await t.gql(PROPOSE, { i: { roundId: hard2 } }, { token: t.adminToken, lang: 'en' })).data!.proposeComposition.proposal;
    expect(en.obstacles.find((o: any) => o.team === null).explanation).toMatch(/^6 full-time inspector place\(s\) to fill; only 4 can be placed: /);
  });
});

describe('access', () => {
  it('only offices of the round\'s region propose, apply and list candidates; others see nothing of it', async () => {
    const officeB = await t.tokenFor(['INSPECTION_OFFICE'], [r.countyB]);
    const head = await t.tokenFor(['LEADING_GROUP_HEAD'], [r.countyA]);
    const { proposal } = (await t.gql(PROPOSE, { i: { roundId: round } }, { token: officeA })).data!.proposeComposition;
    const same = async (query: string, vars: (id: string) => Record<string, unknown>, real: string, field: string) => {
      const out = await t.gql(query, vars(real), { token: officeB });
      const random = newId();
      const rnd = await t.gql(query, vars(random), { token: officeB });
      expect([codeOf(out), out.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', field]);
      expect(out.errors![0].message.replace(real, 'ID')).toBe(rnd.errors![0].message.replace(random, 'ID'));
    };
    await same(PROPOSE, (id) => ({ i: { roundId: id } }), round, 'roundId');
    await same(PROPOSE, (id) => ({ i: { roundId: round, teamIds: [id] } }), team1, 'roundId');
    await same(CANDIDATES, (id) => ({ f: { teamId: id, role: 'MEMBER' }, first: 5 }), team1, 'teamId');
    await same(APPLY, (id) => ({ i: { proposalId: id } }), proposal.id, 'proposalId');
    expect((await t.gql(PROPOSAL, { id: proposal.id }, { token: officeB })).data!.compositionProposal).toBeNull();
    expect((await t.gql(PROPOSAL, { id: proposal.id }, { token: head })).data!.compositionProposal).toBeNull();
    expect(codeOf(await t.gql(PROPOSE, { i: { roundId: round } }, { token: head }))).toBe('FORBIDDEN');
    expect(codeOf(await candidates({ teamId: team1, role: 'MEMBER' }, 5, null, head))).toBe('FORBIDDEN');
    // A team of another round of the same region is refused as a team of this round.
    const other = await createRound(t, r.countyA, { ordinal: 9, startsOn: '2026-03-02', endsOn: '2026-04-30' });
    const bad = await t.gql(PROPOSE, { i: { roundId: other, teamIds: [team1] } }, { token: officeA });
    expect([codeOf(bad), bad.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'teamIds']);
    const slow = await t.gql(PROPOSE, { i: { roundId: round, timeLimitSeconds: 61 } }, { token: officeA });
    expect([codeOf(slow), slow.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'timeLimitSeconds']);
  });
});

describe('weights', () => {
  it('are the defaults until a region sets its own, and a region inherits its nearest ancestor\'s', async () => {
    const county = (await t.admin(WEIGHTS, { id: r.countyB })).compositionWeights;
    expect(county).toEqual({ region: { id: r.countyB }, definedIn: null, softAvoidance: 10, repeatTarget: 20, experienceMix: 15, leaveOverlap: 20, leaderNotRotated: 30, rotationPerRound: 4, newlyPromoted: 6 });
    const set = (await t.admin(SET_WEIGHTS, { i: { regionId: r.city, softAvoidance: 12.5 } })).setCompositionWeights.weights;
    expect(set).toEqual({ definedIn: { id: r.city }, rotationPerRound: 4, softAvoidance: 12.5 });
    const inherited = (await t.admin(WEIGHTS, { id: r.countyB })).compositionWeights;
    expect([inherited.definedIn, inherited.softAvoidance]).toEqual([{ id: r.city }, 12.5]);
    expect((await t.admin(WEIGHTS, { id: r.countyA })).compositionWeights.definedIn).toEqual({ id: r.countyA });
    const bad = await t.gql(SET_WEIGHTS, { i: { regionId: r.countyB, leaveOverlap: -1 } }, { token: t.adminToken });
    expect([codeOf(bad), bad.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'leaveOverlap']);
    const foreign = await t.gql(SET_WEIGHTS, { i: { regionId: r.countyB, leaveOverlap: 1 } }, { token: officeA });
    expect([codeOf(foreign), foreign.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'regionId']);
  });
});
