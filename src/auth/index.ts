import type { FeatureModule } from '../feature';
import { Account, AccountRegion, PasswordHistory, RecoveryCode, SignInFailureRow } from './account.entity';
import { accountGuard } from './account.access';
import { AccountResolver, SecuritySettingsResolver, SessionResolver, TotpResolver } from './auth.resolver';
import { SecuritySettingsRow } from './security-settings.entity';
import { Session } from './session.entity';

export const authModule: FeatureModule = {
  entities: [Account, AccountRegion, PasswordHistory, RecoveryCode, SignInFailureRow, Session, SecuritySettingsRow],
  resolvers: [AccountResolver, SessionResolver, TotpResolver, SecuritySettingsResolver],
  // Sessions and settings are answered only by root fields that check who asks (one's own
  // sessions; the security administrator's).
  access: { Account: accountGuard, Session: 'part', SecuritySettings: 'part' },
};
