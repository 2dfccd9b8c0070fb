/** Assignments and team violations take avoidance findings and approved leave into account. */
import { startTestServer, TestServer } from '../support/server';
import { addEmployment, basicRegions, createUnit } from '../support/fixtures';
import { advance, assign, authorize, createRound, createTeam, fullTeam, member, poolPerson, rulesOf } from '../support/rounds';

let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
beforeAll(async () => {
  t = await startTestServer({ today: '2025-06-02' });
  r = await basicRegions(t);
});
afterAll(() => t.close());

const VIOLATIONS = 'query($id: ID!) { team(id: $id) { violations { rule severity message person { id } unit { id } } } }';
const violationsOf = async (teamId: string) =>
  (await t.admin(VIOLATIONS, { id: teamId })).team.violations as { rule: string; severity: string; message: string; person: { id: string } | null; unit: { id: string } | null }[];

test('a hard avoidance finding refuses the assignment until it is waived; a soft one is reported', async () => {
  const bureau = await createUnit(t, r.countyA, '东安县教育局', 'DEPARTMENT', { system: '教育' });
  const school = await createUnit(t, r.countyA, '东安县第一中学', 'INSTITUTION', { system: '教育' });
  const roundId = await createRound(t, r.countyA, { year: 2025, ordinal: 1, startsOn: '2025-07-01', endsOn: '2025-07-31' });
  const teamId = await createTeam(t, roundId, '第一组', [bureau]);
  const insider = await poolPerson(t, r.countyA, '局内人', 'SPECIALIST');
  await addEmployment(t, insider, bureau, '科员', '2020-01-01');

  const refused = await assign(t, teamId, insider);
  expect(refused.membership).toBeNull();
  expect(refused.violations.find((v) => v.rule === 'CURRENT_EMPLOYER')).toMatchObject({ severity: 'HARD', person: { id: insider }, unit: { id: bureau } });
  expect(refused.violations.every((v) => v.severity === 'HARD')).toBe(true);

  for (const v of refused.violations) {
    await t.admin('mutation($i: WaiveAvoidanceInput!) { waiveAvoidance(input: $i) { waiver { id } } }', {
      i: { personId: insider, unitId: bureau, roundId, rule: v.rule, reason: '经研究同意' },
    });
  }
  expect((await assign(t, teamId, insider)).membership).not.toBeNull();

  // Someone from a school of the same system: allowed, with SAME_SYSTEM reported.
  const teacher = await poolPerson(t, r.countyA, '教师', 'SPECIALIST');
  await addEmployment(t, teacher, school, '教师', '2015-09-01');
  const soft = await assign(t, teamId, teacher);
  expect(soft.membership).not.toBeNull();
  expect(soft.violations.find((v) => v.rule === 'SAME_SYSTEM')).toMatchObject({ severity: 'SOFT', person: { id: teacher }, unit: { id: bureau } });
  expect((await violationsOf(teamId)).map((v) => `${v.rule}:${v.severity}`)).toContain('SAME_SYSTEM:SOFT');
});

test('a conflict created by new targets shows in team.violations and blocks authorization', async () => {
  const roundId = await createRound(t, r.countyA, { year: 2025, ordinal: 2, startsOn: '2025-09-01', endsOn: '2025-09-30' });
  const finance = await createUnit(t, r.countyA, '东安县财政局');
  const other = await createUnit(t, r.countyA, '东安县农业局');
  const team = await fullTeam(t, r.countyA, roundId, '第一组', [other]);
  await authorize(t, team.teamId);
  await addEmployment(t, team.people.other, finance, '会计', '2018-03-01');
  expect(rulesOf(await violationsOf(team.teamId)).filter((x) => x.endsWith('HARD'))).toEqual([]);

  await t.admin('mutation($i: SetTeamTargetsInput!) { setTeamTargets(input: $i) { team { id } } }', { i: { teamId: team.teamId, targetUnitIds: [other, finance] } });
  const hard = (await violationsOf(team.teamId)).filter((v) => v.severity === 'HARD');
  expect(hard.find((v) => v.rule === 'CURRENT_EMPLOYER')).toMatchObject({ person: { id: team.people.other }, unit: { id: finance } });
  const blocked = await advance(t, roundId, 'AUTHORIZED');
  expect(blocked.round.status).toBe('PLANNING');
  expect(blocked.violations.map((v) => v.rule)).toContain('CURRENT_EMPLOYER');
});

test('LEAVE_OVERLAP (soft): more than 20% of the round on approved leave is flagged, 20% or less is not', async () => {
  // July 2025 has 23 working days; 5 days of leave are 21.7%, 4 days 17.4%.
  const roundId = await createRound(t, r.countyA, { year: 2025, ordinal: 3, startsOn: '2025-07-01', endsOn: '2025-07-31' });
  const teamId = await createTeam(t, roundId, '第一组', [await createUnit(t, r.countyA, '东安县水利局')]);
  const head = await t.tokenFor(['LEADING_GROUP_HEAD'], [r.countyA]);
  const away = await poolPerson(t, r.countyA, '请假多', 'SPECIALIST');
  const little = await poolPerson(t, r.countyA, '请假少', 'SPECIALIST');
  const leave = async (personId: string, startDate: string, endDate: string) => {
    const d = await t.admin('mutation($i: RequestLeaveInput!) { requestLeave(input: $i) { leave { id workingDays } } }', {
      i: { regionId: r.countyA, personId, type: 'PERSONAL', startDate, startHalf: 'AM', endDate, endHalf: 'PM', reason: '家中有事' },
    });
    const res = await t.gql('mutation($i: DecideLeaveInput!) { decideLeave(input: $i) { leave { status } } }', { i: { leaveId: d.requestLeave.leave.id, approve: true } }, { token: head });
    expect(res.data.decideLeave.leave.status).toBe('APPROVED');
  };
  await leave(away, '2025-07-07', '2025-07-11');
  await leave(little, '2025-07-14', '2025-07-17');
  await member(t, teamId, away);
  await member(t, teamId, little);
  const flagged = (await violationsOf(teamId)).filter((v) => v.rule === 'LEAVE_OVERLAP');
  expect(flagged.map((v) => [v.severity, v.person?.id])).toEqual([['SOFT', away]]);
  expect(flagged[0].message).toContain('22%');

  // A leave request approved before the assignment is reported with it.
  const third = await poolPerson(t, r.countyA, '也请假', 'SPECIALIST');
  await leave(third, '2025-07-21', '2025-07-25');
  const res = await assign(t, teamId, third);
  expect(res.membership).not.toBeNull();
  expect(res.violations.filter((v) => v.rule === 'LEAVE_OVERLAP').map((v) => v.person?.id)).toEqual([third]);
});
