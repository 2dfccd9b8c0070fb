import { Arg, Ctx as Context, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Ctx } from '../context';
import { badInput } from '../common/errors';
import { msg } from '../common/i18n';
import { atMostOneRootField } from '../graphql/limits';
import { byId, manyBy } from '../db/loaders';
import { Account } from '../auth/account.entity';
import { Person } from '../people/person.entity';
import { personLoader } from '../people/people.service';
import { Round } from '../rounds/round.entity';
import { TeamRole } from '../rounds/team.entity';
import { Unit } from '../units/unit.entity';
import { unitLoader } from '../units/units.service';
import { readsPrivateFactsOnce } from './access';
import { AvoidanceDeclaration, AvoidanceWaiver } from './avoidance.entity';
import {
  avoidanceCheck,
  avoidanceMatrix,
  declareAvoidance,
  MAX_MATRIX_PAIRS,
  getAvoidanceSettings,
  setAvoidanceSettings,
  waiveAvoidance,
} from './avoidance.service';
import {
  AvoidanceFinding,
  AvoidanceSettings,
  DeclareAvoidanceInput,
  DeclareAvoidancePayload,
  inLocale,
  PathStep,
  SetAvoidanceSettingsInput,
  SetAvoidanceSettingsPayload,
  WaiveAvoidanceInput,
  WaiveAvoidancePayload,
} from './avoidance.types';
import type { AvoidanceFindingData, AvoidanceRuleName } from './rules/model';
import { Rule } from '../graphql/enums';

const roundLoader = (ctx: Ctx) => byId(ctx, Round);

/** One avoidanceMatrix per request, whatever its aliases: each may hold a budget of pairs (avoidance.service.ts). */
export const oneMatrixPerRequest = atMostOneRootField('avoidanceMatrix', () =>
  badInput(
    undefined,
    msg(
      `一次请求只能有一个 avoidanceMatrix（每个最多核查 ${MAX_MATRIX_PAIRS.toLocaleString('en')} 对人员与单位），请分成多次请求`,
      `One avoidanceMatrix per request (each checks at most ${MAX_MATRIX_PAIRS.toLocaleString('en')} person-unit pairs); send the others as separate requests`,
    ),
  ),
);

const ROLE_ARG =
  'The team role to judge for (rule 4 is hard for leaders and deputies). Default MEMBER; a person on a team of the round is then judged by their role there.';
const accountLoader = (ctx: Ctx) => byId(ctx, Account);

@Resolver(() => AvoidanceFinding)
export class AvoidanceFindingResolver {
  @Query(() => [AvoidanceFinding], { description: 'Every finding of a person for a unit in a round, at the round\'s start date.' })
  async avoidanceCheck(
    @Arg('personId', () => ID) personId: string,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('roundId', () => ID) roundId: string,
    @Context() ctx: Ctx,
    @Arg('role', () => TeamRole, { nullable: true, description: ROLE_ARG }) role?: TeamRole | null,
  ): Promise<AvoidanceFinding[]> {
    const findings = await avoidanceCheck(ctx, personId, unitId, roundId, role);
    ctx.notePrivateRead([personId]);
    return withEntities(ctx, findings);
  }

  @Query(() => [AvoidanceFinding], { description: 'Every finding for every pair; pairs with none are left out.' })
  async avoidanceMatrix(
    @Arg('roundId', () => ID) roundId: string,
    @Arg('personIds', () => [ID]) personIds: string[],
    @Arg('unitIds', () => [ID]) unitIds: string[],
    @Context() ctx: Ctx,
    @Arg('role', () => TeamRole, { nullable: true, description: ROLE_ARG }) role?: TeamRole | null,
  ): Promise<AvoidanceFinding[]> {
    const findings = await avoidanceMatrix(ctx, roundId, personIds, unitIds, role);
    ctx.notePrivateRead(personIds);
    return withEntities(ctx, findings);
  }
}

/**
 * Findings in the request's language with their persons and units attached (the access checks
 * have read them already), so that a matrix of thousands of findings resolves without a
 * promise per finding.
 */
async function withEntities(ctx: Ctx, findings: AvoidanceFindingData[]): Promise<AvoidanceFinding[]> {
  const personIds = [...new Set(findings.map((f) => f.personId))];
  const [persons, units] = await Promise.all([
    personLoader(ctx).loadMany(personIds),
    unitLoader(ctx).loadMany([...new Set(findings.map((f) => f.unitId))]),
    // The finding guard's question, once per person: it then answers each finding at once.
    Promise.all(personIds.map((id) => readsPrivateFactsOnce(ctx, id))),
  ]);
  const index = <T extends { id: string }>(xs: (T | null | Error)[]) =>
    new Map(xs.filter((x): x is T => x !== null && !(x instanceof Error)).map((x) => [x.id, x]));
  const [p, u] = [index(persons), index(units)];
  return findings.map((f) => inLocale(f, ctx.locale, p, u));
}

@Resolver(() => PathStep)
export class PathStepResolver {
  @FieldResolver(() => Person, { nullable: true })
  person(@Root() s: PathStep, @Context() ctx: Ctx) {
    return s.personId ? personLoader(ctx).load(s.personId) : null;
  }

  @FieldResolver(() => Unit, { nullable: true })
  unit(@Root() s: PathStep, @Context() ctx: Ctx) {
    return s.unitId ? unitLoader(ctx).load(s.unitId) : null;
  }
}

@Resolver(() => AvoidanceDeclaration)
export class AvoidanceDeclarationResolver {
  @Mutation(() => DeclareAvoidancePayload, { description: 'Declares an avoidance (回避申请): by the inspection office, or by the person themselves.' })
  async declareAvoidance(@Arg('input') input: DeclareAvoidanceInput, @Context() ctx: Ctx): Promise<DeclareAvoidancePayload> {
    return { declaration: await declareAvoidance(ctx, input) };
  }

  @FieldResolver(() => Person)
  person(@Root() d: AvoidanceDeclaration, @Context() ctx: Ctx) {
    return personLoader(ctx).load(d.personId);
  }
  @FieldResolver(() => Unit)
  unit(@Root() d: AvoidanceDeclaration, @Context() ctx: Ctx) {
    return unitLoader(ctx).load(d.unitId);
  }
  @FieldResolver(() => Round)
  round(@Root() d: AvoidanceDeclaration, @Context() ctx: Ctx) {
    return roundLoader(ctx).load(d.roundId);
  }
  @FieldResolver(() => Account)
  declaredBy(@Root() d: AvoidanceDeclaration, @Context() ctx: Ctx) {
    return accountLoader(ctx).load(d.declaredBy);
  }
}

@Resolver(() => AvoidanceWaiver)
export class AvoidanceWaiverResolver {
  @Mutation(() => WaiveAvoidancePayload, { description: "The office director's waiver of one hard finding; it still shows, marked waived." })
  async waiveAvoidance(@Arg('input') input: WaiveAvoidanceInput, @Context() ctx: Ctx): Promise<WaiveAvoidancePayload> {
    return { waiver: await waiveAvoidance(ctx, input) };
  }

  @FieldResolver(() => Rule)
  rule(@Root() w: AvoidanceWaiver): AvoidanceRuleName {
    return w.rule;
  }
  @FieldResolver(() => Person)
  person(@Root() w: AvoidanceWaiver, @Context() ctx: Ctx) {
    return personLoader(ctx).load(w.personId);
  }
  @FieldResolver(() => Unit)
  unit(@Root() w: AvoidanceWaiver, @Context() ctx: Ctx) {
    return unitLoader(ctx).load(w.unitId);
  }
  @FieldResolver(() => Round)
  round(@Root() w: AvoidanceWaiver, @Context() ctx: Ctx) {
    return roundLoader(ctx).load(w.roundId);
  }
  @FieldResolver(() => Account)
  approvedBy(@Root() w: AvoidanceWaiver, @Context() ctx: Ctx) {
    return accountLoader(ctx).load(w.approvedBy);
  }
}

/** The declarations and waivers kept with a round. */
@Resolver(() => Round)
export class RoundAvoidanceResolver {
  @FieldResolver(() => [AvoidanceDeclaration], { description: 'Avoidances declared in this round (readable with the avoidance check).' })
  avoidanceDeclarations(@Root() r: Round, @Context() ctx: Ctx) {
    return manyBy(ctx, AvoidanceDeclaration, 'roundId', { declaredAt: 'ASC', id: 'ASC' }).load(r.id);
  }

  @FieldResolver(() => [AvoidanceWaiver], { description: 'Waivers approved in this round (readable with the avoidance check).' })
  avoidanceWaivers(@Root() r: Round, @Context() ctx: Ctx) {
    return manyBy(ctx, AvoidanceWaiver, 'roundId', { approvedAt: 'ASC', id: 'ASC' }).load(r.id);
  }
}

@Resolver(() => AvoidanceSettings)
export class AvoidanceSettingsResolver {
  @Query(() => AvoidanceSettings, { description: 'The avoidance settings in force for a region.' })
  avoidanceSettings(@Arg('regionId', () => ID) regionId: string, @Context() ctx: Ctx) {
    return getAvoidanceSettings(ctx, regionId);
  }

  @Mutation(() => SetAvoidanceSettingsPayload, { description: "Sets a region's own avoidance settings (windows, which rules are on, severities)." })
  async setAvoidanceSettings(@Arg('input') input: SetAvoidanceSettingsInput, @Context() ctx: Ctx): Promise<SetAvoidanceSettingsPayload> {
    return { settings: await setAvoidanceSettings(ctx, input) };
  }
}
