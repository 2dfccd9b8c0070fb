import { In, IsNull } from 'typeorm';
import { Ctx } from '../context';
import { badInput, conflict, forbidden, unknownId } from '../common/errors';
import { msg } from '../common/i18n';
import { optionalText, requiredName, requiredText } from '../common/validate';
import { lockRows } from '../db/locks';
import { isUniqueViolation } from '../db/transaction';
import { Person } from '../people/person.entity';
import { requirePerson } from '../people/people.service';
import { regionLoader } from '../regions/regions.service';
import { unitLoader } from '../units/units.service';
import { canReadTeam, MEMBERSHIP, requireWritableRound, requireWritableTeam } from './access';
import { loadFacts } from './facts';
import { EvaluationGrade, Evaluation, ReadinessKind, ReadinessRecord } from './record.entity';
import { Round } from './round.entity';
import { lockedRound } from './rounds.service';
import { membershipLoader, roundLoader, teamLoader } from './rounds.loaders';
import { decideAuthorize, revokedByLeaderChange } from './rules/authorization';
import { joinedOn, refusal, removalDays, RoundAction } from './rules/lifecycle';
import { checkAssignment } from './rules/team-check';
import { Authorization, AuthorizationStatus, Team, TeamMembership, TeamRole, TeamTarget } from './team.entity';
import type { Violation } from './rules/types';

function assertAllows(round: Round, action: RoundAction) {
  const why = refusal(round.status, action);
  if (why) throw conflict(why);
}

/**
 * Checks target units: each exists, lies in the round's region or below, appears once, and is
 * not already a target of another team of the round.
 */
async function checkTargets(ctx: Ctx, round: Round, teamId: string | null, unitIds: string[]): Promise<string[]> {
  const field = 'targetUnitIds';
  const unique = [...new Set(unitIds)];
  if (unique.length !== unitIds.length) throw badInput(field, msg('巡察对象有重复', 'A unit is listed twice'));
  const [region, units] = await Promise.all([regionLoader(ctx).load(round.regionId), unitLoader(ctx).loadMany(unique)]);
  const regions = await regionLoader(ctx).loadMany(units.map((u) => (u && !(u instanceof Error) ? u.regionId : '')));
  unique.forEach((id, i) => {
    const unit = units[i];
    const unitRegion = regions[i];
    const inRound = unitRegion && !(unitRegion instanceof Error) && region && unitRegion.path.startsWith(region.path);
    if (!unit || unit instanceof Error || !inRound) {
      throw badInput(field, msg(`单位不存在或不属于本轮地区：${id}`, `No such unit in this round's region: ${id}`));
    }
  });
  if (unique.length > 0) {
    const taken = await ctx.em.findBy(TeamTarget, { roundId: round.id, unitId: In(unique) });
    const clash = taken.find((t) => t.teamId !== teamId);
    if (clash) {
      const [unit, other] = await Promise.all([unitLoader(ctx).load(clash.unitId), teamLoader(ctx).load(clash.teamId)]);
      throw conflict(
        msg(`${unit?.name}已是本轮${other?.name}的巡察对象`, `${unit?.name} is already inspected by ${other?.name} in this round`),
      );
    }
  }
  return unique;
}

async function writeTargets(ctx: Ctx, team: Team, unitIds: string[]) {
  if (unitIds.length === 0) return;
  await ctx.em.insert(
    TeamTarget,
    unitIds.map((unitId) => Object.assign(new TeamTarget(), { teamId: team.id, roundId: team.roundId, unitId })),
  );
}

export async function createTeam(ctx: Ctx, input: { roundId: string; name: string; targetUnitIds: string[] }): Promise<Team> {
  const found = await requireWritableRound(ctx, input.roundId, 'roundId');
  const name = requiredName(input.name, 'name', 100);
  const round = await lockedRound(ctx, found.id);
  assertAllows(round, 'EDIT_TEAMS');
  const duplicate = () => conflict(msg(`本轮已有名为“${name}”的巡察组`, `The round already has a team called "${name}"`));
  if (await ctx.em.existsBy(Team, { roundId: round.id, name })) throw duplicate();
  const targets = await checkTargets(ctx, round, null, input.targetUnitIds);
  const team = Object.assign(new Team(), { roundId: round.id, name, createdAt: ctx.clock.now() });
  try {
    await ctx.em.insert(Team, team);
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate();
    throw e;
  }
  await writeTargets(ctx, team, targets);
  ctx.touch(team.id);
  return team;
}

/** Replaces a team's targets while the round is being planned. */
export async function setTeamTargets(ctx: Ctx, input: { teamId: string; targetUnitIds: string[] }): Promise<Team> {
  const { team, round: found } = await requireWritableTeam(ctx, input.teamId, 'teamId');
  const round = await lockedRound(ctx, found.id);
  assertAllows(round, 'EDIT_TEAMS');
  const targets = await checkTargets(ctx, round, team.id, input.targetUnitIds);
  await ctx.em.delete(TeamTarget, { teamId: team.id });
  await writeTargets(ctx, team, targets);
  ctx.touch(team.id);
  return team;
}

export interface AssignResult {
  membership: TeamMembership | null;
  violations: Violation[];
}

/**
 * Puts a person on a team. The team's row and then the person's are locked first, so that
 * concurrent assignments of one person (from any number of service processes) are checked one
 * after the other and cannot double-book them. Hard violations refuse it with nothing written.
 */
export async function assignTeamMember(ctx: Ctx, input: { teamId: string; personId: string; role: TeamRole }): Promise<AssignResult> {
  const { team } = await requireWritableTeam(ctx, input.teamId, 'teamId');
  // The person may be kept by another region (a city cadre sent down): anyone the office may
  // draw into its teams is read here, and the pool rule decides.
  const person = await requirePerson(ctx, input.personId, 'personId');
  return assignChecked(ctx, team, person, input.role);
}

/**
 * The checked write behind every assignment (one at a time, or a whole composition applied):
 * locks the team's row and then the person's, re-reads the round and the team's facts, and
 * writes the membership only when no hard rule refuses it. Callers have resolved the ids through
 * the scoped helpers. Facts are read through the request's loaders: a caller writing several
 * memberships in one request resets them between writes.
 */
export async function assignChecked(ctx: Ctx, team: Team, person: Person, role: TeamRole): Promise<AssignResult> {
  await lockRows(ctx.em, Team, [team.id]);
  await lockRows(ctx.em, Person, [person.id]);
  const round = (await ctx.em.findOneBy(Round, { id: team.roundId }))!;
  assertAllows(round, 'CHANGE_MEMBERS');

  const facts = await loadFacts(ctx, round, { teamIds: [team.id], candidate: { personId: person.id, role } });
  const check = checkAssignment(facts.teams.get(team.id)!, facts.candidate!);
  if (check.refused.length > 0) return { membership: null, violations: check.refused };

  const membership = Object.assign(new TeamMembership(), {
    teamId: team.id,
    roundId: round.id,
    personId: person.id,
    role,
    joinedOn: joinedOn(round.status, round.startsOn, ctx.clock.today()),
    leftOn: null,
    leftReason: null,
    currentRoundId: round.id,
    createdAt: ctx.clock.now(),
  });
  try {
    await ctx.em.insert(TeamMembership, membership);
  } catch (e) {
    // The unique key (person, current round) is the last line: another team of this round got them first.
    if (!isUniqueViolation(e)) throw e;
    const booked = msg(`${person.name}已在本轮另一巡察组`, `${person.name} is already on another team of this round`);
    return { membership: null, violations: [{ rule: 'DOUBLE_BOOKED', severity: 'HARD', message: booked, personId: person.id }] };
  }
  ctx.touch(membership.id, team.id, person.id);
  return { membership, violations: check.reported };
}

async function revoke(ctx: Ctx, ids: string[]) {
  if (ids.length === 0) return;
  await ctx.em
    .createQueryBuilder()
    .update(Authorization)
    .set({ status: AuthorizationStatus.REVOKED, activeTeamId: null, endedOn: ctx.clock.today() })
    .where('id IN (:...ids)', { ids })
    .execute();
  ctx.touch(...ids);
}

/**
 * Takes a member off a team on the day of removal, keeping the membership in the history (taken
 * off before the round's start, the member is withdrawn before stationing: they join and leave
 * that day, and never served). Removing the leader revokes the team's authorization.
 */
export async function removeTeamMember(ctx: Ctx, input: { membershipId: string; reason: string }): Promise<TeamMembership> {
  ctx.auth.require('round:write');
  const found = await membershipLoader(ctx).load(input.membershipId);
  const foundRound = found ? await roundLoader(ctx).load(found.roundId) : null;
  if (!found || !foundRound || !(await ctx.auth.covers(foundRound.regionId))) throw unknownId('membershipId', MEMBERSHIP, input.membershipId);
  const reason = requiredText(input.reason, 'reason', 500);
  await lockRows(ctx.em, Team, [found.teamId]);
  const membership = (await ctx.em.findOneBy(TeamMembership, { id: found.id }))!;
  const round = (await ctx.em.findOneBy(Round, { id: membership.roundId }))!;
  if (membership.leftOn !== null) {
    throw conflict(msg(`该成员已于${membership.leftOn}调出`, `This member already left on ${membership.leftOn}`));
  }
  assertAllows(round, 'CHANGE_MEMBERS');
  const days = removalDays(membership.joinedOn, ctx.clock.today());
  await ctx.em.update(TeamMembership, { id: membership.id }, { ...days, leftReason: reason, currentRoundId: null });
  Object.assign(membership, { ...days, leftReason: reason, currentRoundId: null });
  if (membership.role === TeamRole.LEADER) {
    await revoke(ctx, revokedByLeaderChange(await ctx.em.findBy(Authorization, { teamId: membership.teamId }), membership.teamId));
  }
  ctx.touch(membership.id, membership.teamId);
  return membership;
}

export interface AuthorizeData {
  teamId: string;
  documentNo: string;
  authorizedOn: string;
  authorizedBy: string;
}

/**
 * Records the Party committee's authorization of the team's current leader for this round
 * (一次一授权). It replaces the team's ACTIVE authorization, which becomes REVOKED.
 */
export async function authorizeTeamLeader(ctx: Ctx, input: AuthorizeData): Promise<Authorization> {
  const { team } = await requireWritableTeam(ctx, input.teamId, 'teamId');
  const documentNo = requiredName(input.documentNo, 'documentNo', 100);
  const authorizedBy = requiredName(input.authorizedBy, 'authorizedBy', 200);
  await lockRows(ctx.em, Team, [team.id]);
  const round = (await ctx.em.findOneBy(Round, { id: team.roundId }))!;
  const leader = await ctx.em.findOneBy(TeamMembership, { teamId: team.id, role: TeamRole.LEADER, leftOn: IsNull() });
  const existing = await ctx.em.findBy(Authorization, { teamId: team.id });
  const d = decideAuthorize({ roundStatus: round.status, leaderPersonId: leader?.personId ?? null, teamId: team.id, existing });
  if (!d.ok) throw conflict(d.message);
  await revoke(ctx, d.revokeIds);
  const authorization = Object.assign(new Authorization(), {
    roundId: round.id,
    teamId: team.id,
    personId: leader!.personId,
    documentNo,
    authorizedOn: input.authorizedOn,
    authorizedBy,
    status: AuthorizationStatus.ACTIVE,
    endedOn: null,
    activeTeamId: team.id,
    createdAt: ctx.clock.now(),
  });
  await ctx.em.insert(Authorization, authorization);
  ctx.touch(authorization.id, team.id);
  return authorization;
}

/**
 * Evaluates a member after the round (REPORTING or CLOSED): a leader by the leading group's
 * head, anyone else by the team's leader. A later evaluation supersedes an earlier one.
 */
export async function evaluateMember(
  ctx: Ctx,
  input: { membershipId: string; grade: EvaluationGrade; comment?: string | null },
): Promise<TeamMembership> {
  const account = ctx.auth.signedIn();
  const membership = await membershipLoader(ctx).load(input.membershipId);
  const round = membership ? await roundLoader(ctx).load(membership.roundId) : null;
  const team = membership ? await teamLoader(ctx).load(membership.teamId) : null;
  if (!membership || !round || !team || !(await canReadTeam(ctx, team))) throw unknownId('membershipId', MEMBERSHIP, input.membershipId);
  if (membership.role === TeamRole.LEADER) {
    if (!ctx.auth.has('evaluation:leader')) {
      throw forbidden(msg('组长由巡察工作领导小组评价', 'Leaders are evaluated by the head of the leading group'));
    }
    if (!(await ctx.auth.covers(round.regionId))) throw unknownId('membershipId', MEMBERSHIP, input.membershipId);
  } else if (!ctx.auth.isAdmin) {
    const leader = await ctx.em.findOneBy(TeamMembership, { teamId: membership.teamId, role: TeamRole.LEADER, leftOn: IsNull() });
    if (!ctx.auth.has('evaluation:member') || !leader || !ctx.auth.isSelf(leader.personId)) {
      throw forbidden(msg('组员由本组组长评价', "Members are evaluated by their team's leader"));
    }
  }
  assertAllows(round, 'EVALUATE');
  const evaluation = Object.assign(new Evaluation(), {
    membershipId: membership.id,
    grade: input.grade,
    comment: optionalText(input.comment, 'comment', 1000),
    evaluatedById: account.id,
    evaluatedAt: ctx.clock.now(),
  });
  await ctx.em.insert(Evaluation, evaluation);
  ctx.touch(evaluation.id, membership.id);
  return membership;
}

/** Records training or a pledge of a person for a round; recording it again updates the date. */
export async function recordReadiness(
  ctx: Ctx,
  input: { personId: string; roundId: string; kind: ReadinessKind; completedOn: string },
): Promise<Person> {
  ctx.auth.require('readiness:write');
  const round = await requireWritableRound(ctx, input.roundId, 'roundId');
  const person = await requirePerson(ctx, input.personId, 'personId');
  assertAllows(round, 'RECORD_READINESS');
  if (input.completedOn > ctx.clock.today()) {
    throw badInput('completedOn', msg('完成日期不能晚于今天', 'The completion date cannot be in the future'));
  }
  await lockRows(ctx.em, Person, [person.id]);
  const values = { completedOn: input.completedOn, recordedBy: ctx.account?.id ?? null, recordedAt: ctx.clock.now() };
  const existing = await ctx.em.findOneBy(ReadinessRecord, { personId: person.id, roundId: round.id, kind: input.kind });
  if (existing) {
    await ctx.em.update(ReadinessRecord, { id: existing.id }, values);
    ctx.touch(existing.id);
  } else {
    const record = Object.assign(new ReadinessRecord(), { personId: person.id, roundId: round.id, kind: input.kind, ...values });
    await ctx.em.insert(ReadinessRecord, record);
    ctx.touch(record.id);
  }
  return person;
}
