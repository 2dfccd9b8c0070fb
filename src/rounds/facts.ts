/**
 * Loads what the team rules decide on, for some or all teams of a round, in a number of
 * statements that does not depend on the number of teams or members.
 */
import DataLoader from 'dataloader';
import { Ctx } from '../context';
import { personLoader } from '../people/people.service';
import { poolFactsOfPerson } from '../pools/facts';
import { allSpecialties } from '../pools/pools.service';
import { regionLoader } from '../regions/regions.service';
import { avoidanceFacts, leaveFacts } from './checks';
import { Round } from './round.entity';
import {
  authorizationsOfRound,
  bookingsOfPerson,
  membershipsOfRound,
  readinessOfRound,
  roundLoader,
  targetsOfRound,
  teamsOfRound,
} from './rounds.loaders';
import { countsAsServed, isFinished } from './rules/lifecycle';
import { shownViolations } from './rules/team-check';
import { resolveTeamRules } from './rules/team-rules';
import type {
  AuthorizationFact,
  AvoidanceFact,
  MemberFact,
  PersonFact,
  PoolEntryFact,
  ReadinessKind,
  RoundFact,
  TeamFact,
  TeamRole,
  TeamRules,
  Violation,
} from './rules/types';

export const rulesOf = (round: Round): TeamRules => resolveTeamRules(round.rules as Partial<TeamRules>);

export interface Candidate {
  personId: string;
  role: TeamRole;
}

/** People to judge as candidates for the teams asked about, in one role. */
export interface CandidateGroup {
  role: TeamRole;
  personIds: readonly string[];
}

export interface LoadedFacts {
  round: RoundFact;
  /** By team id. */
  teams: Map<string, TeamFact>;
  candidate?: MemberFact;
  /** The facts of every member of the teams asked about and of every candidate, by person id. */
  people: Map<string, PersonFact>;
  /**
   * The candidates' avoidance findings (waived ones included) against the targets of every
   * team asked about, by the role of their group.
   */
  candidateAvoidance: Map<TeamRole, AvoidanceFact[]>;
}

export interface FactsOptions {
  teamIds?: string[];
  /** One candidate, judged with the members (assignment). */
  candidate?: Candidate;
  /** Many candidates, each group judged for its role (candidate lists and proposals). */
  candidates?: readonly CandidateGroup[];
  /** Teams whose current members are set aside: not members, and not bookings of anyone. */
  release?: readonly string[];
}

/**
 * The facts of the round's teams (all of them, or `teamIds`), and of candidates for them.
 * Avoidance is checked for every member against their own team's targets and for every
 * candidate against the targets of all the teams asked about, from one batched load: the
 * number of statements does not depend on the number of teams, members or candidates.
 */
export async function loadFacts(ctx: Ctx, round: Round, opts: FactsOptions = {}): Promise<LoadedFacts> {
  const [region, allTeams, targets, memberships, authorizations, readiness] = await Promise.all([
    regionLoader(ctx).load(round.regionId),
    teamsOfRound(ctx).load(round.id),
    targetsOfRound(ctx).load(round.id),
    membershipsOfRound(ctx).load(round.id),
    authorizationsOfRound(ctx).load(round.id),
    readinessOfRound(ctx).load(round.id),
  ]);
  const teams = opts.teamIds ? allTeams.filter((t) => opts.teamIds!.includes(t.id)) : allTeams;
  const teamIds = new Set(teams.map((t) => t.id));
  const released = new Set(opts.release ?? []);
  const current = memberships.filter((m) => m.leftOn === null && teamIds.has(m.teamId) && !released.has(m.teamId));
  const roles = new Map<string, TeamRole>(current.map((m) => [m.personId, m.role]));
  if (opts.candidate) roles.set(opts.candidate.personId, opts.candidate.role);
  const groups = opts.candidates ?? [];
  const personIds = [
    ...new Set([...current.map((m) => m.personId), ...(opts.candidate ? [opts.candidate.personId] : []), ...groups.flatMap((g) => g.personIds)]),
  ];
  const unitIds = [...new Set(targets.filter((t) => teamIds.has(t.teamId)).map((t) => t.unitId))];
  // A member is judged against their own team's targets only; a candidate against the teams asked about.
  const targetsOfTeam = new Map<string, string[]>();
  for (const t of targets) targetsOfTeam.set(t.teamId, [...(targetsOfTeam.get(t.teamId) ?? []), t.unitId]);
  const unitsOf = new Map<string, Set<string>>();
  for (const m of current) unitsOf.set(m.personId, new Set([...(unitsOf.get(m.personId) ?? []), ...(targetsOfTeam.get(m.teamId) ?? [])]));
  if (opts.candidate) unitsOf.set(opts.candidate.personId, new Set([...(unitsOf.get(opts.candidate.personId) ?? []), ...unitIds]));
  const parts = [
    { personIds: [...unitsOf.keys()], roles, unitsOf },
    ...groups.map((g) => ({ personIds: g.personIds, roles: new Map(g.personIds.map((id) => [id, g.role])) })),
  ];

  const [persons, entries, bookings, avoidance, leave, specialties] = await Promise.all([
    personLoader(ctx).loadMany(personIds),
    poolFactsOfPerson(ctx).loadMany(personIds),
    bookingsOfPerson(ctx).loadMany(personIds),
    personIds.length && unitIds.length ? avoidanceFacts(ctx, { roundId: round.id, unitIds, parts }) : Promise.resolve(parts.map(() => [])),
    personIds.length ? leaveFacts(ctx, personIds, round.startsOn, round.endsOn) : Promise.resolve({ days: new Map<string, number>(), workingDays: null }),
    allSpecialties(ctx),
  ]);
  const [memberAvoidance, ...groupAvoidance] = avoidance;

  const roundFact: RoundFact = {
    id: round.id,
    status: round.status,
    startsOn: round.startsOn,
    endsOn: round.endsOn,
    regionPath: region?.path ?? '',
    workingDays: leave.workingDays,
    rules: rulesOf(round),
    specialtyNames: Object.fromEntries(specialties.map((s) => [s.code, { zh: s.nameZh, en: s.nameEn }])),
  };
  const ready = new Map<string, ReadinessKind[]>();
  for (const r of readiness) ready.set(r.personId, [...(ready.get(r.personId) ?? []), r.kind]);

  const facts = new Map<string, PersonFact>();
  personIds.forEach((id, i) => {
    const person = persons[i];
    if (!person || person instanceof Error) throw person ?? new Error(`person ${id} vanished`);
    const entryRows = entries[i];
    const bookingRows = bookings[i];
    if (entryRows instanceof Error) throw entryRows;
    if (bookingRows instanceof Error) throw bookingRows;
    facts.set(id, {
      personId: id,
      name: person.name,
      rank: person.rank,
      fullTimeInspector: person.fullTimeInspector,
      poolEntries: entryRows.map(
        (e): PoolEntryFact => ({
          pool: e.pool as PoolEntryFact['pool'],
          status: e.status as PoolEntryFact['status'],
          regionPath: e.regionPath,
          specialties: e.specialties,
        }),
      ),
      // Served: on a team of a round that started earlier, counted as served (countsAsServed).
      servedBefore: bookingRows.some((b) => b.roundId !== round.id && b.roundStartsOn < round.startsOn && countsAsServed(b, b.roundStatus)),
      readiness: ready.get(id) ?? [],
      leaveDays: leave.days.get(id) ?? 0,
      otherBookings: bookingRows
        .filter((b) => b.leftOn === null && b.roundStatus !== 'CANCELLED' && !released.has(b.teamId))
        .map((b) => ({
          teamId: b.teamId,
          teamName: b.teamName,
          roundId: b.roundId,
          roundName: b.roundName,
          startsOn: b.roundStartsOn,
          endsOn: b.roundEndsOn,
        })),
    });
  });

  const authFacts: AuthorizationFact[] = authorizations.map((a) => ({
    id: a.id,
    roundId: a.roundId,
    teamId: a.teamId,
    personId: a.personId,
    status: a.status,
  }));
  const out = new Map<string, TeamFact>();
  for (const team of teams) {
    const teamTargets = targets.filter((t) => t.teamId === team.id).map((t) => t.unitId);
    const members = current.filter((m) => m.teamId === team.id).map((m): MemberFact => ({ ...facts.get(m.personId)!, role: m.role }));
    const memberIds = new Set(members.map((m) => m.personId));
    const targetSet = new Set(teamTargets);
    out.set(team.id, {
      id: team.id,
      round: roundFact,
      targetUnitIds: teamTargets,
      members,
      authorizations: authFacts.filter((a) => a.teamId === team.id),
      avoidance: memberAvoidance.filter(
        (f) => targetSet.has(f.unitId) && (memberIds.has(f.personId) || f.personId === opts.candidate?.personId),
      ),
    });
  }
  const candidate = opts.candidate ? { ...facts.get(opts.candidate.personId)!, role: opts.candidate.role } : undefined;
  const candidateAvoidance = new Map<TeamRole, AvoidanceFact[]>();
  groups.forEach((g, i) => candidateAvoidance.set(g.role, [...(candidateAvoidance.get(g.role) ?? []), ...groupAvoidance[i]]));
  return { round: roundFact, teams: out, candidate, people: facts, candidateAvoidance };
}

/**
 * The violations of every team of each round as a reader sees them (waived avoidance findings
 * included, marked), computed once per request. A round that is over
 * (closed or cancelled) is history and is not judged again: corrections made since (a post, a
 * relation) change today's judgement, not the record of that round, so its teams show none.
 */
export function violationsOfRound(ctx: Ctx): DataLoader<string, Map<string, Violation[]>> {
  return ctx.loader('rounds:violations', () =>
    new DataLoader<string, Map<string, Violation[]>>((roundIds) =>
      Promise.all(
        roundIds.map(async (id) => {
          const round = await roundLoader(ctx).load(id);
          if (!round || isFinished(round.status)) return new Map<string, Violation[]>();
          const { teams } = await loadFacts(ctx, round);
          return new Map([...teams].map(([teamId, fact]) => [teamId, shownViolations(fact)]));
        }),
      ),
    ),
  );
}
