import { startTestServer, TestServer } from '../support/server';
import { demoApi } from '../support/demo-api';
import { generateWorld, toDemoWorld } from '../../src/demo/generator';
import { loadWorld } from '../../src/demo/load';
import { demoSeeds } from '../../src/demo/seeds';

const TODAY = '2025-06-02';
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ today: TODAY });
});
afterAll(() => t.close());

const ROUNDS = `query($f: RoundFilter!) { rounds(filter: $f, first: 10) { edges { node { id status teams { id members { id } } } } } }`;
const PROPOSE = `mutation($i: ProposeCompositionInput!) { proposeComposition(input: $i) { proposal {
  id status cost bound solveMillis stale costByRule { rule count cost } obstacles { rule explanation }
  teams { team { id name } cost members { role kept person { id name } } concerns { rule severity message } } } } }`;
const APPLY = `mutation($i: ApplyCompositionInput!) { applyComposition(input: $i) { round { id } memberships { id role } } }`;
const TEAMS = `query($id: ID!) { round(id: $id) { teams { name members { role person { id } } violations { rule severity message } } } }`;

test("the demo's round in planning is filled by one proposal and one apply", async () => {
  const world = generateWorld({ scale: 'county', seed: 1, today: TODAY });
  await loadWorld(t.server.db.dataSource, world);
  const demo = toDemoWorld(world);
  const api = demoApi(t, demo);
  for (const s of demoSeeds) await s.seed(api);

  const rounds = (await t.admin(ROUNDS, { f: { regionId: demo.counties[0].regionId } })).rounds.edges.map((e: any) => e.node);
  const planning = rounds.filter((r: any) => r.status === 'PLANNING');
  expect(planning).toHaveLength(1);
  expect(planning[0].teams).toHaveLength(3);
  expect(planning[0].teams.every((x: any) => x.members.length === 0)).toBe(true);

  const { proposal } = (await t.admin(PROPOSE, { i: { roundId: planning[0].id } })).proposeComposition;
  expect(proposal.obstacles).toEqual([]);
  expect(proposal.status).toBe('OPTIMAL');
  expect(proposal.bound).toBe(proposal.cost);
  expect(proposal.stale).toBe(false);
  expect(proposal.teams).toHaveLength(3);
  const total = proposal.costByRule.reduce((s: number, c: any) => s + c.cost, 0);
  expect(total).toBeCloseTo(proposal.cost, 6);
  expect(proposal.teams.reduce((s: number, x: any) => s + x.cost, 0)).toBeCloseTo(proposal.cost, 6);

  const applied = (await t.admin(APPLY, { i: { proposalId: proposal.id } })).applyComposition;
  expect(applied.memberships).toHaveLength(proposal.teams.flatMap((x: any) => x.members).length);
  const after = (await t.admin(TEAMS, { id: planning[0].id })).round.teams;
  for (const team of after) {
    const proposed = proposal.teams.find((x: any) => x.team.name === team.name);
    expect(team.members.map((m: any) => `${m.person.id}:${m.role}`).sort()).toEqual(proposed.members.map((m: any) => `${m.person.id}:${m.role}`).sort());
    // A new leader awaits the Party committee's authorization; nothing else is broken.
    expect(team.violations.filter((v: any) => v.severity === 'HARD').map((v: any) => v.rule)).toEqual(['LEADER_AUTHORIZATION']);
  }
});
