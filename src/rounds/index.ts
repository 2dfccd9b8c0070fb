import type { FeatureModule } from '../feature';
import { evaluationGuard, ofTeamGuard, roundGuard, teamGuard, teamMembersGrant, violationGuard } from './access';
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
import { RoundCorrectionsResolver } from './corrections.resolver';

export const roundsModule: FeatureModule = {
  entities: [Round, Team, TeamTarget, TeamMembership, Authorization, ReadinessRecord, Evaluation],
  resolvers: [RoundResolver, TeamResolver, TeamMembershipResolver, AuthorizationResolver, EvaluationResolver, ViolationResolver, PersonRoundsResolver, RoundCorrectionsResolver],
  access: {
    Round: roundGuard,
    Team: teamGuard,
    TeamMembership: ofTeamGuard,
    Authorization: ofTeamGuard,
    Evaluation: evaluationGuard,
    Violation: violationGuard,
    ReadinessRecord: 'part',
    TeamRules: 'public',
    Coverage: 'part',
  },
  personGrants: [teamMembersGrant],
};
