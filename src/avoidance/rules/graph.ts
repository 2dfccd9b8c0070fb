/**
 * The loaded neighbourhood the avoidance rules look at: the people, their relations and posts,
 * the units with their parents and systems, the regions, past rounds, and the round's own
 * declarations and waivers. Plain data, loaded in one batch for a whole matrix.
 */
import type { AvoidanceSettingsData } from './settings';
import type {
  AvoidanceRuleName,
  GenderName,
  RegionLevelName,
  RelationKindName,
  RoundKindName,
  TeamRoleName,
  UnitKindName,
} from './model';

export interface PersonRec {
  id: string;
  name: string;
  gender: GenderName | null;
  hometownRegionId: string | null;
}

/** relatedPersonId is `kind` to personId (PARENT: relatedPerson is person's parent). */
export interface RelationRec {
  personId: string;
  relatedPersonId: string;
  kind: RelationKindName;
}

export interface EmploymentRec {
  id: string;
  personId: string;
  unitId: string;
  post: string;
  leadership: boolean;
  startedOn: string;
  endedOn: string | null;
}

export interface UnitRec {
  id: string;
  name: string;
  kind: UnitKindName;
  regionId: string;
  parentId: string | null;
  system: string | null;
}

export interface RegionRec {
  id: string;
  name: string;
  level: RegionLevelName;
  parentId: string | null;
}

export interface InterestTieRec {
  personId: string;
  unitId: string;
  description: string;
}

/** A person's place on a team of an earlier round, with the units that team inspected. */
export interface PastServiceRec {
  personId: string;
  role: TeamRoleName;
  roundId: string;
  roundName: string;
  roundStartsOn: string;
  teamName: string;
  targetUnitIds: string[];
}

export interface DeclarationRec {
  personId: string;
  unitId: string;
  reason: string;
  /** Declared by the person themselves (their own account), not recorded by the office. */
  bySelf: boolean;
}

export interface WaiverRec {
  personId: string;
  unitId: string;
  rule: AvoidanceRuleName;
}

export interface AvoidanceGraph {
  round: { id: string; kind: RoundKindName; startsOn: string };
  settings: AvoidanceSettingsData;
  persons: Map<string, PersonRec>;
  units: Map<string, UnitRec>;
  regions: Map<string, RegionRec>;
  relations: RelationRec[];
  employments: EmploymentRec[];
  interestTies: InterestTieRec[];
  pastService: PastServiceRec[];
  declarations: DeclarationRec[];
  waivers: WaiverRec[];
  /** Each person's current role in this round, when they are on one of its teams. */
  currentRoles: Map<string, TeamRoleName>;
}
