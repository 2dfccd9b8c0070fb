/**
 * Demo data for pools and rounds, through the GraphQL API: the generated leaders, deputies and
 * specialists enrolled and approved in their counties' pools; in the first county, a closed
 * round of last season (evaluated) and a round in progress (STATIONED), each with three valid,
 * authorized teams inspecting three units each, every member's readiness recorded.
 */
import type { DemoApi, DemoCounty } from '../demo/api';
import { addDays } from '../common/dates';

const ENROLL = 'mutation($i: EnrollInPoolInput!) { enrollInPool(input: $i) { entry { id } } }';
const REVIEW = 'mutation($i: ReviewPoolEntryInput!) { reviewPoolEntry(input: $i) { entry { id status } } }';
const ENTRIES = `query($f: PoolEntryFilter!, $after: String) { poolEntries(filter: $f, first: 100, after: $after) {
  edges { node { pool specialties person { id fullTimeInspector } } } pageInfo { hasNextPage endCursor } } }`;
const CREATE_ROUND = 'mutation($i: CreateRoundInput!) { createRound(input: $i) { round { id } } }';
const CREATE_TEAM = 'mutation($i: CreateTeamInput!) { createTeam(input: $i) { team { id } } }';
const ASSIGN = 'mutation($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { membership { id } } }';
const VIOLATIONS = 'query($id: ID!) { team(id: $id) { members { id role person { id } } violations { rule severity message } } }';
const AUTHORIZE = 'mutation($i: AuthorizeTeamLeaderInput!) { authorizeTeamLeader(input: $i) { authorization { id } } }';
const READY = 'mutation($i: RecordReadinessInput!) { recordReadiness(input: $i) { person { id } } }';
const ADVANCE = 'mutation($i: AdvanceRoundInput!) { advanceRound(input: $i) { round { status } violations { rule message } } }';
const EMPLOYERS = 'query($id: ID!) { person(id: $id) { employments { endedOn unit { id } } } }';
const EVALUATE = 'mutation($i: EvaluateMemberInput!) { evaluateMember(input: $i) { membership { id } } }';

type Gql = DemoApi['gql'];

interface Candidate {
  personId: string;
  pool: string;
  specialties: string[];
  fullTime: boolean;
}

/** Enrolls and approves a county's people; a leader or deputy below the rank floor is rejected instead. */
async function fillPools(gql: Gql, county: DemoCounty) {
  const enroll = async (personId: string, pool: string, specialties: string[]) => {
    const { enrollInPool } = await gql(ENROLL, { i: { personId, regionId: county.regionId, pool, specialties } });
    try {
      await gql(REVIEW, { i: { entryId: enrollInPool.entry.id, approve: true, comment: '经审核同意入库' } });
    } catch (e) {
      if (!(e instanceof Error && e.message.includes('CONFLICT'))) throw e;
      await gql(REVIEW, { i: { entryId: enrollInPool.entry.id, approve: false, comment: '职级未达到要求' } });
    }
  };
  for (const id of county.leaderPersonIds) await enroll(id, 'GROUP_LEADER', []);
  for (const id of county.deputyPersonIds) await enroll(id, 'DEPUTY_LEADER', []);
  for (const s of county.specialists) await enroll(s.personId, 'SPECIALIST', s.specialties);
}

interface EntryPage {
  edges: { node: { pool: string; specialties: string[]; person: { id: string; fullTimeInspector: boolean } } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function activeCandidates(gql: Gql, regionId: string): Promise<Candidate[]> {
  const out: Candidate[] = [];
  let after: string | null = null;
  for (;;) {
    const { poolEntries }: { poolEntries: EntryPage } = await gql(ENTRIES, { f: { regionId, status: 'ACTIVE' }, after });
    for (const { node } of poolEntries.edges) {
      out.push({ personId: node.person.id, pool: node.pool, specialties: node.specialties, fullTime: node.person.fullTimeInspector });
    }
    if (!poolEntries.pageInfo.hasNextPage) return out;
    after = poolEntries.pageInfo.endCursor;
  }
}

interface Composed {
  teamId: string;
  leaderMembershipId: string;
  otherMembershipIds: string[];
  personIds: string[];
}

/**
 * Three teams of a leader, a deputy, a finance or audit specialist and one more member (plus a
 * full-time inspector when none of them is one), each inspecting three units. Candidates the
 * team rules or the avoidance check refuse are passed over.
 */
async function composeTeams(gql: Gql, roundId: string, units: string[], pools: Candidate[], prefer: (c: Candidate) => number): Promise<Composed[]> {
  const used = new Set<string>();
  const ordered = (filter: (c: Candidate) => boolean) =>
    pools.filter((c) => filter(c) && !used.has(c.personId)).sort((a, b) => prefer(a) - prefer(b));
  const out: Composed[] = [];
  for (let t = 0; t < 3; t++) {
    const { createTeam } = await gql(CREATE_TEAM, { i: { roundId, name: `第${'一二三'[t]}巡察组`, targetUnitIds: units.slice(t * 3, t * 3 + 3) } });
    const teamId: string = createTeam.team.id;
    const place = async (role: string, filter: (c: Candidate) => boolean): Promise<Candidate> => {
      for (const c of ordered(filter)) {
        const { assignTeamMember } = await gql(ASSIGN, { i: { teamId, personId: c.personId, role } });
        if (assignTeamMember.membership) {
          used.add(c.personId);
          return c;
        }
      }
      throw new Error(`demo: nobody could join ${teamId} as ${role}`);
    };
    const chosen = [
      await place('LEADER', (c) => c.pool === 'GROUP_LEADER'),
      await place('DEPUTY_LEADER', (c) => c.pool === 'DEPUTY_LEADER'),
      await place('MEMBER', (c) => c.pool === 'SPECIALIST' && c.specialties.some((s) => s === 'FINANCE' || s === 'AUDIT')),
      await place('MEMBER', (c) => c.pool === 'SPECIALIST'),
    ];
    if (!chosen.some((c) => c.fullTime)) chosen.push(await place('MEMBER', (c) => c.fullTime));
    const { team } = await gql(VIOLATIONS, { id: teamId });
    const hard = team.violations.filter((v: { severity: string; rule: string }) => v.severity === 'HARD' && v.rule !== 'LEADER_AUTHORIZATION');
    if (hard.length > 0) throw new Error(`demo: team ${teamId} breaks ${hard.map((v: { message: string }) => v.message).join('; ')}`);
    const leader = team.members.find((m: { role: string }) => m.role === 'LEADER');
    out.push({
      teamId,
      leaderMembershipId: leader.id,
      otherMembershipIds: team.members.filter((m: { role: string }) => m.role !== 'LEADER').map((m: { id: string }) => m.id),
      personIds: chosen.map((c) => c.personId),
    });
  }
  return out;
}

/** A round planned, composed, authorized and stationed; returns its teams. */
async function stationedRound(
  gql: Gql,
  county: DemoCounty,
  r: { year: number; ordinal: number; startsOn: string; endsOn: string },
  units: string[],
  pools: Candidate[],
  prefer: (c: Candidate) => number,
): Promise<{ roundId: string; teams: Composed[] }> {
  const { createRound } = await gql(CREATE_ROUND, { i: { regionId: county.regionId, kind: 'REGULAR', ...r } });
  const roundId: string = createRound.round.id;
  const teams = await composeTeams(gql, roundId, units, pools, prefer);
  const prepared = addDays(r.startsOn, -7);
  for (const [i, t] of teams.entries()) {
    await gql(AUTHORIZE, {
      i: { teamId: t.teamId, documentNo: `${county.name.slice(0, 2)}巡授〔${r.year}〕${r.ordinal * 10 + i + 1}号`, authorizedOn: prepared, authorizedBy: `中共${county.name}委员会` },
    });
  }
  await advanceTo(gql, roundId, 'AUTHORIZED');
  for (const t of teams) {
    for (const personId of t.personIds) {
      for (const kind of ['TRAINING', 'DISCIPLINE_PLEDGE', 'CONFIDENTIALITY_PLEDGE']) {
        await gql(READY, { i: { personId, roundId, kind, completedOn: addDays(r.startsOn, -3) } });
      }
    }
  }
  await advanceTo(gql, roundId, 'STATIONED');
  return { roundId, teams };
}

async function advanceTo(gql: Gql, roundId: string, to: string) {
  const { advanceRound } = await gql(ADVANCE, { i: { roundId, to } });
  if (advanceRound.round.status !== to) {
    throw new Error(`demo: round not ${to}: ${advanceRound.violations.map((v: { message: string }) => v.message).join('; ')}`);
  }
}

export async function seedDemo(api: DemoApi): Promise<void> {
  const { gql, world } = api;
  for (const county of world.counties) await fillPools(gql, county);

  const county = world.counties[0];
  const pools = await activeCandidates(gql, county.regionId);
  // Full-time inspectors work in the inspection office: it is not among the targets.
  const employers = new Set<string>();
  for (const c of pools.filter((x) => x.fullTime)) {
    const { person } = await gql(EMPLOYERS, { id: c.personId });
    for (const e of person.employments) if (!e.endedOn) employers.add(e.unit.id);
  }
  const units = county.departmentUnitIds.filter((u) => !employers.has(u));
  const today = world.today;

  // Last season's round, closed and evaluated.
  const pastStart = addDays(today, -220);
  const past = { year: Number(pastStart.slice(0, 4)), ordinal: 1, startsOn: pastStart, endsOn: addDays(today, -160) };
  const first = await stationedRound(gql, county, past, units.slice(0, 9), pools, (c) => (c.fullTime ? 0 : 1));
  await advanceTo(gql, first.roundId, 'REPORTING');
  const grades = ['EXCELLENT', 'COMPETENT', 'COMPETENT', 'BASICALLY_COMPETENT'];
  for (const t of first.teams) {
    await gql(EVALUATE, { i: { membershipId: t.leaderMembershipId, grade: 'EXCELLENT', comment: '组织有力，按期完成巡察任务' } });
    for (const [i, id] of t.otherMembershipIds.entries()) await gql(EVALUATE, { i: { membershipId: id, grade: grades[i % grades.length] } });
  }
  await advanceTo(gql, first.roundId, 'CLOSED');

  // The round in progress: new faces first, with the leaders of last season to mix experience.
  const served = new Set(first.teams.flatMap((t) => t.personIds));
  const currentStart = addDays(today, -20);
  const year = Number(currentStart.slice(0, 4));
  const current = { year, ordinal: year === past.year ? 2 : 1, startsOn: currentStart, endsOn: addDays(today, 40) };
  await stationedRound(gql, county, current, units.slice(9, 18), pools, (c) => (c.fullTime ? 0 : 2) + (c.pool === 'GROUP_LEADER' || !served.has(c.personId) ? 0 : 1));
}
