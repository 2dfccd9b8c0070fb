import type { FeatureModule } from '../feature';
import { leaveGuard, leavePeopleGrant } from './access';
import { LeaveApprovalStep, LeavePolicyTier, LeaveRequest } from './leave.entity';
import { ApprovalStepResolver, LeavePolicyResolver, LeaveRequestResolver } from './leave.resolver';

export const leaveModule: FeatureModule = {
  entities: [LeaveRequest, LeaveApprovalStep, LeavePolicyTier],
  resolvers: [LeaveRequestResolver, ApprovalStepResolver, LeavePolicyResolver],
  access: { LeaveRequest: leaveGuard, ApprovalStep: 'part', LeavePolicy: 'part', ApprovalTier: 'part' },
  personGrants: [leavePeopleGrant],
};
