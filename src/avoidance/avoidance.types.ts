import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { localize, Locale } from '../common/i18n';
import { Person } from '../people/person.entity';
import { Region } from '../regions/region.entity';
import { Unit } from '../units/unit.entity';
import { AvoidanceDeclaration, AvoidanceWaiver } from './avoidance.entity';
import type { RuleCode } from '../common/vocabulary';
import { Rule, Severity } from '../graphql/enums';
import { AvoidanceFindingData, AvoidanceRuleName, SeverityName } from './rules/model';

// A matrix returns tens of thousands of findings: their plain fields are simple resolvers
// (no middleware), and text arrives already in the request's language.

@ObjectType({ simpleResolvers: true, description: 'One step of an avoidance finding, from the person towards the unit.' })
export class PathStep {
  @Field({ description: "What this step is, e.g. 'spouse' or 'deputy director (2019-01-01 to now)'." })
  label!: string;
  // person and unit are field resolvers (avoidance.resolver.ts)
  personId?: string;
  unitId?: string;
}

@ObjectType({ simpleResolvers: true, description: 'Why a person should not (hard) or had better not (soft) inspect a unit in a round.' })
export class AvoidanceFinding {
  @Field(() => Rule) rule!: AvoidanceRuleName;
  @Field(() => Severity) severity!: SeverityName;
  @Field({ description: 'One sentence a clerk understands.' }) explanation!: string;
  @Field(() => [PathStep], { description: 'From the person to the unit, step by step.' }) path!: PathStep[];
  @Field({ description: 'A waiver approved by the office director covers this finding.' }) waived!: boolean;
  @Field(() => Person) person!: Person;
  @Field(() => Unit) unit!: Unit;
  personId!: string;
  /** What readers who may not see the person's relatives get instead (avoidance.access.ts). */
  publicExplanation!: string;
  publicPath!: PathStep[];
}

/** A finding in one language, with its person and unit, as the API returns it. */
export function inLocale(f: AvoidanceFindingData, locale: Locale, persons: ReadonlyMap<string, Person>, units: ReadonlyMap<string, Unit>): AvoidanceFinding {
  const steps = (path: AvoidanceFindingData['path']) => path.map((s) => ({ label: localize(s.label, locale), personId: s.personId, unitId: s.unitId }));
  return {
    rule: f.rule,
    severity: f.severity,
    waived: f.waived,
    personId: f.personId,
    person: persons.get(f.personId)!,
    unit: units.get(f.unitId)!,
    explanation: localize(f.explanation, locale),
    path: steps(f.path),
    publicExplanation: localize(f.publicExplanation, locale),
    publicPath: steps(f.publicPath),
  };
}

@InputType()
export class DeclareAvoidanceInput {
  @Field(() => ID) personId!: string;
  @Field(() => ID) unitId!: string;
  @Field(() => ID) roundId!: string;
  @Field() reason!: string;
}
@ObjectType()
export class DeclareAvoidancePayload {
  @Field(() => AvoidanceDeclaration) declaration!: AvoidanceDeclaration;
}

@InputType()
export class WaiveAvoidanceInput {
  @Field(() => ID) personId!: string;
  @Field(() => ID) unitId!: string;
  @Field(() => ID) roundId!: string;
  @Field(() => Rule) rule!: RuleCode;
  @Field() reason!: string;
}
@ObjectType()
export class WaiveAvoidancePayload {
  @Field(() => AvoidanceWaiver) waiver!: AvoidanceWaiver;
}

// ---------------------------------------------------------------- settings

@ObjectType({ description: 'Whether an avoidance rule is on in a region, and its severities.' })
export class AvoidanceRuleSetting {
  @Field(() => Rule) rule!: AvoidanceRuleName;
  @Field() enabled!: boolean;
  @Field(() => Severity, { description: 'For team leaders and deputy leaders.' }) severity!: SeverityName;
  @Field(() => Severity, { description: 'For members, and for candidates not on a team.' }) memberSeverity!: SeverityName;
}

@ObjectType({ description: "The avoidance settings in force for a region: its own, else its nearest ancestor's, else the defaults." })
export class AvoidanceSettings {
  @Field(() => Region) region!: Region;
  @Field(() => Region, { nullable: true, description: 'The region whose settings these are; null when they are the defaults.' })
  definedIn!: Region | null;
  @Field(() => Int, { description: 'Rule 2: worked in the unit within this many years before the round [3].' }) formerEmployerYears!: number;
  @Field(() => Int, { description: 'Rule 2: worked in the unit this many years or more at any time [3].' }) longTenureYears!: number;
  @Field(() => Int, { description: 'Rule 4: superior or subordinate within this many years [3].' }) superiorSubordinateYears!: number;
  @Field(() => Int, { description: 'Rule 10: inspected the unit in a round that started within this many years [5].' }) repeatYears!: number;
  @Field({
    description:
      "HOMETOWN_COUNTY (rule 12) in rounds of every kind; false [default]: only in cross, elevated and linked rounds, since in a county's own round nearly everyone's hometown is in the county.",
  })
  hometownCountyAllRounds!: boolean;
  @Field(() => [AvoidanceRuleSetting]) rules!: AvoidanceRuleSetting[];
}

@InputType()
export class AvoidanceRuleSettingInput {
  @Field(() => Rule) rule!: RuleCode;
  @Field(() => Boolean, { nullable: true }) enabled?: boolean | null;
  @Field(() => Severity, { nullable: true }) severity?: SeverityName | null;
  @Field(() => Severity, { nullable: true }) memberSeverity?: SeverityName | null;
}

@InputType({ description: "Sets a region's own avoidance settings; what is left out keeps the value now in force." })
export class SetAvoidanceSettingsInput {
  @Field(() => ID) regionId!: string;
  @Field(() => Int, { nullable: true }) formerEmployerYears?: number | null;
  @Field(() => Int, { nullable: true }) longTenureYears?: number | null;
  @Field(() => Int, { nullable: true }) superiorSubordinateYears?: number | null;
  @Field(() => Int, { nullable: true }) repeatYears?: number | null;
  @Field(() => Boolean, { nullable: true }) hometownCountyAllRounds?: boolean | null;
  @Field(() => [AvoidanceRuleSettingInput], { nullable: true }) rules?: AvoidanceRuleSettingInput[] | null;
}
@ObjectType()
export class SetAvoidanceSettingsPayload {
  @Field(() => AvoidanceSettings) settings!: AvoidanceSettings;
}

// ---------------------------------------------------------------- corrections

@InputType()
export class WithdrawAvoidanceDeclarationInput {
  @Field(() => ID) declarationId!: string;
  @Field() reason!: string;
}
@ObjectType()
export class WithdrawAvoidanceDeclarationPayload {
  @Field(() => AvoidanceDeclaration) declaration!: AvoidanceDeclaration;
}

@InputType()
export class RevokeAvoidanceWaiverInput {
  @Field(() => ID) waiverId!: string;
  @Field() reason!: string;
}
@ObjectType()
export class RevokeAvoidanceWaiverPayload {
  @Field(() => AvoidanceWaiver) waiver!: AvoidanceWaiver;
}
