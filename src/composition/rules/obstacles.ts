/**
 * Why no composition meets the team rules, in words a clerk understands, naming the people
 * concerned: supply and demand per role, specialty and full-time core before solving (each a
 * proof on its own), and after solving, the team rules the program had to leave short (its
 * slack), each with the people who could have met it and why each is out.
 */
import type { Msg } from '../../common/i18n';
import { ROLE_NAMES } from '../../rounds/rules/team-check';
import type { PersonFact, TeamRole } from '../../rounds/rules/types';
import { Choice, CompositionInstance, hasRequiredSpecialty, Judgement, Refusal } from './instance';
import { keptCounts, SlackRule } from './model';

export interface ObstacleData {
  rule: string;
  teamId: string | null;
  explanation: Msg;
  personIds: string[];
  /**
   * The explanation without relatives' names or relations, where some reason in it came from an
   * avoidance finding that names them; privateOf lists the people whose private facts it uses.
   * A reader who may not read the private facts of every one of them gets the public text.
   */
  publicExplanation?: Msg;
  privateOf?: string[];
}

/** A refusal's reason as both texts; the person is noted when the full text names relatives. */
function reasonOf(v: { message: Msg; publicMessage?: Msg }, personId: string, privateOf: Set<string>): { full: Msg; open: Msg } {
  if (v.publicMessage) privateOf.add(personId);
  return { full: v.message, open: v.publicMessage ?? v.message };
}

/** Adds the public explanation when some reason named relatives. */
function withPublic(o: ObstacleData, privateOf: Set<string>, open: () => Msg): ObstacleData {
  return privateOf.size === 0 ? o : { ...o, publicExplanation: open(), privateOf: [...privateOf] };
}

/** At most this many people are named in one obstacle; the rest are counted. */
export const NAMED = 8;

const list = (parts: readonly Msg[], total = parts.length): Msg => {
  const shown = parts.slice(0, NAMED);
  const more = total - shown.length;
  return {
    zh: shown.map((p) => p.zh).join('；') + (more > 0 ? `；另有${more}人` : ''),
    en: shown.map((p) => p.en).join('; ') + (more > 0 ? `; and ${more} more` : ''),
  };
};

const names = (people: readonly PersonFact[]) => ({ zh: people.map((p) => p.name).join('、'), en: people.map((p) => p.name).join(', ') });

/** Obstacles no solver is needed for: a team without targets, kept members already too many. */
export function blockingObstacles(inst: CompositionInstance): ObstacleData[] {
  const out: ObstacleData[] = [];
  const rules = inst.round.rules;
  for (const team of inst.teams) {
    const name = inst.teamNames[team.id];
    const kept = keptCounts(team);
    const ids = team.members.map((m) => m.personId);
    if (team.targetUnitIds.length === 0) {
      out.push({
        rule: 'TARGET_COUNT',
        teamId: team.id,
        explanation: { zh: `${name}尚无巡察对象，无法核查回避：请先设定巡察对象`, en: `${name} has no units to inspect, so avoidance cannot be judged: set its targets first` },
        personIds: [],
      });
    }
    const over = (rule: string, zh: string, en: string) => out.push({ rule, teamId: team.id, explanation: { zh, en }, personIds: ids });
    if (kept.leaders > 1) over('LEADER_COUNT', `${name}保留的现有成员中有${kept.leaders}名组长`, `${name} keeps its current members, who include ${kept.leaders} leaders`);
    if (kept.deputies > rules.maxDeputies) {
      over('DEPUTY_COUNT', `${name}保留的现有成员中有${kept.deputies}名副组长，超过${rules.maxDeputies}名`, `${name} keeps its current members, who include ${kept.deputies} deputy leaders, more than ${rules.maxDeputies}`);
    }
    if (kept.size > rules.maxSize) {
      over('TEAM_SIZE', `${name}保留的现有成员已有${kept.size}人，超过${rules.maxSize}人`, `${name} keeps its current ${kept.size} members, more than ${rules.maxSize}`);
    }
  }
  return out;
}

/**
 * Supply and demand over all the teams: how many places each rule needs filled, and how many
 * different people could fill at least one of them. Each shortfall proves the composition
 * impossible.
 */
export function shortfalls(inst: CompositionInstance, j: Judgement): ObstacleData[] {
  const rules = inst.round.rules;
  const out: ObstacleData[] = [];
  const kept = inst.teams.map((t) => ({ team: t, k: keptCounts(t) }));
  const who = (keep: (c: Choice) => boolean, teams: Set<string>) =>
    [...new Set(j.choices.filter((c) => teams.has(c.teamId) && keep(c)).map((c) => c.personId))].map((id) => j.people.get(id)!);
  const refusedIn = (role: TeamRole | null, teams: Set<string>, eligible: Set<string>, keep: (p: PersonFact) => boolean) => {
    const seen = new Set<string>();
    const reasons: Msg[] = [];
    const openReasons: Msg[] = [];
    const privateOf = new Set<string>();
    for (const r of j.refused) {
      if ((role && r.role !== role) || !teams.has(r.teamId) || eligible.has(r.personId) || seen.has(r.personId)) continue;
      if (!keep(j.people.get(r.personId)!)) continue;
      seen.add(r.personId);
      const { full, open } = reasonOf(r.refusals[0], r.personId, privateOf);
      reasons.push(full);
      openReasons.push(open);
    }
    return { count: seen.size, ids: [...seen], reasons, openReasons, privateOf };
  };
  const check = (rule: string, demand: number, teams: Set<string>, role: TeamRole | null, keep: (p: PersonFact) => boolean, need: Msg) => {
    if (demand === 0) return;
    const supply = who((c) => (role === null || c.role === role) && keep(j.people.get(c.personId)!), teams);
    if (supply.length >= demand) return;
    const out_ = refusedIn(role, teams, new Set(supply.map((p) => p.personId)), keep);
    const have = supply.length === 0 ? { zh: '没有可安排的人选', en: 'nobody can be placed' } : { zh: `只有${supply.length}人可安排：${names(supply).zh}`, en: `only ${supply.length} can be placed: ${names(supply).en}` };
    const text = (why: Msg | null): Msg => ({
      zh: `${need.zh}，${have.zh}${why ? `。其余人选不能安排：${why.zh}` : ''}`,
      en: `${need.en}; ${have.en}${why ? `. The others cannot be placed: ${why.en}` : ''}`,
    });
    const because = (reasons: Msg[]) => (out_.count > 0 ? list(reasons, out_.count) : null);
    out.push(
      withPublic({ rule, teamId: null, explanation: text(because(out_.reasons)), personIds: [...supply.map((p) => p.personId), ...out_.ids] }, out_.privateOf, () =>
        text(because(out_.openReasons)),
      ),
    );
  };
  const all = (keep: (x: (typeof kept)[number]) => boolean) => new Set(kept.filter(keep).map((x) => x.team.id));
  const any = () => true;

  const noLeader = all((x) => x.k.leaders === 0);
  check('LEADER_COUNT', noLeader.size, noLeader, 'LEADER', any, { zh: `${noLeader.size}个巡察组需要组长`, en: `${noLeader.size} team(s) need a leader` });
  const deputies = kept.reduce((s, x) => s + Math.max(0, rules.minDeputies - x.k.deputies), 0);
  const needDeputies = all((x) => x.k.deputies < rules.minDeputies);
  check('DEPUTY_COUNT', deputies, needDeputies, 'DEPUTY_LEADER', any, { zh: `共需${deputies}名副组长`, en: `${deputies} deputy leader place(s) to fill` });
  const size = kept.reduce((s, x) => s + Math.max(0, rules.minSize - x.k.size), 0);
  const small = all((x) => x.k.size < rules.minSize);
  check('TEAM_SIZE', size, small, null, any, { zh: `各组达到最少人数共需${size}人`, en: `${size} people are needed to bring the teams to their minimum size` });
  const fullTime = kept.reduce((s, x) => s + Math.max(0, rules.minFullTime - x.k.fullTime), 0);
  const lacking = all((x) => x.k.fullTime < rules.minFullTime);
  check('FULL_TIME_CORE', fullTime, lacking, null, (p) => p.fullTimeInspector, { zh: `共需${fullTime}名专职巡察干部`, en: `${fullTime} full-time inspector place(s) to fill` });
  if (rules.requiredSpecialtiesAnyOf.length > 0) {
    const without = all((x) => !x.k.specialty);
    const spec = rules.requiredSpecialtiesAnyOf;
    check('REQUIRED_SPECIALTY', without.size, without, null, (p) => hasRequiredSpecialty(p, inst.round), {
      zh: `${without.size}个巡察组需要${spec.join('或')}专业人员`,
      en: `${without.size} team(s) need a ${spec.join(' or ')} specialist`,
    });
  }
  return out;
}

/** The team rules the solution left short, each with the people who could have met it and why each is out. */
export function slackObstacles(inst: CompositionInstance, j: Judgement, slacks: readonly { teamId: string; rule: SlackRule; amount: number }[], placed: readonly Choice[], proven: boolean): ObstacleData[] {
  const rules = inst.round.rules;
  const placedAt = new Map(placed.map((c) => [c.personId, c]));
  return slacks.map(({ teamId, rule, amount }) => {
    const name = inst.teamNames[teamId];
    const refusedHere = new Map<string, Refusal[]>();
    for (const r of j.refused) if (r.teamId === teamId) refusedHere.set(r.personId, [...(refusedHere.get(r.personId) ?? []), r]);
    const relevant: { role: TeamRole | null; keep: (p: PersonFact) => boolean; need: Msg } = {
      LEADER_COUNT: { role: 'LEADER' as TeamRole, keep: () => true, need: { zh: `${name}须有组长`, en: `${name} needs a leader` } },
      DEPUTY_COUNT: {
        role: 'DEPUTY_LEADER' as TeamRole,
        keep: () => true,
        need: { zh: `${name}须有${rules.minDeputies}名副组长，尚缺${amount}名`, en: `${name} needs ${rules.minDeputies} deputy leader(s) and is ${amount} short` },
      },
      TEAM_SIZE: { role: null, keep: () => true, need: { zh: `${name}至少须有${rules.minSize}人，尚缺${amount}人`, en: `${name} needs at least ${rules.minSize} people and is ${amount} short` } },
      FULL_TIME_CORE: {
        role: null,
        keep: (p: PersonFact) => p.fullTimeInspector,
        need: { zh: `${name}至少须有${rules.minFullTime}名专职巡察干部，尚缺${amount}名`, en: `${name} needs ${rules.minFullTime} full-time inspector(s) and is ${amount} short` },
      },
      REQUIRED_SPECIALTY: {
        role: null,
        keep: (p: PersonFact) => hasRequiredSpecialty(p, inst.round),
        need: {
          zh: `${name}须有${rules.requiredSpecialtiesAnyOf.join('或')}专业人员`,
          en: `${name} needs a ${rules.requiredSpecialtiesAnyOf.join(' or ')} specialist`,
        },
      },
    }[rule];
    const judged = relevant.role ? new Set(inst.judged[relevant.role] ?? []) : null;
    const people = inst.candidates.filter((p) => relevant.keep(p) && (!judged || judged.has(p.personId)));
    const reasons: { text: Msg; open: Msg; elsewhere: boolean }[] = [];
    const privateOf = new Set<string>();
    for (const p of people) {
      const at = placedAt.get(p.personId);
      if (at) {
        const role = ROLE_NAMES[at.role];
        const text = { zh: `${p.name}已安排在${inst.teamNames[at.teamId]}任${role.zh}`, en: `${p.name} is placed on ${inst.teamNames[at.teamId]} as ${role.en}` };
        reasons.push({ text, open: text, elsewhere: true });
        continue;
      }
      const refusal = (refusedHere.get(p.personId) ?? []).find((r) => !relevant.role || r.role === relevant.role);
      const placeable = { zh: `${p.name}可以安排，但会使其他规则无法满足`, en: `${p.name} could be placed, but other rules would then be broken` };
      const { full, open } = refusal ? reasonOf(refusal.refusals[0], p.personId, privateOf) : { full: placeable, open: placeable };
      reasons.push({ text: full, open, elsewhere: false });
    }
    // Refusals before placements elsewhere: the reasons that matter come first.
    reasons.sort((a, b) => Number(a.elsewhere) - Number(b.elsewhere));
    const lead = proven ? { zh: '', en: '' } : { zh: '在限定时间内未找到满足全部规则的组合：', en: 'No composition meeting every rule was found within the time limit: ' };
    const text = (pick: (r: (typeof reasons)[number]) => Msg): Msg => {
      const why = people.length === 0 ? { zh: '人才库中没有此类人员', en: 'the pools have nobody for it' } : list(reasons.map(pick));
      return { zh: `${lead.zh}${relevant.need.zh}：${why.zh}`, en: `${lead.en}${relevant.need.en}: ${why.en}` };
    };
    return withPublic({ rule, teamId, explanation: text((r) => r.text), personIds: people.slice(0, NAMED).map((p) => p.personId) }, privateOf, () => text((r) => r.open));
  });
}
