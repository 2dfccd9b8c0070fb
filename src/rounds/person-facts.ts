/**
 * What other features may ask the rounds about one person: the teams the person leads now (as
 * leader or deputy) in rounds that are not over, with each round's rank floor.
 */
import { Ctx } from '../context';
import { rulesOf } from './facts';
import { Round, RoundStatus } from './round.entity';
import { Team, TeamMembership, TeamRole } from './team.entity';

export interface Lead {
  role: 'LEADER' | 'DEPUTY_LEADER';
  roundName: string;
  teamName: string;
  rankFloor: string;
}

/** The person's current leader and deputy posts on teams of rounds neither closed nor cancelled. */
export async function openLeadsOf(ctx: Ctx, personId: string): Promise<Lead[]> {
  const rows = await ctx.em
    .createQueryBuilder(TeamMembership, 'm')
    .innerJoin(Round, 'r', 'r.id = m.round_id')
    .innerJoin(Team, 't', 't.id = m.team_id')
    .select(['m.role AS role', 'r.name AS roundName', 't.name AS teamName', 'r.rules AS rules'])
    .where('m.person_id = :personId', { personId })
    .andWhere('m.left_on IS NULL')
    .andWhere('m.role IN (:...roles)', { roles: [TeamRole.LEADER, TeamRole.DEPUTY_LEADER] })
    .andWhere('r.status NOT IN (:...over)', { over: [RoundStatus.CLOSED, RoundStatus.CANCELLED] })
    .getRawMany<{ role: Lead['role']; roundName: string; teamName: string; rules: string }>();
  return rows.map((r) => ({
    role: r.role,
    roundName: r.roundName,
    teamName: r.teamName,
    rankFloor: rulesOf({ rules: JSON.parse(r.rules) } as Round).rankFloor,
  }));
}
