import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../common/pagination';
import { Account } from './account.entity';
import { Role } from './roles';

@InputType()
export class LoginInput {
  @Field() username!: string;
  @Field() password!: string;
  @Field(() => String, { nullable: true, description: "The current code of the account's authenticator app (or a recovery code), when it has enrolled one." })
  otp?: string | null;
}
@ObjectType()
export class LoginPayload {
  @Field() token!: string;
  @Field(() => Account) account!: Account;
  @Field({ description: 'True when the password has expired or was reset: the token can do nothing but changePassword.' })
  passwordChangeRequired!: boolean;
  @Field({ description: 'True when the roles require a second factor not yet enrolled: the token can only enrol one (or sign out).' })
  totpEnrolmentRequired!: boolean;
}

@InputType()
export class CreateAccountInput {
  @Field() username!: string;
  @Field() password!: string;
  @Field(() => [Role]) roles!: Role[];
  @Field(() => [ID]) regionIds!: string[];
  @Field(() => ID, { nullable: true }) personId?: string | null;
}
@ObjectType()
export class CreateAccountPayload {
  @Field(() => Account) account!: Account;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateAccountInput {
  @Field(() => ID) accountId!: string;
  @Field(() => [Role], { nullable: true }) roles?: Role[] | null;
  @Field(() => [ID], { nullable: true }) regionIds?: string[] | null;
  @Field(() => ID, { nullable: true }) personId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'True disables the account (its sessions end at once); false enables it again.' })
  disabled?: boolean | null;
}
@ObjectType()
export class UpdateAccountPayload {
  @Field(() => Account) account!: Account;
}

@InputType({ description: "Changes the signed-in account's own password; every other session of it ends." })
export class ChangePasswordInput {
  @Field() currentPassword!: string;
  @Field() newPassword!: string;
}
@ObjectType()
export class ChangePasswordPayload {
  @Field({ description: 'A fresh token for this session.' }) token!: string;
}

@InputType({ description: "Sets a temporary password that must be changed at the next sign-in; the account's sessions end." })
export class ResetPasswordInput {
  @Field(() => ID) accountId!: string;
  @Field() temporaryPassword!: string;
}
@ObjectType()
export class ResetPasswordPayload {
  @Field(() => Account) account!: Account;
}

@InputType()
export class UnlockAccountInput {
  @Field(() => ID) accountId!: string;
}
@ObjectType()
export class UnlockAccountPayload {
  @Field(() => Account) account!: Account;
}

@InputType({ description: 'Ends this session, or every session of the signed-in account.' })
export class SignOutInput {
  @Field() allSessions!: boolean;
}
@ObjectType()
export class SignOutPayload {
  @Field(() => Int) endedSessions!: number;
}

@InputType({ description: "Ends one session of an account, or all of them (security administrator)." })
export class EndAccountSessionsInput {
  @Field(() => ID) accountId!: string;
  @Field(() => ID, { nullable: true, description: 'Only this session; all of the account when left out.' }) sessionId?: string | null;
}
@ObjectType()
export class EndAccountSessionsPayload {
  @Field(() => Int) endedSessions!: number;
}

@ObjectType({ description: 'A new authenticator secret, waiting for its first code.' })
export class StartTotpEnrolmentPayload {
  @Field({ description: 'The secret in base32, for typing into an authenticator app.' }) secret!: string;
  @Field({ description: 'The otpauth:// URI to show as a QR code.' }) provisioningUri!: string;
}
@InputType()
export class ConfirmTotpEnrolmentInput {
  @Field({ description: 'The current code of the authenticator app.' }) code!: string;
}
@ObjectType()
export class ConfirmTotpEnrolmentPayload {
  @Field(() => [String], { description: 'One-time recovery codes, shown this once: keep them safe.' }) recoveryCodes!: string[];
}
@InputType()
export class DisableTotpInput {
  @Field() currentPassword!: string;
}
@ObjectType()
export class DisableTotpPayload {
  @Field(() => Account) account!: Account;
}
@InputType({ description: "Removes an account's authenticator (lost or stolen); its sessions end." })
export class ResetTotpInput {
  @Field(() => ID) accountId!: string;
}
@ObjectType()
export class ResetTotpPayload {
  @Field(() => Account) account!: Account;
}

export const AccountConnection = Connection(Account, 'Account');
