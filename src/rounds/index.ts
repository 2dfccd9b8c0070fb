import type { FeatureModule } from '../modules';
import { Round } from './round.entity';
import { Authorization, Team, TeamMembership, TeamTarget } from './team.entity';

export const roundsModule: FeatureModule = {
  entities: [Round, Team, TeamTarget, TeamMembership, Authorization],
  resolvers: [],
};
