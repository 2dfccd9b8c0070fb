/** A small world to test the avoidance rules on: readable ids, dates as strings. */
import type {
  AvoidanceGraph,
  DeclarationRec,
  EmploymentRec,
  InterestTieRec,
  PastServiceRec,
  PersonRec,
  RegionRec,
  RelationRec,
  UnitRec,
  WaiverRec,
} from '../../../src/avoidance/rules/graph';
import type {
  AvoidanceRuleName,
  GenderName,
  RegionLevelName,
  RelationKindName,
  RoundKindName,
  TeamRoleName,
  UnitKindName,
} from '../../../src/avoidance/rules/model';
import { AvoidanceSettingsData, defaultSettings } from '../../../src/avoidance/rules/settings';

export class World {
  persons = new Map<string, PersonRec>();
  units = new Map<string, UnitRec>();
  regions = new Map<string, RegionRec>();
  relations: RelationRec[] = [];
  employments: EmploymentRec[] = [];
  interestTies: InterestTieRec[] = [];
  pastService: PastServiceRec[] = [];
  declarations: DeclarationRec[] = [];
  waivers: WaiverRec[] = [];
  currentRoles = new Map<string, TeamRoleName>();
  private seq = 0;

  region(id: string, level: RegionLevelName, parentId: string | null = null, name = id): string {
    this.regions.set(id, { id, name, level, parentId });
    return id;
  }

  unit(id: string, o: { kind?: UnitKindName; regionId?: string; parentId?: string | null; system?: string | null; name?: string } = {}) {
    this.units.set(id, {
      id,
      name: o.name ?? id,
      kind: o.kind ?? 'DEPARTMENT',
      regionId: o.regionId ?? 'county',
      parentId: o.parentId ?? null,
      system: o.system ?? null,
    });
    return id;
  }

  person(id: string, o: { gender?: GenderName | null; hometown?: string | null; name?: string } = {}) {
    this.persons.set(id, { id, name: o.name ?? id, gender: o.gender ?? null, hometownRegionId: o.hometown ?? null });
    return id;
  }

  /** `b` is `kind` of `a`. Creates missing persons. */
  rel(a: string, kind: RelationKindName, b: string) {
    for (const id of [a, b]) if (!this.persons.has(id)) this.person(id);
    this.relations.push({ personId: a, relatedPersonId: b, kind });
    return this;
  }

  job(personId: string, unitId: string, startedOn: string, endedOn: string | null = null, o: { post?: string; leadership?: boolean } = {}) {
    if (!this.persons.has(personId)) this.person(personId);
    const e: EmploymentRec = {
      id: `e${String(++this.seq).padStart(4, '0')}`,
      personId,
      unitId,
      post: o.post ?? (o.leadership ? '局长' : '科员'),
      leadership: o.leadership ?? false,
      startedOn,
      endedOn,
    };
    this.employments.push(e);
    return e;
  }

  served(personId: string, o: { roundId: string; startsOn: string; targets: string[]; role?: TeamRoleName; team?: string; name?: string }) {
    this.pastService.push({
      personId,
      role: o.role ?? 'MEMBER',
      roundId: o.roundId,
      roundName: o.name ?? o.roundId,
      roundStartsOn: o.startsOn,
      teamName: o.team ?? 'team1',
      targetUnitIds: o.targets,
    });
  }

  waive(personId: string, unitId: string, rule: AvoidanceRuleName) {
    this.waivers.push({ personId, unitId, rule });
  }

  graph(o: { startsOn?: string; kind?: RoundKindName; id?: string; settings?: AvoidanceSettingsData } = {}): AvoidanceGraph {
    return {
      round: { id: o.id ?? 'round', kind: o.kind ?? 'REGULAR', startsOn: o.startsOn ?? '2024-03-01' },
      settings: o.settings ?? defaultSettings(),
      persons: this.persons,
      units: this.units,
      regions: this.regions,
      relations: this.relations,
      employments: this.employments,
      interestTies: this.interestTies,
      pastService: this.pastService,
      declarations: this.declarations,
      waivers: this.waivers,
      currentRoles: this.currentRoles,
    };
  }
}

/** A city with two counties, a township with two villages in county A. */
export function baseWorld(): World {
  const w = new World();
  w.region('city', 'CITY', null, '临江市');
  w.region('county', 'COUNTY', 'city', '东安县');
  w.region('countyB', 'COUNTY', 'city', '西平县');
  w.region('town', 'TOWNSHIP', 'county', '城关镇');
  w.region('village', 'VILLAGE', 'town', '桃园村');
  w.region('village2', 'VILLAGE', 'town', '李庄村');
  w.region('town2', 'TOWNSHIP', 'county', '河口镇');
  w.region('townB', 'TOWNSHIP', 'countyB', '西关镇');
  w.unit('U', { name: '县财政局', system: 'FINANCE' });
  w.person('P', { name: '张伟', gender: 'MALE' });
  return w;
}
