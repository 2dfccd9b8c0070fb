/** Builders over the GraphQL API for pools, rounds and teams (as ADMIN). */
import { TestServer } from './server';
import { createPerson } from './fixtures';

export async function enroll(t: TestServer, personId: string, regionId: string, pool: string, specialties: string[] = []): Promise<string> {
  const d = await t.admin('mutation($i: EnrollInPoolInput!) { enrollInPool(input: $i) { entry { id } } }', { i: { personId, regionId, pool, specialties } });
  return d.enrollInPool.entry.id;
}

export async function review(t: TestServer, entryId: string, approve = true): Promise<void> {
  await t.admin('mutation($i: ReviewPoolEntryInput!) { reviewPoolEntry(input: $i) { entry { id } } }', { i: { entryId, approve } });
}

/** A person with an ACTIVE entry in `pool` of `regionId`. */
export async function poolPerson(
  t: TestServer,
  regionId: string,
  name: string,
  pool: string,
  opts: { rank?: string; fullTimeInspector?: boolean; specialties?: string[]; poolRegionId?: string } = {},
): Promise<string> {
  const id = await createPerson(t, regionId, name, { rank: opts.rank ?? (pool === 'SPECIALIST' ? 'STAFF' : 'SECTION'), fullTimeInspector: opts.fullTimeInspector ?? false });
  await review(t, await enroll(t, id, opts.poolRegionId ?? regionId, pool, opts.specialties ?? []));
  return id;
}

export async function createRound(t: TestServer, regionId: string, over: Record<string, unknown> = {}): Promise<string> {
  const d = await t.admin('mutation($i: CreateRoundInput!) { createRound(input: $i) { round { id } } }', {
    i: { regionId, year: 2025, ordinal: 1, kind: 'REGULAR', startsOn: '2025-07-01', endsOn: '2025-08-29', ...over },
  });
  return d.createRound.round.id;
}

export async function createTeam(t: TestServer, roundId: string, name: string, targetUnitIds: string[]): Promise<string> {
  const d = await t.admin('mutation($i: CreateTeamInput!) { createTeam(input: $i) { team { id } } }', { i: { roundId, name, targetUnitIds } });
  return d.createTeam.team.id;
}

export const ASSIGN = `mutation($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) {
  membership { id role joinedOn person { id } } violations { rule severity message person { id } unit { id } } } }`;

export async function assign(t: TestServer, teamId: string, personId: string, role = 'MEMBER') {
  return (await t.admin(ASSIGN, { i: { teamId, personId, role } })).assignTeamMember as {
    membership: { id: string; role: string; joinedOn: string; person: { id: string } } | null;
    violations: { rule: string; severity: string; message: string; person: { id: string } | null; unit: { id: string } | null }[];
  };
}

/** Assigns and expects success; returns the membership id. */
export async function member(t: TestServer, teamId: string, personId: string, role = 'MEMBER'): Promise<string> {
  const r = await assign(t, teamId, personId, role);
  if (!r.membership) throw new Error(`assignment refused: ${JSON.stringify(r.violations)}`);
  return r.membership.id;
}

export async function authorize(t: TestServer, teamId: string, documentNo = '县委巡察授〔2025〕1号') {
  const d = await t.admin('mutation($i: AuthorizeTeamLeaderInput!) { authorizeTeamLeader(input: $i) { authorization { id status person { id } } } }', {
    i: { teamId, documentNo, authorizedOn: '2025-06-01', authorizedBy: '中共东安县委' },
  });
  return d.authorizeTeamLeader.authorization as { id: string; status: string; person: { id: string } };
}

export async function ready(t: TestServer, personId: string, roundId: string, completedOn = '2025-06-01') {
  for (const kind of ['TRAINING', 'DISCIPLINE_PLEDGE', 'CONFIDENTIALITY_PLEDGE']) {
    await t.admin('mutation($i: RecordReadinessInput!) { recordReadiness(input: $i) { person { id } } }', { i: { personId, roundId, kind, completedOn } });
  }
}

export const ADVANCE = `mutation($i: AdvanceRoundInput!) { advanceRound(input: $i) { round { id status } violations { rule severity message person { id } } } }`;

export async function advance(t: TestServer, roundId: string, to: string) {
  return (await t.admin(ADVANCE, { i: { roundId, to } })).advanceRound as {
    round: { id: string; status: string };
    violations: { rule: string; severity: string; message: string; person: { id: string } | null }[];
  };
}

/**
 * A team that breaks no rule except LEADER_AUTHORIZATION until authorized: a full-time leader,
 * a deputy, a finance specialist and one more member, all in the region's pools.
 */
export async function fullTeam(t: TestServer, regionId: string, roundId: string, name: string, units: string[]) {
  const teamId = await createTeam(t, roundId, name, units);
  const leader = await poolPerson(t, regionId, `${name}组长`, 'GROUP_LEADER', { fullTimeInspector: true });
  const deputy = await poolPerson(t, regionId, `${name}副组长`, 'DEPUTY_LEADER', { rank: 'DEPUTY_SECTION' });
  const finance = await poolPerson(t, regionId, `${name}财务`, 'SPECIALIST', { specialties: ['FINANCE'] });
  const other = await poolPerson(t, regionId, `${name}组员`, 'SPECIALIST', { specialties: ['LAW'] });
  const memberships = {
    leader: await member(t, teamId, leader, 'LEADER'),
    deputy: await member(t, teamId, deputy, 'DEPUTY_LEADER'),
    finance: await member(t, teamId, finance),
    other: await member(t, teamId, other),
  };
  return { teamId, people: { leader, deputy, finance, other }, memberships };
}

export const rulesOf = (vs: { rule: string; severity: string }[]) => vs.map((v) => `${v.rule}:${v.severity}`).sort();
