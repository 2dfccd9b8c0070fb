import type { FeatureModule } from '../modules';
import { Account, AccountRegion } from './account.entity';
import { AccountResolver } from './auth.resolver';

export const authModule: FeatureModule = { entities: [Account, AccountRegion], resolvers: [AccountResolver] };
