import { startTestServer, TestServer } from '../support/server';
import { ok } from '../support/graphql-client';
import { download, imported, sheetRows } from '../support/ledgers';
import { generateWorld, toDemoWorld } from '../../src/demo/generator';
import { loadWorld } from '../../src/demo/load';
import type { DemoApi } from '../../src/demo/api';
import { seedDemo } from '../../src/rounds/demo';

/**
 * The demo's county, taken out through the exports and brought into an empty database (regions
 * and units only) through the imports: the same people, posts, relations, pools and past rounds
 * come out of it again.
 */
const TODAY = '2025-06-02';
const KINDS = ['persons', 'employments', 'relations', 'pool-entries', 'rounds'] as const;
let from: TestServer;
let into: TestServer;
beforeAll(async () => {
  from = await startTestServer({ today: TODAY });
});
afterAll(async () => {
  await Promise.all([from?.close(), into?.close()]);
});

const sorted = (rows: string[][]) => rows.map((r) => JSON.stringify(r)).sort();

test('the demo county round-trips through its ledgers', async () => {
  const world = generateWorld({ scale: 'county', seed: 1, today: TODAY });
  await loadWorld(from.server.db.dataSource, world);
  const api: DemoApi = {
    gql: (q, v) => from.admin(q, v),
    async as(username, password) {
      const token = await from.login(username, password);
      return async (q, v) => ok(await from.gql(q, v, { token }));
    },
    world: toDemoWorld(world),
  };
  await seedDemo(api);
  into = await startTestServer({ today: TODAY });
  // The empty database knows the regions and units, nothing else.
  await loadWorld(into.server.db.dataSource, { ...world, persons: [], employments: [], relations: [], interestTies: [] });

  const county = world.counties[0];
  const ds = from.server.db.dataSource;
  const count = async (sql: string) => Number((await ds.query(sql, [county.regionId]))[0].n);
  const expected = {
    persons: await count('SELECT COUNT(*) AS n FROM persons WHERE region_id = ?'),
    employments: await count('SELECT COUNT(*) AS n FROM employments e JOIN persons p ON p.id = e.person_id WHERE p.region_id = ?'),
    relations: Number(
      (await ds.query('SELECT COUNT(*) AS n FROM relations r JOIN persons a ON a.id = r.person_id JOIN persons b ON b.id = r.related_person_id WHERE a.region_id = ? AND b.region_id = ?', [county.regionId, county.regionId]))[0].n,
    ),
    'pool-entries': await count('SELECT COUNT(*) AS n FROM pool_entries WHERE region_id = ?'),
    rounds: await count("SELECT COUNT(*) AS n FROM team_memberships m JOIN rounds r ON r.id = m.round_id WHERE r.region_id = ? AND r.status = 'CLOSED'"),
  };
  expect(expected.persons).toBe(county.personIds.length);
  for (const n of Object.values(expected)) expect(n).toBeGreaterThan(10);

  for (const kind of KINDS) {
    const out = await download(from, `/exports/${kind}.xlsx?regionId=${county.regionId}`);
    const rows = (await sheetRows(out.body)).slice(1);
    expect([kind, rows.length]).toEqual([kind, expected[kind]]);
    const report = await imported(into, kind, county.regionId, out.body, { fileName: `${kind}.xlsx` });
    expect([kind, report.created, report.unchanged]).toEqual([kind, rows.length, 0]);
    const back = (await sheetRows((await download(into, `/exports/${kind}.xlsx?regionId=${county.regionId}`)).body)).slice(1);
    expect([kind, sorted(back)]).toEqual([kind, sorted(rows)]);
  }

  // Read back through the API: the past round with its teams, targets, leaders and evaluations.
  const Q = `query($f: RoundFilter!) { rounds(filter: $f, first: 10) { edges { node { name status startsOn endsOn
    teams { name targets { name } members { role person { name } evaluation { grade } } } } } } }`;
  const closed = async (t: TestServer) =>
    (await t.admin(Q, { f: { regionId: county.regionId, status: 'CLOSED' } })).rounds.edges.map((e: any) => ({
      ...e.node,
      teams: [...e.node.teams].sort((a: any, b: any) => a.name.localeCompare(b.name)).map((team: any) => ({ ...team, members: sorted(team.members.map((m: any) => [m.role, m.person.name, m.evaluation?.grade ?? ''])) })),
    }));
  const original = await closed(from);
  expect(original).toHaveLength(1);
  expect(await closed(into)).toEqual(original);
});
