/**
 * Two service processes on one MariaDB database: concurrent requests cannot double-book a
 * person or leave a team with two ACTIVE authorizations. (Needs DATABASE_URL=mysql://…; on
 * SQLite one process is the only writer and its transactions are serialized.)
 */
import { freshDatabase, FreshDatabase, TARGET } from '../support/db';
import { ok, postGraphql } from '../support/graphql-client';
import { startServiceProcess, ServiceProcess } from '../support/process';
import { ADMIN } from '../support/server';

const maybe = TARGET === 'mysql' ? describe : describe.skip;

maybe('concurrent rounds writes through two service processes', () => {
  let db: FreshDatabase;
  let procs: ServiceProcess[] = [];
  let token: string;
  const gql = async (i: number, query: string, variables: Record<string, unknown> = {}) => postGraphql(procs[i % procs.length].url, query, variables, { token });
  const must = async (query: string, variables: Record<string, unknown> = {}) => ok(await gql(0, query, variables)) as any;

  beforeAll(async () => {
    db = await freshDatabase();
    const started = await Promise.allSettled([0, 1].map(() => startServiceProcess({ DATABASE_URL: db.url, LOG_LEVEL: 'warn' })));
    procs = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    for (const s of started) if (s.status === 'rejected') throw s.reason;
    const login = await postGraphql(procs[0].url, 'mutation($i: LoginInput!) { login(input: $i) { token } }', { i: ADMIN });
    token = ok<any>(login).login.token;
  });
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop()));
    await db?.drop();
  });

  async function setup(code: string) {
    const region = (await must('mutation($i: CreateRegionInput!) { createRegion(input: $i) { region { id } } }', { i: { code, name: `${code}县`, level: 'COUNTY' } })).createRegion.region.id;
    const unit = async (name: string) => (await must('mutation($i: CreateUnitInput!) { createUnit(input: $i) { unit { id } } }', { i: { regionId: region, name, kind: 'DEPARTMENT' } })).createUnit.unit.id;
    const person = async (name: string, pool: string, rank: string) => {
      const id = (await must('mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } } }', { i: { regionId: region, name, rank } })).createPerson.person.id;
      const entry = (await must('mutation($i: EnrollInPoolInput!) { enrollInPool(input: $i) { entry { id } } }', { i: { personId: id, regionId: region, pool, specialties: [] } })).enrollInPool.entry.id;
      await must('mutation($i: ReviewPoolEntryInput!) { reviewPoolEntry(input: $i) { entry { id } } }', { i: { entryId: entry, approve: true } });
      return id;
    };
    const round = async (ordinal: number, startsOn: string, endsOn: string) =>
      (await must('mutation($i: CreateRoundInput!) { createRound(input: $i) { round { id } } }', { i: { regionId: region, year: 2025, ordinal, kind: 'REGULAR', startsOn, endsOn } })).createRound.round.id;
    const team = async (roundId: string, name: string, targets: string[]) =>
      (await must('mutation($i: CreateTeamInput!) { createTeam(input: $i) { team { id } } }', { i: { roundId, name, targetUnitIds: targets } })).createTeam.team.id;
    return { region, unit, person, round, team };
  }

  test('20 concurrent assignments of one person to teams of overlapping rounds: exactly one succeeds, the rest are DOUBLE_BOOKED', async () => {
    const s = await setup('CC1');
    const targets = [await s.unit('审计局'), await s.unit('财政局')];
    const teams: string[] = [];
    // Ten rounds whose periods all overlap (each a week later than the last), two teams each.
    for (let i = 0; i < 10; i++) {
      const day = String(1 + i * 2).padStart(2, '0');
      const roundId = await s.round(i + 1, `2025-07-${day}`, `2025-08-${day}`);
      teams.push(await s.team(roundId, '第一组', [targets[0]]), await s.team(roundId, '第二组', [targets[1]]));
    }
    const person = await s.person('抢手', 'SPECIALIST', 'STAFF');
    const ASSIGN = 'mutation($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { membership { id } violations { rule severity } } }';
    const results = await Promise.all(teams.map((teamId, i) => gql(i, ASSIGN, { i: { teamId, personId: person, role: 'MEMBER' } })));
    for (const res of results) expect(res.errors).toBeUndefined();
    const payloads = results.map((res: any) => res.data.assignTeamMember);
    expect(payloads.filter((p) => p.membership !== null)).toHaveLength(1);
    for (const p of payloads.filter((x) => x.membership === null)) expect(p.violations).toEqual([{ rule: 'DOUBLE_BOOKED', severity: 'HARD' }]);
    const history = (await must('query($id: ID!) { person(id: $id) { teamHistory { id } } }', { id: person })).person.teamHistory;
    expect(history).toHaveLength(1);
  });

  test('concurrent authorizations of one team leave exactly one ACTIVE authorization', async () => {
    const s = await setup('CC2');
    const roundId = await s.round(1, '2025-09-01', '2025-09-30');
    const teamId = await s.team(roundId, '第一组', [await s.unit('财政局')]);
    const leader = await s.person('组长', 'GROUP_LEADER', 'SECTION');
    await must('mutation($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { membership { id } } }', { i: { teamId, personId: leader, role: 'LEADER' } });
    const AUTH = 'mutation($i: AuthorizeTeamLeaderInput!) { authorizeTeamLeader(input: $i) { authorization { id status } } }';
    for (const n of [2, 10]) {
      const results = await Promise.all(
        Array.from({ length: n }, (_, i) => gql(i, AUTH, { i: { teamId, documentNo: `授〔2025〕${n}-${i}号`, authorizedOn: '2025-08-20', authorizedBy: '县委' } })),
      );
      for (const res of results) expect(res.errors).toBeUndefined();
      const auths = (await must('query($id: ID!) { team(id: $id) { authorization { id status } authorizations { id status } } }', { id: teamId })).team;
      expect(auths.authorizations.filter((a: any) => a.status === 'ACTIVE')).toHaveLength(1);
      expect(auths.authorization.status).toBe('ACTIVE');
    }
  });
});
