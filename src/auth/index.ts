import type { FeatureModule } from '../modules';
import { Account, AccountRegion, PasswordHistory, RecoveryCode, SignInFailureRow } from './account.entity';
import { AccountResolver, SecuritySettingsResolver, SessionResolver, TotpResolver } from './auth.resolver';
import { SecuritySettingsRow } from './security-settings.entity';
import { Session } from './session.entity';

export const authModule: FeatureModule = {
  entities: [Account, AccountRegion, PasswordHistory, RecoveryCode, SignInFailureRow, Session, SecuritySettingsRow],
  resolvers: [AccountResolver, SessionResolver, TotpResolver, SecuritySettingsResolver],
};
