import type { FeatureModule } from '../modules';
import { Evaluation, ReadinessRecord } from './record.entity';
import { Round } from './round.entity';
import {
  AuthorizationResolver,
  EvaluationResolver,
  PersonRoundsResolver,
  RoundResolver,
  TeamMembershipResolver,
  TeamResolver,
  ViolationResolver,
} from './rounds.resolver';
import { Authorization, Team, TeamMembership, TeamTarget } from './team.entity';

export const roundsModule: FeatureModule = {
  entities: [Round, Team, TeamTarget, TeamMembership, Authorization, ReadinessRecord, Evaluation],
  resolvers: [RoundResolver, TeamResolver, TeamMembershipResolver, AuthorizationResolver, EvaluationResolver, ViolationResolver, PersonRoundsResolver],
};
