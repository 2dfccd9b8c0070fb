import type { FeatureModule } from '../feature';
import { Account, AccountRegion } from './account.entity';
import { AccountResolver } from './auth.resolver';
import { accountGuard } from './account.access';

export const authModule: FeatureModule = { entities: [Account, AccountRegion], resolvers: [AccountResolver], access: { Account: accountGuard } };
