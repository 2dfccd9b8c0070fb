import type { FeatureModule } from '../modules';
import { AuditEntry } from './audit.entity';
import { AuditResolver } from './audit.resolver';

export const auditModule: FeatureModule = { entities: [AuditEntry], resolvers: [AuditResolver] };
