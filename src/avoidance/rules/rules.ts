/**
 * The thirteen avoidance rules of DOMAIN.md, one pure function each: given the loaded
 * neighbourhood, a person P, a target unit U and P's team role, what the rule finds.
 * Everything "current" is current on the round's start date D.
 */
import type { EmploymentRec } from './graph';
import type { Evidence, FindingDraft } from './explain';
import { KinHop, reverseHops } from './kinship';
import { AvoidanceRuleName, dayNumber, GRASSROOTS_UNIT_KINDS, maxDate, minDate, TeamRoleName } from './model';
import type { Neighbourhood } from './neighbourhood';
import { hometownCountyApplies } from './settings';

export type RuleFn = (n: Neighbourhood, personId: string, unitId: string, role: TeamRoleName) => readonly FindingDraft[];

const self = (personId: string): Evidence => ({ kind: 'self', personId });
const post = (employment: EmploymentRec): Evidence => ({ kind: 'post', employment });
const hops = (list: readonly KinHop[]): Evidence[] => list.map((h) => ({ kind: 'relation', relation: h.kind, personId: h.to }));
/** "part of U" when the post's unit is under U rather than U itself. */
const partOf = (unitId: string, targetId: string): Evidence[] => (unitId === targetId ? [] : [{ kind: 'partOf', unitId: targetId }]);

/** What a rule returns when it finds nothing (shared: a matrix asks 13 rules per pair). */
const NONE: readonly FindingDraft[] = Object.freeze([]);
const NONE_POSTS: readonly EmploymentRec[] = Object.freeze([]);

/** Rule 1: P currently works in U or in a unit under U. */
export const currentEmployer: RuleFn = (n, p, u) =>
  n.currentPostsWithin(p, u)?.map((e) => ({ rule: 'CURRENT_EMPLOYER', personId: p, unitId: u, evidence: [self(p), post(e), ...partOf(e.unitId, u)] })) ?? NONE;

/**
 * Rule 2: P worked in U (or a unit under it) within the last N years before D, or for M years
 * or more at any time. Consecutive or overlapping posts count as one stretch.
 */
export const formerEmployer: RuleFn = (n, p, u) => {
  const past = n.pastPostsWithin(p, u);
  if (!past) return NONE;
  const { formerEmployerYears, longTenureYears } = n.g.settings;
  const windowStart = n.yearsBefore(formerEmployerYears);
  const recent = past
    .filter((e) => e.endedOn! >= windowStart)
    .sort((a, b) => (a.endedOn! < b.endedOn! ? 1 : a.endedOn! > b.endedOn! ? -1 : 0))[0];
  if (recent) {
    return [
      {
        rule: 'FORMER_EMPLOYER',
        personId: p,
        unitId: u,
        variant: 'RECENT',
        years: formerEmployerYears,
        evidence: [self(p), post(recent), ...partOf(recent.unitId, u)],
      },
    ];
  }
  const chrono = past.slice().sort((a, b) => (a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : 0));
  let days = 0;
  let stretch: [number, number] | null = null;
  for (const e of chrono) {
    const [from, to] = [dayNumber(e.startedOn), dayNumber(e.endedOn!)];
    if (stretch && from <= stretch[1] + 1) {
      stretch[1] = Math.max(stretch[1], to);
    } else {
      if (stretch) days += stretch[1] - stretch[0];
      stretch = [from, to];
    }
  }
  days += stretch![1] - stretch![0];
  const first = chrono[0].startedOn;
  if (days < dayNumber(n.addYears(first, longTenureYears)) - dayNumber(first)) return NONE;
  const outside = chrono.some((e) => e.unitId !== u);
  return [
    {
      rule: 'FORMER_EMPLOYER',
      personId: p,
      unitId: u,
      variant: 'TENURE',
      years: longTenureYears,
      evidence: [self(p), ...chrono.map(post), ...(outside ? [{ kind: 'partOf', unitId: u } as Evidence] : [])],
    },
  ];
};

/** Rule 3: a kin relative of P currently works in U or in a unit under U. */
export const kinInTarget: RuleFn = (n, p, u) =>
  n.kinStaff(p).get(u)?.map(({ kinId, post: e }) => {
    const link = n.kin(p).get(kinId)!;
    return {
      rule: 'KIN_IN_TARGET',
      personId: p,
      unitId: u,
      composition: link.composition,
      evidence: [self(p), ...hops(link.hops), post(e), ...partOf(e.unitId, u)],
    };
  }) ?? NONE;

/**
 * Rule 4: P and a current leader L of U worked in the same unit at overlapping times within the
 * last N years before D, one of them in a leadership post there.
 */
export const formerSuperiorSubordinate: RuleFn = (n, p, u) => {
  if (n.leaders(u).length === 0) return NONE;
  const windowStart = n.yearsBefore(n.g.settings.superiorSubordinateYears);
  const mine = n.postsByUnit(p);
  /** The latest pair of posts in one unit that overlapped within the window, one of them leading. */
  const overlap = (leaderId: string) => {
    for (const theirs of n.employmentsOf(leaderId)) {
      for (const own of mine.get(theirs.unitId) ?? NONE_POSTS) {
        if (!(own.leadership || theirs.leadership)) continue;
        const from = maxDate(maxDate(own.startedOn, theirs.startedOn), windowStart);
        const to = minDate(minDate(own.endedOn ?? n.date, theirs.endedOn ?? n.date), n.date);
        if (from <= to) return { own, theirs };
      }
    }
    return undefined;
  };
  const out: FindingDraft[] = [];
  for (const lead of n.leaders(u)) {
    if (lead.personId === p) continue;
    const hit = overlap(lead.personId);
    if (!hit) continue;
    const standing = hit.theirs.leadership && hit.own.leadership ? 'FELLOW_LEADER' : hit.theirs.leadership ? 'SUPERIOR' : 'SUBORDINATE';
    out.push({
      rule: 'FORMER_SUPERIOR_SUBORDINATE',
      personId: p,
      unitId: u,
      years: n.g.settings.superiorSubordinateYears,
      evidence: [self(p), post(hit.own), { kind: 'colleague', personId: lead.personId, employment: hit.theirs, standing }, post(lead)],
    });
  }
  return out;
};

/** Rule 5: in a cross round, P's current unit is in the same county as U. */
export const locality: RuleFn = (n, p, u) => {
  if (n.g.round.kind !== 'CROSS') return NONE;
  const county = n.countyOf(n.g.units.get(u)?.regionId ?? null);
  if (!county) return NONE;
  const e = n.currentEmploymentsOf(p).find((e) => n.countyOf(n.g.units.get(e.unitId)?.regionId ?? null)?.id === county.id);
  if (!e) return NONE;
  return [{ rule: 'LOCALITY', personId: p, unitId: u, evidence: [self(p), post(e), { kind: 'sameCounty', regionId: county.id, unitId: u }] }];
};

/** Rule 6: an avoidance was declared for P and U in this round. */
export const declared: RuleFn = (n, p, u) => {
  const d = n.declaration(p, u);
  if (d === undefined) return NONE;
  return [
    {
      rule: 'DECLARED',
      personId: p,
      unitId: u,
      variant: d.bySelf ? 'SELF' : 'OFFICE',
      evidence: [self(p), { kind: 'declared', reason: d.reason, bySelf: d.bySelf, unitId: u }],
    },
  ];
};

/** Rule 7: U is a township, village or community and P's hometown is in U's township (or village). */
export const hometownGrassroots: RuleFn = (n, p, u) => {
  const unit = n.g.units.get(u);
  const hometown = n.g.persons.get(p)?.hometownRegionId ?? null;
  if (!unit || !hometown || !GRASSROOTS_UNIT_KINDS.includes(unit.kind)) return NONE;
  const place = n.grassrootsRegionOf(unit.regionId);
  if (!place || !n.regionWithin(hometown, place.id)) return NONE;
  return [
    {
      rule: 'HOMETOWN_GRASSROOTS',
      personId: p,
      unitId: u,
      evidence: [self(p), { kind: 'hometown', regionId: hometown }, { kind: 'regionOf', regionId: place.id, unitId: u }],
    },
  ];
};

/** Rule 8: P has a personal tie (classmate, teacher-student, same supervisor, close friend) with a current leader of U. */
export const personalTie: RuleFn = (n, p, u) => {
  const list = n.leaders(u);
  if (list.length === 0) return NONE;
  const ties = n.personalTies(p);
  const out: FindingDraft[] = [];
  for (const lead of list) {
    const kind = ties.get(lead.personId);
    if (!kind || lead.personId === p) continue;
    out.push({
      rule: 'PERSONAL_TIE',
      personId: p,
      unitId: u,
      evidence: [self(p), { kind: 'relation', relation: kind, personId: lead.personId }, post(lead)],
    });
  }
  return out;
};

/** Rule 9: P's current unit (other than U and its units, which rule 1 covers) is in U's system. */
export const sameSystem: RuleFn = (n, p, u) => {
  const system = n.g.units.get(u)?.system;
  if (!system) return NONE;
  const e = n.currentEmploymentsOf(p).find((e) => n.g.units.get(e.unitId)?.system === system && !n.isWithin(e.unitId, u));
  if (!e) return NONE;
  return [{ rule: 'SAME_SYSTEM', personId: p, unitId: u, evidence: [self(p), post(e), { kind: 'sameSystem', system, unitId: u }] }];
};

/**
 * Rule 10: P was on a team that inspected U in an earlier round that started within the last
 * N years; worded as "leads it again" when P led that team and leads in this round.
 */
export const repeatTarget: RuleFn = (n, p, u, role) => {
  if (n.pastServiceOf(p).length === 0) return NONE;
  const years = n.g.settings.repeatYears;
  const windowStart = n.yearsBefore(years);
  const seen = new Set<string>();
  const out: FindingDraft[] = [];
  for (const s of n.pastServiceOf(p)) {
    if (s.roundId === n.g.round.id || s.roundStartsOn < windowStart || s.roundStartsOn >= n.date) continue;
    if (!s.targetUnitIds.includes(u) || seen.has(s.roundId)) continue;
    seen.add(s.roundId);
    out.push({
      rule: 'REPEAT_TARGET',
      personId: p,
      unitId: u,
      years,
      variant: role === 'LEADER' && s.role === 'LEADER' ? 'LEADER_AGAIN' : 'INSPECTED',
      evidence: [self(p), { kind: 'served', service: s }, { kind: 'inspected', unitId: u }],
    });
  }
  return out;
};

/** Rule 11: a kin relative of P is kin of a current leader of U who is not P's kin. */
export const twoHopKin: RuleFn = (n, p, u) => {
  const list = n.leaders(u);
  if (list.length === 0) return NONE;
  const via = n.twoHopKin(p);
  const out: FindingDraft[] = [];
  for (const lead of list) {
    const k = via.get(lead.personId);
    if (k === undefined) continue;
    const first = n.kin(p).get(k)!;
    const second = n.kin(lead.personId).get(k)!;
    out.push({
      rule: 'TWO_HOP_KIN',
      personId: p,
      unitId: u,
      evidence: [self(p), ...hops(first.hops), ...hops(reverseHops(second.hops)), post(lead)],
    });
  }
  return out;
};

/**
 * Rule 12: U is not a grassroots unit and P's hometown is in U's county. Only in rounds whose
 * inspectors come from elsewhere (cross, elevated, linked), unless the settings say every round.
 */
export const hometownCounty: RuleFn = (n, p, u) => {
  if (!hometownCountyApplies(n.g.settings, n.g.round.kind)) return NONE;
  const unit = n.g.units.get(u);
  const hometown = n.g.persons.get(p)?.hometownRegionId ?? null;
  if (!unit || !hometown || GRASSROOTS_UNIT_KINDS.includes(unit.kind)) return NONE;
  const county = n.countyOf(unit.regionId);
  if (!county || !n.regionWithin(hometown, county.id)) return NONE;
  return [
    {
      rule: 'HOMETOWN_COUNTY',
      personId: p,
      unitId: u,
      evidence: [self(p), { kind: 'hometown', regionId: hometown }, { kind: 'regionOf', regionId: county.id, unitId: u }],
    },
  ];
};

/** Rule 13: P or a kin relative of P has an interest tie to U. */
export const interestTie: RuleFn = (n, p, u) =>
  n.interestTiesAround(p).get(u)?.map(({ kinId, tie }) => {
    const link = kinId === null ? undefined : n.kin(p).get(kinId)!;
    return {
      rule: 'INTEREST_TIE',
      personId: p,
      unitId: u,
      composition: link?.composition,
      evidence: [self(p), ...hops(link?.hops ?? []), { kind: 'interestTie', description: tie.description, unitId: u }],
    };
  }) ?? NONE;

export const RULES: Record<AvoidanceRuleName, RuleFn> = {
  CURRENT_EMPLOYER: currentEmployer,
  FORMER_EMPLOYER: formerEmployer,
  KIN_IN_TARGET: kinInTarget,
  FORMER_SUPERIOR_SUBORDINATE: formerSuperiorSubordinate,
  LOCALITY: locality,
  DECLARED: declared,
  HOMETOWN_GRASSROOTS: hometownGrassroots,
  PERSONAL_TIE: personalTie,
  SAME_SYSTEM: sameSystem,
  REPEAT_TARGET: repeatTarget,
  TWO_HOP_KIN: twoHopKin,
  HOMETOWN_COUNTY: hometownCounty,
  INTEREST_TIE: interestTie,
};
