/**
 * The composition use cases: candidates for a slot, proposals (solved off the event loop, stored
 * with the fingerprint of their inputs), applying a proposal, and the per-region weights of the
 * soft-cost model. Everything is judged by the pure rules of rules/ on facts loaded in a number
 * of statements that does not depend on the number of teams or candidates.
 */
import { createHash } from 'node:crypto';
import { Ctx } from '../context';
import { badInput, conflict, unknownId } from '../common/errors';
import { Msg, msg } from '../common/i18n';
import { addYears } from '../common/dates';
import { paginateList, PageArgs, ConnectionShape } from '../common/pagination';
import { isUniqueViolation } from '../db/transaction';
import { lockRows } from '../db/locks';
import { personLoader } from '../people/people.service';
import { checkSpecialtyCodes, drawablePeople } from '../pools/pools.service';
import { Region } from '../regions/region.entity';
import { regionLoader, requireRegion } from '../regions/regions.service';
import { requireWritableRound, requireWritableTeam } from '../rounds/access';
import { loadFacts, CandidateGroup } from '../rounds/facts';
import { lockedRound } from '../rounds/rounds.service';
import { bookingsOfPerson, membershipsOfRound, roundLoader, teamLoader, teamsOfRound } from '../rounds/rounds.loaders';
import { poolFactsOfPerson } from '../pools/facts';
import { countsAsServed, refusal } from '../rounds/rules/lifecycle';
import { POOLS_FOR_ROLE, regionsRelated } from '../rounds/rules/team-check';
import type { AvoidanceFact, PersonFact, TeamRole } from '../rounds/rules/types';
import { Round } from '../rounds/round.entity';
import { Team, TeamMembership, TeamRole as MembershipRole } from '../rounds/team.entity';
import { assignChecked, removeTeamMember } from '../rounds/teams.service';
import { CompositionProposal, CompositionWeightsRow } from './composition.entity';
import { rankCandidates, RankedCandidate, RuleCount } from './rules/candidates';
import { NEWLY_PROMOTED_YEARS, ROTATION_WINDOW_YEARS, ServiceHistory } from './rules/cost';
import { changedParts, describeChanges, fingerprintOf } from './rules/fingerprint';
import { CompositionInstance, findingsIndex, ROLE_ORDER } from './rules/instance';
import { conclude, prepare, ProposalData } from './rules/proposal';
import { applyWeights, CostWeights, WEIGHT_FIELDS, weightsFor, WeightsPatch, weightsProblem } from './rules/weights';
import { solveOffThread } from './solver';

export const PROPOSAL = msg('组合方案', 'composition proposal');
export const DEFAULT_TIME_LIMIT = 10;
export const MAX_TIME_LIMIT = 60;

// ---------------------------------------------------------------- weights

const chainOf = (path: string) => path.split('/').filter(Boolean).reverse();

/** The weights in force for a region (its own, the nearest ancestor's, or the defaults): one statement. */
export async function loadWeights(ctx: Ctx, region: Pick<Region, 'id' | 'path'>): Promise<{ weights: CostWeights; fromRegionId: string | null }> {
  const chain = chainOf(region.path);
  const rows = await ctx.em.getRepository(CompositionWeightsRow).createQueryBuilder('w').where('w.region_id IN (:...chain)', { chain }).getMany();
  return weightsFor(chain, new Map(rows.map((r) => [r.regionId, pickWeights(r)])));
}

const pickWeights = (r: CostWeights): CostWeights => Object.fromEntries(WEIGHT_FIELDS.map((f) => [f, Number(r[f])])) as unknown as CostWeights;

async function weightsView(ctx: Ctx, region: Region, w: { weights: CostWeights; fromRegionId: string | null }) {
  return { region, definedIn: w.fromRegionId ? await regionLoader(ctx).load(w.fromRegionId) : null, ...w.weights };
}

export async function getCompositionWeights(ctx: Ctx, regionId: string) {
  ctx.auth.require('settings:read');
  const region = await requireRegion(ctx, regionId);
  return weightsView(ctx, region, await loadWeights(ctx, region));
}

/** Gives a region weights of its own: the patch over the weights now in force there (offices that compose: round:write). */
export async function setCompositionWeights(ctx: Ctx, input: WeightsPatch & { regionId: string }) {
  const account = ctx.auth.require('round:write');
  const region = await requireRegion(ctx, input.regionId, 'regionId');
  const problem = weightsProblem(input);
  if (problem) throw badInput(problem.field, problem.message);
  const next = applyWeights((await loadWeights(ctx, region)).weights, input);
  const values = { ...next, updatedBy: account.id, updatedAt: ctx.clock.now() };
  const existing = await ctx.em.findOneBy(CompositionWeightsRow, { regionId: region.id });
  try {
    if (existing) await ctx.em.update(CompositionWeightsRow, { id: existing.id }, values);
    else await ctx.em.insert(CompositionWeightsRow, Object.assign(new CompositionWeightsRow(), { regionId: region.id, ...values }));
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(msg('该地区的成本权重正被同时修改，请重试', "This region's weights were changed at the same time; please retry"));
    throw e;
  }
  ctx.touch(region.id);
  return weightsView(ctx, region, { weights: next, fromRegionId: region.id });
}

// ---------------------------------------------------------------- the facts of a problem

/** Rotation history of each person at the round's start: rounds served in the window, leading the region's previous round, a recent promotion. */
async function serviceHistory(ctx: Ctx, round: Round, personIds: readonly string[]): Promise<Record<string, ServiceHistory>> {
  const [bookings, persons, previous] = await Promise.all([
    bookingsOfPerson(ctx).loadMany([...personIds]),
    personLoader(ctx).loadMany([...personIds]),
    ctx.em
      .getRepository(Round)
      .createQueryBuilder('r')
      .where('r.region_id = :region AND r.starts_on < :start AND r.id <> :id', { region: round.regionId, start: round.startsOn, id: round.id })
      .orderBy('r.starts_on', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .getOne(),
  ]);
  const windowStart = addYears(round.startsOn, -ROTATION_WINDOW_YEARS);
  const promotedSince = addYears(round.startsOn, -NEWLY_PROMOTED_YEARS);
  const out: Record<string, ServiceHistory> = {};
  personIds.forEach((id, i) => {
    const rows = bookings[i] instanceof Error ? [] : (bookings[i] as Exclude<(typeof bookings)[number], Error>);
    const person = persons[i] instanceof Error ? null : persons[i];
    // Served: as the team rules count it (not called off, not withdrawn before stationing).
    const served = rows.filter((b) => b.roundId !== round.id && b.roundStartsOn < round.startsOn && countsAsServed(b, b.roundStatus));
    const promoted = person && !(person instanceof Error) ? person.newlyPromotedOn : null;
    out[id] = {
      roundsInWindow: new Set(served.filter((b) => b.roundStartsOn >= windowStart).map((b) => b.roundId)).size,
      ledPreviousRound: previous && served.some((b) => b.roundId === previous.id && b.role === 'LEADER') ? previous.name : null,
      newlyPromoted: !!promoted && promoted >= promotedSince && promoted <= round.startsOn,
    };
  });
  return out;
}

/** The roles a person can be judged for: those with an ACTIVE entry of a fitting pool related to the round's region. */
function rolesFor(poolEntries: PersonFact['poolEntries'], regionPath: string): TeamRole[] {
  return ROLE_ORDER.filter((role) =>
    poolEntries.some((e) => e.status === 'ACTIVE' && POOLS_FOR_ROLE[role].includes(e.pool) && regionsRelated(e.regionPath, regionPath)),
  );
}

const record = <V>(m: Map<TeamRole, V>): Partial<Record<TeamRole, V>> => Object.fromEntries(m) as Partial<Record<TeamRole, V>>;

/**
 * The composition problem of some teams of a round: the teams with the members kept (or none),
 * every person the office can draw on, judged for the roles their pools allow, their history,
 * and the region's weights.
 */
export async function loadInstance(ctx: Ctx, round: Round, opts: { teamIds: string[]; keep: boolean }): Promise<CompositionInstance> {
  const region = await regionLoader(ctx).load(round.regionId);
  const path = region?.path ?? '';
  const [drawable, memberships, allTeams, weights] = await Promise.all([
    drawablePeople(ctx, path),
    membershipsOfRound(ctx).load(round.id),
    teamsOfRound(ctx).load(round.id),
    loadWeights(ctx, { id: round.regionId, path }),
  ]);
  const chosen = new Set(opts.teamIds);
  const current = memberships.filter((m) => m.leftOn === null && chosen.has(m.teamId)).map((m) => ({ teamId: m.teamId, personId: m.personId, role: m.role }));
  const keptIds = new Set(opts.keep ? current.map((m) => m.personId) : []);
  const candidateIds = drawable.filter((id) => !keptIds.has(id));
  // Who is judged for which role comes from the pool facts the rules judge by (read once, for loadFacts too).
  const entries = await poolFactsOfPerson(ctx).loadMany(candidateIds);
  const roles = candidateIds.map((_, i) => {
    const e = entries[i];
    if (e instanceof Error) throw e;
    return rolesFor(e as PersonFact['poolEntries'], path);
  });
  const groups: CandidateGroup[] = ROLE_ORDER.map((role) => ({ role, personIds: candidateIds.filter((_, i) => roles[i].includes(role)) }));
  const facts = await loadFacts(ctx, round, { teamIds: opts.teamIds, release: opts.keep ? [] : opts.teamIds, candidates: groups });
  const history = await serviceHistory(ctx, round, [...new Set([...candidateIds, ...keptIds])]);
  const teamsById = new Map(allTeams.map((t) => [t.id, t]));
  return {
    round: facts.round,
    teams: opts.teamIds.map((id) => facts.teams.get(id)!),
    teamNames: Object.fromEntries(opts.teamIds.map((id) => [id, teamsById.get(id)?.name ?? id])),
    current,
    candidates: candidateIds.map((id) => facts.people.get(id)!),
    judged: Object.fromEntries(groups.map((g) => [g.role, [...g.personIds]])),
    candidateAvoidance: record(facts.candidateAvoidance),
    history,
    weights: weights.weights,
  };
}

// ---------------------------------------------------------------- candidates

export interface CandidatePage extends ConnectionShape<RankedCandidate> {
  excludedByRule: RuleCount[];
}

const shortDigest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 12);

/**
 * Everyone who could take `role` on the team now, ranked (eligible first, then by costDelta),
 * with the ineligible ones after them when asked for. The whole list is judged, then a page is
 * cut from it.
 */
export async function listCandidates(
  ctx: Ctx,
  filter: { teamId: string; role: TeamRole; specialty?: string | null; includeIneligible?: boolean | null },
  page: PageArgs,
): Promise<CandidatePage> {
  const { team, round } = await requireWritableTeam(ctx, filter.teamId, 'teamId');
  const specialty = filter.specialty ? (await checkSpecialtyCodes(ctx, [filter.specialty], 'specialty'))[0] : null;
  const region = await regionLoader(ctx).load(round.regionId);
  const path = region?.path ?? '';
  const [drawable, memberships, weights] = await Promise.all([
    drawablePeople(ctx, path, { specialty }),
    membershipsOfRound(ctx).load(round.id),
    loadWeights(ctx, { id: round.regionId, path }),
  ]);
  const onTeam = new Set(memberships.filter((m) => m.teamId === team.id && m.leftOn === null).map((m) => m.personId));
  const personIds = drawable.filter((id) => !onTeam.has(id));
  const facts = await loadFacts(ctx, round, { teamIds: [team.id], candidates: [{ role: filter.role, personIds }] });
  const history = new Map(Object.entries(await serviceHistory(ctx, round, [...personIds, ...onTeam])));
  const findings = findingsIndex({ candidateAvoidance: record(facts.candidateAvoidance) });
  const ranking = rankCandidates(
    facts.teams.get(team.id)!,
    personIds.map((id) => facts.people.get(id)!),
    filter.role,
    (id) => findings(id, filter.role) as AvoidanceFact[],
    history,
    weights.weights,
  );
  const list = filter.includeIneligible ? ranking.candidates : ranking.candidates.filter((c) => c.eligible);
  const fingerprint = shortDigest([filter, list.map((c) => [c.personId, c.eligible, c.costDelta])]);
  return { ...paginateList(list, page, fingerprint), excludedByRule: ranking.excludedByRule };
}

// ---------------------------------------------------------------- proposals

function assertChangeable(round: Round) {
  const why = refusal(round.status, 'CHANGE_MEMBERS');
  if (why) throw conflict(why);
}

/** The teams asked for (each through the scoped helper, and of this round), or every team of the round. */
async function teamsToCompose(ctx: Ctx, round: Round, teamIds: string[] | null | undefined): Promise<string[]> {
  if (!teamIds) {
    const all = await teamsOfRound(ctx).load(round.id);
    // Ids are UUIDv7: creation order.
    return all.map((t) => t.id).sort();
  }
  if (teamIds.length === 0) throw badInput('teamIds', msg('至少指定一个巡察组', 'Name at least one team'));
  const out: string[] = [];
  for (const id of [...new Set(teamIds)]) {
    const { team } = await requireWritableTeam(ctx, id, 'teamIds');
    if (team.roundId !== round.id) throw badInput('teamIds', msg(`巡察组不属于本轮：${id}`, `Not a team of this round: ${id}`));
    out.push(team.id);
  }
  return out;
}

export async function proposeComposition(
  ctx: Ctx,
  input: { roundId: string; teamIds?: string[] | null; keepCurrentMembers?: boolean | null; timeLimitSeconds?: number | null },
): Promise<CompositionProposal> {
  const account = ctx.auth.require('round:write');
  const round = await requireWritableRound(ctx, input.roundId, 'roundId');
  const limit = input.timeLimitSeconds ?? DEFAULT_TIME_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TIME_LIMIT) {
    throw badInput('timeLimitSeconds', msg(`时限须为 1 至 ${MAX_TIME_LIMIT} 秒`, `The time limit is 1 to ${MAX_TIME_LIMIT} seconds`));
  }
  assertChangeable(round);
  const teamIds = await teamsToCompose(ctx, round, input.teamIds);
  if (teamIds.length === 0) throw conflict(msg('本轮尚无巡察组', 'The round has no teams yet'));
  const keep = input.keepCurrentMembers ?? true;
  const inst = await loadInstance(ctx, round, { teamIds, keep });
  const prep = prepare(inst);
  let millis = 0;
  let result: ProposalData;
  if (prep.built) {
    const r = await solveOffThread({ model: prep.built.model, timeLimitSeconds: limit });
    millis = r.millis;
    result = conclude(inst, prep, { optimal: r.status === 'OPTIMAL', colValue: r.colValue, bound: r.bound });
  } else {
    result = conclude(inst, prep, { optimal: true, colValue: null, bound: null });
  }
  const proposal = Object.assign(new CompositionProposal(), {
    roundId: round.id,
    status: result.status,
    solveMillis: millis,
    keepCurrentMembers: keep,
    teamIds,
    fingerprint: fingerprintOf(inst),
    result,
    createdBy: account.id,
    createdAt: ctx.clock.now(),
  });
  await ctx.em.insert(CompositionProposal, proposal);
  ctx.touch(proposal.id, round.id);
  return proposal;
}

/** A proposal the account may read (round:write in its round's region), else null. */
export async function findProposal(ctx: Ctx, id: string): Promise<CompositionProposal | null> {
  ctx.auth.signedIn();
  if (!ctx.auth.has('round:write')) return null;
  const proposal = await ctx.em.findOneBy(CompositionProposal, { id });
  if (!proposal) return null;
  const round = await roundLoader(ctx).load(proposal.roundId);
  return round && (await ctx.auth.covers(round.regionId)) ? proposal : null;
}

/** What has changed since the proposal was made (nothing: an empty list). */
export async function changesSince(ctx: Ctx, proposal: CompositionProposal): Promise<{ parts: string[]; words: Msg }> {
  const round = await roundLoader(ctx).load(proposal.roundId);
  if (!round) return { parts: ['round'], words: msg('本轮已不存在', 'The round no longer exists') };
  const teams = await teamsOfRound(ctx).load(round.id);
  const present = new Set(teams.map((t) => t.id));
  const teamIds = proposal.teamIds.filter((id) => present.has(id));
  const inst = await loadInstance(ctx, round, { teamIds, keep: proposal.keepCurrentMembers });
  const parts = changedParts(proposal.fingerprint, fingerprintOf(inst));
  const personIds = parts.filter((p) => p.startsWith('person:')).map((p) => p.slice(7));
  const persons = await personLoader(ctx).loadMany(personIds);
  const people = Object.fromEntries(personIds.map((id, i) => [id, persons[i] && !(persons[i] instanceof Error) ? (persons[i] as { name: string }).name : id]));
  const names = Object.fromEntries(teams.map((t) => [t.id, t.name]));
  return { parts, words: describeChanges(parts, { teams: names, people }) };
}

/**
 * Writes every newly proposed membership in one transaction (the mutation's), after checking
 * that nothing the proposal was made from has changed; each one goes through assignment's
 * checked write, under the same row locks, so every rule is judged again. All or nothing.
 */
export async function applyComposition(ctx: Ctx, input: { proposalId: string }): Promise<{ round: Round; memberships: TeamMembership[] }> {
  ctx.auth.require('round:write');
  const found = await findProposal(ctx, input.proposalId);
  if (!found) throw unknownId('proposalId', PROPOSAL, input.proposalId);
  const round = await requireWritableRound(ctx, found.roundId, 'proposalId');
  if (found.result.status === 'INFEASIBLE') {
    throw conflict(msg('该方案不可行，没有可写入的组合', 'The proposal is infeasible: there is no composition to apply'));
  }
  // One apply of a round at a time; the teams are locked before the check, as assignment does.
  await lockedRound(ctx, round.id);
  await lockRows(ctx.em, Team, found.teamIds);
  ctx.resetLoaders();
  const changed = await changesSince(ctx, found);
  if (changed.parts.length > 0) {
    throw conflict(msg(`方案生成后情况已变化，请重新生成：${changed.words.zh}`, `Things changed since the proposal was made; propose again: ${changed.words.en}`));
  }
  assertChangeable(round);

  const written: TeamMembership[] = [];
  if (!found.keepCurrentMembers) {
    const memberships = await membershipsOfRound(ctx).load(round.id);
    const proposed = new Set(found.result.teams.flatMap((t) => t.members.map((m) => `${t.teamId}|${m.personId}|${m.role}`)));
    for (const m of memberships) {
      if (m.leftOn !== null || !found.teamIds.includes(m.teamId) || proposed.has(`${m.teamId}|${m.personId}|${m.role}`)) continue;
      await removeTeamMember(ctx, { membershipId: m.id, reason: '按组合方案调整' });
    }
  }
  for (const t of found.result.teams) {
    const fresh = t.members.filter((m) => !m.kept).sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
    for (const m of fresh) {
      ctx.resetLoaders();
      const [team, person] = await Promise.all([teamLoader(ctx).load(t.teamId), personLoader(ctx).load(m.personId)]);
      if (!team || !person) throw conflict(msg('方案中的巡察组或人员已不存在', 'A team or person of the proposal no longer exists'));
      const r = await assignChecked(ctx, team, person, m.role as MembershipRole);
      if (!r.membership) {
        const why = r.violations.map((v) => v.message);
        throw conflict(
          msg(
            `${person.name}不能加入${team.name}：${why.map((w) => w.zh).join('；')}`,
            `${person.name} cannot join ${team.name}: ${why.map((w) => w.en).join('; ')}`,
          ),
        );
      }
      written.push(r.membership);
    }
  }
  ctx.touch(found.id, round.id);
  return { round, memberships: written };
}
