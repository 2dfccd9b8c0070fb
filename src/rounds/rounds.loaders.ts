/** The rounds feature's per-request loaders: rows of a round are read once and shared by every field. */
import DataLoader from 'dataloader';
import { Ctx } from '../context';
import { byId, manyBy } from '../db/loaders';
import { Person } from '../people/person.entity';
import { Unit } from '../units/unit.entity';
import { Evaluation, ReadinessRecord } from './record.entity';
import { Round } from './round.entity';
import { Authorization, Team, TeamMembership, TeamTarget } from './team.entity';

export const roundLoader = (ctx: Ctx) => byId(ctx, Round);
export const teamLoader = (ctx: Ctx) => byId(ctx, Team);
export const membershipLoader = (ctx: Ctx) => byId(ctx, TeamMembership);
export const teamsOfRound = (ctx: Ctx) => manyBy(ctx, Team, 'roundId');
/** A round's targets, with their units (read in the same statement). */
export const targetsOfRound = (ctx: Ctx) => manyBy(ctx, TeamTarget, 'roundId', undefined, [{ entity: Unit, by: 'unitId' }]);
/** A round's memberships, with their persons (read in the same statement). */
export const membershipsOfRound = (ctx: Ctx) => manyBy(ctx, TeamMembership, 'roundId', { joinedOn: 'ASC', id: 'ASC' }, [{ entity: Person, by: 'personId' }]);
export const authorizationsOfRound = (ctx: Ctx) => manyBy(ctx, Authorization, 'roundId', { createdAt: 'ASC', id: 'ASC' });

/**
 * A round's targets, memberships and authorizations as one promise per round. The team fields
 * wait on it together, so the people and units they go on to load are asked for in the same
 * tick and fetched in one batch, whichever of the three queries answers last.
 */
export function compositionOfRound(ctx: Ctx) {
  return ctx.loader('rounds:composition', () =>
    new DataLoader<string, { targets: TeamTarget[]; memberships: TeamMembership[]; authorizations: Authorization[] }>((roundIds) =>
      Promise.all(
        roundIds.map(async (id) => {
          const [targets, memberships, authorizations] = await Promise.all([
            targetsOfRound(ctx).load(id),
            membershipsOfRound(ctx).load(id),
            authorizationsOfRound(ctx).load(id),
          ]);
          return { targets, memberships, authorizations };
        }),
      ),
    ),
  );
}
export const readinessOfRound = (ctx: Ctx) => manyBy(ctx, ReadinessRecord, 'roundId');
export const membershipsOfPerson = (ctx: Ctx) => manyBy(ctx, TeamMembership, 'personId', { joinedOn: 'ASC', id: 'ASC' });
export const evaluationsOf = (ctx: Ctx) => manyBy(ctx, Evaluation, 'membershipId', { evaluatedAt: 'ASC', id: 'ASC' });

/** A person's membership with the period and names of its round and team. */
export interface BookingRow {
  membershipId: string;
  personId: string;
  teamId: string;
  teamName: string;
  roundId: string;
  roundName: string;
  roundStartsOn: string;
  roundEndsOn: string;
  roundStatus: string;
  role: string;
  joinedOn: string;
  leftOn: string | null;
}

/** Every membership of each person, in any round, with its round's period (one statement per batch). */
export function bookingsOfPerson(ctx: Ctx): DataLoader<string, BookingRow[]> {
  return ctx.loader('rounds:bookingsOfPerson', () =>
    new DataLoader<string, BookingRow[]>(async (ids) => {
      const rows = await ctx.em
        .createQueryBuilder()
        .select('m.id', 'membershipId')
        .addSelect('m.person_id', 'personId')
        .addSelect('m.team_id', 'teamId')
        .addSelect('t.name', 'teamName')
        .addSelect('m.round_id', 'roundId')
        .addSelect('r.name', 'roundName')
        .addSelect('r.starts_on', 'roundStartsOn')
        .addSelect('r.ends_on', 'roundEndsOn')
        .addSelect('r.status', 'roundStatus')
        .addSelect('m.role', 'role')
        .addSelect('m.joined_on', 'joinedOn')
        .addSelect('m.left_on', 'leftOn')
        .from('team_memberships', 'm')
        .innerJoin('teams', 't', 't.id = m.team_id')
        .innerJoin('rounds', 'r', 'r.id = m.round_id')
        .where('m.person_id IN (:...ids)', { ids: [...ids] })
        .getRawMany<BookingRow>();
      const out = new Map<string, BookingRow[]>(ids.map((id) => [id, []]));
      for (const r of rows) out.get(r.personId)?.push(r);
      return ids.map((id) => out.get(id)!);
    }),
  );
}
