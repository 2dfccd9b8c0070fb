/**
 * The avoidance use cases: the check and the matrix (with their access rules), declarations,
 * waivers and per-region settings; and `findAvoidance`, the batched check the rounds use for
 * assignments, team violations and advancing a round.
 */
import { AVOIDANCE_TIMEOUT_SECONDS, AVOIDANCE_WORKER_PAIRS } from '../config';
import { Ctx } from '../context';
import { badInput, conflict, forbidden, notFound, unknownId } from '../common/errors';
import { msg } from '../common/i18n';
import { requiredText } from '../common/validate';
import { byId } from '../db/loaders';
import { isUniqueViolation } from '../db/transaction';
import { Role } from '../auth/roles';
import { PERSON, personLoader, requirePerson } from '../people/people.service';
import { Person } from '../people/person.entity';
import { personLevel } from '../people/person.access';
import { Level } from '../access/levels';
import { Region } from '../regions/region.entity';
import { regionLoader, requireRegion } from '../regions/regions.service';
import { Round, RoundStatus } from '../rounds/round.entity';
import { canReadRound } from '../rounds/access';
import { Unit } from '../units/unit.entity';
import { requireUnitWithin, UNIT, unitLoader } from '../units/units.service';
import { AvoidanceDeclaration, AvoidanceRuleSettingRow, AvoidanceSettingsRow, AvoidanceWaiver } from './avoidance.entity';
import { Known, loadAvoidanceGraph, loadPersons, loadSettings } from './avoidance.loader';
import type { AvoidanceSettings } from './avoidance.types';
import { evaluateGraph } from './evaluation';
import { assess } from './rules/evaluate';
import type { PersonRec } from './rules/graph';
import { AVOIDANCE_RULES, AvoidanceFindingData, AvoidanceRuleName, isAvoidanceRule, SeverityName, TeamRoleName } from './rules/model';
import { applyPatch, AvoidanceSettingsData, patchProblem, SettingsPatch } from './rules/settings';

export type { AvoidanceFindingData } from './rules/model';

export const ROUND = msg('巡察轮次', 'round');
export const MAX_MATRIX_PERSONS = 5000;
export const MAX_MATRIX_UNITS = 500;
/**
 * The pairs one matrix (and so one request: one matrix per request) may ask about: twice the
 * benchmark's 2,000 × 50, a few seconds of a worker thread at most (bench/README.md).
 */
export const MAX_MATRIX_PAIRS = 200_000;

const roundLoader = (ctx: Ctx) => byId(ctx, Round);

/** One set of persons to judge, with their roles and (optionally) only some units each. */
export interface AvoidancePart {
  personIds: readonly string[];
  roles?: ReadonlyMap<string, TeamRoleName>;
  unitsOf?: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Findings for every pair of each part, judged at the round's start date, from one batched load
 * of every part's persons and the units: several parts judge the same people for several roles
 * at the cost of one load.
 */
async function evaluateParts(ctx: Ctx, round: Round, unitIds: readonly string[], parts: readonly AvoidancePart[], known?: Known): Promise<AvoidanceFindingData[][]> {
  const personIds = [...new Set(parts.flatMap((p) => p.personIds))];
  if (personIds.length === 0 || unitIds.length === 0) return parts.map(() => []);
  const graph = await loadAvoidanceGraph(ctx.em, round, personIds, unitIds, known ?? (await knownRows(ctx, round, personIds, unitIds)));
  const persons = async (ids: string[]) => {
    const into = new Map<string, PersonRec>();
    await loadPersons(ctx.em, ids, into);
    return [...into.values()];
  };
  const limits = {
    workerPairs: ctx.config.avoidanceWorkerPairs ?? AVOIDANCE_WORKER_PAIRS,
    timeoutSeconds: ctx.config.avoidanceTimeoutSeconds ?? AVOIDANCE_TIMEOUT_SECONDS,
  };
  const out: AvoidanceFindingData[][] = [];
  for (const p of parts) out.push(await evaluateGraph(graph, { personIds: p.personIds, unitIds, roles: p.roles, unitsOf: p.unitsOf }, persons, limits));
  return out;
}

/** Findings for every pair, judged at the round's start date, from one batched load. */
async function evaluate(
  ctx: Ctx,
  round: Round,
  personIds: readonly string[],
  unitIds: readonly string[],
  roles?: ReadonlyMap<string, TeamRoleName>,
  known?: Known,
  unitsOf?: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<AvoidanceFindingData[]> {
  return (await evaluateParts(ctx, round, unitIds, [{ personIds, roles, unitsOf }], known))[0];
}

/** The round's region, the persons and the target units, through the request's loaders (often read already). */
async function knownRows(ctx: Ctx, round: Round, personIds: readonly string[], unitIds: readonly string[]): Promise<Known> {
  const [region, persons, units] = await Promise.all([
    regionLoader(ctx).load(round.regionId),
    personLoader(ctx).loadMany([...personIds]),
    unitLoader(ctx).loadMany([...unitIds]),
  ]);
  return toKnown(region, present(persons), present(units));
}

/**
 * Every finding for every (person, unit) pair at the round's start date, waived ones included
 * (`waived: true`), from one batched load. `roles` gives each person's team role for rule 4
 * (hard for leaders and deputies, soft for members); where missing, the person's current role
 * in the round is used, else MEMBER. No access checks: callers have made theirs.
 */
export async function findAvoidance(
  ctx: Ctx,
  q: {
    roundId: string;
    personIds: string[];
    unitIds: string[];
    roles?: Map<string, TeamRoleName>;
    /** Only these units for a person, when not all (one batched load still serves every pair). */
    unitsOf?: ReadonlyMap<string, ReadonlySet<string>>;
  },
): Promise<AvoidanceFindingData[]> {
  return (await findAvoidanceParts(ctx, { roundId: q.roundId, unitIds: q.unitIds, parts: [q] }))[0];
}

/**
 * `findAvoidance` for several parts at once (e.g. a team's members by their roles, and the same
 * candidates judged as leader, as deputy and as member), from one batched load; one list of
 * findings per part.
 */
export async function findAvoidanceParts(ctx: Ctx, q: { roundId: string; unitIds: readonly string[]; parts: readonly AvoidancePart[] }): Promise<AvoidanceFindingData[][]> {
  const round = await roundLoader(ctx).load(q.roundId);
  if (!round) throw notFound(ROUND, q.roundId);
  return evaluateParts(ctx, round, q.unitIds, q.parts);
}

// ---------------------------------------------------------------- queries

const present = <T>(xs: (T | Error | null)[]): T[] => xs.filter((x): x is T => x !== null && !(x instanceof Error));
const toKnown = (region: Region | null, persons: Person[], units: Unit[]): Known => ({
  regionPath: region?.path,
  persons: persons.map((p) => ({ id: p.id, name: p.name, gender: p.gender, hometownRegionId: p.hometownRegionId })),
  units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, regionId: u.regionId, parentId: u.parentId, system: u.system })),
});

/**
 * The check behind the API: avoidance:read, the round's region in scope (else NOT_FOUND), every
 * person one the account reads (its regions' people and those it may draw into its teams; what
 * a finding says of relatives is shown only where the account reads them: access.ts), and every
 * unit in scope, read in two
 * waves (rows, then their regions) whose results the evaluation reuses.
 */
async function checkedEvaluation(
  ctx: Ctx,
  roundId: string,
  personIds: readonly string[],
  unitIds: readonly string[],
  fields: { person: string; unit: string },
  role?: TeamRoleName | null,
) {
  ctx.auth.require('avoidance:read');
  const [round, persons, units] = await Promise.all([
    roundLoader(ctx).load(roundId),
    personLoader(ctx).loadMany([...personIds]),
    unitLoader(ctx).loadMany([...unitIds]),
  ]);
  const [region, personsCovered, unitsCovered] = await Promise.all([
    round ? ctx.auth.regionInScope(round.regionId) : null,
    // Persons of the account's regions, and the people it may draw into its teams (LIMITED).
    Promise.all(persons.map(async (p) => p instanceof Person && (await personLevel(ctx, p)) >= Level.LIMITED)),
    Promise.all(units.map((u) => (u && !(u instanceof Error) ? ctx.auth.covers(u.regionId) : false))),
  ]);
  if (!round || !region) throw notFound(ROUND, roundId, 'roundId');
  personsCovered.forEach((ok, i) => {
    if (!ok) throw notFound(PERSON, personIds[i], fields.person);
  });
  unitsCovered.forEach((ok, i) => {
    if (!ok) throw notFound(UNIT, unitIds[i], fields.unit);
  });
  const roles = role ? new Map(personIds.map((id) => [id, role])) : undefined;
  return evaluate(ctx, round, personIds, unitIds, roles, toKnown(region, present(persons), present(units)));
}

/**
 * `role` is the team role to judge for (rule 4 is hard for leaders and deputies); when left out,
 * a person on a team of the round is judged by their role there, anyone else as a member.
 */
export async function avoidanceCheck(ctx: Ctx, personId: string, unitId: string, roundId: string, role?: TeamRoleName | null): Promise<AvoidanceFindingData[]> {
  return checkedEvaluation(ctx, roundId, [personId], [unitId], { person: 'personId', unit: 'unitId' }, role);
}

export async function avoidanceMatrix(ctx: Ctx, roundId: string, personIds: string[], unitIds: string[], role?: TeamRoleName | null): Promise<AvoidanceFindingData[]> {
  ctx.auth.require('avoidance:read');
  const persons = [...new Set(personIds)];
  const units = [...new Set(unitIds)];
  if (persons.length > MAX_MATRIX_PERSONS) {
    throw badInput('personIds', msg(`一次最多核查 ${MAX_MATRIX_PERSONS} 人`, `At most ${MAX_MATRIX_PERSONS} persons at a time`));
  }
  if (units.length > MAX_MATRIX_UNITS) {
    throw badInput('unitIds', msg(`一次最多核查 ${MAX_MATRIX_UNITS} 个单位`, `At most ${MAX_MATRIX_UNITS} units at a time`));
  }
  if (persons.length * units.length > MAX_MATRIX_PAIRS) {
    const pairs = (persons.length * units.length).toLocaleString('en');
    const max = MAX_MATRIX_PAIRS.toLocaleString('en');
    throw badInput(
      'personIds',
      msg(`一次最多核查 ${max} 对人员与单位（本次 ${persons.length} 人 × ${units.length} 个单位 = ${pairs} 对），请分批核查`, `At most ${max} person-unit pairs at a time (${persons.length} persons × ${units.length} units = ${pairs}); check them in batches`),
    );
  }
  return checkedEvaluation(ctx, roundId, persons, units, { person: 'personIds', unit: 'unitIds' }, role);
}

// ---------------------------------------------------------------- declarations and waivers

export function assertOpen(round: Round) {
  if (round.status === RoundStatus.CLOSED || round.status === RoundStatus.CANCELLED) {
    throw conflict(msg(`${round.name}已结束或已取消，不能再登记、撤回回避或豁免`, `${round.name} is closed or cancelled; avoidance can no longer be declared, waived or withdrawn`));
  }
}

export interface DeclareAvoidanceData {
  personId: string;
  unitId: string;
  roundId: string;
  reason: string;
}

/**
 * The round, person and unit of a declaration or waiver, each through the scoped path: the round
 * in the account's regions (or, for one's own declaration, a round one is on a team of), a
 * person the account sees, a unit of the round's region. Anything else is "no such …".
 */
async function avoidanceSubjects(ctx: Ctx, input: { personId: string; unitId: string; roundId: string }, self: boolean) {
  const round = await roundLoader(ctx).load(input.roundId);
  const roundOk = round && (self ? await canReadRound(ctx, round) : await ctx.auth.covers(round.regionId));
  if (!round || !roundOk) throw unknownId('roundId', ROUND, input.roundId);
  const person = await requirePerson(ctx, input.personId, 'personId');
  const region = await regionLoader(ctx).load(round.regionId);
  const unit = await requireUnitWithin(ctx, input.unitId, 'unitId', region!);
  return { round, person, unit };
}

/**
 * Records an avoidance for a person, a unit and a round: by an inspection office whose regions
 * cover the round, or by the person themselves (an inspector's or group leader's own account)
 * for a round they are on. One per person, unit and round.
 */
export async function declareAvoidance(ctx: Ctx, input: DeclareAvoidanceData): Promise<AvoidanceDeclaration> {
  const account = ctx.auth.signedIn();
  const self = ctx.auth.isSelf(input.personId) && ctx.auth.hasRole(Role.INSPECTOR, Role.GROUP_LEADER);
  if (!self && !ctx.auth.has('declaration:write')) {
    throw forbidden(msg('只有巡察办或本人可以申请回避', 'Only the inspection office or the person themselves may declare an avoidance'));
  }
  const { round, person, unit } = await avoidanceSubjects(ctx, input, self);
  const reason = requiredText(input.reason, 'reason', 500);
  assertOpen(round);
  const declaration = Object.assign(new AvoidanceDeclaration(), {
    personId: person.id,
    unitId: unit.id,
    roundId: round.id,
    reason,
    declaredBy: account.id,
    declaredAt: ctx.clock.now(),
    activeRoundId: round.id,
    withdrawnAt: null,
    withdrawnBy: null,
    withdrawalReason: null,
  });
  const duplicate = () => conflict(msg(`${person.name}对${unit.name}在本轮已申请回避`, `${person.name} has already declared an avoidance of ${unit.name} in this round`));
  if (await ctx.em.existsBy(AvoidanceDeclaration, { personId: person.id, unitId: unit.id, activeRoundId: round.id })) throw duplicate();
  try {
    await ctx.em.insert(AvoidanceDeclaration, declaration);
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate();
    throw e;
  }
  ctx.touch(declaration.id);
  return declaration;
}

export interface WaiveAvoidanceData extends DeclareAvoidanceData {
  rule: string;
}

/**
 * The office director's waiver of one hard finding (one rule) of a person for a unit in a round.
 * Only a rule that finds something for the pair now, and is hard for some team role, can be
 * waived.
 */
export async function waiveAvoidance(ctx: Ctx, input: WaiveAvoidanceData): Promise<AvoidanceWaiver> {
  const account = ctx.auth.require('waiver:write');
  if (!isAvoidanceRule(input.rule)) {
    throw badInput('rule', msg(`${input.rule} 不是回避规则`, `${input.rule} is not an avoidance rule`));
  }
  const rule: AvoidanceRuleName = input.rule;
  const { round, person, unit } = await avoidanceSubjects(ctx, input, false);
  const reason = requiredText(input.reason, 'reason', 500);
  assertOpen(round);

  const graph = await loadAvoidanceGraph(ctx.em, round, [person.id], [unit.id], await knownRows(ctx, round, [person.id], [unit.id]));
  const setting = graph.settings.rules[rule];
  const found = assess(graph, { personIds: [person.id], unitIds: [unit.id] }).some((f) => f.rule === rule);
  if (!found || (setting.severity !== 'HARD' && setting.memberSeverity !== 'HARD')) {
    throw badInput(
      'rule',
      msg(`${person.name}对${unit.name}没有可豁免的硬性回避情形（${rule}）`, `${person.name} has no hard finding of ${rule} for ${unit.name} to waive`),
    );
  }
  const waiver = Object.assign(new AvoidanceWaiver(), {
    personId: person.id,
    unitId: unit.id,
    roundId: round.id,
    rule,
    reason,
    approvedBy: account.id,
    approvedAt: ctx.clock.now(),
    activeRoundId: round.id,
    revokedAt: null,
    revokedBy: null,
    revocationReason: null,
  });
  const duplicate = () => conflict(msg(`该回避情形（${rule}）在本轮已豁免`, `This finding (${rule}) is already waived in this round`));
  if (await ctx.em.existsBy(AvoidanceWaiver, { personId: person.id, unitId: unit.id, activeRoundId: round.id, rule })) throw duplicate();
  try {
    await ctx.em.insert(AvoidanceWaiver, waiver);
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate();
    throw e;
  }
  ctx.touch(waiver.id);
  return waiver;
}

// ---------------------------------------------------------------- settings

async function settingsView(ctx: Ctx, region: Region, settings: AvoidanceSettingsData, fromRegionId: string | null): Promise<AvoidanceSettings> {
  return {
    region,
    definedIn: fromRegionId ? await regionLoader(ctx).load(fromRegionId) : null,
    formerEmployerYears: settings.formerEmployerYears,
    longTenureYears: settings.longTenureYears,
    superiorSubordinateYears: settings.superiorSubordinateYears,
    repeatYears: settings.repeatYears,
    hometownCountyAllRounds: settings.hometownCountyAllRounds,
    rules: AVOIDANCE_RULES.map((rule) => ({ rule, ...settings.rules[rule] })),
  };
}

export async function getAvoidanceSettings(ctx: Ctx, regionId: string): Promise<AvoidanceSettings> {
  ctx.auth.require('settings:read');
  const region = await requireRegion(ctx, regionId);
  const { settings, fromRegionId } = await loadSettings(ctx.em, region.id, region.path);
  return settingsView(ctx, region, settings, fromRegionId);
}

export interface SetAvoidanceSettingsData extends Omit<SettingsPatch, 'rules'> {
  regionId: string;
  rules?: { rule: string; enabled?: boolean | null; severity?: SeverityName | null; memberSeverity?: SeverityName | null }[] | null;
}

/** Gives a region settings of its own: the patch over the settings now in force there. */
export async function setAvoidanceSettings(ctx: Ctx, input: SetAvoidanceSettingsData): Promise<AvoidanceSettings> {
  const account = ctx.auth.require('avoidanceSettings:write');
  const region = await requireRegion(ctx, input.regionId, 'regionId');
  const patch = input as SettingsPatch;
  const problem = patchProblem(patch);
  if (problem) throw badInput(problem.field, msg(problem.zh, problem.en));
  const next = applyPatch((await loadSettings(ctx.em, region.id, region.path)).settings, patch);

  const windows = {
    formerEmployerYears: next.formerEmployerYears,
    longTenureYears: next.longTenureYears,
    superiorSubordinateYears: next.superiorSubordinateYears,
    repeatYears: next.repeatYears,
    hometownCountyAllRounds: next.hometownCountyAllRounds,
    updatedBy: account.id,
    updatedAt: ctx.clock.now(),
  };
  const existing = await ctx.em.findOneBy(AvoidanceSettingsRow, { regionId: region.id });
  try {
    if (existing) await ctx.em.update(AvoidanceSettingsRow, { id: existing.id }, windows);
    else await ctx.em.insert(AvoidanceSettingsRow, Object.assign(new AvoidanceSettingsRow(), { regionId: region.id, ...windows }));
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(msg('该地区的回避设置正被同时修改，请重试', "This region's avoidance settings were changed at the same time; please retry"));
    throw e;
  }
  await ctx.em.delete(AvoidanceRuleSettingRow, { regionId: region.id });
  await ctx.em.insert(
    AvoidanceRuleSettingRow,
    AVOIDANCE_RULES.map((rule) => Object.assign(new AvoidanceRuleSettingRow(), { regionId: region.id, rule, ...next.rules[rule] })),
  );
  ctx.touch(region.id);
  return settingsView(ctx, region, next, region.id);
}
