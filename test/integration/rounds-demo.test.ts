import { startTestServer, TestServer } from '../support/server';
import { demoApi } from '../support/demo-api';
import { generateWorld } from '../../src/demo/generator';
import { toDemoWorld } from '../../src/demo/generator';
import { loadWorld } from '../../src/demo/load';
import { seedDemo } from '../../src/rounds/demo';

const TODAY = '2025-06-02';
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ today: TODAY });
});
afterAll(() => t.close());

const ROUNDS = `query($f: RoundFilter!) { rounds(filter: $f, first: 10) { edges { node { name status startsOn endsOn
  teams { name targets { id } members { role joinedOn person { id } readiness { kind } evaluation { grade } }
    authorization { status person { id } } violations { rule severity } } } } } }`;

test('the seed fills the pools and leaves a closed round and a round in progress with three valid, authorized teams', async () => {
  const world = generateWorld({ scale: 'county', seed: 1, today: TODAY });
  await loadWorld(t.server.db.dataSource, world);
  const demo = toDemoWorld(world);
  const api = demoApi(t, demo);
  await seedDemo(api);

  for (const c of demo.counties) {
    const entries = await t.admin('query($f: PoolEntryFilter!) { poolEntries(filter: $f, first: 1) { totalCount } }', { f: { regionId: c.regionId, status: 'ACTIVE' } });
    const rejected = await t.admin('query($f: PoolEntryFilter!) { poolEntries(filter: $f, first: 1) { totalCount } }', { f: { regionId: c.regionId, status: 'REJECTED' } });
    expect(entries.poolEntries.totalCount + rejected.poolEntries.totalCount).toBe(c.leaderPersonIds.length + c.deputyPersonIds.length + c.specialists.length);
    expect(entries.poolEntries.totalCount).toBeGreaterThan(rejected.poolEntries.totalCount);
  }

  const rounds = (await t.admin(ROUNDS, { f: { regionId: demo.counties[0].regionId } })).rounds.edges.map((e: any) => e.node);
  expect(rounds.map((r: any) => r.status)).toEqual(['CLOSED', 'STATIONED']);
  const [closed, current] = rounds;
  expect(current.startsOn <= TODAY && TODAY <= current.endsOn).toBe(true);
  expect(closed.endsOn < current.startsOn).toBe(true);
  for (const round of rounds) {
    expect(round.teams).toHaveLength(3);
    for (const team of round.teams) {
      expect(team.targets).toHaveLength(3);
      expect(team.violations.filter((v: any) => v.severity === 'HARD')).toEqual([]);
      expect(team.authorization.status).toBe(round.status === 'CLOSED' ? 'ENDED' : 'ACTIVE');
      expect(team.authorization.person.id).toBe(team.members.find((m: any) => m.role === 'LEADER').person.id);
      for (const m of team.members) {
        expect(m.readiness).toHaveLength(3);
        expect(m.joinedOn).toBe(round.startsOn);
        expect(m.evaluation === null).toBe(round.status !== 'CLOSED');
      }
    }
  }
  // Last season's leaders lead again with people new to inspection.
  expect(current.teams.flatMap((x: any) => x.violations.map((v: any) => v.rule))).not.toContain('EXPERIENCE_MIX');
});
