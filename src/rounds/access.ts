/**
 * Who may see and change rounds and teams. The office roles, the organization department and
 * the leading group's head see the rounds of their regions; a group leader sees only the teams
 * they lead, an inspector only the teams they are on. Writing takes round:write in the round's
 * region.
 */
import DataLoader from 'dataloader';
import { Ctx } from '../context';
import { notFound, unknownId } from '../common/errors';
import { msg } from '../common/i18n';
import { Role } from '../auth/roles';
import { Round } from './round.entity';
import { roundLoader, teamLoader } from './rounds.loaders';
import { Team } from './team.entity';

export const ROUND = msg('轮次', 'round');
export const TEAM = msg('巡察组', 'team');
export const MEMBERSHIP = msg('巡察组成员', 'team membership');

/** The teams of the signed-in person: those they lead and those they are on (current memberships). */
function ownTeams(ctx: Ctx): Promise<{ led: Set<string>; on: Set<string> }> {
  const me = ctx.auth.personId;
  return ctx
    .loader('rounds:ownTeams', () =>
      new DataLoader<string, { led: Set<string>; on: Set<string> }>(async (keys) => {
        const rows: { team_id: string; role: string }[] = me
          ? await ctx.em.query('SELECT team_id, role FROM team_memberships WHERE person_id = ? AND left_on IS NULL', [me])
          : [];
        const own = {
          led: new Set(rows.filter((r) => r.role === 'LEADER').map((r) => r.team_id)),
          on: new Set(rows.map((r) => r.team_id)),
        };
        return keys.map(() => own);
      }),
    )
    .load('me');
}

/** The team ids this account sees through its own teams (GROUP_LEADER: led; INSPECTOR: on). */
async function ownVisibleTeams(ctx: Ctx): Promise<Set<string>> {
  const own = await ownTeams(ctx);
  const out = new Set<string>();
  if (ctx.auth.hasRole(Role.GROUP_LEADER)) own.led.forEach((id) => out.add(id));
  if (ctx.auth.hasRole(Role.INSPECTOR)) own.on.forEach((id) => out.add(id));
  return out;
}

/** Whether the account reads every team of the round (round:read in its region). */
export async function readsWholeRound(ctx: Ctx, round: Round): Promise<boolean> {
  return ctx.auth.has('round:read') && (await ctx.auth.covers(round.regionId));
}

export async function canReadTeam(ctx: Ctx, team: Team): Promise<boolean> {
  if (!ctx.account) return false;
  const round = await roundLoader(ctx).load(team.roundId);
  if (round && (await readsWholeRound(ctx, round))) return true;
  return (await ownVisibleTeams(ctx)).has(team.id);
}

/** The teams of a round the account may see. */
export async function visibleTeams(ctx: Ctx, round: Round, teams: Team[]): Promise<Team[]> {
  if (await readsWholeRound(ctx, round)) return teams;
  const own = await ownVisibleTeams(ctx);
  return teams.filter((t) => own.has(t.id));
}

export async function canReadRound(ctx: Ctx, round: Round): Promise<boolean> {
  if (!ctx.account) return false;
  if (await readsWholeRound(ctx, round)) return true;
  const own = await ownVisibleTeams(ctx);
  if (own.size === 0) return false;
  const teams = await teamLoader(ctx).loadMany([...own]);
  return teams.some((t) => t && !(t instanceof Error) && t.roundId === round.id);
}

/** A round the account may read, or NOT_FOUND. */
export async function requireReadableRound(ctx: Ctx, id: string): Promise<Round> {
  ctx.auth.signedIn();
  const round = await roundLoader(ctx).load(id);
  if (round && (await canReadRound(ctx, round))) return round;
  throw notFound(ROUND, id);
}

/** A team the account may read, or NOT_FOUND. */
export async function requireReadableTeam(ctx: Ctx, id: string): Promise<Team> {
  ctx.auth.signedIn();
  const team = await teamLoader(ctx).load(id);
  if (team && (await canReadTeam(ctx, team))) return team;
  throw notFound(TEAM, id);
}

/** A round the account may change (round:write in its region), or BAD_USER_INPUT on `field`. */
export async function requireWritableRound(ctx: Ctx, id: string, field: string): Promise<Round> {
  ctx.auth.require('round:write');
  const round = await roundLoader(ctx).load(id);
  if (round && (await ctx.auth.covers(round.regionId))) return round;
  throw unknownId(field, ROUND, id);
}

/** A team whose round the account may change, with that round, or BAD_USER_INPUT on `field`. */
export async function requireWritableTeam(ctx: Ctx, id: string, field: string): Promise<{ team: Team; round: Round }> {
  ctx.auth.require('round:write');
  const team = await teamLoader(ctx).load(id);
  const round = team ? await roundLoader(ctx).load(team.roundId) : null;
  if (team && round && (await ctx.auth.covers(round.regionId))) return { team, round };
  throw unknownId(field, TEAM, id);
}
