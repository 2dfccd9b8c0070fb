import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Role } from './roles';

@ObjectType({ description: 'Password policy, lockout, address throttle, session limits and second-factor rules (security administrator).' })
export class SecuritySettings {
  @Field(() => Int) passwordMinLength!: number;
  @Field(() => Int, { description: 'How many of upper case, lower case, digits and symbols a password needs.' }) passwordMinClasses!: number;
  @Field(() => Int, { description: 'A new password may not be one of this many last ones.' }) passwordHistory!: number;
  @Field(() => Int, { description: 'Days until a password expires; 0: never.' }) passwordMaxAgeDays!: number;
  @Field(() => Int, { description: 'Consecutive sign-in failures that lock an account.' }) lockoutThreshold!: number;
  @Field(() => Int) lockoutMinutes!: number;
  @Field(() => Int, { description: 'More failures than this from one address within the window delay that address.' }) addressFailureLimit!: number;
  @Field(() => Int) addressWindowMinutes!: number;
  @Field(() => Int, { description: 'While delayed, an address gets one attempt per this many seconds.' }) addressDelaySeconds!: number;
  @Field(() => Int) sessionIdleMinutes!: number;
  @Field(() => Int) sessionAbsoluteHours!: number;
  @Field(() => [Role], { description: 'Accounts holding any of these roles must sign in with an authenticator code.' }) totpRequiredRoles!: Role[];
}

@InputType({ description: 'Only the fields given change.' })
export class SetSecuritySettingsInput {
  @Field(() => Int, { nullable: true }) passwordMinLength?: number;
  @Field(() => Int, { nullable: true }) passwordMinClasses?: number;
  @Field(() => Int, { nullable: true }) passwordHistory?: number;
  @Field(() => Int, { nullable: true }) passwordMaxAgeDays?: number;
  @Field(() => Int, { nullable: true }) lockoutThreshold?: number;
  @Field(() => Int, { nullable: true }) lockoutMinutes?: number;
  @Field(() => Int, { nullable: true }) addressFailureLimit?: number;
  @Field(() => Int, { nullable: true }) addressWindowMinutes?: number;
  @Field(() => Int, { nullable: true }) addressDelaySeconds?: number;
  @Field(() => Int, { nullable: true }) sessionIdleMinutes?: number;
  @Field(() => Int, { nullable: true }) sessionAbsoluteHours?: number;
  @Field(() => [Role], { nullable: true }) totpRequiredRoles?: Role[];
}
@ObjectType()
export class SetSecuritySettingsPayload {
  @Field(() => SecuritySettings) settings!: SecuritySettings;
}
