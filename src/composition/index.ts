import type { FeatureModule } from '../feature';
import { proposalGuard } from './access';
import { stopSolver } from './solver';
import { CompositionProposal, CompositionWeightsRow } from './composition.entity';
import {
  CandidateResolver,
  CompositionObstacleResolver,
  CompositionProposalResolver,
  CompositionWeightsResolver,
  ProposedMemberResolver,
  ProposedTeamResolver,
} from './composition.resolver';

export const compositionModule: FeatureModule = {
  entities: [CompositionProposal, CompositionWeightsRow],
  stop: stopSolver,
  resolvers: [CandidateResolver, CompositionProposalResolver, ProposedTeamResolver, ProposedMemberResolver, CompositionObstacleResolver, CompositionWeightsResolver],
  // Candidates and weights are answered only to the offices that compose (round:write in the
  // region, checked by their root fields); the people and teams they name pass their own guards.
  access: {
    CompositionProposal: proposalGuard,
    Candidate: 'part',
    RuleCount: 'part',
    ProposedTeam: 'part',
    ProposedMember: 'part',
    CostTerm: 'part',
    CompositionObstacle: 'part',
    CompositionWeights: 'part',
  },
};
