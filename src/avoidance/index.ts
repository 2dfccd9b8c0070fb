import type { FeatureModule } from '../feature';
import { declarationGuard, findingGuard, waiverGuard } from './access';
import { AvoidanceDeclaration, AvoidanceRuleSettingRow, AvoidanceSettingsRow, AvoidanceWaiver } from './avoidance.entity';
import {
  AvoidanceDeclarationResolver,
  AvoidanceFindingResolver,
  AvoidanceSettingsResolver,
  AvoidanceWaiverResolver,
  PathStepResolver,
  RoundAvoidanceResolver,
} from './avoidance.resolver';
import { AvoidanceCorrectionsResolver } from './corrections.resolver';

export const avoidanceModule: FeatureModule = {
  entities: [AvoidanceDeclaration, AvoidanceWaiver, AvoidanceSettingsRow, AvoidanceRuleSettingRow],
  resolvers: [
    AvoidanceFindingResolver,
    PathStepResolver,
    AvoidanceDeclarationResolver,
    AvoidanceWaiverResolver,
    RoundAvoidanceResolver,
    AvoidanceSettingsResolver,
    AvoidanceCorrectionsResolver,
  ],
  access: {
    AvoidanceFinding: findingGuard,
    AvoidanceDeclaration: declarationGuard,
    AvoidanceWaiver: waiverGuard,
    PathStep: 'part',
    AvoidanceSettings: 'part',
    AvoidanceRuleSetting: 'part',
  },
};
