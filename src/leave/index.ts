import type { FeatureModule } from '../modules';
import { LeaveApprovalStep, LeavePolicyTier, LeaveRequest } from './leave.entity';
import { ApprovalStepResolver, LeavePolicyResolver, LeaveRequestResolver } from './leave.resolver';

export const leaveModule: FeatureModule = {
  entities: [LeaveRequest, LeaveApprovalStep, LeavePolicyTier],
  resolvers: [LeaveRequestResolver, ApprovalStepResolver, LeavePolicyResolver],
};
