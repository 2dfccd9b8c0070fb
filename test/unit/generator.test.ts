import fc from 'fast-check';
import { generateWorld, GeneratedWorld, RankName } from '../../src/demo/generator';
import { Random } from '../../src/demo/random';
import { SURNAMES } from '../../src/demo/vocabulary';
import { inverseKind, RELATION_KINDS, RelationKindName } from '../../src/people/rules/relation-kinds';

const TODAY = '2025-06-02';
const county = generateWorld({ scale: 'county', seed: 7, today: TODAY });

/** The world with every id replaced by its position, relations oriented by position. */
function shape(w: GeneratedWorld) {
  const ix = new Map<string, number>();
  for (const list of [w.regions, w.units, w.persons]) list.forEach((x, i) => ix.set(x.id, i));
  const at = (id: string | null) => (id === null ? null : ix.get(id)!);
  return {
    regions: w.regions.map((r) => [r.code, r.name, r.level, at(r.parentId)]),
    units: w.units.map((u) => [u.name, u.kind, at(u.regionId), at(u.parentId), u.system]),
    persons: w.persons.map((p) => [p.name, p.gender, p.birthDate, at(p.regionId), at(p.hometownRegionId), p.rank, p.fullTimeInspector, p.newlyPromotedOn, p.youngReserve]),
    employments: w.employments.map((e) => [at(e.personId), at(e.unitId), e.post, e.leadership, e.startedOn, e.endedOn]),
    relations: w.relations
      .map((r) => {
        const a = at(r.personId)!;
        const b = at(r.relatedPersonId)!;
        return a < b ? `${a}-${b}-${r.kind}` : `${b}-${a}-${inverseKind(r.kind)}`;
      })
      .sort(),
    interestTies: w.interestTies.map((t) => [at(t.personId), at(t.unitId), t.description]),
    pools: w.counties.map((c) => [c.leaderPersonIds.map(at), c.deputyPersonIds.map(at), c.specialists.map((s) => [at(s.personId), s.specialties])]),
  };
}

const RANKS: RankName[] = ['STAFF', 'DEPUTY_SECTION', 'SECTION', 'DEPUTY_DIVISION', 'DIVISION', 'DEPUTY_BUREAU', 'BUREAU'];
const rankAtLeast = (r: RankName | null, floor: RankName) => r !== null && RANKS.indexOf(r) >= RANKS.indexOf(floor);
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
const yearsBetween = (a: string, b: string) => (dayOf(b) - dayOf(a)) / 365.25;

describe('random', () => {
  test('the same seed gives the same sequence, and int stays within its bounds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000), (seed, lo, width) => {
        const a = new Random(seed);
        const b = new Random(seed);
        for (let k = 0; k < 20; k++) {
          const x = a.int(lo, lo + width);
          expect(x).toBe(b.int(lo, lo + width));
          expect(x).toBeGreaterThanOrEqual(lo);
          expect(x).toBeLessThanOrEqual(lo + width);
        }
      }),
    );
    expect(new Random('a').next()).not.toBe(new Random('b').next());
  });
});

describe('county scale', () => {
  test('the same seed gives the same names and structure; another seed does not', () => {
    const again = generateWorld({ scale: 'county', seed: 7, today: TODAY });
    expect(again.persons[0].id).not.toBe(county.persons[0].id); // fresh ids…
    expect(shape(again)).toEqual(shape(county)); // …same world
    const other = generateWorld({ scale: 'county', seed: 8, today: TODAY });
    expect(other.persons.slice(0, 100).map((p) => p.name)).not.toEqual(county.persons.slice(0, 100).map((p) => p.name));
    expect(shape(other).relations).not.toEqual(shape(county).relations);
  });

  test('a city with two counties of about ten townships, 70+ departments and 60+ villages each', () => {
    const levels = (l: string) => county.regions.filter((r) => r.level === l);
    expect(levels('CITY')).toHaveLength(1);
    expect(levels('COUNTY').map((r) => r.name)).toEqual(['东安县', '西平县']);
    expect(county.counties).toHaveLength(2);
    const units = new Map(county.units.map((u) => [u.id, u]));
    for (const c of county.counties) {
      expect(c.townshipRegionIds.length).toBe(10);
      expect(c.departmentUnitIds.length).toBeGreaterThanOrEqual(70);
      expect(c.villageUnitIds.length).toBeGreaterThanOrEqual(60);
      expect(c.townshipUnitIds).toHaveLength(c.townshipRegionIds.length);
      expect(c.departmentUnitIds.every((id) => units.get(id)!.kind === 'DEPARTMENT' && units.get(id)!.regionId === c.regionId)).toBe(true);
      expect(c.villageUnitIds.every((id) => ['VILLAGE', 'COMMUNITY'].includes(units.get(id)!.kind))).toBe(true);
      const names = new Map(c.departmentUnitIds.map((id) => [units.get(id)!.name, units.get(id)!]));
      for (const dept of ['财政局', '审计局', '公安局', '教育局', '卫生健康局']) expect(names.has(`${c.name}${dept}`)).toBe(true);
      expect(names.get(`${c.name}公安局`)!.system).toBe('政法');
      expect(names.get(`${c.name}教育局`)!.system).toBe('教育');
      expect(names.get(`${c.name}卫生健康局`)!.system).toBe('卫生');
      expect(units.get(c.inspectionOfficeUnitId)!.name).toBe(`${c.name}委巡察工作领导小组办公室`);
    }
  });

  test('regions form a tree with materialized paths; village units sit in village regions under their township unit', () => {
    const regions = new Map(county.regions.map((r) => [r.id, r]));
    const units = new Map(county.units.map((u) => [u.id, u]));
    expect(new Set(county.regions.map((r) => r.code)).size).toBe(county.regions.length);
    const depth = { PROVINCE: 0, CITY: 1, COUNTY: 2, TOWNSHIP: 3, VILLAGE: 4 };
    for (const r of county.regions) {
      const parent = r.parentId ? regions.get(r.parentId)! : null;
      expect(r.path).toBe(`${parent?.path ?? '/'}${r.id}/`);
      if (parent) expect(depth[r.level]).toBe(depth[parent.level] + 1);
    }
    for (const c of county.counties) {
      for (const id of c.villageUnitIds) {
        const v = units.get(id)!;
        const region = regions.get(v.regionId)!;
        expect(region.level).toBe('VILLAGE');
        const township = units.get(v.parentId!)!;
        expect(township.kind).toBe('TOWNSHIP');
        expect(township.regionId).toBe(region.parentId);
        expect(v.name.startsWith(regions.get(region.parentId!)!.name)).toBe(true);
      }
    }
  });

  test('35 leaders and deputies and 55 specialists per county, of the right ranks, kept by the county', () => {
    const persons = new Map(county.persons.map((p) => [p.id, p]));
    for (const c of county.counties) {
      expect(c.leaderPersonIds.length + c.deputyPersonIds.length).toBe(35);
      expect(c.leaderPersonIds).toHaveLength(15);
      expect(c.specialists).toHaveLength(55);
      const all = [...c.leaderPersonIds, ...c.deputyPersonIds, ...c.specialists.map((s) => s.personId)];
      expect(new Set(all).size).toBe(all.length);
      expect(all.every((id) => persons.get(id)!.regionId === c.regionId)).toBe(true);
      expect(c.leaderPersonIds.every((id) => rankAtLeast(persons.get(id)!.rank, 'SECTION'))).toBe(true);
      expect(c.deputyPersonIds.every((id) => rankAtLeast(persons.get(id)!.rank, 'DEPUTY_SECTION'))).toBe(true);
      expect(c.specialists.every((s) => s.specialties.length >= 1)).toBe(true);
      const specialties = c.specialists.flatMap((s) => s.specialties);
      expect(specialties.filter((s) => s === 'FINANCE' || s === 'AUDIT').length).toBeGreaterThanOrEqual(5);
      // Full-time inspectors: enough for three or four teams.
      expect(c.fullTimePersonIds.length).toBeGreaterThanOrEqual(6);
      expect(c.fullTimePersonIds.every((id) => persons.get(id)!.fullTimeInspector && all.includes(id))).toBe(true);
    }
  });

  test('a few thousand persons with realistic Chinese names', () => {
    expect(county.persons.length).toBeGreaterThanOrEqual(2000);
    expect(county.persons.length).toBeLessThanOrEqual(6000);
    const surnames = SURNAMES.map((s) => s[0]).sort((a, b) => b.length - a.length);
    const counts = new Map<string, number>();
    for (const p of county.persons) {
      const surname = surnames.find((s) => p.name.startsWith(s));
      expect(surname).toBeDefined();
      const given = p.name.slice(surname!.length);
      expect(given).toMatch(/^[\u4e00-\u9fff]{1,2}$/);
      counts.set(surname!, (counts.get(surname!) ?? 0) + 1);
    }
    // Common surnames are common: 王, 李, 张 lead, and many surnames occur.
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([s]) => s);
    expect(top.filter((s) => ['王', '李', '张', '刘', '陈'].includes(s)).length).toBeGreaterThanOrEqual(3);
    expect(counts.size).toBeGreaterThan(60);
    expect(new Set(county.persons.map((p) => p.gender))).toEqual(new Set(['MALE', 'FEMALE']));
  });

  test('every person has 2-5 contiguous posts within valid dates; those under 60 hold exactly one open post', () => {
    const byPerson = new Map<string, typeof county.employments>();
    for (const e of county.employments) (byPerson.get(e.personId) ?? byPerson.set(e.personId, []).get(e.personId)!).push(e);
    const unitIds = new Set(county.units.map((u) => u.id));
    const regions = new Map(county.regions.map((r) => [r.id, r]));
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) problems.push(what);
    };
    for (const p of county.persons) {
      const posts = byPerson.get(p.id) ?? [];
      const who = `${p.name} (${p.birthDate})`;
      check(posts.length >= 2 && posts.length <= 5, `${who}: ${posts.length} posts`);
      check(yearsBetween(p.birthDate, TODAY) >= 24, `${who}: too young`);
      check(['TOWNSHIP', 'VILLAGE'].includes(regions.get(p.hometownRegionId)!.level), `${who}: hometown level`);
      check(yearsBetween(p.birthDate, posts[0].startedOn) >= 18, `${who}: worked before 18`);
      posts.forEach((e, k) => {
        const post = `${who} post ${k} ${e.startedOn}..${e.endedOn}`;
        check(unitIds.has(e.unitId) && e.post.length > 0, `${post}: unit or title`);
        check(e.startedOn <= TODAY, `${post}: starts after today`);
        check(e.endedOn === null || (e.endedOn >= e.startedOn && e.endedOn < TODAY), `${post}: bad end`);
        if (k > 0) check(posts[k - 1].endedOn !== null && dayOf(e.startedOn) === dayOf(posts[k - 1].endedOn!) + 1, `${post}: not contiguous`);
      });
      const open = posts.filter((e) => e.endedOn === null).length;
      check(open === (yearsBetween(p.birthDate, TODAY) < 60 ? 1 : 0) && (open === 0 || posts[posts.length - 1].endedOn === null), `${who}: ${open} open posts`);
      check(!p.newlyPromotedOn || yearsBetween(p.newlyPromotedOn, TODAY) <= 2, `${who}: promoted long ago`);
    }
    expect(problems).toEqual([]);
    for (const c of county.counties) {
      const mine = new Set(c.personIds);
      const leaders = county.employments.filter((e) => mine.has(e.personId) && e.leadership && e.endedOn === null);
      expect(leaders.length).toBeGreaterThan(150);
      const pastLeadership = county.employments.filter((e) => mine.has(e.personId) && e.leadership && e.endedOn !== null);
      expect(pastLeadership.length).toBeGreaterThan(20);
    }
  });

  test('relations are stored canonically, between known persons, once per pair, never with oneself', () => {
    const ids = new Set(county.persons.map((p) => p.id));
    const pairs = new Set<string>();
    const problems: string[] = [];
    for (const r of county.relations) {
      const key = `${r.personId}|${r.relatedPersonId}`;
      if (!RELATION_KINDS.includes(r.kind)) problems.push(`${key}: kind ${r.kind}`);
      if (!ids.has(r.personId) || !ids.has(r.relatedPersonId)) problems.push(`${key}: unknown person`);
      // Canonical (lower id first), hence never a self-relation.
      if (!(r.personId < r.relatedPersonId)) problems.push(`${key}: not canonical`);
      if (pairs.has(key)) problems.push(`${key}: repeated`);
      pairs.add(key);
    }
    expect(problems).toEqual([]);
    const kinds = new Set(county.relations.map((r) => r.kind));
    for (const k of ['SPOUSE', 'SIBLING', 'CLASSMATE', 'CLOSE_FRIEND', 'SAME_SUPERVISOR', 'TEACHER_STUDENT'] as const) expect(kinds.has(k)).toBe(true);
    expect(kinds.has('PARENT') || kinds.has('CHILD')).toBe(true);
    expect(county.interestTies.length).toBeGreaterThan(20);
  });

  test('kin families produce grandparent, cousin and in-law compositions from primitive ties', () => {
    // What each person's spouse, parents, children and siblings are, from the stored primitive ties.
    const next = new Map<string, Record<'W' | 'P' | 'C' | 'S', Set<string>>>();
    const of = (id: string) => next.get(id) ?? next.set(id, { W: new Set(), P: new Set(), C: new Set(), S: new Set() }).get(id)!;
    const direct = new Set<string>();
    for (const r of county.relations) {
      direct.add(`${r.personId}|${r.relatedPersonId}`).add(`${r.relatedPersonId}|${r.personId}`);
      const step: Partial<Record<RelationKindName, 'W' | 'P' | 'C' | 'S'>> = { SPOUSE: 'W', PARENT: 'P', CHILD: 'C', SIBLING: 'S' };
      const s = step[r.kind];
      if (!s) continue;
      of(r.personId)[s].add(r.relatedPersonId);
      of(r.relatedPersonId)[step[inverseKind(r.kind)]!].add(r.personId);
    }
    const reach = (path: string) => {
      let found = 0;
      let derivedOnly = 0;
      for (const start of next.keys()) {
        let frontier = new Set([start]);
        for (const s of path) frontier = new Set([...frontier].flatMap((x) => [...of(x)[s as 'W']]));
        frontier.delete(start);
        found += frontier.size;
        for (const y of frontier) if (!direct.has(`${start}|${y}`)) derivedOnly++;
      }
      return { found, derivedOnly };
    };
    for (const path of ['PP', 'PSC', 'WP', 'WS', 'SW', 'WSW', 'CW', 'PS', 'SC', 'CWP']) {
      const r = reach(path);
      expect({ path, some: r.found > 10, derivedOnly: r.derivedOnly > 5 }).toEqual({ path, some: true, derivedOnly: true });
    }
    // Families reach across counties (a spouse's parents and siblings from the neighbour county).
    const region = new Map(county.persons.map((p) => [p.id, p.regionId]));
    const counties = new Set(county.counties.map((c) => c.regionId));
    const across = county.relations.filter(
      (r) => ['SPOUSE', 'PARENT', 'CHILD', 'SIBLING'].includes(r.kind) && counties.has(region.get(r.personId)!) && counties.has(region.get(r.relatedPersonId)!) && region.get(r.personId) !== region.get(r.relatedPersonId),
    );
    expect(across.length).toBeGreaterThan(10);
  });
});

describe('province scale', () => {
  test('30,000 persons, 300,000 relations, 20,000 units, about 100 counties, 3-5 posts each', () => {
    const w = generateWorld({ scale: 'province', seed: 1, today: TODAY });
    expect(w.persons).toHaveLength(30_000);
    expect(w.relations).toHaveLength(300_000);
    expect(w.units).toHaveLength(20_000);
    expect(w.counties).toHaveLength(100);
    expect(w.regions.filter((r) => r.level === 'PROVINCE')).toHaveLength(1);
    const posts = new Map<string, number>();
    for (const e of w.employments) posts.set(e.personId, (posts.get(e.personId) ?? 0) + 1);
    expect(Math.min(...posts.values())).toBeGreaterThanOrEqual(3);
    expect(Math.max(...posts.values())).toBeLessThanOrEqual(5);
    expect(posts.size).toBe(30_000);
    const pairs = new Set(w.relations.map((r) => `${r.personId}|${r.relatedPersonId}`));
    expect(pairs.size).toBe(300_000);
    expect(w.relations.every((r) => r.personId < r.relatedPersonId)).toBe(true);
    // Mostly kin.
    const kin = w.relations.filter((r) => !['CLASSMATE', 'TEACHER_STUDENT', 'SAME_SUPERVISOR', 'CLOSE_FRIEND', 'OTHER_TIE'].includes(r.kind));
    expect(kin.length / w.relations.length).toBeGreaterThan(0.5);
    for (const c of w.counties) {
      expect(c.leaderPersonIds.length + c.deputyPersonIds.length).toBe(35);
      expect(c.specialists).toHaveLength(55);
    }
  });
});
