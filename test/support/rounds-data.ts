import { Round, RoundKind, RoundStatus } from '../../src/rounds/round.entity';
import { Team, TeamMembership, TeamRole } from '../../src/rounds/team.entity';
import { TestServer } from './server';

export interface MemberSpec {
  personId: string;
  role?: 'LEADER' | 'DEPUTY_LEADER' | 'MEMBER';
  joinedOn?: string;
  leftOn?: string | null;
}

let ordinal = 0;

/**
 * Writes a round with its teams and members straight into the test database, for features that
 * only read rounds (attendance); the rounds API has its own tests.
 */
export async function insertRound(
  t: TestServer,
  spec: { regionId: string; startsOn: string; endsOn: string; teams: { name: string; members: MemberSpec[] }[] },
): Promise<{ roundId: string; teamIds: string[] }> {
  const em = t.server.db.dataSource.manager;
  const now = new Date();
  const round = Object.assign(new Round(), {
    regionId: spec.regionId,
    year: Number(spec.startsOn.slice(0, 4)),
    ordinal: ++ordinal,
    name: `第${ordinal}轮巡察`,
    kind: RoundKind.REGULAR,
    theme: null,
    status: RoundStatus.STATIONED,
    startsOn: spec.startsOn,
    endsOn: spec.endsOn,
    followsRoundId: null,
    rules: {},
    createdAt: now,
  });
  await em.insert(Round, round);
  const teamIds: string[] = [];
  for (const t of spec.teams) {
    const team = Object.assign(new Team(), { roundId: round.id, name: t.name, createdAt: now });
    await em.insert(Team, team);
    teamIds.push(team.id);
    for (const m of t.members) {
      await em.insert(
        TeamMembership,
        Object.assign(new TeamMembership(), {
          teamId: team.id,
          roundId: round.id,
          personId: m.personId,
          role: (m.role ?? 'MEMBER') as TeamRole,
          joinedOn: m.joinedOn ?? spec.startsOn,
          leftOn: m.leftOn ?? null,
          leftReason: m.leftOn ? '原单位召回' : null,
          createdAt: now,
        }),
      );
    }
  }
  return { roundId: round.id, teamIds };
}
