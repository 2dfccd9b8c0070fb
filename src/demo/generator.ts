/**
 * A deterministic generator of example data: regions, units, persons with employment histories,
 * kin families, personal ties and interest ties. Plain data in, plain rows out (no database):
 * `loadWorld` (load.ts) writes them. The same seed and `today` give the same names and
 * structure; only the ids (UUIDv7) differ from run to run.
 *
 * Two scales: `county` (the demo: one city, two counties with about ten townships each) and
 * `province` (benchmarks: 100 counties, 30,000 persons, 300,000 relations, 20,000 units).
 */
import type { Gender, Rank } from '../people/person.entity';
import type { RegionLevel } from '../regions/region.entity';
import { canonicalPair, RelationKindName } from '../people/rules/relation-kinds';
import { systemClock } from '../common/clock';
import { newId } from '../db/ids';
import type { DemoCounty, DemoWorld } from './api';
import { Random, Weighted } from './random';
import {
  COMMUNITY_WORDS,
  DEMO_CITY,
  DEMO_COUNTIES,
  DEMO_PROVINCE,
  eraOf,
  GIVEN_CHARS,
  GIVEN_NAMES,
  INSPECTION_POSTS,
  INTEREST_TIE_DESCRIPTIONS,
  PLACE_FIRST,
  PLACE_SECOND,
  REGION_UNITS,
  SPECIALTY_CODES,
  STAFF_POSTS,
  SURNAMES,
  TOWNSHIP_STAFF_POSTS,
  TOWNSHIP_STEMS,
  UnitKindName,
  UnitTemplate,
  VILLAGE_CLAN_PLACES,
  VILLAGE_DIRECTIONS,
  VILLAGE_FEATURES,
  VILLAGE_STAFF_POSTS,
  VILLAGE_WORDS,
} from './vocabulary';

// ---------------------------------------------------------------- rows

export type GenderName = `${Gender}`;
export type RankName = `${Rank}`;
export type LevelName = `${RegionLevel}`;

export interface RegionRow {
  id: string;
  code: string;
  name: string;
  level: LevelName;
  parentId: string | null;
  /** Materialized path "/rootId/…/ownId/", as the regions service writes it. */
  path: string;
}

export interface UnitRow {
  id: string;
  name: string;
  kind: UnitKindName;
  regionId: string;
  parentId: string | null;
  system: string | null;
}

export interface PersonRow {
  id: string;
  regionId: string;
  name: string;
  gender: GenderName;
  birthDate: string;
  hometownRegionId: string;
  rank: RankName | null;
  fullTimeInspector: boolean;
  newlyPromotedOn: string | null;
  youngReserve: boolean;
}

export interface EmploymentRow {
  id: string;
  personId: string;
  unitId: string;
  post: string;
  leadership: boolean;
  startedOn: string;
  endedOn: string | null;
}

/** A relation in its stored (canonical) form: lower person id first, kind inverted to match. */
export interface RelationRow {
  id: string;
  personId: string;
  relatedPersonId: string;
  kind: RelationKindName;
}

export interface InterestTieRow {
  id: string;
  personId: string;
  unitId: string;
  description: string;
}

export interface Specialist {
  personId: string;
  specialties: string[];
}

/** The persons an office could put in its pools, and its full-time inspectors. */
export interface PoolCandidates {
  /** Suited to the group-leader pool: rank at least 正科级 (all at least 副科级). */
  leaderPersonIds: string[];
  /** Suited to the deputy-leader pool: rank at least 副科级. */
  deputyPersonIds: string[];
  specialists: Specialist[];
  /** Full-time inspectors (staff of the inspection office), all among the candidates above. */
  fullTimePersonIds: string[];
}

export interface GeneratedCounty extends PoolCandidates {
  regionId: string;
  code: string;
  name: string;
  /** Latin letters for usernames, e.g. "dongan". */
  slug: string;
  cityRegionId: string;
  townshipRegionIds: string[];
  villageRegionIds: string[];
  /** County departments (kind DEPARTMENT). */
  departmentUnitIds: string[];
  /** Hospitals, schools (INSTITUTION) and state enterprises (ENTERPRISE) of the county. */
  otherUnitIds: string[];
  /** Township Party committees (kind TOWNSHIP), one per township. */
  townshipUnitIds: string[];
  /** Village and community Party branches (VILLAGE, COMMUNITY). */
  villageUnitIds: string[];
  inspectionOfficeUnitId: string;
  /** Persons kept by the county (region = the county). */
  personIds: string[];
}

export interface GeneratedCity extends PoolCandidates {
  regionId: string;
  code: string;
  name: string;
  slug: string;
  countyRegionIds: string[];
  /** City departments, institutions and enterprises. */
  unitIds: string[];
  inspectionOfficeUnitId: string;
  /** Persons kept by the city itself (region = the city). */
  personIds: string[];
}

export type Scale = 'county' | 'province';

export interface GeneratedWorld {
  scale: Scale;
  seed: number | string;
  today: string;
  /** The root region: the city at county scale, the province at province scale. */
  rootRegionId: string;
  provinceRegionId: string | null;
  cities: GeneratedCity[];
  counties: GeneratedCounty[];
  regions: RegionRow[];
  units: UnitRow[];
  persons: PersonRow[];
  employments: EmploymentRow[];
  relations: RelationRow[];
  interestTies: InterestTieRow[];
}

// ---------------------------------------------------------------- options

export interface GenerateOptions {
  scale?: Scale;
  seed?: number | string;
  /** The world's "today" (YYYY-MM-DD): careers end before it. Defaults to the real today. */
  today?: string;
  /** Prepended to every region code, so that two worlds can share a database. */
  codePrefix?: string;
  cities?: number;
  countiesPerCity?: number;
  townshipsPerCounty?: number;
  /** Villages per township, [min, max] (county scale), when `units` does not fix the total. */
  villagesPerTownship?: [number, number];
  /** Total number of units; villages are added until it is reached (province scale). */
  units?: number | null;
  personsPerCounty?: number;
  personsPerCity?: number;
  /** Posts in each person's employment history, [min, max]. */
  postsPerPerson?: [number, number];
  /** Total number of relations to reach (kin first, then personal ties); null: natural. */
  relations?: number | null;
  /** Share of derived kin pairs (cousin, in-law…) recorded directly when `relations` is null. */
  derivedKinShare?: number;
  /** Personal ties per person when `relations` is null. */
  tiesPerPerson?: number;
  /** Brothers heading a family (its oldest generation), [min, max]. */
  clanBrothers?: [number, number];
  /** Interest ties per person. */
  interestTiesPerPerson?: number;
  /** Pool candidates per county (and per city). */
  pools?: { leaders: number; deputies: number; specialists: number };
}

type Resolved = Required<Omit<GenerateOptions, 'seed' | 'today'>> & { seed: number | string; today: string };

export const SCALES: Record<Scale, Omit<Resolved, 'seed' | 'today' | 'scale' | 'codePrefix'>> = {
  county: {
    cities: 1,
    countiesPerCity: 2,
    townshipsPerCounty: 10,
    villagesPerTownship: [6, 8],
    units: null,
    personsPerCounty: 1400,
    personsPerCity: 250,
    postsPerPerson: [2, 5],
    relations: null,
    derivedKinShare: 0.12,
    tiesPerPerson: 0.5,
    clanBrothers: [1, 2],
    interestTiesPerPerson: 0.04,
    pools: { leaders: 15, deputies: 20, specialists: 55 },
  },
  province: {
    cities: 10,
    countiesPerCity: 10,
    townshipsPerCounty: 12,
    villagesPerTownship: [6, 9],
    units: 20_000,
    personsPerCounty: 280,
    personsPerCity: 200,
    postsPerPerson: [3, 5],
    relations: 300_000,
    derivedKinShare: 1,
    tiesPerPerson: 1,
    clanBrothers: [2, 3],
    interestTiesPerPerson: 0.03,
    pools: { leaders: 15, deputies: 20, specialists: 55 },
  },
};

// ---------------------------------------------------------------- dates as day numbers

const DAY = 86_400_000;
const YEAR = 365.25;
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const yearOf = (day: number) => new Date(day * DAY).getUTCFullYear();
/** The same calendar date `years` later (29 February becomes 28 February). */
function plusYears(day: number, years: number): number {
  const d = new Date(day * DAY);
  const y = d.getUTCFullYear() + years;
  const m = d.getUTCMonth();
  const dd = Math.min(d.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate());
  return Math.round(Date.UTC(y, m, dd) / DAY);
}

const RANKS: RankName[] = ['STAFF', 'DEPUTY_SECTION', 'SECTION', 'DEPUTY_DIVISION', 'DIVISION', 'DEPUTY_BUREAU', 'BUREAU'];
const rankIndex = (r: RankName | null) => (r ? RANKS.indexOf(r) : -1);
const rankAt = (i: number): RankName => RANKS[Math.max(0, Math.min(RANKS.length - 1, i))];

const RETIREMENT_AGE = 60;
const MIN_AGE = 24;

// ---------------------------------------------------------------- internal model

interface Block {
  kind: 'county' | 'city';
  regionId: string;
  /** Index of the city block's city among world.cities. */
  cityIndex: number;
  /** The county (or, for a city, its counties) whose villages are hometowns. */
  hometownRegionIds: string[];
  units: BlockUnit[];
  /** Departments, institutions and enterprises of the block. */
  regionUnits: BlockUnit[];
  /** Township units where careers often begin (for a city: those of its counties). */
  townshipUnits: BlockUnit[];
  /** Village units by township region. */
  villagesByTownship: Map<string, BlockUnit[]>;
  personsBudget: number;
  /** Persons kept by the block (region = the block's region), as indices. */
  persons: number[];
  rank0: number; // rank index of a department head at this level
  inspectionOffice: number; // unit index
  /** Pool candidates, as person indices. */
  pool: { leaders: number[]; deputies: number[]; specialists: { person: number; specialties: string[] }[] };
}

interface BlockUnit {
  index: number; // into units
  template: UnitTemplate | null;
  kind: UnitKindName;
  /** For townships: 镇长 / 乡长 / 街道办事处主任. */
  township?: { chief: string; deputyChief: string; regionId: string };
  /** For villages: the village and its township regions (village cadres are local). */
  village?: { regionId: string; townshipRegionId: string; community: boolean };
}

interface Group {
  parents: number[];
  members: number[];
  generationChar: string | null;
}

interface P {
  gender: GenderName;
  birth: number;
  surname: string;
  given: string;
  birthGroup: number; // -1 when none
  childGroup: number; // -1 when none
  spouse: number; // -1 when none
  family: number;
  hometown: string;
  regionId: string;
  rank: RankName | null;
  fullTime: boolean;
  currentUnit: number; // -1 when retired
  specialtyUnit: boolean;
}

interface Post {
  unit: number;
  title: string;
  leadership: boolean;
  rank: RankName | null;
}

/** Builds the world. Deterministic in `seed` and `today`. */
export function generateWorld(options: GenerateOptions = {}): GeneratedWorld {
  const scale = options.scale ?? 'county';
  const o: Resolved = {
    ...SCALES[scale],
    scale,
    codePrefix: '',
    ...stripUndefined(options),
    seed: options.seed ?? 1,
    today: options.today ?? systemClock.today(),
  };
  return new WorldBuilder(o).build();
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

class WorldBuilder {
  private readonly rng: Random;
  private readonly today: number;
  private readonly surnames: Weighted<string>;
  private readonly regions: RegionRow[] = [];
  private readonly units: UnitRow[] = [];
  private readonly unitSpecialties = new Map<number, string[]>();
  private readonly blocks: Block[] = [];
  private readonly people: P[] = [];
  private readonly groups: Group[] = [];
  private readonly posts: Post[][] = [];
  /** Start day of each post of each person (parallel to `posts`). */
  private readonly starts: number[][] = [];
  private readonly cities: GeneratedCity[] = [];
  private readonly counties: GeneratedCounty[] = [];
  private readonly villagesOfRegion = new Map<string, string[]>(); // county → village and township regions
  private families = 0;

  constructor(private readonly o: Resolved) {
    this.rng = new Random(`world:${o.seed}`);
    this.today = dayOf(o.today);
    if (!Number.isFinite(this.today)) throw new Error(`today must be a YYYY-MM-DD date (got ${o.today})`);
    this.surnames = new Weighted(
      SURNAMES.map((s) => s[0]),
      SURNAMES.map((s) => s[1]),
    );
  }

  build(): GeneratedWorld {
    const provinceRegionId = this.buildRegionsAndUnits();
    for (const block of this.blocks) this.buildFamilies(block);
    const blockOf = new Map(this.blocks.map((b) => [b.regionId, b]));
    this.people.forEach((p, i) => blockOf.get(p.regionId)!.persons.push(i));
    this.assignCareers();
    for (const block of this.blocks) this.choosePools(block);
    const persons = this.personRows();
    const employments = this.employmentRows(persons);
    const relations = this.relationRows(persons);
    const interestTies = this.interestTieRows(persons);
    const kept = new Map<string, string[]>();
    for (const p of persons) (kept.get(p.regionId) ?? kept.set(p.regionId, []).get(p.regionId)!).push(p.id);
    for (const b of this.blocks) {
      const target = b.kind === 'county' ? this.counties.find((c) => c.regionId === b.regionId)! : this.cities[b.cityIndex];
      const id = (i: number) => persons[i].id;
      const all = [...b.pool.leaders, ...b.pool.deputies, ...b.pool.specialists.map((s) => s.person)];
      Object.assign(target, {
        leaderPersonIds: b.pool.leaders.map(id),
        deputyPersonIds: b.pool.deputies.map(id),
        specialists: b.pool.specialists.map((s) => ({ personId: id(s.person), specialties: s.specialties })),
        fullTimePersonIds: all.filter((i) => this.people[i].fullTime).map(id),
        personIds: kept.get(b.regionId) ?? [],
      });
    }
    return {
      scale: this.o.scale,
      seed: this.o.seed,
      today: this.o.today,
      rootRegionId: this.regions[0].id,
      provinceRegionId,
      cities: this.cities,
      counties: this.counties,
      regions: this.regions,
      units: this.units,
      persons,
      employments,
      relations,
      interestTies,
    };
  }

  // ------------------------------------------------------------ regions and units

  private region(code: string, name: string, level: LevelName, parent: RegionRow | null): RegionRow {
    const id = newId();
    const row: RegionRow = { id, code: `${this.o.codePrefix}${code}`, name, level, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/` };
    this.regions.push(row);
    return row;
  }

  private unit(name: string, kind: UnitKindName, regionId: string, parentId: string | null, system: string | null): number {
    this.units.push({ id: newId(), name, kind, regionId, parentId, system });
    return this.units.length - 1;
  }

  /** The departments, institutions and enterprises of a county or city, with their supervisors. */
  private regionUnits(regionName: string, regionId: string): BlockUnit[] {
    const out: BlockUnit[] = [];
    const byTemplate = new Map<string, number>();
    for (const t of REGION_UNITS) {
      const parent = t.under ? byTemplate.get(t.under) : undefined;
      const index = this.unit(t.name.replace('{r}', regionName), t.kind, regionId, parent === undefined ? null : this.units[parent].id, t.system);
      byTemplate.set(t.name, index);
      if (t.specialties) this.unitSpecialties.set(index, t.specialties);
      out.push({ index, template: t, kind: t.kind });
    }
    return out;
  }

  private buildRegionsAndUnits(): string | null {
    const o = this.o;
    const rng = this.rng.fork('places');
    const province = o.scale === 'province' ? this.region('36', DEMO_PROVINCE.name, 'PROVINCE', null) : null;
    const placeNames = this.placeNames(rng, o.cities + o.cities * o.countiesPerCity);
    const countyCount = o.cities * o.countiesPerCity;
    // Units that are not villages, to know how many villages the unit total leaves.
    const fixedUnits = o.cities * REGION_UNITS.length + countyCount * (REGION_UNITS.length + o.townshipsPerCounty);
    const villageTotal = o.units == null ? null : Math.max(countyCount * o.townshipsPerCounty, o.units - fixedUnits);
    const villageCounts = villageTotal == null ? null : spread(rng, villageTotal, countyCount * o.townshipsPerCounty);
    let townshipSeq = 0;

    for (let ci = 0; ci < o.cities; ci++) {
      const cityName = o.scale === 'county' && ci === 0 ? DEMO_CITY : placeNames[ci];
      const cityCode = `36${pad(ci + 1, 2)}`;
      const city = this.region(cityCode, o.scale === 'county' && ci === 0 ? cityName.name : `${cityName.name}市`, 'CITY', province);
      const cityUnits = this.regionUnits(city.name, city.id);
      const cityBlock = this.newBlock('city', city.id, ci, cityUnits, o.personsPerCity);
      this.cities.push({
        regionId: city.id,
        code: city.code,
        name: city.name,
        slug: cityName.slug,
        countyRegionIds: [],
        unitIds: cityUnits.map((u) => this.units[u.index].id),
        inspectionOfficeUnitId: this.units[cityBlock.inspectionOffice].id,
        personIds: [],
        ...emptyPool(),
      });
      for (let k = 0; k < o.countiesPerCity; k++) {
        const n = ci * o.countiesPerCity + k;
        const named = o.scale === 'county' && n < DEMO_COUNTIES.length ? DEMO_COUNTIES[n] : { name: `${placeNames[o.cities + n].name}县`, slug: placeNames[o.cities + n].slug };
        const county = this.region(`${cityCode}${pad(k + 1, 2)}`, named.name, 'COUNTY', city);
        this.cities[ci].countyRegionIds.push(county.id);
        const deptUnits = this.regionUnits(county.name, county.id);
        const blockUnits = [...deptUnits];
        const townshipRegionIds: string[] = [];
        const villageRegionIds: string[] = [];
        const townshipUnitIds: string[] = [];
        const villageUnitIds: string[] = [];
        const stems = rng.sample(TOWNSHIP_STEMS, o.townshipsPerCounty);
        for (let t = 0; t < o.townshipsPerCounty; t++) {
          const seat = t === 0;
          const name = seat ? (rng.chance(0.5) ? '城关镇' : '城东街道') : `${stems[t]}${rng.chance(0.3) ? '乡' : '镇'}`;
          const street = name.endsWith('街道');
          const township = this.region(`${county.code.slice(o.codePrefix.length)}${pad(t + 1, 3)}`, name, 'TOWNSHIP', county);
          townshipRegionIds.push(township.id);
          const tIndex = this.unit(`${township.name}${street ? '党工委' : '党委'}`, 'TOWNSHIP', township.id, null, '乡镇');
          townshipUnitIds.push(this.units[tIndex].id);
          const chief = street ? '街道办事处主任' : township.name.endsWith('乡') ? '乡长' : '镇长';
          blockUnits.push({ index: tIndex, template: null, kind: 'TOWNSHIP', township: { chief, deputyChief: street ? '街道办事处副主任' : `副${chief}`, regionId: township.id } });
          const villages =
            villageCounts?.[townshipSeq++] ?? rng.int(o.villagesPerTownship[0], o.villagesPerTownship[1]) + (seat ? 3 : 0);
          const communities = seat ? Math.min(villages, 3 + rng.int(0, 2)) : 0;
          const names = this.villageNames(rng, villages, communities);
          names.forEach((name, v) => {
            const community = v < communities;
            const village = this.region(`${township.code.slice(o.codePrefix.length)}${pad(v + 1, 3)}`, name, 'VILLAGE', township);
            villageRegionIds.push(village.id);
            const vIndex = this.unit(`${township.name}${name}党支部`, community ? 'COMMUNITY' : 'VILLAGE', village.id, this.units[tIndex].id, null);
            villageUnitIds.push(this.units[vIndex].id);
            blockUnits.push({ index: vIndex, template: null, kind: community ? 'COMMUNITY' : 'VILLAGE', village: { regionId: village.id, townshipRegionId: township.id, community } });
          });
        }
        this.villagesOfRegion.set(county.id, [...villageRegionIds, ...townshipRegionIds]);
        const block = this.newBlock('county', county.id, ci, blockUnits, o.personsPerCounty);
        this.counties.push({
          regionId: county.id,
          code: county.code,
          name: county.name,
          slug: named.slug,
          cityRegionId: city.id,
          townshipRegionIds,
          villageRegionIds,
          departmentUnitIds: deptUnits.filter((u) => u.kind === 'DEPARTMENT').map((u) => this.units[u.index].id),
          otherUnitIds: deptUnits.filter((u) => u.kind !== 'DEPARTMENT').map((u) => this.units[u.index].id),
          townshipUnitIds,
          villageUnitIds,
          inspectionOfficeUnitId: this.units[block.inspectionOffice].id,
          personIds: [],
          ...emptyPool(),
        });
      }
      // A city's own cadres come from its counties, and many began there.
      cityBlock.hometownRegionIds = this.cities[ci].countyRegionIds.flatMap((c) => this.villagesOfRegion.get(c)!);
      cityBlock.townshipUnits = this.blocks.filter((b) => b.kind === 'county' && b.cityIndex === ci).flatMap((b) => b.townshipUnits);
    }
    return province?.id ?? null;
  }

  private newBlock(kind: Block['kind'], regionId: string, cityIndex: number, units: BlockUnit[], personsBudget: number): Block {
    const office = units.find((u) => u.template?.inspectionOffice)!;
    const block: Block = {
      kind,
      regionId,
      cityIndex,
      hometownRegionIds: kind === 'county' ? this.villagesOfRegion.get(regionId)! : [],
      units,
      regionUnits: units.filter((u) => u.template),
      townshipUnits: units.filter((u) => u.township),
      villagesByTownship: new Map(),
      personsBudget,
      persons: [],
      rank0: kind === 'county' ? rankIndex('SECTION') : rankIndex('DIVISION'),
      inspectionOffice: office.index,
      pool: { leaders: [], deputies: [], specialists: [] },
    };
    for (const u of units) {
      if (!u.village) continue;
      const list = block.villagesByTownship.get(u.village.townshipRegionId);
      if (list) list.push(u);
      else block.villagesByTownship.set(u.village.townshipRegionId, [u]);
    }
    this.blocks.push(block);
    return block;
  }

  /** Distinct two-character place names for cities and counties, with pinyin. */
  private placeNames(rng: Random, n: number): { name: string; slug: string }[] {
    const all: { name: string; slug: string }[] = [];
    for (const [a, pa] of PLACE_FIRST) for (const [b, pb] of PLACE_SECOND) if (a !== b) all.push({ name: a + b, slug: pa + pb });
    const reserved = new Set([...DEMO_COUNTIES.map((c) => c.name.slice(0, 2)), DEMO_CITY.name.slice(0, 2)]);
    const picked = rng.shuffle(all.filter((x) => !reserved.has(x.name)));
    if (picked.length < n) throw new Error(`at most ${picked.length} cities and counties can be named`);
    return picked.slice(0, n);
  }

  /** Distinct village names for one township; the first `communities` are communities. */
  private villageNames(rng: Random, n: number, communities: number): string[] {
    const out = new Set<string>();
    for (const w of rng.sample(COMMUNITY_WORDS, communities)) out.add(`${w}社区`);
    let guard = 0;
    while (out.size < n) {
      if (++guard > n * 200) throw new Error('ran out of village names');
      const style = rng.next();
      let name: string;
      if (style < 0.35) name = `${this.surnames.draw(rng)}家${rng.pick([...VILLAGE_CLAN_PLACES])}村`;
      else if (style < 0.65) name = `${rng.pick([...VILLAGE_DIRECTIONS])}${rng.pick([...VILLAGE_FEATURES])}村`;
      else name = `${rng.pick(VILLAGE_WORDS)}村`;
      // Extend the name when the plain one is taken (a township can have many villages).
      if (out.has(name)) name = name.replace(/村$/, `${rng.pick([...VILLAGE_FEATURES])}村`);
      out.add(name);
    }
    return [...out];
  }

  // ------------------------------------------------------------ families

  private person(p: Omit<P, 'rank' | 'fullTime' | 'currentUnit' | 'specialtyUnit'>): number {
    this.people.push({ ...p, rank: null, fullTime: false, currentUnit: -1, specialtyUnit: false });
    this.posts.push([]);
    this.starts.push([]);
    return this.people.length - 1;
  }

  private group(parents: number[]): number {
    this.groups.push({ parents, members: [], generationChar: null });
    return this.groups.length - 1;
  }

  private givenName(rng: Random, gender: GenderName, birth: number, group: Group | null): string {
    const era = eraOf(yearOf(birth));
    const chars = GIVEN_CHARS[era][gender];
    const taken = new Set(group?.members.map((m) => this.people[m].given) ?? []);
    for (let attempt = 0; ; attempt++) {
      let name: string;
      if (group?.generationChar && gender === 'MALE') name = group.generationChar + rng.pick([...chars]);
      else {
        const r = rng.next();
        const single = era === 'old' ? 0.12 : era === 'middle' ? 0.4 : 0.3;
        if (r < single) name = rng.pick([...chars]);
        else if (r < single + 0.3) name = rng.pick(GIVEN_NAMES[era][gender]);
        else name = rng.pick([...chars]) + rng.pick([...chars]);
      }
      if (name.length === 2 && name[0] === name[1] && attempt < 5) continue;
      if (!taken.has(name) || attempt > 20) return name;
    }
  }

  private otherSurname(rng: Random, not: string): string {
    for (;;) {
      const s = this.surnames.draw(rng);
      if (s !== not) return s;
    }
  }

  private hometownIn(rng: Random, block: Block): string {
    return rng.pick(block.hometownRegionIds);
  }

  /** A block of the same city other than `block` (for marriages across counties). */
  private neighbour(rng: Random, block: Block): Block {
    const same = this.blocks.filter((b) => b !== block && b.cityIndex === block.cityIndex);
    return same.length ? rng.pick(same) : block;
  }

  /**
   * Generates families until the block's budget of persons is used up. A family is three
   * generations around a couple: their children with spouses, the spouses' parents and
   * siblings (in-laws, some from a neighbouring county), and the grown grandchildren with some
   * of their spouses. Children take their father's surname.
   */
  private buildFamilies(block: Block) {
    const rng = this.rng.fork(`families:${this.blocks.indexOf(block)}`);
    const adultBy = plusYears(this.today, -MIN_AGE);
    let budget = block.personsBudget;
    let family = -1;

    const add = (gender: GenderName, birth: number, surname: string, group: number, hometown: string, regionId: string): number => {
      if (budget <= 0) return -1;
      budget--;
      const g = group >= 0 ? this.groups[group] : null;
      const idx = this.person({
        gender,
        birth: Math.min(birth, adultBy),
        surname,
        given: this.givenName(rng, gender, birth, g),
        birthGroup: group,
        childGroup: -1,
        spouse: -1,
        family,
        hometown,
        regionId,
      });
      g?.members.push(idx);
      return idx;
    };
    /** Marries two persons; returns the group of their children. */
    const marry = (a: number, b: number): number => {
      const [father, mother] = this.people[a].gender === 'MALE' ? [a, b] : [b, a];
      const g = this.group([father, mother]);
      this.people[a].spouse = b;
      this.people[b].spouse = a;
      this.people[a].childGroup = g;
      this.people[b].childGroup = g;
      // Brothers often share a generation character (字辈).
      if (rng.chance(0.3)) this.groups[g].generationChar = rng.pick([...GIVEN_CHARS[eraOf(yearOf(this.people[mother].birth) + 27)].MALE]);
      return g;
    };
    const opposite = (g: GenderName): GenderName => (g === 'MALE' ? 'FEMALE' : 'MALE');
    /** Someone married into the family, sometimes with their parents and siblings. */
    const spouseOf = (x: number, withKin: boolean): number => {
      const px = this.people[x];
      const gender = opposite(px.gender);
      const birth = px.birth + rng.int(-3 * 365, 3 * 365) + (gender === 'MALE' ? 400 : -400);
      const from = rng.chance(0.25) ? this.neighbour(rng, block) : block;
      const home = this.hometownIn(rng, from);
      const surname = this.otherSurname(rng, px.surname);
      const natal = withKin ? this.group([]) : -1;
      const s = add(gender, birth, surname, natal, home, block.regionId);
      if (s < 0) return -1;
      marry(x, s);
      if (!withKin) return s;
      // The spouse's parents and siblings live where the spouse comes from.
      if (rng.chance(0.6)) {
        const fatherBirth = this.people[s].birth - rng.int(24 * 365, 34 * 365);
        const f = add('MALE', fatherBirth, surname, -1, home, from.regionId);
        const m = add('FEMALE', fatherBirth + rng.int(-3 * 365, 3 * 365), this.otherSurname(rng, surname), -1, home, from.regionId);
        if (f >= 0 && m >= 0) {
          this.people[f].spouse = m;
          this.people[m].spouse = f;
        }
        for (const parent of [f, m]) {
          if (parent < 0) continue;
          this.groups[natal].parents.push(parent);
          this.people[parent].childGroup = natal;
        }
      }
      if (rng.chance(0.5)) {
        for (let k = rng.int(1, 3); k > 0; k--) {
          const sibGender: GenderName = rng.chance(0.5) ? 'MALE' : 'FEMALE';
          const sib = add(sibGender, this.people[s].birth + rng.int(-8 * 365, 8 * 365), surname, natal, home, from.regionId);
          if (sib < 0) break;
          if (rng.chance(0.5)) {
            const other = add(opposite(sibGender), this.people[sib].birth + rng.int(-3 * 365, 3 * 365), this.otherSurname(rng, surname), -1, this.hometownIn(rng, from), from.regionId);
            if (other < 0) break;
            // Their grown children are cousins of the family's grandchildren.
            const g = marry(sib, other);
            const [f, m] = this.groups[g].parents;
            let cb = this.people[m].birth + rng.int(23 * 365, 30 * 365);
            for (let c = rng.int(0, 2); c > 0 && cb <= adultBy; c--, cb += rng.int(500, 5 * 365)) {
              if (add(rng.chance(0.5) ? 'MALE' : 'FEMALE', cb, this.people[f].surname, g, this.people[f].hometown, from.regionId) < 0) break;
            }
          }
        }
      }
      return s;
    };

    while (budget > 0) {
      family = this.families++;
      // Generation 0: one to three brothers of a clan, with their wives, in one village.
      const clan = this.surnames.draw(rng);
      const home = this.hometownIn(rng, block);
      const brothers = this.group([]);
      let birth0 = dayOf(`${rng.int(1938, 1952)}-01-01`) + rng.int(0, 364);
      for (let b = rng.int(this.o.clanBrothers[0], this.o.clanBrothers[1]); b > 0 && budget > 0; b--, birth0 += rng.int(500, 4 * 365)) {
        const husband = add('MALE', birth0, clan, brothers, home, block.regionId);
        const wife = add('FEMALE', birth0 + rng.int(-3 * 365, 2 * 365), this.otherSurname(rng, clan), -1, this.hometownIn(rng, block), block.regionId);
        if (wife < 0) break;
        const g0 = marry(husband, wife);

        // Generation 1: their children, most of them married, with in-laws.
        const g1: number[] = [];
        let birth = this.people[wife].birth + rng.int(22 * 365, 27 * 365);
        for (let k = rng.int(2, 5); k > 0; k--, birth += rng.int(450, 4 * 365)) {
          const c = add(rng.chance(0.52) ? 'MALE' : 'FEMALE', birth, clan, g0, home, block.regionId);
          if (c < 0) break;
          g1.push(c);
        }
        for (const c of g1) {
          if (!rng.chance(0.88)) continue;
          const s = spouseOf(c, true);
          if (s < 0) break;
          // Generation 2: the grown grandchildren.
          const couple = this.people[c].childGroup;
          const [father, mother] = this.groups[couple].parents;
          let kb = this.people[mother].birth + rng.int(23 * 365, 30 * 365);
          for (let k = rng.int(1, 2); k > 0 && kb <= adultBy; k--, kb += rng.int(500, 5 * 365)) {
            const g2 = add(rng.chance(0.5) ? 'MALE' : 'FEMALE', kb, this.people[father].surname, couple, this.people[father].hometown, block.regionId);
            if (g2 < 0) break;
            if (kb <= plusYears(this.today, -27) && rng.chance(0.5)) spouseOf(g2, rng.chance(0.4));
          }
        }
      }
    }
  }

  // ------------------------------------------------------------ careers

  private ageOf(i: number): number {
    return (this.today - this.people[i].birth) / YEAR;
  }

  /**
   * Gives everyone a career: first the posts of the block's units in order of importance (the
   * inspection office, heads, township leaders, village cadres, deputies), then staff posts;
   * then 1-4 earlier posts before the current one. Retired persons get closed careers.
   */
  private assignCareers() {
    for (const block of this.blocks) {
      const rng = this.rng.fork(`careers:${this.blocks.indexOf(block)}`);
      const mine = block.persons;
      const working = rng.shuffle(mine.filter((i) => this.ageOf(i) < RETIREMENT_AGE));
      const free = new Set(working);
      const take = (pred: (i: number) => boolean): number => {
        for (const i of free) if (pred(i)) return free.delete(i), i;
        return -1;
      };
      const fill = (unit: number, title: string, leadership: boolean, rank: RankName | null, ages: [number, number], local?: BlockUnit['village'], fullTime = false) => {
        const fits = (i: number) => {
          const a = this.ageOf(i);
          return a >= ages[0] && a <= ages[1];
        };
        let i = -1;
        if (local) i = take((x) => fits(x) && (this.people[x].hometown === local.regionId || this.people[x].hometown === local.townshipRegionId));
        if (i < 0) i = take(fits);
        // Short of people of the usual age: someone a little younger, else the post stays vacant.
        if (i < 0) i = take((x) => this.ageOf(x) >= Math.min(ages[0], 30));
        if (i < 0) return;
        const p = this.people[i];
        p.currentUnit = unit;
        p.rank = rank;
        p.fullTime = fullTime;
        this.posts[i] = [{ unit, title, leadership, rank }];
      };
      const r0 = block.rank0;
      const units = block.units;
      const office = block.inspectionOffice;
      const officeTemplate = units.find((u) => u.index === office)!.template!;
      // The inspection office: its director and deputies, and the full-time inspectors.
      fill(office, officeTemplate.head, true, rankAt(r0), [40, 57]);
      fill(office, officeTemplate.deputy, true, rankAt(r0 - 1), [35, 55]);
      for (let k = 0; k < 3; k++) fill(office, INSPECTION_POSTS.leader, false, rankAt(r0), [42, 57], undefined, true);
      for (let k = 0; k < 3; k++) fill(office, INSPECTION_POSTS.deputy, false, rankAt(r0 - 1), [35, 55], undefined, true);
      for (let k = 0; k < 2; k++) fill(office, INSPECTION_POSTS.specialist, false, rankAt(r0 - 1 - rng.int(0, 1)), [28, 50], undefined, true);
      for (const u of units) {
        if (u.index === office) continue;
        if (u.template) fill(u.index, u.template.head, true, rankAt(u.template.senior ? r0 + 1 : r0), [40, 58]);
        else if (u.township) {
          fill(u.index, '党委书记', true, rankAt(rng.chance(0.15) ? r0 + 1 : r0), [38, 55]);
          fill(u.index, u.township.chief, true, rankAt(r0), [35, 52]);
        }
      }
      for (const u of units) {
        if (u.village) fill(u.index, u.village.community ? '社区党支部书记、居委会主任' : '村党支部书记、村委会主任', true, null, [30, 58], u.village);
      }
      for (const u of units) {
        if (u.template && u.index !== office) for (let k = rng.int(1, 2); k > 0; k--) fill(u.index, u.template.deputy, true, rankAt(r0 - 1), [32, 56]);
        else if (u.township) {
          fill(u.index, '党委副书记', true, rankAt(r0 - 1), [30, 50]);
          for (let k = 0; k < 2; k++) fill(u.index, u.township.deputyChief, true, rankAt(r0 - 1), [30, 52]);
        }
      }
      for (const u of units) if (u.village) fill(u.index, u.village.community ? '居委会副主任' : '村委会副主任', true, null, [28, 58], u.village);
      // Everyone else of working age is staff somewhere.
      const staffUnits = new Weighted(
        units.map((u) => u.index),
        units.map((u) => (u.kind === 'DEPARTMENT' ? 4 : u.kind === 'TOWNSHIP' ? 5 : u.kind === 'INSTITUTION' || u.kind === 'ENTERPRISE' ? 3 : 0.3)),
      );
      for (const i of [...free]) {
        const unit = staffUnits.draw(rng);
        const rank = this.staffRank(rng, this.ageOf(i), r0);
        const grassroots = this.units[unit].kind === 'VILLAGE' || this.units[unit].kind === 'COMMUNITY';
        this.people[i].currentUnit = unit;
        this.people[i].rank = grassroots ? null : rank;
        this.posts[i] = [{ unit, title: this.staffTitle(rng, unit, rank), leadership: false, rank: grassroots ? null : rank }];
      }
      free.clear();
      // Retired persons: their last post, closed at retirement.
      for (const i of mine) {
        if (this.ageOf(i) < RETIREMENT_AGE) continue;
        const u = rng.pick(units);
        const lead = u.template != null && rng.chance(0.3);
        const rank = lead ? rankAt(r0 - rng.int(0, 1)) : this.staffRank(rng, 58, r0);
        const grassroots = u.kind === 'VILLAGE' || u.kind === 'COMMUNITY';
        this.people[i].rank = grassroots ? null : rank;
        this.posts[i] = [{ unit: u.index, title: lead ? u.template!.deputy : this.staffTitle(rng, u.index, rank), leadership: lead, rank: grassroots ? null : rank }];
      }
      for (const i of mine) this.earlierPosts(rng, block, i);
    }
  }

  /** Ranks of staff rise with age (科员 → 主任科员 grades); a city's senior staff rank a step higher. */
  private staffRank(rng: Random, age: number, r0: number): RankName {
    const city = r0 > rankIndex('SECTION');
    const r = rng.next();
    let i: number;
    if (age < 30) i = 0;
    else if (age < 40) i = r < 0.5 ? 0 : 1;
    else i = r < 0.15 ? 0 : r < 0.65 ? 1 : 2;
    return rankAt(i + (city && age >= 35 && rng.chance(0.3) ? 1 : 0));
  }

  private staffTitle(rng: Random, unit: number, rank: RankName | null): string {
    const kind = this.units[unit].kind;
    if (kind === 'VILLAGE' || kind === 'COMMUNITY') return rng.pick(VILLAGE_STAFF_POSTS);
    if (kind === 'TOWNSHIP') return rng.pick(TOWNSHIP_STAFF_POSTS);
    if (kind === 'ENTERPRISE') return rng.pick(['职员', '财务部会计', '工程部经理', '综合部副经理']);
    if (kind === 'INSTITUTION') return rng.pick(['办公室干事', '财务科会计', '医务科干事', '教师', '总务处干事']);
    return rng.pick(STAFF_POSTS[rank ?? 'STAFF'] ?? STAFF_POSTS.STAFF);
  }

  /** The posts before the current (or last) one, contiguous from the start of the career. */
  private earlierPosts(rng: Random, block: Block, i: number) {
    const p = this.people[i];
    const last = this.posts[i][0];
    const retired = p.currentUnit < 0;
    const start = Math.min(plusYears(p.birth, rng.int(21, 24)) + rng.int(0, 300), this.today - 400);
    const end = retired ? Math.min(plusYears(p.birth, RETIREMENT_AGE), this.today - 1) : this.today;
    const [lo, hi] = this.o.postsPerPerson;
    const MIN_POST = 120;
    let n = Math.min(rng.int(lo, hi), Math.floor((end - start) / MIN_POST));
    n = Math.max(n, 2);
    // Start of the last post: recent for those still working, a few years before retirement otherwise.
    const room = end - start - (n - 1) * MIN_POST;
    const lastLength = retired ? rng.int(MIN_POST, Math.max(MIN_POST, Math.min(8 * 365, room))) : rng.int(30, Math.max(30, Math.min(8 * 365, room)));
    const lastStart = end - lastLength;
    const slack = Math.max(0, lastStart - start - (n - 1) * MIN_POST);
    const cuts = Array.from({ length: n - 2 }, () => rng.int(0, slack)).sort((a, b) => a - b);
    const starts = [start, ...cuts.map((c, k) => start + c + (k + 1) * MIN_POST)];
    const grassroots = last.rank === null;
    const village = this.units[last.unit].kind === 'VILLAGE' || this.units[last.unit].kind === 'COMMUNITY';
    const earlier: Post[] = [];
    const lastRank = rankIndex(last.rank);
    const lastUnit = village ? block.units.find((u) => u.index === last.unit)! : null;
    for (let k = 0; k < n - 1; k++) {
      const stepsBelow = n - 1 - k;
      let unit: BlockUnit;
      // Village cadres stay in their village or township; others often begin in a township.
      if (lastUnit) unit = rng.chance(0.7) ? lastUnit : rng.pick(block.villagesByTownship.get(lastUnit.village!.townshipRegionId)!);
      else if (k === 0 && block.townshipUnits.length && rng.chance(0.55)) unit = rng.pick(block.townshipUnits);
      else unit = rng.pick(block.regionUnits);
      const rank = grassroots ? null : rankAt(Math.max(0, lastRank - Math.ceil(stepsBelow / 2)));
      // The post just before a leadership post is often a deputy post elsewhere.
      const deputyBefore = k === n - 2 && last.leadership && !village && rank !== null && rankIndex(rank) >= rankIndex('DEPUTY_SECTION') && rng.chance(0.7);
      const title = deputyBefore
        ? unit.template?.deputy ?? unit.township?.deputyChief ?? '副主任'
        : village
          ? rng.pick(VILLAGE_STAFF_POSTS)
          : this.staffTitle(rng, unit.index, rank);
      earlier.push({ unit: unit.index, title, leadership: deputyBefore, rank });
    }
    this.posts[i] = [...earlier, last];
    this.starts[i] = [...starts, lastStart];
    p.specialtyUnit = this.posts[i].some((x) => this.unitSpecialties.has(x.unit));
  }

  // ------------------------------------------------------------ pools

  private choosePools(block: Block) {
    const rng = this.rng.fork(`pools:${this.blocks.indexOf(block)}`);
    const mine = block.persons.filter((i) => this.people[i].currentUnit >= 0);
    const used = new Set<number>();
    const office = block.inspectionOffice;
    const inOffice = (title: string) => mine.filter((i) => this.posts[i][this.posts[i].length - 1].title === title && this.people[i].currentUnit === office);
    const pick = (target: number, first: number[], tiers: ((i: number) => boolean)[]): number[] => {
      const out = first.filter((i) => !used.has(i)).slice(0, target);
      out.forEach((i) => used.add(i));
      for (const tier of tiers) {
        if (out.length >= target) break;
        const more = rng.sample(
          mine.filter((i) => !used.has(i) && tier(i)),
          target - out.length,
        );
        more.forEach((i) => used.add(i));
        out.push(...more);
      }
      return out;
    };
    const age = (i: number) => this.ageOf(i);
    const rank = (i: number) => rankIndex(this.people[i].rank);
    const notGrassroots = (i: number) => this.people[i].rank !== null;
    const target = this.o.pools;
    const leaders = pick(target.leaders, inOffice(INSPECTION_POSTS.leader), [
      (i) => rank(i) >= rankIndex('SECTION') && age(i) >= 40 && age(i) <= 57,
      (i) => rank(i) >= rankIndex('SECTION'),
    ]);
    const deputies = pick(target.deputies, inOffice(INSPECTION_POSTS.deputy), [
      (i) => rank(i) >= rankIndex('DEPUTY_SECTION') && rank(i) <= rankIndex('SECTION') + 1 && age(i) >= 32 && age(i) <= 55,
      (i) => rank(i) >= rankIndex('DEPUTY_SECTION'),
    ]);
    const specialists = pick(target.specialists, inOffice(INSPECTION_POSTS.specialist), [
      (i) => notGrassroots(i) && this.unitSpecialties.has(this.people[i].currentUnit) && age(i) >= 26 && age(i) <= 55,
      (i) => notGrassroots(i) && this.people[i].specialtyUnit,
      (i) => notGrassroots(i),
      () => true,
    ]);
    block.pool = { leaders, deputies, specialists: specialists.map((person) => ({ person, specialties: this.specialtiesOf(rng, person, office) })) };
  }

  private specialtiesOf(rng: Random, i: number, office: number): string[] {
    const set = new Set<string>();
    const current = this.people[i].currentUnit;
    if (current === office) set.add('DISCIPLINE');
    for (const s of this.unitSpecialties.get(current) ?? []) if (set.size < 2) set.add(s);
    if (rng.chance(0.25)) {
      for (const post of this.posts[i]) {
        const s = this.unitSpecialties.get(post.unit);
        if (s && set.size < 3) set.add(s[0]);
      }
    }
    if (set.size === 0) set.add(rng.pick(SPECIALTY_CODES));
    return [...set];
  }

  // ------------------------------------------------------------ rows

  private personRows(): PersonRow[] {
    const rng = this.rng.fork('flags');
    return this.people.map((p, i) => {
      const posts = this.posts[i];
      const starts = this.starts[i];
      const working = p.currentUnit >= 0;
      const lastStart = starts[starts.length - 1];
      const prev = posts[posts.length - 2];
      const cur = posts[posts.length - 1];
      const promoted = working && lastStart >= this.today - 730 && rankIndex(cur.rank) > rankIndex(prev?.rank ?? null) && rankIndex(cur.rank) >= rankIndex('DEPUTY_SECTION');
      const age = this.ageOf(i);
      return {
        id: newId(),
        regionId: p.regionId,
        name: p.surname + p.given,
        gender: p.gender,
        birthDate: isoOf(p.birth),
        hometownRegionId: p.hometown,
        rank: p.rank,
        fullTimeInspector: p.fullTime,
        newlyPromotedOn: promoted ? isoOf(lastStart) : null,
        youngReserve: working && age <= 40 && rankIndex(p.rank) >= rankIndex('DEPUTY_SECTION') && rng.chance(0.35),
      };
    });
  }

  private employmentRows(persons: PersonRow[]): EmploymentRow[] {
    const out: EmploymentRow[] = [];
    this.posts.forEach((posts, i) => {
      const starts = this.starts[i];
      const retired = this.people[i].currentUnit < 0;
      const end = retired ? Math.min(plusYears(this.people[i].birth, RETIREMENT_AGE), this.today - 1) : null;
      posts.forEach((post, k) => {
        const last = k === posts.length - 1;
        out.push({
          id: newId(),
          personId: persons[i].id,
          unitId: this.units[post.unit].id,
          post: post.title,
          leadership: post.leadership,
          startedOn: isoOf(starts[k]),
          endedOn: last ? (end === null ? null : isoOf(end)) : isoOf(starts[k + 1] - 1),
        });
      });
    });
    return out;
  }

  /** Every kin pair of a family that one of the recordable compositions reaches, lower index first. */
  private familyKin(members: number[]): [number, number, RelationKindName][] {
    const P = this.people;
    const parents = (x: number) => (P[x].birthGroup >= 0 ? this.groups[P[x].birthGroup].parents : []);
    const children = (x: number) => (P[x].childGroup >= 0 ? this.groups[P[x].childGroup].members : []);
    const siblings = (x: number) => (P[x].birthGroup >= 0 ? this.groups[P[x].birthGroup].members.filter((y) => y !== x) : []);
    const spouse = (x: number) => (P[x].spouse >= 0 ? [P[x].spouse] : []);
    const steps = { W: spouse, P: parents, C: children, S: siblings };
    // Compositions (read left to right) and the kind they make, in order of precedence.
    // Only those whose inverse is also a composition of the domain, so the stored kind reads
    // true from both sides.
    const table: [string, RelationKindName][] = [
      ['W', 'SPOUSE'],
      ['P', 'PARENT'],
      ['C', 'CHILD'],
      ['S', 'SIBLING'],
      ['PP', 'GRANDPARENT'],
      ['CC', 'GRANDCHILD'],
      ['PS', 'UNCLE_AUNT'],
      ['SC', 'NEPHEW_NIECE'],
      ['PSC', 'COUSIN'],
      ['WP', 'PARENT_IN_LAW'],
      ['CW', 'CHILD_IN_LAW'],
      ['WS', 'SIBLING_IN_LAW'],
      ['SW', 'SIBLING_IN_LAW'],
      ['WSW', 'SIBLING_IN_LAW'],
      ['CWP', 'OTHER_IN_LAW'],
    ];
    const out: [number, number, RelationKindName][] = [];
    for (const x of members) {
      const seen = new Set<number>([x]);
      for (const [path, kind] of table) {
        let frontier = [x];
        for (const step of path) frontier = frontier.flatMap((y) => steps[step as keyof typeof steps](y));
        for (const y of frontier) {
          if (seen.has(y)) continue;
          seen.add(y);
          if (y > x) out.push([x, y, kind]);
        }
      }
    }
    return out;
  }

  private relationRows(persons: PersonRow[]): RelationRow[] {
    const rng = this.rng.fork('relations');
    const o = this.o;
    const N = this.people.length;
    const pairs = new Set<number>();
    const key = (a: number, b: number) => (a < b ? a * N + b : b * N + a);
    const chosen: [number, number, RelationKindName][] = [];
    const add = (a: number, b: number, kind: RelationKindName) => {
      if (a === b || pairs.has(key(a, b))) return false;
      pairs.add(key(a, b));
      chosen.push([a, b, kind]);
      return true;
    };
    // Kin within each family: primitive ties always, derived ones as asked.
    const byFamily = new Map<number, number[]>();
    this.people.forEach((p, i) => {
      const f = byFamily.get(p.family);
      if (f) f.push(i);
      else byFamily.set(p.family, [i]);
    });
    const PRIMITIVE = new Set<RelationKindName>(['SPOUSE', 'PARENT', 'CHILD', 'SIBLING']);
    const derived: [number, number, RelationKindName][] = [];
    for (const members of byFamily.values()) {
      for (const t of this.familyKin(members)) {
        if (PRIMITIVE.has(t[2])) add(t[0], t[1], t[2]);
        else derived.push(t);
      }
    }
    // Kin recorded directly where the person in between is not known (a cousin through an
    // uncle nobody recorded): across families of the same block.
    for (const block of this.blocks) {
      const ps = block.persons;
      for (let k = Math.round(ps.length * 0.02); k > 0; k--) {
        const a = rng.pick(ps);
        const b = rng.pick(ps);
        if (this.people[a].family === this.people[b].family) continue;
        const gap = Math.abs(this.people[a].birth - this.people[b].birth) / YEAR;
        const kind: RelationKindName = gap <= 12 ? rng.pick(['COUSIN', 'SIBLING_IN_LAW'] as const) : gap >= 18 && gap <= 35 ? (this.people[a].birth < this.people[b].birth ? 'NEPHEW_NIECE' : 'UNCLE_AUNT') : 'OTHER_IN_LAW';
        add(a, b, kind);
      }
    }
    let tiesWanted: number;
    if (o.relations == null) {
      for (const t of derived) if (rng.chance(o.derivedKinShare)) add(t[0], t[1], t[2]);
      tiesWanted = Math.round(N * o.tiesPerPerson);
    } else {
      // Fill up to the target: derived kin first (most of it), then personal ties.
      const kinShare = 0.75;
      rng.shuffle(derived);
      const kinRoom = Math.max(0, Math.round(o.relations * kinShare) - chosen.length);
      for (const t of derived.slice(0, kinRoom)) add(t[0], t[1], t[2]);
      tiesWanted = Math.max(0, o.relations - chosen.length);
    }
    this.personalTies(rng, tiesWanted, add);
    if (o.relations != null && chosen.length < o.relations) {
      // Not enough ties could be drawn: record more of the derived kin.
      for (const t of derived) if (chosen.length < o.relations) add(t[0], t[1], t[2]);
    }
    return chosen.map(([a, b, kind]) => ({ id: newId(), ...canonicalPair(persons[a].id, persons[b].id, kind) }));
  }

  /** Classmates (whole classes), close friends, teachers and students, colleagues under one supervisor. */
  private personalTies(rng: Random, wanted: number, add: (a: number, b: number, kind: RelationKindName) => boolean) {
    let made = 0;
    let misses = 0;
    const blocks = this.blocks.filter((b) => b.persons.length > 1);
    const kinds = new Weighted(['CLASSMATE', 'CLOSE_FRIEND', 'SAME_SUPERVISOR', 'TEACHER_STUDENT', 'OTHER_TIE'] as const, [45, 25, 15, 10, 5]);
    // Persons of a block by birth year and by current unit.
    const cohorts = blocks.map((b) => {
      const byYear = new Map<number, number[]>();
      const byUnit = new Map<number, number[]>();
      for (const i of b.persons) {
        const y = yearOf(this.people[i].birth);
        (byYear.get(y) ?? byYear.set(y, []).get(y)!).push(i);
        const u = this.people[i].currentUnit;
        if (u >= 0) (byUnit.get(u) ?? byUnit.set(u, []).get(u)!).push(i);
      }
      return { byYear: [...byYear.values()].filter((x) => x.length > 1), byUnit: [...byUnit.values()].filter((x) => x.length > 1) };
    });
    while (made < wanted && misses < wanted * 5 + 1000) {
      const bi = rng.int(0, blocks.length - 1);
      const b = blocks[bi];
      const kind = kinds.draw(rng);
      let got = 0;
      if (kind === 'CLASSMATE' && cohorts[bi].byYear.length) {
        // A class: several of the same age know each other.
        const year = rng.pick(cohorts[bi].byYear);
        const cls = rng.sample(year, Math.min(year.length, rng.int(3, 6)));
        for (let x = 0; x < cls.length && made + got < wanted; x++) for (let y = x + 1; y < cls.length && made + got < wanted; y++) if (add(cls[x], cls[y], 'CLASSMATE')) got++;
      } else if (kind === 'SAME_SUPERVISOR' && cohorts[bi].byUnit.length) {
        const unit = rng.pick(cohorts[bi].byUnit);
        if (add(rng.pick(unit), rng.pick(unit), 'SAME_SUPERVISOR')) got++;
      } else {
        const a = rng.pick(b.persons);
        const c = rng.pick(b.persons);
        const gap = Math.abs(this.people[a].birth - this.people[c].birth) / YEAR;
        const fits = kind === 'TEACHER_STUDENT' ? gap >= 12 && gap <= 35 : kind === 'CLOSE_FRIEND' ? gap <= 10 : true;
        if (fits && add(a, c, kind === 'CLASSMATE' || kind === 'SAME_SUPERVISOR' ? 'CLOSE_FRIEND' : kind)) got++;
      }
      if (got) made += got;
      else misses++;
    }
  }

  private interestTieRows(persons: PersonRow[]): InterestTieRow[] {
    const rng = this.rng.fork('interest');
    const out: InterestTieRow[] = [];
    for (const b of this.blocks) {
      const targets = b.units.filter((u) => u.kind !== 'VILLAGE' && u.kind !== 'COMMUNITY');
      const n = Math.round(b.persons.length * this.o.interestTiesPerPerson);
      const seen = new Set<string>();
      for (let k = 0; k < n; k++) {
        const i = rng.pick(b.persons);
        const u = rng.pick(targets).index;
        if (seen.has(`${i}:${u}`)) continue;
        seen.add(`${i}:${u}`);
        out.push({ id: newId(), personId: persons[i].id, unitId: this.units[u].id, description: rng.pick(INTEREST_TIE_DESCRIPTIONS) });
      }
    }
    return out;
  }
}

const emptyPool = (): PoolCandidates => ({ leaderPersonIds: [], deputyPersonIds: [], specialists: [], fullTimePersonIds: [] });

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `total` split into `parts` nearly equal counts, the remainder spread at random. */
function spread(rng: Random, total: number, parts: number): number[] {
  const out = Array.from({ length: parts }, () => Math.floor(total / parts));
  for (let r = total - out.reduce((a, b) => a + b, 0); r > 0; r--) out[rng.int(0, parts - 1)]++;
  return out;
}

// ---------------------------------------------------------------- summaries

export interface WorldCounts {
  regions: number;
  units: number;
  persons: number;
  employments: number;
  relations: number;
  interestTies: number;
}

export const countsOf = (w: GeneratedWorld): WorldCounts => ({
  regions: w.regions.length,
  units: w.units.length,
  persons: w.persons.length,
  employments: w.employments.length,
  relations: w.relations.length,
  interestTies: w.interestTies.length,
});

/** The ids a demo seed needs, for the first city of a generated world. */
export function toDemoWorld(w: GeneratedWorld): DemoWorld {
  const city = w.cities[0];
  return {
    cityRegionId: city.regionId,
    today: w.today,
    counties: w.counties
      .filter((c) => c.cityRegionId === city.regionId)
      .map(
        (c): DemoCounty => ({
          regionId: c.regionId,
          name: c.name,
          townshipRegionIds: c.townshipRegionIds,
          departmentUnitIds: c.departmentUnitIds,
          villageUnitIds: c.villageUnitIds,
          townshipUnitIds: c.townshipUnitIds,
          leaderPersonIds: c.leaderPersonIds,
          deputyPersonIds: c.deputyPersonIds,
          specialists: c.specialists,
        }),
      ),
  };
}
