/** round(id) with everything a planner looks at costs the same number of SQL statements for 3 teams and for 30. */
import { startTestServer, TestServer } from '../support/server';
import { addEmployment, basicRegions, createUnit } from '../support/fixtures';
import { authorize, createRound, fullTeam, ready } from '../support/rounds';

let t: TestServer;
let r: Awaited<ReturnType<typeof basicRegions>>;
beforeAll(async () => {
  t = await startTestServer({ today: '2025-06-02' });
  r = await basicRegions(t);
});
afterAll(() => t.close());

const ROUND = `query($id: ID!) { round(id: $id) { id name status region { name } rules { minSize requiredSpecialtiesAnyOf }
  teams { id name round { id } targets { id name region { name } }
    members { id role joinedOn leftOn person { id name rank fullTimeInspector poolEntries { pool status specialties } } evaluation { grade } readiness { kind } }
    memberHistory { id leftReason }
    authorization { id status documentNo person { name } }
    violations { rule severity message person { name } unit { name } } } } }`;

async function composeRound(ordinal: number, teams: number, startsOn: string, endsOn: string): Promise<string> {
  const roundId = await createRound(t, r.countyA, { year: 2025, ordinal, startsOn, endsOn });
  for (let i = 0; i < teams; i++) {
    const units = [];
    for (let u = 0; u < 3; u++) units.push(await createUnit(t, r.countyA, `R${ordinal}T${i}U${u}`, 'DEPARTMENT', { system: `系统${u}` }));
    const team = await fullTeam(t, r.countyA, roundId, `第${i + 1}组`, units);
    await authorize(t, team.teamId);
    await ready(t, team.people.leader, roundId);
    // Work histories for the avoidance check to look at.
    await addEmployment(t, team.people.finance, units[1], '科员', '2010-01-01', '2011-01-01');
  }
  return roundId;
}

test('3 teams and 30 teams cost the same number of statements', async () => {
  const small = await composeRound(1, 3, '2025-07-01', '2025-07-31');
  const large = await composeRound(2, 30, '2025-09-01', '2025-09-30');
  const count = async (id: string) => {
    t.server.db.counter.reset(true);
    const d = await t.admin(ROUND, { id });
    return { statements: t.queryCount, queries: t.server.db.counter.recorded!.map((q) => q.replace(/\s+/g, ' ')), round: d.round };
  };
  const a = await count(small);
  const b = await count(large);
  expect(a.round.teams).toHaveLength(3);
  expect(b.round.teams).toHaveLength(30);
  expect(b.round.teams.every((x: any) => x.members.length === 4 && x.targets.length === 3 && x.authorization.status === 'ACTIVE')).toBe(true);
  expect(b.round.teams[0].violations.map((v: any) => v.rule)).toContain('READINESS');
  // The same statements (placeholder lists folded), in whatever order the pool answered them.
  const shape = (qs: string[]) => qs.map((q) => q.replace(/\?(, \?)*/g, '?')).sort();
  expect(shape(b.queries)).toEqual(shape(a.queries));
  expect(b.statements).toBe(a.statements);
  expect(a.statements).toBeLessThan(50);
});
