/**
 * Rounds, teams and memberships written straight into the test database: the avoidance check
 * reads them (the round's start date and kind, past teams and their targets, current roles).
 */
import DataLoader from 'dataloader';
import type { Ctx } from '../../../src/context';
import { Round, RoundKind, RoundStatus } from '../../../src/rounds/round.entity';
import { Team, TeamMembership, TeamRole, TeamTarget } from '../../../src/rounds/team.entity';
import type { TestServer } from '../../support/server';

let seq = 0;

export async function insertRound(
  t: TestServer,
  o: { regionId: string; startsOn: string; kind?: RoundKind; status?: RoundStatus; name?: string },
): Promise<string> {
  const n = ++seq;
  const round = Object.assign(new Round(), {
    regionId: o.regionId,
    year: Number(o.startsOn.slice(0, 4)),
    ordinal: n,
    name: o.name ?? `${o.startsOn.slice(0, 4)}年第${n}轮巡察`,
    kind: o.kind ?? RoundKind.REGULAR,
    theme: null,
    status: o.status ?? RoundStatus.PLANNING,
    startsOn: o.startsOn,
    endsOn: o.startsOn.slice(0, 4) + '-12-31',
    followsRoundId: null,
    rules: { minSize: 4, maxSize: 7, minDeputies: 1, maxDeputies: 2, maxTargets: 3, rankFloor: 'DEPUTY_SECTION', minFullTime: 1, requiredSpecialtiesAnyOf: [] },
    createdAt: new Date(),
  });
  await t.server.db.dataSource.manager.insert(Round, round);
  return round.id;
}

/** A team of a round with its targets and members (person id → role), joined on the round's start. */
export async function insertTeam(t: TestServer, roundId: string, name: string, targets: string[], members: [string, TeamRole][]): Promise<string> {
  const em = t.server.db.dataSource.manager;
  const round = await em.findOneByOrFail(Round, { id: roundId });
  const team = Object.assign(new Team(), { roundId, name, createdAt: new Date() });
  await em.insert(Team, team);
  for (const unitId of targets) await em.insert(TeamTarget, Object.assign(new TeamTarget(), { teamId: team.id, roundId, unitId }));
  for (const [personId, role] of members) {
    await em.insert(
      TeamMembership,
      Object.assign(new TeamMembership(), { teamId: team.id, roundId, personId, role, joinedOn: round.startsOn, leftOn: null, leftReason: null, createdAt: new Date() }),
    );
  }
  return team.id;
}

/** A bare request context over the test server's database, for calling services directly. */
export function serviceCtx(t: TestServer): Ctx {
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return {
    em: t.server.db.dataSource.manager,
    loader: <K, V>(key: string, make: () => DataLoader<K, V>) => {
      if (!loaders.has(key)) loaders.set(key, make() as DataLoader<unknown, unknown>);
      return loaders.get(key) as DataLoader<K, V>;
    },
  } as unknown as Ctx;
}
