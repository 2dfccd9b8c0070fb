/**
 * Corrections to a round: its theme and dates, calling it off, and dropping a team while the
 * round is being planned.
 *
 * Dates: the team rules and the avoidance check are computed on read from the round's dates, so
 * nothing derived is stored to go stale; what is stored is brought along or guards the change:
 * members assigned before stationing carry the round's start as their joining day (moved with
 * it), memberships and attendance outside the new period refuse it, a look-back round must
 * still follow its round, and an authorized or stationed round may not gain a hard violation
 * (its teams were valid when it was authorized).
 *
 * Calling off keeps the round (CANCELLED, with the day and reason): its authorizations end, its
 * members leave on that day with the reason, so that they are free for other rounds and the
 * round counts as neither service (experience mix, repeat inspections) nor coverage.
 *
 * Dropping a team (PLANNING only) deletes it with its targets and memberships: nobody served on
 * it and nothing was inspected, so they are drafts, not history; the audit record keeps the ids
 * and the reason. A team whose leader the Party committee has already authorized is history (a
 * document was issued for it) and is refused: call the round off, or keep the team.
 */
import { In, IsNull } from 'typeorm';
import { Ctx } from '../context';
import { AppError, badInput, conflict } from '../common/errors';
import { msg } from '../common/i18n';
import { optionalText, requiredText } from '../common/validate';
import { noteForAudit } from '../audit/audit.service';
import { attendanceOutside } from '../attendance/facts';
import { requireWritableRound, requireWritableTeam } from './access';
import { loadFacts } from './facts';
import { Round, RoundKind, RoundStatus } from './round.entity';
import { lockedRound, namingTeam, roundName } from './rounds.service';
import { teamsOfRound } from './rounds.loaders';
import { endedByClosing } from './rules/authorization';
import { cancelRefusal, dateChangeRefusal, refusal, removalDays, themeChangeRefusal } from './rules/lifecycle';
import { evaluateTeam } from './rules/team-check';
import type { Violation } from './rules/types';
import { Authorization, AuthorizationStatus, Team, TeamMembership, TeamTarget } from './team.entity';

export interface UpdateRoundData {
  roundId: string;
  theme?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
}

const key = (v: Violation) => `${v.teamId ?? ''}|${v.rule}|${v.personId ?? ''}|${v.unitId ?? ''}`;

/** The hard violations of the round's teams, each message naming its team. */
async function hardViolations(ctx: Ctx, round: Round): Promise<Violation[]> {
  const [{ teams }, rows] = await Promise.all([loadFacts(ctx, round), teamsOfRound(ctx).load(round.id)]);
  const names = new Map(rows.map((t) => [t.id, t.name]));
  return [...teams.values()].flatMap((t) => evaluateTeam(t).filter((v) => v.severity === 'HARD').map((v) => namingTeam(v, names)));
}

/** Changes a round's theme or dates (see the module comment for what each status allows). */
export async function updateRound(ctx: Ctx, input: UpdateRoundData): Promise<Round> {
  const found = await requireWritableRound(ctx, input.roundId, 'roundId');
  const round = await lockedRound(ctx, found.id);
  const changes: Partial<Round> = {};

  if (input.theme !== undefined) {
    const why = themeChangeRefusal(round.status);
    if (why) throw conflict(why);
    const theme = optionalText(input.theme, 'theme', 200);
    if (round.kind === RoundKind.SPECIAL && !theme) throw badInput('theme', msg('专项巡察须写明主题', 'A special round needs a theme'));
    changes.theme = theme;
    changes.name = roundName(round.year, round.ordinal, round.kind, theme);
  }

  const startsOn = input.startsOn ?? round.startsOn;
  const endsOn = input.endsOn ?? round.endsOn;
  const datesChange = startsOn !== round.startsOn || endsOn !== round.endsOn;
  if (datesChange) {
    const today = ctx.clock.today();
    const why = dateChangeRefusal({ status: round.status, startsOn: round.startsOn, endsOn: round.endsOn, nextStartsOn: startsOn, nextEndsOn: endsOn, today });
    if (why) throw new AppError(why.code, why.message, why.field);
    await checkFollowing(ctx, round, startsOn);
    await checkStored(ctx, round, startsOn, endsOn);
    changes.startsOn = startsOn;
    changes.endsOn = endsOn;
  }
  if (Object.keys(changes).length === 0) return round;

  const before = datesChange && round.status !== RoundStatus.PLANNING ? await hardViolations(ctx, round) : [];
  await ctx.em.update(Round, { id: round.id }, changes);
  if (datesChange && startsOn !== round.startsOn && (round.status === RoundStatus.PLANNING || round.status === RoundStatus.AUTHORIZED)) {
    // Members assigned before stationing are on the team from the round's start.
    await ctx.em.update(TeamMembership, { roundId: round.id, joinedOn: round.startsOn }, { joinedOn: startsOn });
    // Anyone who left before the new start was withdrawn before stationing (see removalDays).
    await ctx.em
      .createQueryBuilder()
      .update(TeamMembership)
      .set({ joinedOn: () => 'left_on' })
      .where('round_id = :id AND left_on IS NOT NULL AND left_on < joined_on', { id: round.id })
      .execute();
  }
  Object.assign(round, changes);
  if (datesChange && round.status !== RoundStatus.PLANNING) {
    // The round's rows as the loaders hold them are the old ones: judge afresh.
    ctx.resetLoaders();
    const had = new Set(before.map(key));
    const fresh = (await hardViolations(ctx, round)).filter((v) => !had.has(key(v)));
    if (fresh.length > 0) {
      throw conflict(
        msg(
          `调整后巡察组将违反硬性规则：${fresh.map((v) => v.message.zh).join('；')}`,
          `With these dates a team would break a hard rule: ${fresh.map((v) => v.message.en).join('; ')}`,
        ),
        { rules: [...new Set(fresh.map((v) => v.rule))] },
      );
    }
  }
  ctx.touch(round.id);
  return round;
}

/** A look-back round still follows its round, and rounds following this one still start after it. */
async function checkFollowing(ctx: Ctx, round: Round, startsOn: string) {
  if (round.followsRoundId) {
    const earlier = await ctx.em.findOneBy(Round, { id: round.followsRoundId });
    if (earlier && earlier.startsOn >= startsOn) {
      throw badInput('startsOn', msg(`“回头看”须晚于所跟进的${earlier.name}（${earlier.startsOn}）开始`, `A look-back round must start after the round it follows up (${earlier.startsOn})`));
    }
  }
  const later = await ctx.em.findBy(Round, { followsRoundId: round.id });
  const clash = later.find((r) => r.startsOn <= startsOn && r.status !== RoundStatus.CANCELLED);
  if (clash) {
    throw badInput('startsOn', msg(`${clash.name}跟进本轮，本轮须早于其开始（${clash.startsOn}）`, `${clash.name} follows this round up; this round must start before it (${clash.startsOn})`));
  }
}

/** Memberships and attendance already recorded must fall within the new period. */
async function checkStored(ctx: Ctx, round: Round, startsOn: string, endsOn: string) {
  const memberships = await ctx.em.findBy(TeamMembership, { roundId: round.id });
  // A member assigned before stationing joins on the start, which moves with it; one removed
  // while planning left before joining and never served.
  const movesWithStart = (m: TeamMembership) => m.joinedOn === round.startsOn && (round.status === RoundStatus.PLANNING || round.status === RoundStatus.AUTHORIZED);
  const outside = memberships.filter((m) => {
    const joined = movesWithStart(m) ? startsOn : m.joinedOn;
    return joined > endsOn || (m.leftOn !== null && m.leftOn >= joined && m.leftOn > endsOn);
  });
  if (outside.length > 0) {
    throw conflict(
      msg(`有${outside.length}条成员记录（加入或离开日期）不在新的进驻期间内`, `${outside.length} membership(s) joined or left outside the new period`),
      { memberships: outside.map((m) => m.id) },
    );
  }
  const days = await attendanceOutside(ctx, round.id, startsOn, endsOn);
  if (days > 0) {
    throw conflict(msg(`已有${days}条考勤记录不在新的进驻期间内`, `${days} attendance record(s) lie outside the new period`));
  }
}

/** Calls a round off before stationing, with a reason (see the module comment). */
export async function cancelRound(ctx: Ctx, input: { roundId: string; reason: string }): Promise<Round> {
  const found = await requireWritableRound(ctx, input.roundId, 'roundId');
  const reason = requiredText(input.reason, 'reason', 500);
  const round = await lockedRound(ctx, found.id);
  const why = cancelRefusal(round.status);
  if (why) throw conflict(why);
  const today = ctx.clock.today();
  const changes = { status: RoundStatus.CANCELLED, cancelledOn: today, cancelReason: reason };
  await ctx.em.update(Round, { id: round.id }, changes);

  const ended = endedByClosing(await ctx.em.findBy(Authorization, { roundId: round.id }), round.id);
  if (ended.length > 0) {
    await ctx.em.update(Authorization, { id: In(ended) }, { status: AuthorizationStatus.ENDED, activeTeamId: null, endedOn: today });
  }
  const current = await ctx.em.findBy(TeamMembership, { roundId: round.id, leftOn: IsNull() });
  if (current.length > 0) {
    const leftReason = `轮次取消：${reason}`.slice(0, 500);
    await ctx.em.update(TeamMembership, { id: In(current.map((m) => m.id)) }, { leftOn: today, leftReason, currentRoundId: null });
    // Members of a round called off before its start are withdrawn before stationing (see removalDays).
    const early = current.filter((m) => removalDays(m.joinedOn, today).joinedOn !== m.joinedOn);
    if (early.length > 0) await ctx.em.update(TeamMembership, { id: In(early.map((m) => m.id)) }, { joinedOn: today });
  }
  noteForAudit(ctx, reason);
  ctx.touch(round.id, ...ended, ...current.map((m) => m.id));
  return Object.assign(round, changes);
}

/** Drops a team while its round is planned (see the module comment). */
export async function removeTeam(ctx: Ctx, input: { id: string; reason: string }): Promise<string> {
  const { team } = await requireWritableTeam(ctx, input.id, 'id');
  const reason = requiredText(input.reason, 'reason', 500);
  const round = await lockedRound(ctx, team.roundId);
  const why = refusal(round.status, 'EDIT_TEAMS');
  if (why) throw conflict(why);
  if (await ctx.em.existsBy(Authorization, { teamId: team.id })) {
    throw conflict(
      msg(
        `${team.name}的组长已获授权，授权记录须保留，不能删除该组；可取消本轮`,
        `The leader of ${team.name} has been authorized; that record is kept, so the team cannot be removed (the round can be called off)`,
      ),
    );
  }
  const memberships = await ctx.em.findBy(TeamMembership, { teamId: team.id });
  await ctx.em.delete(TeamTarget, { teamId: team.id });
  if (memberships.length > 0) await ctx.em.delete(TeamMembership, { id: In(memberships.map((m) => m.id)) });
  await ctx.em.delete(Team, { id: team.id });
  noteForAudit(ctx, reason);
  ctx.touch(team.id, ...memberships.map((m) => m.id));
  return team.id;
}
