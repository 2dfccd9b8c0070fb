/**
 * Two sibling counties A and B under one city, each with every kind of object the service keeps,
 * built through the GraphQL API (as ADMIN, and as the counties' own accounts where a role is
 * needed: leave approvals, evaluations, notices). County B's private data is marked: the ids of
 * its private objects and unique strings planted in its records, so that a test can search any
 * answer given to county A for them.
 *
 * Relatives of A's persons kept by B (A's deputy's sibling, B's leader whose spouse is kept by A)
 * may appear to A with id and name: those two values are not marked; everything else about them is.
 */
import { randomBytes } from 'node:crypto';
import { GraphQLSchema } from 'graphql';
import { getSchema } from '../../src/schema';
import { addEmployment, addRelation, createPerson, createRegion, createUnit } from './fixtures';
import { GqlResult } from './graphql-client';
import { createRound, createTeam, enroll, review } from './rounds';
import { startTestServer, TestServer } from './server';

export const COUNTY_ROLES = ['INSPECTION_OFFICE', 'OFFICE_DIRECTOR', 'ORG_DEPARTMENT', 'LEADING_GROUP_HEAD', 'GROUP_LEADER', 'INSPECTOR'] as const;
export type CountyRole = (typeof COUNTY_ROLES)[number];

/** A value that must not reach the other county, and what it is (for failure messages). */
export interface Marker {
  value: string;
  what: string;
}

export interface SeedAccount {
  id: string;
  username: string;
  token: string;
  role: CountyRole;
}

const PASSWORD = 'isolation-password-1';

/** Eight random hex characters: planted strings and names are unique per run. */
const rand = () => randomBytes(4).toString('hex');

const PERSON_KEYS = ['leader', 'deputy', 'finance', 'financeSpouse', 'inspector', 'member', 'spouse', 'pending', 'suspended', 'spare', 'extra'] as const;
type PersonKey = (typeof PERSON_KEYS)[number];

export interface CountySeed {
  side: 'A' | 'B';
  region: string;
  township: string;
  units: { fin: string; aud: string; edu: string; school: string; old: string; town: string };
  persons: Record<PersonKey, string>;
  names: Record<string, string>;
  birthDates: Record<string, string>;
  accounts: Record<CountyRole, SeedAccount>;
  /** Pool entries by person key. */
  entries: Partial<Record<PersonKey, string>>;
  rounds: { past: string; current: string };
  teams: { past: string; current: string };
  /** Memberships of the past round's team and the current round's team, by person key. */
  pastMemberships: Record<string, string>;
  currentMemberships: Record<string, string>;
  leaves: { inspector: string; financePending: string; memberApproved: string };
  attendanceRecordIds: string[];
  notice: string;
  declaration: string;
  waiver: string;
  /** A composition proposal for the current round's team, made by the county's office. */
  proposal: string;
  /** Every string planted in this county's private data (reasons, comments, posts, ...). */
  planted: Marker[];
}

export interface IsolationWorld {
  city: string;
  cityCadre: { id: string; name: string; entry: string };
  A: CountySeed;
  B: CountySeed;
  /** A's persons whose relatives B keeps, and B's persons that are those relatives. */
  cross: { aDeputySiblingInB: string; aWife: string; bLeaderSpouseInA: string; relationAB: string; relationBA: string };
  /** B's persons that are relatives of A's persons: id and name may appear to A. */
  relativesOfA: { id: string; name: string }[];
  /** The ids and strings of B's private data. */
  privateB: Marker[];
  /** Names of every person kept by B (relatives included): no error message may name them. */
  namesOfB: Marker[];
}

async function admin(t: TestServer, query: string, variables: Record<string, unknown>) {
  return t.admin(query, variables);
}

/** Fails with the errors when a seeding call is refused. */
function must(r: GqlResult, what: string) {
  if (r.errors?.length) throw new Error(`seeding ${what} failed: ${JSON.stringify(r.errors)}`);
  return r.data;
}

async function account(t: TestServer, username: string, role: CountyRole, regionId: string, personId: string | null): Promise<SeedAccount> {
  const d = await admin(t, 'mutation($i: CreateAccountInput!) { createAccount(input: $i) { account { id } } }', {
    i: { username, password: PASSWORD, roles: [role], regionIds: [regionId], personId },
  });
  return { id: d.createAccount.account.id, username, token: await t.login(username, PASSWORD), role };
}

async function assignOrFail(t: TestServer, teamId: string, personId: string, role: string): Promise<string> {
  const d = await admin(t, 'mutation($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { membership { id } violations { rule severity message } } }', {
    i: { teamId, personId, role },
  });
  if (!d.assignTeamMember.membership) throw new Error(`seeding: assignment refused: ${JSON.stringify(d.assignTeamMember.violations)}`);
  return d.assignTeamMember.membership.id;
}

async function authorizeTeam(t: TestServer, teamId: string, documentNo: string, authorizedBy: string) {
  await admin(t, 'mutation($i: AuthorizeTeamLeaderInput!) { authorizeTeamLeader(input: $i) { authorization { id } } }', {
    i: { teamId, documentNo, authorizedOn: '2025-02-20', authorizedBy },
  });
}

async function readiness(t: TestServer, personId: string, roundId: string, kinds = ['TRAINING', 'DISCIPLINE_PLEDGE', 'CONFIDENTIALITY_PLEDGE']) {
  for (const kind of kinds) {
    await admin(t, 'mutation($i: RecordReadinessInput!) { recordReadiness(input: $i) { person { id } } }', { i: { personId, roundId, kind, completedOn: '2025-02-20' } });
  }
}

async function advanceOrFail(t: TestServer, roundId: string, to: string) {
  const d = await admin(t, 'mutation($i: AdvanceRoundInput!) { advanceRound(input: $i) { round { status } violations { rule message } } }', { i: { roundId, to } });
  if (d.advanceRound.round.status !== to) throw new Error(`seeding: round did not move to ${to}: ${JSON.stringify(d.advanceRound.violations)}`);
}

const LEAVE = 'mutation($i: RequestLeaveInput!) { requestLeave(input: $i) { leave { id } } }';
const DECIDE = 'mutation($i: DecideLeaveInput!) { decideLeave(input: $i) { leave { id status } } }';

function leave(regionId: string, personId: string, startDate: string, endDate: string, reason: string, half?: 'AM') {
  return { regionId, personId, type: 'PERSONAL', startDate, startHalf: 'AM', endDate, endHalf: half ? 'AM' : 'PM', reason };
}

const COUNTY_NAMES = { A: { county: '东安县', short: '东安' }, B: { county: '西平县', short: '西平' } };

/**
 * One county: units, persons with posts, relations, an interest tie and pool entries (ACTIVE,
 * PENDING, SUSPENDED), a past round (stationed, attendance, leave, then reporting with
 * evaluations and a published notice) and a current round in planning (a team whose member's
 * spouse works in a target unit, a removed member, a waiver, a declaration and a composition
 * proposal made by the office), and an account
 * of every role. `cityCadre` (ACTIVE in the city's pool) joins A's current team and B's past one.
 */
async function seedCounty(t: TestServer, side: 'A' | 'B', cityId: string, cityCadre: string, usedBirthDates: Set<string>): Promise<CountySeed> {
  const planted: Marker[] = [];
  const tag = side === 'B' ? 'B-SECRET' : 'A-PRIVATE';
  const secret = (what: string) => {
    const value = `${tag}-${what}-${rand()}`;
    planted.push({ value, what: `${side}'s ${what}` });
    return value;
  };
  const { county, short } = COUNTY_NAMES[side];
  const region = await createRegion(t, `ISO-${side}`, county, 'COUNTY', cityId);
  const township = await createRegion(t, `ISO-${side}1`, `${short}城关镇`, 'TOWNSHIP', region);
  const units = {
    fin: await createUnit(t, region, `${county}财政局`, 'DEPARTMENT', { system: '财政' }),
    aud: await createUnit(t, region, `${county}审计局`, 'DEPARTMENT', { system: '审计' }),
    edu: await createUnit(t, region, `${county}教育局`, 'DEPARTMENT', { system: '教育' }),
    school: await createUnit(t, region, `${county}委党校`, 'INSTITUTION'),
    old: await createUnit(t, region, `${county}住建局`, 'DEPARTMENT', { system: '住建' }),
    town: await createUnit(t, township, `${short}城关镇党委`, 'TOWNSHIP'),
  };

  // Birth dates: B's in 1950-1969, A's in 1970-1989, each unique, so that a date found in an answer says whose it is.
  const birthDate = () => {
    for (;;) {
      const year = (side === 'B' ? 1950 : 1970) + Math.floor(Math.random() * 20);
      const d = `${year}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;
      if (!usedBirthDates.has(d)) {
        usedBirthDates.add(d);
        return d;
      }
    }
  };
  const roles: Record<PersonKey, { label: string; pool?: string; rank: string; specialties?: string[]; fullTime?: boolean; gender: string }> = {
    leader: { label: '组长', pool: 'GROUP_LEADER', rank: 'SECTION', fullTime: true, gender: 'MALE' },
    deputy: { label: '副组长', pool: 'DEPUTY_LEADER', rank: 'DEPUTY_SECTION', gender: 'MALE' },
    finance: { label: '财务', pool: 'SPECIALIST', rank: 'STAFF', specialties: ['FINANCE'], gender: 'FEMALE' },
    financeSpouse: { label: '财务之夫', rank: 'STAFF', gender: 'MALE' },
    inspector: { label: '干部', pool: 'SPECIALIST', rank: 'STAFF', specialties: ['LAW'], gender: 'MALE' },
    member: { label: '审计', pool: 'SPECIALIST', rank: 'STAFF', specialties: ['AUDIT'], gender: 'MALE' },
    spouse: { label: '之妻', rank: 'DEPUTY_SECTION', gender: 'FEMALE' },
    pending: { label: '待审', pool: 'SPECIALIST', rank: 'STAFF', specialties: ['LAW'], gender: 'FEMALE' },
    suspended: { label: '暂停', pool: 'SPECIALIST', rank: 'STAFF', specialties: ['LAW'], gender: 'MALE' },
    spare: { label: '备选', pool: 'SPECIALIST', rank: 'STAFF', specialties: ['LAW'], gender: 'MALE' },
    extra: { label: '调出', pool: 'SPECIALIST', rank: 'STAFF', specialties: ['LAW'], gender: 'FEMALE' },
  };
  const persons = {} as Record<PersonKey, string>;
  const names: Record<string, string> = {};
  const birthDates: Record<string, string> = {};
  const entries: Partial<Record<PersonKey, string>> = {};
  for (const key of PERSON_KEYS) {
    const r = roles[key];
    const name = `${short}${r.label}${rand().slice(0, 6)}`;
    const born = birthDate();
    const id = await createPerson(t, region, name, { gender: r.gender, rank: r.rank, birthDate: born, fullTimeInspector: r.fullTime ?? false });
    persons[key] = id;
    names[id] = name;
    birthDates[id] = born;
    if (r.pool) {
      const entry = await enroll(t, id, region, r.pool, r.specialties ?? []);
      entries[key] = entry;
    }
  }
  // Pool entries: ACTIVE after review, one left PENDING (recommended by a unit), one SUSPENDED.
  for (const key of PERSON_KEYS) {
    const entry = entries[key];
    if (!entry || key === 'pending') continue;
    await admin(t, 'mutation($i: ReviewPoolEntryInput!) { reviewPoolEntry(input: $i) { entry { id } } }', { i: { entryId: entry, approve: true, comment: secret('review') } });
  }
  await admin(t, 'mutation($i: ChangePoolEntryStatusInput!) { changePoolEntryStatus(input: $i) { entry { id } } }', {
    i: { entryId: entries.suspended, status: 'SUSPENDED', reason: secret('suspension') },
  });

  // Posts, relations and an interest tie. The spouse's post is a leadership post in the finance
  // bureau: the member's KIN_IN_TARGET once the bureau is a target. A's spouse's post stays plain
  // (it is the avoidance sentence the office reads); B's is planted.
  await addEmployment(t, persons.leader, units.school, secret('post'), '2015-01-01', null, false);
  await addEmployment(t, persons.deputy, units.old, secret('post'), '2019-01-01', '2024-12-31', false);
  await addEmployment(t, persons.deputy, units.school, secret('post'), '2025-01-01', null, false);
  await addEmployment(t, persons.finance, units.school, secret('post'), '2016-01-01', null, false);
  await addEmployment(t, persons.financeSpouse, units.old, secret('post'), '2012-01-01', null, false);
  await addEmployment(t, persons.spouse, units.fin, side === 'B' ? secret('post') : '副局长', '2019-03-01', null, true);
  await addRelation(t, persons.member, persons.spouse, 'SPOUSE');
  await addRelation(t, persons.spare, persons.spouse, 'SIBLING');
  await addRelation(t, persons.finance, persons.financeSpouse, 'SPOUSE');
  await addRelation(t, persons.inspector, persons.spare, 'CLASSMATE');
  // Classmates of the spouse, who leads the finance bureau: a soft PERSONAL_TIE naming her, for
  // the finance specialist on the current team (a proposal's concern) and for the removed member
  // (a candidate's concern).
  await addRelation(t, persons.finance, persons.spouse, 'CLASSMATE');
  await addRelation(t, persons.extra, persons.spouse, 'CLASSMATE');
  // The city cadre on A's current team is her classmate too: A's office reads the cadre (a person
  // of the city) in part, so it reads that finding without her.
  if (side === 'A') await addRelation(t, cityCadre, persons.spouse, 'CLASSMATE');
  await admin(t, 'mutation($i: AddInterestTieInput!) { addInterestTie(input: $i) { interestTie { id } } }', {
    i: { personId: persons.finance, unitId: units.aud, description: secret('interest-tie') },
  });

  const accounts = {} as Record<CountyRole, SeedAccount>;
  const prefix = side === 'B' ? `bsecret_${rand()}` : `a_${rand()}`;
  for (const role of COUNTY_ROLES) {
    const person = role === 'GROUP_LEADER' ? persons.leader : role === 'INSPECTOR' ? persons.inspector : null;
    accounts[role] = await account(t, `${prefix}_${role.toLowerCase()}`, role, region, person);
  }
  if (side === 'B') planted.push(...COUNTY_ROLES.map((r) => ({ value: accounts[r].username, what: `B's ${r} username` })));

  // The past round: stationed in March and April, then reporting.
  const past = await createRound(t, region, { ordinal: 1, kind: 'SPECIAL', theme: secret('theme'), startsOn: '2025-03-03', endsOn: '2025-04-30' });
  const pastTeam = await createTeam(t, past, side === 'B' ? secret('team') : `${short}第一巡察组`, [units.aud, units.edu]);
  const pastMemberships: Record<string, string> = {
    leader: await assignOrFail(t, pastTeam, persons.leader, 'LEADER'),
    deputy: await assignOrFail(t, pastTeam, persons.deputy, 'DEPUTY_LEADER'),
    finance: await assignOrFail(t, pastTeam, persons.finance, 'MEMBER'),
    inspector: await assignOrFail(t, pastTeam, persons.inspector, 'MEMBER'),
    member: await assignOrFail(t, pastTeam, persons.member, 'MEMBER'),
  };
  if (side === 'B') pastMemberships.cityCadre = await assignOrFail(t, pastTeam, cityCadre, 'MEMBER');
  await authorizeTeam(t, pastTeam, secret('document'), secret('authority'));
  const pastPeople = [persons.leader, persons.deputy, persons.finance, persons.inspector, persons.member, ...(side === 'B' ? [cityCadre] : [])];
  for (const p of pastPeople) await readiness(t, p, past);
  await advanceOrFail(t, past, 'AUTHORIZED');
  await advanceOrFail(t, past, 'STATIONED');

  const note = secret('attendance-note');
  const entriesIn = pastPeople.flatMap((personId) =>
    ['2025-03-03', '2025-03-04', '2025-03-05'].map((date, i) => ({ personId, date, status: 'PRESENT', note: i === 0 && personId === persons.inspector ? note : null })),
  );
  const recorded = must(
    await t.gql('mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { records { id } } }', { i: { roundId: past, entries: entriesIn } }, { token: accounts.INSPECTION_OFFICE.token }),
    'attendance',
  );
  const attendanceRecordIds: string[] = recorded.recordAttendance.records.map((r: { id: string }) => r.id);

  // Leave: the inspector's own request (approved, reported back), a pending half day, an approved day never reported back.
  const as = (role: CountyRole) => ({ token: accounts[role].token });
  const own = must(await t.gql(LEAVE, { i: leave(region, persons.inspector, '2025-03-10', '2025-03-11', secret('leave-reason')) }, as('INSPECTOR')), 'own leave');
  const inspectorLeave = own.requestLeave.leave.id;
  must(await t.gql(DECIDE, { i: { leaveId: inspectorLeave, approve: true, comment: secret('approval-comment') } }, as('LEADING_GROUP_HEAD')), 'approval');
  must(await t.gql('mutation($i: ReportBackInput!) { reportBack(input: $i) { leave { id } } }', { i: { leaveId: inspectorLeave, returnedOn: '2025-03-12' } }, as('INSPECTION_OFFICE')), 'report back');
  const pending = must(await t.gql(LEAVE, { i: leave(region, persons.finance, '2025-03-14', '2025-03-14', secret('leave-reason'), 'AM') }, as('INSPECTION_OFFICE')), 'pending leave');
  const approved = must(await t.gql(LEAVE, { i: leave(region, persons.member, '2025-04-07', '2025-04-07', secret('leave-reason')) }, as('INSPECTION_OFFICE')), 'leave');
  const memberLeave = approved.requestLeave.leave.id;
  must(await t.gql(DECIDE, { i: { leaveId: memberLeave, approve: true, comment: secret('approval-comment') } }, as('LEADING_GROUP_HEAD')), 'approval');
  if (side === 'B') {
    // The city cadre's leave while on B's team: B's record.
    await admin(t, LEAVE, { i: leave(region, cityCadre, '2025-03-17', '2025-03-17', secret('leave-reason')) });
  }

  await advanceOrFail(t, past, 'REPORTING');
  const EVAL = 'mutation($i: EvaluateMemberInput!) { evaluateMember(input: $i) { membership { id } } }';
  must(await t.gql(EVAL, { i: { membershipId: pastMemberships.leader, grade: 'EXCELLENT', comment: secret('evaluation-comment') } }, as('LEADING_GROUP_HEAD')), 'leader evaluation');
  for (const key of Object.keys(pastMemberships).filter((k) => k !== 'leader')) {
    must(await t.gql(EVAL, { i: { membershipId: pastMemberships[key], grade: 'COMPETENT', comment: secret('evaluation-comment') } }, as('GROUP_LEADER')), 'evaluation');
  }
  // A notice is published only with every working day recorded: the refusal names the days left, which the office records.
  const PUBLISH = 'mutation($i: PublishAttendanceNoticeInput!) { publishAttendanceNotice(input: $i) { notice { id } } }';
  const early = await t.gql(PUBLISH, { i: { regionId: region, month: '2025-03' } }, as('OFFICE_DIRECTOR'));
  const missing = (early.errors?.[0]?.extensions?.unrecorded ?? []) as { personId: string; days: { date: string; half: string | null }[] }[];
  const rest = missing.flatMap((m) => m.days.map((d) => ({ personId: m.personId, date: d.date, half: d.half, status: 'PRESENT' })));
  if (rest.length) {
    must(await t.gql('mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { records { id } } }', { i: { roundId: past, entries: rest } }, as('INSPECTION_OFFICE')), 'attendance');
  }
  const published = early.errors ? must(await t.gql(PUBLISH, { i: { regionId: region, month: '2025-03' } }, as('OFFICE_DIRECTOR')), 'notice') : early.data;

  // The current round, in planning: the team gets the finance bureau as a target after its members
  // are on it, so the member's spouse there shows as a hard KIN_IN_TARGET in team.violations.
  const current = await createRound(t, region, { ordinal: 2, kind: 'REGULAR', startsOn: '2025-07-01', endsOn: '2025-08-29' });
  const currentTeam = await createTeam(t, current, side === 'B' ? secret('team') : `${short}第二巡察组`, [units.aud]);
  const currentMemberships: Record<string, string> = {
    leader: await assignOrFail(t, currentTeam, persons.leader, 'LEADER'),
    deputy: await assignOrFail(t, currentTeam, persons.deputy, 'DEPUTY_LEADER'),
    finance: await assignOrFail(t, currentTeam, persons.finance, 'MEMBER'),
    inspector: await assignOrFail(t, currentTeam, persons.inspector, 'MEMBER'),
    member: await assignOrFail(t, currentTeam, persons.member, 'MEMBER'),
    extra: await assignOrFail(t, currentTeam, persons.extra, 'MEMBER'),
  };
  if (side === 'A') currentMemberships.cityCadre = await assignOrFail(t, currentTeam, cityCadre, 'MEMBER');
  await admin(t, 'mutation($i: RemoveTeamMemberInput!) { removeTeamMember(input: $i) { membership { id } } }', {
    i: { membershipId: currentMemberships.extra, reason: secret('removal-reason') },
  });
  await admin(t, 'mutation($i: SetTeamTargetsInput!) { setTeamTargets(input: $i) { team { id } } }', { i: { teamId: currentTeam, targetUnitIds: [units.aud, units.fin] } });
  await authorizeTeam(t, currentTeam, secret('document'), secret('authority'));
  await readiness(t, persons.leader, current, ['TRAINING']);
  const waived = must(
    await t.gql(
      'mutation($i: WaiveAvoidanceInput!) { waiveAvoidance(input: $i) { waiver { id } } }',
      { i: { personId: persons.deputy, unitId: units.old, roundId: current, rule: 'FORMER_EMPLOYER', reason: secret('waiver-reason') } },
      as('OFFICE_DIRECTOR'),
    ),
    'waiver',
  );
  const declared = must(
    await t.gql(
      'mutation($i: DeclareAvoidanceInput!) { declareAvoidance(input: $i) { declaration { id } } }',
      { i: { personId: persons.inspector, unitId: units.edu, roundId: current, reason: secret('declaration-reason') } },
      as('INSPECTION_OFFICE'),
    ),
    'declaration',
  );
  // The office asks for a composition of the current team, keeping its members (as it would
  // before filling the team up).
  const proposed = must(
    await t.gql(
      'mutation($i: ProposeCompositionInput!) { proposeComposition(input: $i) { proposal { id status } } }',
      { i: { roundId: current, teamIds: [currentTeam], timeLimitSeconds: 10 } },
      as('INSPECTION_OFFICE'),
    ),
    'composition proposal',
  );
  if (proposed.proposeComposition.proposal.status === 'INFEASIBLE') throw new Error('seeding: the composition proposal is infeasible');

  return {
    side,
    region,
    township,
    units,
    persons,
    names,
    birthDates,
    accounts,
    entries,
    rounds: { past, current },
    teams: { past: pastTeam, current: currentTeam },
    pastMemberships,
    currentMemberships,
    leaves: { inspector: inspectorLeave, financePending: pending.requestLeave.leave.id, memberApproved: memberLeave },
    attendanceRecordIds,
    notice: published.publishAttendanceNotice.notice.id,
    declaration: declared.declareAvoidance.declaration.id,
    waiver: waived.waiveAvoidance.waiver.id,
    proposal: proposed.proposeComposition.proposal.id,
    planted,
  };
}

/** Every id and planted string of B's private data, read back as ADMIN from B's lists. */
async function harvestB(t: TestServer, w: Omit<IsolationWorld, 'privateB' | 'namesOfB' | 'relativesOfA'>) {
  const B = w.B;
  const ids = new Map<string, string>();
  const add = (id: string | null | undefined, what: string) => {
    if (id) ids.set(id, ids.get(id) ?? what);
  };
  const addMembership = (m: { id: string; readiness: { id: string }[]; evaluation: { id: string } | null }) => {
    add(m.id, "B's team membership");
    for (const r of m.readiness) add(r.id, "B's readiness record");
    add(m.evaluation?.id, "B's evaluation");
  };
  const addEntry = (e: { id: string; history: { id: string }[] }) => {
    add(e.id, "B's pool entry");
    for (const h of e.history) add(h.id, "B's pool entry event");
  };
  const people = await admin(
    t,
    `query($r: ID!) { persons(filter: { regionId: $r }, first: 100) { totalCount edges { node { id name
      employments { id } relations { id relatedPerson { id region { id } } } interestTies { id }
      poolEntries { id history { id } } teamHistory { id readiness { id } evaluation { id } } } } } }`,
    { r: B.region },
  );
  const relatives: { id: string; name: string }[] = [];
  for (const { node: p } of people.persons.edges) {
    const kin = p.relations.filter((r: any) => r.relatedPerson.region.id === w.A.region);
    if (kin.length > 0) relatives.push({ id: p.id, name: p.name });
    else add(p.id, `B's person ${p.name}`);
    for (const e of p.employments) add(e.id, "B's employment");
    for (const r of p.relations) if (r.relatedPerson.region.id !== w.A.region) add(r.id, "B's relation");
    for (const x of p.interestTies) add(x.id, "B's interest tie");
    p.poolEntries.forEach(addEntry);
    p.teamHistory.forEach(addMembership);
  }
  const rounds = await admin(
    t,
    `query($r: ID!) { rounds(filter: { regionId: $r }, first: 100) { edges { node { id avoidanceDeclarations { id } avoidanceWaivers { id }
      teams { id authorizations { id } memberHistory { id readiness { id } evaluation { id } } } } } } }`,
    { r: B.region },
  );
  for (const { node: r } of rounds.rounds.edges) {
    add(r.id, "B's round");
    for (const d of r.avoidanceDeclarations) add(d.id, "B's avoidance declaration");
    for (const x of r.avoidanceWaivers) add(x.id, "B's avoidance waiver");
    for (const team of r.teams) {
      add(team.id, "B's team");
      for (const a of team.authorizations) add(a.id, "B's authorization");
      team.memberHistory.forEach(addMembership);
    }
  }
  const entries = await admin(t, 'query($r: ID!) { poolEntries(filter: { regionId: $r }, first: 100) { edges { node { id history { id } } } } }', { r: B.region });
  for (const { node: e } of entries.poolEntries.edges) addEntry(e);
  const leave = await admin(t, 'query($r: ID!) { leaveRequests(filter: { regionId: $r }, first: 100) { edges { node { id approvalSteps { id } } } } }', { r: B.region });
  for (const { node: l } of leave.leaveRequests.edges) {
    add(l.id, "B's leave request");
    for (const s of l.approvalSteps) add(s.id, "B's approval step");
  }
  const notices = await admin(t, 'query($r: ID!) { attendanceNotices(regionId: $r) { id } }', { r: B.region });
  for (const n of notices.attendanceNotices) add(n.id, "B's attendance notice");
  for (const id of B.attendanceRecordIds) add(id, "B's attendance record");
  add(B.proposal, "B's composition proposal");
  for (const role of COUNTY_ROLES) add(B.accounts[role].id, `B's ${role} account`);
  return { ids, relatives };
}

/** Seeds the world (about three hundred API calls) and marks B's private data. */
export async function seedIsolationWorld(t: TestServer): Promise<IsolationWorld> {
  const city = await createRegion(t, 'ISO-C', '江州市', 'CITY');
  const cadreName = `江州市干部${rand().slice(0, 6)}`;
  const cadre = await createPerson(t, city, cadreName, { rank: 'STAFF', gender: 'MALE' });
  const cadreEntry = await enroll(t, cadre, city, 'SPECIALIST', ['FINANCE']);
  await review(t, cadreEntry);
  const used = new Set<string>();
  const A = await seedCounty(t, 'A', city, cadre, used);
  const B = await seedCounty(t, 'B', city, cadre, used);

  // Across the border: A's deputy's sister is B's finance specialist; B's leader's wife is kept by A.
  const aWifeName = `东安之妻${rand().slice(0, 6)}`;
  const aWife = await createPerson(t, A.region, aWifeName, { gender: 'FEMALE', birthDate: '1981-01-01' });
  A.names[aWife] = aWifeName;
  const relationAB = await addRelation(t, A.persons.deputy, B.persons.finance, 'SIBLING');
  const relationBA = await addRelation(t, B.persons.leader, aWife, 'SPOUSE');

  const partial = {
    city,
    cityCadre: { id: cadre, name: cadreName, entry: cadreEntry },
    A,
    B,
    cross: { aDeputySiblingInB: B.persons.finance, aWife, bLeaderSpouseInA: B.persons.leader, relationAB, relationBA },
  };
  const { ids, relatives } = await harvestB(t, partial);
  const relativeIds = new Set(relatives.map((r) => r.id));
  const privateB: Marker[] = [
    ...[...ids].map(([value, what]) => ({ value, what })),
    ...B.planted,
    ...Object.entries(B.birthDates).map(([id, date]) => ({ value: date, what: `birth date of B's ${B.names[id]}` })),
    ...Object.entries(B.names)
      .filter(([id]) => !relativeIds.has(id))
      .map(([, name]) => ({ value: name, what: `name of B's ${name}` })),
  ];
  const namesOfB = Object.values(B.names).map((name) => ({ value: name, what: `name of B's ${name}` }));
  return { ...partial, relativesOfA: relatives, privateB, namesOfB };
}

/** The markers found in a text (a JSON answer), each once. */
export function markersIn(text: string, markers: readonly Marker[]): Marker[] {
  return markers.filter((m) => text.includes(m.value));
}

/**
 * One server and one seeded world for a test file, with the executable schema: `use` receives
 * them before the tests run; the server and its database go afterwards.
 */
export function useIsolationWorld(use: (x: { t: TestServer; w: IsolationWorld; schema: GraphQLSchema }) => void) {
  let t: TestServer | undefined;
  beforeAll(async () => {
    t = await startTestServer();
    use({ t, w: await seedIsolationWorld(t), schema: await getSchema() });
  });
  afterAll(() => t?.close());
}
