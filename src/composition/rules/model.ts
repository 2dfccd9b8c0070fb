/**
 * The composition as a mixed-integer program, built from the judged places (`judge`): a variable
 * per place someone may take (per group of interchangeable people, see `Column`), and rows that
 * mirror the team rules of `evaluateTeam`:
 *
 *   LEADER_COUNT        Σ leaders of t + kept leaders = 1
 *   DEPUTY_COUNT        minDeputies ≤ Σ deputies of t + kept deputies ≤ maxDeputies
 *   TEAM_SIZE           minSize ≤ Σ places of t + kept members ≤ maxSize
 *   FULL_TIME_CORE      Σ full-time places of t + kept full-time ≥ minFullTime
 *   REQUIRED_SPECIALTY  Σ places of t with a required specialty ≥ 1 (unless a kept member has one)
 *   DOUBLE_BOOKED       Σ places of a person ≤ 1 (one team per person per round; clashing
 *                       bookings elsewhere and every per-person rule are left out by `judge`)
 *
 * The objective is the cost model: each place's cost (linear by construction), plus for
 * EXPERIENCE_MIX a variable m_t ≥ 1 − (experienced on t) and ≥ 1 − (new on t). Each lower bound
 * of a team rule has a slack variable with a penalty larger than any difference in soft cost,
 * so the solver always finds a composition and uses slack only where the rules cannot all be
 * met: the fewest units of slack, which say which rules of which teams must be relaxed.
 */
import type { TeamFact, TeamRole } from '../../rounds/rules/types';
import { memberCostTerms, totalCost } from './cost';
import { Choice, CompositionInstance, findingsIndex, hasRequiredSpecialty, historyOf, Judgement, teamForCandidate } from './instance';

export type SlackRule = 'LEADER_COUNT' | 'DEPUTY_COUNT' | 'TEAM_SIZE' | 'FULL_TIME_CORE' | 'REQUIRED_SPECIALTY';

/**
 * A column: how many people of a group take a place (team, role); the slack of a team rule; or
 * m_t of a team's experience mix. People whose places, costs and attributes are all the same
 * are interchangeable, so they form one group with one integer column per place instead of one
 * 0/1 column per person and place: the same optimum from a program many times smaller.
 */
export type Column =
  | { kind: 'place'; group: number; teamId: string; role: TeamRole }
  | { kind: 'slack'; teamId: string; rule: SlackRule }
  | { kind: 'mix'; teamId: string };

/** People who are interchangeable for the program, in a fixed order. */
export interface Group {
  personIds: string[];
  /** Their places: (team, role) with the cost, the same for each of them. */
  places: { teamId: string; role: TeamRole; cost: number }[];
  fullTime: boolean;
  specialist: boolean;
  served: boolean;
}

/** The program in HiGHS's terms: columns, rows (lower ≤ A x ≤ upper, A in compressed rows), integrality. */
export interface SolverModel {
  numCols: number;
  numRows: number;
  colCost: number[];
  colLower: number[];
  colUpper: number[];
  rowLower: number[];
  rowUpper: number[];
  starts: number[];
  indices: number[];
  values: number[];
  /** 1 integer (places), 0 continuous (slacks, m_t). */
  integrality: number[];
  /** A feasible start: nobody placed, every slack at the shortfall. */
  start: number[];
}

export interface BuiltModel {
  model: SolverModel;
  columns: Column[];
  /** Cost of one unit of slack. */
  penalty: number;
  /** The cost of the members kept, not in the program. */
  constant: number;
  /** The rule each row stands for (EXPERIENCE_MIX for the rows of m_t). */
  rowRules: string[];
  groups: Group[];
}

const INF = Infinity;

/** What the kept members of a team already bring. */
export function keptCounts(team: TeamFact, round = team.round) {
  const m = team.members;
  return {
    size: m.length,
    leaders: m.filter((x) => x.role === 'LEADER').length,
    deputies: m.filter((x) => x.role === 'DEPUTY_LEADER').length,
    fullTime: m.filter((x) => x.fullTimeInspector).length,
    specialty: m.some((x) => hasRequiredSpecialty(x, round)),
    experienced: m.some((x) => x.servedBefore),
    fresh: m.some((x) => !x.servedBefore),
  };
}

/** The cost of each team's kept members (their own terms; EXPERIENCE_MIX is in the program). */
export function keptCost(inst: CompositionInstance): number {
  const history = historyOf(inst);
  return totalCost(inst.teams.flatMap((t) => t.members.flatMap((m) => memberCostTerms(t, m, history.get(m.personId), inst.weights))));
}

/** People grouped by everything the program sees of them: attributes, and each place with its cost. */
export function groupPeople(inst: CompositionInstance, j: Judgement): Group[] {
  const placesOf = new Map<string, Choice[]>();
  for (const c of j.choices) {
    const list = placesOf.get(c.personId);
    if (list) list.push(c);
    else placesOf.set(c.personId, [c]);
  }
  const groups = new Map<string, Group>();
  for (const personId of [...placesOf.keys()].sort()) {
    const p = j.people.get(personId)!;
    const places = placesOf.get(personId)!.map((c) => ({ teamId: c.teamId, role: c.role, cost: c.cost }));
    places.sort((a, b) => (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : a.role < b.role ? -1 : a.role > b.role ? 1 : 0));
    const g: Group = { personIds: [], places, fullTime: p.fullTimeInspector, specialist: hasRequiredSpecialty(p, inst.round), served: p.servedBefore };
    const key = JSON.stringify([g.fullTime, g.specialist, g.served, places.map((x) => [x.teamId, x.role, x.cost])]);
    const found = groups.get(key);
    if (found) found.personIds.push(personId);
    else groups.set(key, { ...g, personIds: [personId] });
  }
  return [...groups.values()];
}

export function buildModel(inst: CompositionInstance, j: Judgement): BuiltModel {
  const rules = inst.round.rules;
  const groups = groupPeople(inst, j);
  const columns: Column[] = [];
  const colCost: number[] = [];
  const colLower: number[] = [];
  const colUpper: number[] = [];
  const integrality: number[] = [];
  const start: number[] = [];
  const addCol = (c: Column, cost: number, upper: number, integer: boolean, initial: number) => {
    columns.push(c);
    colCost.push(cost);
    colLower.push(0);
    colUpper.push(upper);
    integrality.push(integer ? 1 : 0);
    start.push(initial);
    return columns.length - 1;
  };
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const rowRules: string[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const addRow = (rule: string, lower: number, upper: number, cols: readonly number[]) => {
    if (cols.length === 0) return;
    rowRules.push(rule);
    rowLower.push(lower);
    rowUpper.push(upper);
    for (const c of cols) {
      indices.push(c);
      values.push(1);
    }
    starts.push(indices.length);
  };

  // Places first: how many of each group take each (team, role).
  interface Place {
    k: number;
    group: Group;
    role: TeamRole;
  }
  const placesOf = new Map<string, Place[]>(inst.teams.map((t) => [t.id, []]));
  const columnsOf = groups.map(() => [] as number[]);
  groups.forEach((group, g) => {
    for (const p of group.places) {
      const cap = Math.min(group.personIds.length, p.role === 'LEADER' ? 1 : p.role === 'DEPUTY_LEADER' ? rules.maxDeputies : rules.maxSize);
      const k = addCol({ kind: 'place', group: g, teamId: p.teamId, role: p.role }, p.cost, cap, true, 0);
      placesOf.get(p.teamId)?.push({ k, group, role: p.role });
      columnsOf[g].push(k);
    }
  });

  let spread = 0;
  for (const team of inst.teams) {
    const maxAbs = placesOf.get(team.id)!.reduce((m, { k }) => Math.max(m, Math.abs(colCost[k])), 0);
    spread += rules.maxSize * maxAbs + Math.abs(inst.weights.experienceMix);
  }
  const penalty = Math.ceil(2 * spread) + 100;

  const slack = (teamId: string, rule: SlackRule, shortfall: number) => addCol({ kind: 'slack', teamId, rule }, penalty, shortfall, false, shortfall);
  const cols = (places: Place[], keep: (p: Place) => boolean) => places.filter(keep).map(({ k }) => k);

  for (const team of inst.teams) {
    const kept = keptCounts(team);
    const places = placesOf.get(team.id)!;
    const role = (r: TeamRole) => (p: Place) => p.role === r;

    const needLeader = Math.max(0, 1 - kept.leaders);
    const leaders = cols(places, role('LEADER'));
    if (needLeader > 0) addRow('LEADER_COUNT', 1 - kept.leaders, INF, [...leaders, slack(team.id, 'LEADER_COUNT', needLeader)]);
    addRow('LEADER_COUNT', -INF, Math.max(0, 1 - kept.leaders), leaders);

    const deputies = cols(places, role('DEPUTY_LEADER'));
    const needDeputies = Math.max(0, rules.minDeputies - kept.deputies);
    if (needDeputies > 0) addRow('DEPUTY_COUNT', needDeputies, INF, [...deputies, slack(team.id, 'DEPUTY_COUNT', needDeputies)]);
    addRow('DEPUTY_COUNT', -INF, Math.max(0, rules.maxDeputies - kept.deputies), deputies);

    const all = places.map(({ k }) => k);
    const needSize = Math.max(0, rules.minSize - kept.size);
    if (needSize > 0) addRow('TEAM_SIZE', needSize, INF, [...all, slack(team.id, 'TEAM_SIZE', needSize)]);
    addRow('TEAM_SIZE', -INF, Math.max(0, rules.maxSize - kept.size), all);

    const needFullTime = Math.max(0, rules.minFullTime - kept.fullTime);
    if (needFullTime > 0) addRow('FULL_TIME_CORE', needFullTime, INF, [...cols(places, (p) => p.group.fullTime), slack(team.id, 'FULL_TIME_CORE', needFullTime)]);

    if (rules.requiredSpecialtiesAnyOf.length > 0 && !kept.specialty) {
      addRow('REQUIRED_SPECIALTY', 1, INF, [...cols(places, (p) => p.group.specialist), slack(team.id, 'REQUIRED_SPECIALTY', 1)]);
    }

    if (!(kept.experienced && kept.fresh) && inst.weights.experienceMix !== 0) {
      const mix = addCol({ kind: 'mix', teamId: team.id }, inst.weights.experienceMix, 1, false, 1);
      if (!kept.experienced) addRow('EXPERIENCE_MIX', 1, INF, [mix, ...cols(places, (p) => p.group.served)]);
      if (!kept.fresh) addRow('EXPERIENCE_MIX', 1, INF, [mix, ...cols(places, (p) => !p.group.served)]);
    }
  }

  // One place per person in the round: a group's places add up to at most its size.
  groups.forEach((group, g) => {
    if (columnsOf[g].length > 1 || group.personIds.length < columnsOf[g].length) addRow('DOUBLE_BOOKED', -INF, group.personIds.length, columnsOf[g]);
  });

  return {
    model: { numCols: columns.length, numRows: rowLower.length, colCost, colLower, colUpper, rowLower, rowUpper, starts, indices, values, integrality, start },
    columns,
    penalty,
    constant: keptCost(inst),
    rowRules,
    groups,
  };
}

export interface Decoded {
  /** The places taken. */
  placed: Choice[];
  /** Team rules left short: how many units of each. */
  slacks: { teamId: string; rule: SlackRule; amount: number }[];
}

/** The composition a solution stands for: each group's people handed out to its places, in order. */
export function decode(j: Judgement, built: BuiltModel, colValue: readonly number[]): Decoded {
  const choiceOf = new Map(j.choices.map((c) => [`${c.personId}|${c.teamId}|${c.role}`, c]));
  const next = built.groups.map(() => 0);
  const placed: Choice[] = [];
  const slacks: Decoded['slacks'] = [];
  built.columns.forEach((c, k) => {
    const v = Math.round(colValue[k] ?? 0);
    if (c.kind === 'place') {
      const people = built.groups[c.group].personIds;
      // The group's row keeps v within its size; were it left out, people would be placed again, as the solution says.
      for (let i = 0; i < v; i++) placed.push(choiceOf.get(`${people[next[c.group]++ % people.length]}|${c.teamId}|${c.role}`)!);
    }
    if (c.kind === 'slack' && v > 0) slacks.push({ teamId: c.teamId, rule: c.rule, amount: v });
  });
  return { placed, slacks };
}

/**
 * The teams as they would be with the placed people added to the kept members, each newcomer
 * with their own findings for their role: what `evaluateTeam` and the cost model judge.
 */
export function composedTeams(inst: CompositionInstance, placed: readonly Choice[]): TeamFact[] {
  const people = new Map(inst.candidates.map((p) => [p.personId, p]));
  const findings = findingsIndex(inst);
  return inst.teams.map((team) => {
    const mine = placed.filter((c) => c.teamId === team.id);
    return {
      ...team,
      members: [...team.members, ...mine.map((c) => ({ ...people.get(c.personId)!, role: c.role }))],
      avoidance: [...team.avoidance, ...mine.flatMap((c) => teamForCandidate(team, findings(c.personId, c.role)).avoidance)],
    };
  });
}

/**
 * A start for the solver from some places taken (e.g. a greedy fill that keeps every upper
 * bound): those places, and each slack and m_t at what the rules then still lack.
 */
export function startVector(inst: CompositionInstance, j: Judgement, built: BuiltModel, placed: readonly Choice[]): number[] {
  const rules = inst.round.rules;
  const groupOf = new Map<string, number>();
  built.groups.forEach((g, i) => g.personIds.forEach((id) => groupOf.set(id, i)));
  const column = new Map<string, number>();
  built.columns.forEach((c, k) => {
    if (c.kind === 'place') column.set(`${c.group}|${c.teamId}|${c.role}`, k);
  });
  const start = built.model.start.map(() => 0);
  for (const c of placed) start[column.get(`${groupOf.get(c.personId)}|${c.teamId}|${c.role}`)!] += 1;
  const composed = new Map(composedTeams(inst, placed).map((t) => [t.id, keptCounts(t)]));
  built.columns.forEach((col, k) => {
    if (col.kind === 'place') return;
    const n = composed.get(col.teamId)!;
    if (col.kind === 'mix') start[k] = n.experienced && n.fresh ? 0 : 1;
    else {
      const lacking: Record<SlackRule, number> = {
        LEADER_COUNT: 1 - n.leaders,
        DEPUTY_COUNT: rules.minDeputies - n.deputies,
        TEAM_SIZE: rules.minSize - n.size,
        FULL_TIME_CORE: rules.minFullTime - n.fullTime,
        REQUIRED_SPECIALTY: n.specialty ? 0 : 1,
      };
      start[k] = Math.max(0, lacking[col.rule]);
    }
  });
  return start;
}
