/**
 * Lookups over a loaded subgraph that the rules share, computed once per evaluation and per
 * person on first use, so that a matrix costs per person and per unit, not per pair.
 */
import type { AvoidanceGraph, DeclarationRec, EmploymentRec, InterestTieRec, PastServiceRec, RegionRec, UnitRec } from './graph';
import { buildAdjacency, deriveKinOn, kinAdjacency, KinLink, PERSONAL_TIE_KINDS, Tie } from './kinship';
import { AvoidanceRuleName, RelationKindName } from './model';

const byStartDesc = (a: EmploymentRec, b: EmploymentRec) =>
  a.startedOn < b.startedOn ? 1 : a.startedOn > b.startedOn ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Appends to the list under `key`, starting it when missing. */
function pushTo<K, T>(m: Map<K, T[]>, key: K, item: T) {
  const list = m.get(key);
  if (list) list.push(item);
  else m.set(key, [item]);
}

function groupBy<T>(items: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) pushTo(m, key(it), it);
  return m;
}

const isLeapYear = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/**
 * The same day `years` years later (earlier when negative); 29 February becomes 28 February in
 * a year without one. What common/dates' addYears gives for a 'YYYY-MM-DD' date, without luxon
 * (a matrix shifts thousands of distinct start dates).
 */
export function shiftYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const rest = date.slice(4);
  return `${String(y).padStart(4, '0')}${rest === '-02-29' && !isLeapYear(y) ? '-02-28' : rest}`;
}

function memo<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let v = cache.get(key);
  if (v === undefined) cache.set(key, (v = make()));
  return v;
}

export class Neighbourhood {
  /** The round's start date: everything "current" is current on this day. */
  readonly date: string;
  private readonly adj: Map<string, Tie[]>;
  /** The kin ties of `adj`, what kin derivation walks. */
  private readonly kinAdj: ReturnType<typeof kinAdjacency>;
  private readonly employmentsByPerson: Map<string, EmploymentRec[]>;
  private readonly interestTiesByPerson: Map<string, InterestTieRec[]>;
  private readonly serviceByPerson: Map<string, PastServiceRec[]>;
  /** person → unit → reason */
  private readonly declarations = new Map<string, Map<string, DeclarationRec>>();
  /** person → unit → rules waived */
  private readonly waivers = new Map<string, Map<string, Set<AvoidanceRuleName>>>();
  private readonly pastTargetsCache = new Map<string, Map<string, EmploymentRec[]>>();
  private readonly targets: Set<string>;
  private readonly leadersByUnit: Map<string, EmploymentRec[]>;
  private readonly kinCache = new Map<string, Map<string, KinLink>>();
  private readonly chainCache = new Map<string, UnitRec[]>();
  private readonly regionChainCache = new Map<string, RegionRec[]>();
  private readonly twoHopCache = new Map<string, Map<string, string>>();
  private readonly currentCache = new Map<string, EmploymentRec[]>();
  private readonly tiesCache = new Map<string, Map<string, RelationKindName>>();
  private readonly kinStaffCache = new Map<string, Map<string, { kinId: string; post: EmploymentRec }[]>>();
  private readonly interestCache = new Map<string, Map<string, { kinId: string | null; tie: InterestTieRec }[]>>();
  private readonly leaderCache = new Map<string, EmploymentRec[]>();
  private readonly shiftCache = new Map<string, string>();
  /** yearsBefore by number of years (a matrix asks for the same two or three windows per pair). */
  private readonly windowCache = new Map<number, string>();
  private readonly postsByUnitCache = new Map<string, Map<string, EmploymentRec[]>>();
  /** Current posts of each person, by the target units they lie in (the unit or one under it). */
  private readonly currentTargetsByPerson = new Map<string, Map<string, EmploymentRec[]>>();
  private leaderKinIndex: Map<string, string[]> | null = null;

  constructor(
    readonly g: AvoidanceGraph,
    targetUnitIds: Iterable<string>,
  ) {
    this.date = g.round.startsOn;
    this.targets = new Set(targetUnitIds);
    this.adj = buildAdjacency(g.relations);
    this.kinAdj = kinAdjacency(this.adj);
    const employments = g.employments.slice().sort(byStartDesc);
    this.employmentsByPerson = groupBy(employments, (e) => e.personId);
    this.interestTiesByPerson = groupBy(
      g.interestTies.slice().sort((a, b) => (a.unitId + a.description < b.unitId + b.description ? -1 : 1)),
      (t) => t.personId,
    );
    this.serviceByPerson = groupBy(
      g.pastService.slice().sort((a, b) => (a.roundStartsOn < b.roundStartsOn ? 1 : a.roundStartsOn > b.roundStartsOn ? -1 : a.roundId < b.roundId ? -1 : 1)),
      (s) => s.personId,
    );
    for (const d of g.declarations) memo(this.declarations, d.personId, () => new Map()).set(d.unitId, d);
    for (const w of g.waivers) memo(memo(this.waivers, w.personId, () => new Map()), w.unitId, () => new Set<AvoidanceRuleName>()).add(w.rule);

    const current = employments.filter((e) => this.isCurrent(e));
    this.leadersByUnit = groupBy(
      current.filter((e) => e.leadership),
      (e) => e.unitId,
    );
    for (const e of current) {
      for (const unit of this.unitChain(e.unitId)) {
        if (this.targets.has(unit.id)) pushTo(memo(this.currentTargetsByPerson, e.personId, () => new Map<string, EmploymentRec[]>()), unit.id, e);
      }
    }
  }

  isCurrent(e: EmploymentRec): boolean {
    return e.startedOn <= this.date && (e.endedOn === null || e.endedOn >= this.date);
  }

  /** Every post of a person, latest start first. */
  employmentsOf(personId: string): readonly EmploymentRec[] {
    return this.employmentsByPerson.get(personId) ?? [];
  }

  currentEmploymentsOf(personId: string): readonly EmploymentRec[] {
    return memo(this.currentCache, personId, () => this.employmentsOf(personId).filter((e) => this.isCurrent(e)));
  }

  /** The day `years` years before the round's start date. */
  yearsBefore(years: number): string {
    let d = this.windowCache.get(years);
    if (d === undefined) this.windowCache.set(years, (d = shiftYears(this.date, -years)));
    return d;
  }

  /** The same day `years` years later, remembered. */
  addYears(date: string, years: number): string {
    return memo(this.shiftCache, `${date}|${years}`, () => shiftYears(date, years));
  }

  /** A person's posts by unit. */
  postsByUnit(personId: string): ReadonlyMap<string, EmploymentRec[]> {
    return memo(this.postsByUnitCache, personId, () => {
      return groupBy(this.employmentsOf(personId), (e) => e.unitId);
    });
  }

  /** The person's current posts in the target unit or a unit under it. */
  currentPostsWithin(personId: string, targetId: string): readonly EmploymentRec[] | undefined {
    return this.currentTargetsByPerson.get(personId)?.get(targetId);
  }

  /** The person's posts that ended before the round, by the target units they lie in. */
  pastPostsWithin(personId: string, targetId: string): readonly EmploymentRec[] | undefined {
    return memo(this.pastTargetsCache, personId, () => {
      const m = new Map<string, EmploymentRec[]>();
      for (const e of this.employmentsOf(personId)) {
        if (e.endedOn === null || e.endedOn >= this.date) continue;
        for (const unit of this.unitChain(e.unitId)) if (this.targets.has(unit.id)) pushTo(m, unit.id, e);
      }
      return m;
    }).get(targetId);
  }

  /** The unit and the units above it, nearest first, as far as they are loaded. */
  unitChain(unitId: string): UnitRec[] {
    return memo(this.chainCache, unitId, () => {
      const chain: UnitRec[] = [];
      const seen = new Set<string>();
      for (let u = this.g.units.get(unitId); u && !seen.has(u.id); u = u.parentId ? this.g.units.get(u.parentId) : undefined) {
        seen.add(u.id);
        chain.push(u);
      }
      return chain;
    });
  }

  /** Whether unitId is targetId or a unit under it. */
  isWithin(unitId: string, targetId: string): boolean {
    return this.unitChain(unitId).some((u) => u.id === targetId);
  }

  /** The region and its ancestors, nearest first, as far as they are loaded. */
  regionChain(regionId: string | null): RegionRec[] {
    if (!regionId) return [];
    return memo(this.regionChainCache, regionId, () => {
      const chain: RegionRec[] = [];
      const seen = new Set<string>();
      for (let r = this.g.regions.get(regionId); r && !seen.has(r.id); r = r.parentId ? this.g.regions.get(r.parentId) : undefined) {
        seen.add(r.id);
        chain.push(r);
      }
      return chain;
    });
  }

  /** The county (or district) a region is in, itself included. */
  countyOf(regionId: string | null): RegionRec | undefined {
    return this.regionChain(regionId).find((r) => r.level === 'COUNTY');
  }

  /**
   * The township a grassroots unit's region is in (or the village, where no township is
   * recorded above it).
   */
  grassrootsRegionOf(regionId: string | null): RegionRec | undefined {
    const chain = this.regionChain(regionId);
    return chain.find((r) => r.level === 'TOWNSHIP') ?? chain.find((r) => r.level === 'VILLAGE');
  }

  /** Whether regionId is ancestorId or a region under it. */
  regionWithin(regionId: string | null, ancestorId: string): boolean {
    return this.regionChain(regionId).some((r) => r.id === ancestorId);
  }

  /** The current leaders of exactly this unit, one leadership post each (the latest). */
  leaders(unitId: string): readonly EmploymentRec[] {
    return memo(this.leaderCache, unitId, () => {
      const seen = new Set<string>();
      return (this.leadersByUnit.get(unitId) ?? []).filter((e) => !seen.has(e.personId) && (seen.add(e.personId), true));
    });
  }

  kin(personId: string): Map<string, KinLink> {
    return memo(this.kinCache, personId, () => deriveKinOn(this.kinAdj, personId));
  }

  /** The first personal tie (rule 8 kinds) from a person to each other person. */
  personalTies(personId: string): ReadonlyMap<string, RelationKindName> {
    return memo(this.tiesCache, personId, () => {
      const m = new Map<string, RelationKindName>();
      for (const t of this.adj.get(personId) ?? []) {
        if (PERSONAL_TIE_KINDS.includes(t.kind) && !m.has(t.to)) m.set(t.to, t.kind);
      }
      return m;
    });
  }

  /** For each target unit, the person's kin with a current post in it (or under it), in kin order. */
  kinStaff(personId: string): ReadonlyMap<string, { kinId: string; post: EmploymentRec }[]> {
    return memo(this.kinStaffCache, personId, () => {
      const m = new Map<string, { kinId: string; post: EmploymentRec }[]>();
      for (const kinId of this.kin(personId).keys()) {
        for (const [target, posts] of this.currentTargetsByPerson.get(kinId) ?? []) pushTo(m, target, { kinId, post: posts[0] });
      }
      return m;
    });
  }

  /** The interest ties of the person (kinId null) and of their kin, by unit. */
  interestTiesAround(personId: string): ReadonlyMap<string, { kinId: string | null; tie: InterestTieRec }[]> {
    return memo(this.interestCache, personId, () => {
      const m = new Map<string, { kinId: string | null; tie: InterestTieRec }[]>();
      for (const tie of this.interestTiesOf(personId)) pushTo(m, tie.unitId, { kinId: null, tie });
      for (const kinId of this.kin(personId).keys()) for (const tie of this.interestTiesOf(kinId)) pushTo(m, tie.unitId, { kinId, tie });
      return m;
    });
  }

  /**
   * For each current leader of a target unit who is not the person's kin: the first of the
   * person's kin who is that leader's kin too.
   */
  twoHopKin(personId: string): Map<string, string> {
    return memo(this.twoHopCache, personId, () => {
      if (!this.leaderKinIndex) {
        this.leaderKinIndex = new Map();
        const leaders = new Set<string>();
        for (const t of this.targets) for (const e of this.leaders(t)) leaders.add(e.personId);
        for (const leader of [...leaders].sort()) {
          for (const k of this.kin(leader).keys()) pushTo(this.leaderKinIndex, k, leader);
        }
      }
      const own = this.kin(personId);
      const found = new Map<string, string>();
      for (const k of own.keys()) {
        for (const leader of this.leaderKinIndex.get(k) ?? []) {
          if (leader !== personId && !own.has(leader) && !found.has(leader)) found.set(leader, k);
        }
      }
      return found;
    });
  }

  interestTiesOf(personId: string): readonly InterestTieRec[] {
    return this.interestTiesByPerson.get(personId) ?? [];
  }

  pastServiceOf(personId: string): readonly PastServiceRec[] {
    return this.serviceByPerson.get(personId) ?? [];
  }

  declaration(personId: string, unitId: string): DeclarationRec | undefined {
    return this.declarations.get(personId)?.get(unitId);
  }

  isWaived(personId: string, unitId: string, rule: AvoidanceRuleName): boolean {
    return this.waivers.get(personId)?.get(unitId)?.has(rule) ?? false;
  }
}
