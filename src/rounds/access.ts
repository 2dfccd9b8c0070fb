/**
 * Who may see and change rounds and teams. The office roles, the organization department and
 * the leading group's head see the rounds of their regions with all their teams; an account
 * linked to a person sees the teams that person was ever on (a group leader its teams, an
 * inspector its own), with their round. Memberships, authorizations and readiness records are
 * read with their team; evaluations by the readers of the whole round and by whoever made them.
 * Writing takes round:write in the round's region.
 */
import DataLoader from 'dataloader';
import { Ctx } from '../context';
import type { Guard, PersonGrant } from '../access/guard';
import { notFound, unknownId } from '../common/errors';
import { msg } from '../common/i18n';
import { readsPrivateFactsOf } from '../people/person.access';
import { underAny } from '../regions/regions.service';
import { Evaluation } from './record.entity';
import { Round } from './round.entity';
import { membershipLoader, roundLoader, teamLoader } from './rounds.loaders';
import { Team } from './team.entity';
import type { ViolationView } from './violation';

export const ROUND = msg('轮次', 'round');
export const TEAM = msg('巡察组', 'team');
export const MEMBERSHIP = msg('巡察组成员', 'team membership');

/** The teams the signed-in account's person was ever on (one statement per request). */
function ownTeams(ctx: Ctx): Promise<Set<string>> {
  const me = ctx.auth.personId;
  return ctx
    .loader('rounds:ownTeams', () =>
      new DataLoader<string, Set<string>>(async (keys) => {
        const rows: { team_id: string }[] = me ? await ctx.em.query('SELECT DISTINCT team_id FROM team_memberships WHERE person_id = ?', [me]) : [];
        const own = new Set(rows.map((r) => r.team_id));
        return keys.map(() => own);
      }),
    )
    .load('me');
}

/** Whether the account reads every team of the round (round:read in its region). */
export async function readsWholeRound(ctx: Ctx, round: Round): Promise<boolean> {
  return ctx.auth.has('round:read') && (await ctx.auth.covers(round.regionId));
}

export async function canReadTeam(ctx: Ctx, team: Team): Promise<boolean> {
  if (!ctx.account) return false;
  const round = await roundLoader(ctx).load(team.roundId);
  if (round && (await readsWholeRound(ctx, round))) return true;
  return (await ownTeams(ctx)).has(team.id);
}

export async function canReadRound(ctx: Ctx, round: Round): Promise<boolean> {
  if (!ctx.account) return false;
  if (await readsWholeRound(ctx, round)) return true;
  const own = await ownTeams(ctx);
  if (own.size === 0) return false;
  const teams = await teamLoader(ctx).loadMany([...own]);
  return teams.some((t) => t instanceof Team && t.roundId === round.id);
}

async function teamIdReadable(ctx: Ctx, teamId: string): Promise<boolean> {
  const team = await teamLoader(ctx).load(teamId);
  return !!team && (await canReadTeam(ctx, team));
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

// ---------------------------------------------------------------- read rules of the API

export const roundGuard: Guard<Round> = {
  async view(ctx, round) {
    return (await canReadRound(ctx, round)) ? round : null;
  },
};

export const teamGuard: Guard<Team> = {
  async view(ctx, team) {
    return (await canReadTeam(ctx, team)) ? team : null;
  },
};

/** Memberships and authorizations: read with their team. */
export const ofTeamGuard: Guard<{ teamId: string }> = {
  async view(ctx, x) {
    return (await teamIdReadable(ctx, x.teamId)) ? x : null;
  },
};

/** Evaluations: the readers of the whole round, and the account that made the evaluation. */
export const evaluationGuard: Guard<Evaluation> = {
  async view(ctx, e) {
    if (!ctx.account) return null;
    if (e.evaluatedById === ctx.account.id) return e;
    const membership = await membershipLoader(ctx).load(e.membershipId);
    const round = membership ? await roundLoader(ctx).load(membership.roundId) : null;
    return round && (await readsWholeRound(ctx, round)) ? e : null;
  },
};

/** A violation shows its relatives only to readers of the person's relations. */
export const violationGuard: Guard<ViolationView> = {
  async view(ctx, v) {
    if (!v.publicText || (v.personId && (await readsPrivateFactsOf(ctx, v.personId)))) return v;
    return { ...v, text: v.publicText };
  },
};

/** Members of the teams the account may read are readable in a limited view. */
export const teamMembersGrant: PersonGrant = async (ctx, personIds) => {
  const scope = ctx.auth.has('round:read') ? ctx.auth.scopePaths() : [];
  const own = [...(await ownTeams(ctx))];
  if (scope === null) return new Set(personIds);
  if (scope.length === 0 && own.length === 0) return new Set();
  const qb = ctx.em
    .createQueryBuilder()
    .select('DISTINCT m.person_id', 'personId')
    .from('team_memberships', 'm')
    .innerJoin('rounds', 'r', 'r.id = m.round_id')
    .innerJoin('regions', 'g', 'g.id = r.region_id')
    .where('m.person_id IN (:...personIds)', { personIds });
  const [inScope, scopeParams] = underAny('g.path', scope);
  const ors = [inScope];
  if (own.length > 0) ors.push('m.team_id IN (:...own)');
  qb.andWhere(`(${ors.join(' OR ')})`, { ...scopeParams, own });
  const rows = await qb.getRawMany<{ personId: string }>();
  return new Set(rows.map((r) => r.personId));
};
