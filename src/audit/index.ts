import type { FeatureModule } from '../feature';
import { AuditEntry } from './audit.entity';
import { AuditResolver } from './audit.resolver';

export const auditModule: FeatureModule = { entities: [AuditEntry], resolvers: [AuditResolver], access: { AuditEntry: 'part' } };
