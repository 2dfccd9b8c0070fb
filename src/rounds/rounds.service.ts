import { Ctx } from '../context';
import { badInput, conflict, unknownId } from '../common/errors';
import { Msg, msg } from '../common/i18n';
import { assertNotBefore } from '../common/dates';
import { paginate, PageArgs } from '../common/pagination';
import { ListOrder, pageOrderOf } from '../common/list-order';
import { optionalName } from '../common/validate';
import { lockRows } from '../db/locks';
import { isUniqueViolation } from '../db/transaction';
import { requireRegion, withinRegion } from '../regions/regions.service';
import { Unit } from '../units/unit.entity';
import { allSpecialties } from '../pools/pools.service';
import { canReadRound, requireWritableRound, ROUND } from './access';
import { loadFacts } from './facts';
import { teamsOfRound } from './rounds.loaders';
import { Round, RoundKind, RoundStatus } from './round.entity';
import { endedByClosing } from './rules/authorization';
import { decideAdvance } from './rules/lifecycle';
import { evaluateTeam } from './rules/team-check';
import { resolveTeamRules, validateTeamRules } from './rules/team-rules';
import type { TeamRules, Violation } from './rules/types';
import { Authorization, AuthorizationStatus } from './team.entity';

const KIND_NAMES: Record<RoundKind, string> = {
  REGULAR: '常规',
  SPECIAL: '专项',
  MOBILE: '机动',
  LOOK_BACK: '“回头看”',
  ELEVATED: '提级',
  CROSS: '交叉',
  LINKED: '联动',
};

/** "2025年第2轮专项巡察（扶贫）" */
export function roundName(year: number, ordinal: number, kind: RoundKind, theme: string | null): string {
  return `${year}年第${ordinal}轮${KIND_NAMES[kind]}巡察${theme ? `（${theme}）` : ''}`;
}

export interface CreateRoundData {
  regionId: string;
  year: number;
  ordinal: number;
  kind: RoundKind;
  theme?: string | null;
  startsOn: string;
  endsOn: string;
  followsRoundId?: string | null;
  rules?: Partial<TeamRules> | null;
}

export async function createRound(ctx: Ctx, input: CreateRoundData): Promise<Round> {
  ctx.auth.require('round:write');
  const region = await requireRegion(ctx, input.regionId, 'regionId');
  if (!Number.isInteger(input.year) || input.year < 1949 || input.year > 2200) {
    throw badInput('year', msg('年份不合理', 'The year is not plausible'));
  }
  if (!Number.isInteger(input.ordinal) || input.ordinal < 1 || input.ordinal > 100) {
    throw badInput('ordinal', msg('轮次序号须为 1 至 100', 'The ordinal must be from 1 to 100'));
  }
  assertNotBefore(input.startsOn, input.endsOn, 'endsOn');
  const theme = optionalName(input.theme, 'theme', 200);
  if (input.kind === RoundKind.SPECIAL && !theme) {
    throw badInput('theme', msg('专项巡察须写明主题', 'A special round needs a theme'));
  }
  let followsRoundId: string | null = null;
  if (input.followsRoundId) {
    const earlier = await ctx.em.findOneBy(Round, { id: input.followsRoundId });
    if (!earlier || !(await canReadRound(ctx, earlier))) throw unknownId('followsRoundId', ROUND, input.followsRoundId);
    if (earlier.startsOn >= input.startsOn) {
      throw badInput('followsRoundId', msg('“回头看”所跟进的轮次须早于本轮', 'The round followed up must start before this one'));
    }
    followsRoundId = earlier.id;
  } else if (input.kind === RoundKind.LOOK_BACK) {
    throw badInput('followsRoundId', msg('“回头看”须指明所跟进的轮次', 'A look-back round must name the round it follows up'));
  }
  const rules = resolveTeamRules(input.rules);
  const problems = validateTeamRules(rules, (await allSpecialties(ctx)).map((s) => s.code));
  if (problems.length > 0) throw badInput(problems[0].field, problems[0].message, { problems: problems.map((p) => p.field) });

  const round = Object.assign(new Round(), {
    regionId: region.id,
    year: input.year,
    ordinal: input.ordinal,
    name: roundName(input.year, input.ordinal, input.kind, theme),
    kind: input.kind,
    theme,
    status: RoundStatus.PLANNING,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    followsRoundId,
    rules,
    createdAt: ctx.clock.now(),
  });
  const duplicate = () =>
    conflict(msg(`该地区${input.year}年第${input.ordinal}轮已存在`, `Round ${input.ordinal} of ${input.year} already exists in this region`));
  if (await ctx.em.existsBy(Round, { regionId: region.id, year: input.year, ordinal: input.ordinal })) throw duplicate();
  try {
    await ctx.em.insert(Round, round);
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate();
    throw e;
  }
  ctx.touch(round.id);
  return round;
}

export interface RoundFilterData {
  regionId: string;
  year?: number | null;
  status?: RoundStatus | null;
}

/** Rounds of a region and its subtree, by start date. */
export type RoundOrderField = 'START_DATE' | 'YEAR' | 'CREATED';
const ROUND_ORDERS = {
  START_DATE: { columns: ['r.starts_on', 'r.id'], key: (r: Round) => [r.startsOn, r.id] },
  YEAR: { columns: ['r.year', 'r.ordinal', 'r.id'], key: (r: Round) => [r.year, r.ordinal, r.id] },
  CREATED: { columns: ['r.id'], key: (r: Round) => [r.id] },
};

export async function listRounds(ctx: Ctx, filter: RoundFilterData, page: PageArgs, order?: ListOrder<RoundOrderField> | null) {
  ctx.auth.require('round:read');
  const region = await requireRegion(ctx, filter.regionId, 'regionId');
  const qb = withinRegion(ctx.em.getRepository(Round).createQueryBuilder('r'), 'r.region_id', region);
  if (filter.year != null) qb.andWhere('r.year = :year', { year: filter.year });
  if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
  return paginate(qb, page, pageOrderOf(ROUND_ORDERS, order, { field: 'START_DATE', direction: 'ASC' }));
}

/** Locks a round and reads it afresh. */
export async function lockedRound(ctx: Ctx, id: string): Promise<Round> {
  await lockRows(ctx.em, Round, [id]);
  return (await ctx.em.findOneBy(Round, { id }))!;
}

/** The current violations of every team of the round. */
export async function teamViolations(ctx: Ctx, round: Round): Promise<Violation[][]> {
  const { teams } = await loadFacts(ctx, round);
  return [...teams.values()].map(evaluateTeam);
}

/** A team's violation as a refusal of the whole round: its message says which team. */
export function namingTeam(v: Violation, teamNames: ReadonlyMap<string, string>): Violation {
  const name = v.teamId ? teamNames.get(v.teamId) : undefined;
  if (!name) return v;
  const prefix = (m: Msg): Msg => ({ zh: `${name}：${m.zh}`, en: `${name}: ${m.en}` });
  return { ...v, message: prefix(v.message), ...(v.publicMessage ? { publicMessage: prefix(v.publicMessage) } : {}) };
}

/**
 * Moves a round one step forward. Refused moves leave the round as it was and list the
 * violations that block it; closing ends every ACTIVE authorization of the round.
 */
export async function advanceRound(ctx: Ctx, input: { roundId: string; to: RoundStatus }): Promise<{ round: Round; violations: Violation[] }> {
  const found = await requireWritableRound(ctx, input.roundId, 'roundId');
  const round = await lockedRound(ctx, found.id);
  // Only the moves to AUTHORIZED and STATIONED look at the teams.
  const guarded = input.to === RoundStatus.AUTHORIZED || input.to === RoundStatus.STATIONED;
  const dates = { startsOn: round.startsOn, endsOn: round.endsOn, today: ctx.clock.today() };
  const outcome = decideAdvance(round.status, input.to, guarded ? await teamViolations(ctx, round) : [], dates);
  if (outcome.kind === 'INVALID') throw conflict(outcome.message);
  if (outcome.kind === 'BLOCKED') {
    const names = new Map((await teamsOfRound(ctx).load(round.id)).map((t) => [t.id, t.name]));
    return { round, violations: outcome.violations.map((v) => namingTeam(v, names)) };
  }
  await ctx.em.update(Round, { id: round.id }, { status: input.to });
  round.status = input.to;
  if (input.to === RoundStatus.CLOSED) {
    const auths = await ctx.em.findBy(Authorization, { roundId: round.id });
    const ended = endedByClosing(auths, round.id);
    if (ended.length > 0) {
      await ctx.em
        .createQueryBuilder()
        .update(Authorization)
        .set({ status: AuthorizationStatus.ENDED, activeTeamId: null, endedOn: ctx.clock.today() })
        .where('id IN (:...ids)', { ids: ended })
        .execute();
    }
    ctx.touch(...ended);
  }
  ctx.touch(round.id);
  return { round, violations: [] };
}

/**
 * Full coverage (全覆盖): the units of a region's subtree, and which of them are targets of a team
 * of any round (not called off) whose stationing period overlaps [from, to].
 */
export async function coverage(ctx: Ctx, q: { regionId: string; from: string; to: string }) {
  ctx.auth.require('round:read');
  const region = await requireRegion(ctx, q.regionId, 'regionId');
  assertNotBefore(q.from, q.to, 'to');
  const units = withinRegion(ctx.em.getRepository(Unit).createQueryBuilder('u'), 'u.region_id', region);
  const inspected = `EXISTS (SELECT 1 FROM team_targets tt INNER JOIN rounds r ON r.id = tt.round_id
    WHERE tt.unit_id = u.id AND r.starts_on <= :to AND r.ends_on >= :from AND r.status <> 'CANCELLED')`;
  const [totalUnits, notInspected] = await Promise.all([
    units.clone().getCount(),
    units.clone().andWhere(`NOT ${inspected}`, { from: q.from, to: q.to }).orderBy('u.name').addOrderBy('u.id').getMany(),
  ]);
  return { totalUnits, inspectedUnits: totalUnits - notInspected.length, notInspected };
}
