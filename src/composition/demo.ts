/**
 * Demo data for composition: in the first county, next season's round in PLANNING with three
 * teams and their targets (three departments each, none of them a workplace of the county's
 * full-time inspectors, none inspected in the earlier rounds) and nobody on them yet, for
 * `proposeComposition` and `applyComposition` to fill.
 */
import type { DemoApi } from '../demo/api';
import { addDays } from '../common/dates';

const CREATE_ROUND = 'mutation($i: CreateRoundInput!) { createRound(input: $i) { round { id } } }';
const CREATE_TEAM = 'mutation($i: CreateTeamInput!) { createTeam(input: $i) { team { id } } }';
const ROUNDS = 'query($f: RoundFilter!) { rounds(filter: $f, first: 100) { edges { node { year ordinal teams { targets { id } } } } } }';
const FULL_TIME = `query($f: PoolEntryFilter!, $after: String) { poolEntries(filter: $f, first: 100, after: $after) {
  edges { node { person { fullTimeInspector employments { endedOn unit { id } } } } } pageInfo { hasNextPage endCursor } } }`;

export async function seedDemo({ gql, world }: DemoApi): Promise<void> {
  const county = world.counties[0];
  const inspected = new Set<string>();
  const { rounds } = await gql(ROUNDS, { f: { regionId: county.regionId } });
  for (const e of rounds.edges) for (const t of e.node.teams) for (const u of t.targets) inspected.add(u.id);
  const employers = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const { poolEntries }: any = await gql(FULL_TIME, { f: { regionId: county.regionId, status: 'ACTIVE' }, after });
    for (const { node } of poolEntries.edges) {
      if (!node.person.fullTimeInspector) continue;
      for (const job of node.person.employments) if (!job.endedOn) employers.add(job.unit.id);
    }
    if (!poolEntries.pageInfo.hasNextPage) break;
    after = poolEntries.pageInfo.endCursor;
  }
  const units = [...county.departmentUnitIds].reverse().filter((u) => !inspected.has(u) && !employers.has(u)).slice(0, 9);
  const startsOn = addDays(world.today, 70);
  const year = Number(startsOn.slice(0, 4));
  const ordinal = 1 + Math.max(0, ...rounds.edges.filter((e: any) => e.node.year === year).map((e: any) => e.node.ordinal));
  const { createRound } = await gql(CREATE_ROUND, {
    i: { regionId: county.regionId, year, ordinal, kind: 'REGULAR', startsOn, endsOn: addDays(startsOn, 60) },
  });
  for (let t = 0; t < 3; t++) {
    await gql(CREATE_TEAM, { i: { roundId: createRound.round.id, name: `第${'一二三'[t]}巡察组`, targetUnitIds: units.slice(t * 3, t * 3 + 3) } });
  }
}
