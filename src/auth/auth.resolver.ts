import { Arg, Ctx as Context, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertSecurityStateReadable, signedInNow } from './account.access';
import { Ctx } from '../context';
import { DateTimeScalar } from '../common/scalars';
import { Person } from '../people/person.entity';
import { personLoader } from '../people/people.service';
import { Region } from '../regions/region.entity';
import { Account } from './account.entity';
import {
  accountSessions,
  createAccount,
  endAccountSessions,
  listAccounts,
  me,
  regionsOfAccount,
  resetPassword,
  unlockAccount,
  updateAccount,
} from './accounts.service';
import {
  AccountConnection,
  ChangePasswordInput,
  ChangePasswordPayload,
  ConfirmTotpEnrolmentInput,
  ConfirmTotpEnrolmentPayload,
  CreateAccountInput,
  CreateAccountPayload,
  DisableTotpInput,
  DisableTotpPayload,
  EndAccountSessionsInput,
  EndAccountSessionsPayload,
  LoginInput,
  LoginPayload,
  ResetPasswordInput,
  ResetPasswordPayload,
  ResetTotpInput,
  ResetTotpPayload,
  SignOutInput,
  SignOutPayload,
  StartTotpEnrolmentPayload,
  UnlockAccountInput,
  UnlockAccountPayload,
  UpdateAccountInput,
  UpdateAccountPayload,
} from './auth.types';
import { isLocked } from './rules/sign-in';
import { sessionEndsAt } from './rules/sessions';
import { Session } from './session.entity';
import { mySessions, signOut } from './sessions.service';
import { changePassword, login } from './sign-in.service';
import { getSecuritySettings, loadSecuritySettings, setSecuritySettings } from './security-settings.service';
import { SecuritySettings, SetSecuritySettingsInput, SetSecuritySettingsPayload } from './security-settings.types';
import { confirmTotpEnrolment, disableTotp, resetTotp, startTotpEnrolment } from './totp.service';
import type { Tokens } from './jwt';

/** The token service is per server; the resolver reads it from the context's holder. */
export interface HasTokens {
  tokens: Tokens;
}

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account)
  me(@Context() ctx: Ctx) {
    return me(ctx);
  }

  @Query(() => AccountConnection, { description: 'Accounts by username (security administrator).' })
  accounts(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('usernameContains', () => String, { nullable: true }) usernameContains: string | null,
    @Context() ctx: Ctx,
  ) {
    return listAccounts(ctx, { first, after }, usernameContains);
  }

  @Mutation(() => LoginPayload)
  async login(@Arg('input') input: LoginInput, @Context() ctx: Ctx & HasTokens): Promise<LoginPayload> {
    const payload = await login(ctx, ctx.tokens, input);
    signedInNow.add(payload.account);
    return payload;
  }

  @Mutation(() => CreateAccountPayload)
  async createAccount(@Arg('input') input: CreateAccountInput, @Context() ctx: Ctx): Promise<CreateAccountPayload> {
    return { account: await createAccount(ctx, input) };
  }

  @Mutation(() => UpdateAccountPayload, { description: "Changes an account's roles, regions, person, or disables it (security administrator)." })
  async updateAccount(@Arg('input') input: UpdateAccountInput, @Context() ctx: Ctx): Promise<UpdateAccountPayload> {
    return { account: await updateAccount(ctx, input) };
  }

  @Mutation(() => ChangePasswordPayload)
  changePassword(@Arg('input') input: ChangePasswordInput, @Context() ctx: Ctx & HasTokens): Promise<ChangePasswordPayload> {
    return changePassword(ctx, ctx.tokens, input);
  }

  @Mutation(() => ResetPasswordPayload)
  async resetPassword(@Arg('input') input: ResetPasswordInput, @Context() ctx: Ctx): Promise<ResetPasswordPayload> {
    return { account: await resetPassword(ctx, input) };
  }

  @Mutation(() => UnlockAccountPayload)
  async unlockAccount(@Arg('input') input: UnlockAccountInput, @Context() ctx: Ctx): Promise<UnlockAccountPayload> {
    return { account: await unlockAccount(ctx, input) };
  }

  @FieldResolver(() => [Region], { description: 'The regions this account acts in; each covers its whole subtree.' })
  regions(@Root() a: Account, @Context() ctx: Ctx) {
    return regionsOfAccount(ctx, a.id);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The person this account belongs to, for GROUP_LEADER and INSPECTOR accounts.' })
  person(@Root() a: Account, @Context() ctx: Ctx) {
    return a.personId ? personLoader(ctx).load(a.personId) : null;
  }

  // The security state below: the account itself and the administrators of accounts.

  @FieldResolver(() => Boolean)
  disabled(@Root() a: Account): boolean {
    assertSecurityStateReadable(a);
    return a.disabled;
  }

  @FieldResolver(() => Boolean, { description: 'Set after a reset or for the bootstrap password: the next sign-in must change it.' })
  mustChangePassword(@Root() a: Account): boolean {
    assertSecurityStateReadable(a);
    return a.mustChangePassword;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'Set while the account is locked after repeated sign-in failures.' })
  lockedUntil(@Root() a: Account, @Context() ctx: Ctx): Date | null {
    assertSecurityStateReadable(a);
    return isLocked(a.lockedUntil, ctx.authClock.now()) ? a.lockedUntil : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether sign-in needs an authenticator code.' })
  totpEnabled(@Root() a: Account): boolean {
    assertSecurityStateReadable(a);
    return !!a.totpSecret;
  }
}

@Resolver(() => Session)
export class SessionResolver {
  @Query(() => [Session], { description: "The signed-in account's active sessions, newest first." })
  mySessions(@Context() ctx: Ctx) {
    return mySessions(ctx);
  }

  @Query(() => [Session], { description: "An account's active sessions (security administrator)." })
  accountSessions(@Arg('accountId', () => ID) accountId: string, @Context() ctx: Ctx) {
    return accountSessions(ctx, accountId);
  }

  @Mutation(() => SignOutPayload)
  async signOut(@Arg('input') input: SignOutInput, @Context() ctx: Ctx): Promise<SignOutPayload> {
    return { endedSessions: await signOut(ctx, input.allSessions) };
  }

  @Mutation(() => EndAccountSessionsPayload)
  async endAccountSessions(@Arg('input') input: EndAccountSessionsInput, @Context() ctx: Ctx): Promise<EndAccountSessionsPayload> {
    return { endedSessions: await endAccountSessions(ctx, input) };
  }

  @FieldResolver(() => DateTimeScalar, { description: 'When it ends unless used again (idle limit), or at the latest (absolute limit).' })
  async expiresAt(@Root() s: Session, @Context() ctx: Ctx): Promise<Date> {
    return sessionEndsAt(s, await loadSecuritySettings(ctx));
  }

  @FieldResolver(() => Boolean, { description: 'The session of this request.' })
  current(@Root() s: Session, @Context() ctx: Ctx): boolean {
    return ctx.session?.id === s.id;
  }
}

@Resolver()
export class TotpResolver {
  @Mutation(() => StartTotpEnrolmentPayload, { description: 'Starts enrolling an authenticator app for the signed-in account.' })
  startTotpEnrolment(@Context() ctx: Ctx): Promise<StartTotpEnrolmentPayload> {
    return startTotpEnrolment(ctx);
  }

  @Mutation(() => ConfirmTotpEnrolmentPayload, { description: "Confirms the enrolment with the app's current code; sign-in needs a code from then on." })
  async confirmTotpEnrolment(@Arg('input') input: ConfirmTotpEnrolmentInput, @Context() ctx: Ctx): Promise<ConfirmTotpEnrolmentPayload> {
    return { recoveryCodes: await confirmTotpEnrolment(ctx, input.code) };
  }

  @Mutation(() => DisableTotpPayload, { description: "Removes the signed-in account's authenticator (not where its roles require one)." })
  async disableTotp(@Arg('input') input: DisableTotpInput, @Context() ctx: Ctx): Promise<DisableTotpPayload> {
    return { account: await disableTotp(ctx, input.currentPassword) };
  }

  @Mutation(() => ResetTotpPayload)
  async resetTotp(@Arg('input') input: ResetTotpInput, @Context() ctx: Ctx): Promise<ResetTotpPayload> {
    return { account: await resetTotp(ctx, input.accountId) };
  }
}

@Resolver(() => SecuritySettings)
export class SecuritySettingsResolver {
  @Query(() => SecuritySettings)
  securitySettings(@Context() ctx: Ctx) {
    return getSecuritySettings(ctx);
  }

  @Mutation(() => SetSecuritySettingsPayload)
  async setSecuritySettings(@Arg('input') input: SetSecuritySettingsInput, @Context() ctx: Ctx): Promise<SetSecuritySettingsPayload> {
    return { settings: (await setSecuritySettings(ctx, input)) as SecuritySettings };
  }
}
