import type { FeatureModule } from '../feature';
import { AuditChainHead, AuditEntry, AuditSubject } from './audit.entity';
import { AuditResolver } from './audit.resolver';
import { auditRoutes } from './export';

export const auditModule: FeatureModule = {
  entities: [AuditEntry, AuditSubject, AuditChainHead],
  resolvers: [AuditResolver],
  routes: auditRoutes,
  access: { AuditEntry: 'part', AuditVerification: 'part' },
};
