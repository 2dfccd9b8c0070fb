import { Arg, Ctx as Context, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { signedInNow } from './account.access';
import { Ctx } from '../context';
import { Person } from '../people/person.entity';
import { personLoader } from '../people/people.service';
import { Region } from '../regions/region.entity';
import { Account } from './account.entity';
import { createAccount, login, me, regionsOfAccount } from './accounts.service';
import { Role } from './roles';
import type { Tokens } from './jwt';

@InputType()
export class LoginInput {
  @Field() username!: string;
  @Field() password!: string;
}
@ObjectType()
export class LoginPayload {
  @Field() token!: string;
  @Field(() => Account) account!: Account;
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

  @Mutation(() => LoginPayload)
  async login(@Arg('input') input: LoginInput, @Context() ctx: Ctx & HasTokens): Promise<LoginPayload> {
    const payload = await login(ctx, ctx.tokens, input.username, input.password);
    signedInNow.add(payload.account);
    return payload;
  }

  @Mutation(() => CreateAccountPayload)
  async createAccount(@Arg('input') input: CreateAccountInput, @Context() ctx: Ctx): Promise<CreateAccountPayload> {
    return { account: await createAccount(ctx, input) };
  }

  @FieldResolver(() => [Region], { description: 'The regions this account acts in; each covers its whole subtree.' })
  regions(@Root() a: Account, @Context() ctx: Ctx) {
    return regionsOfAccount(ctx, a.id);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The person this account belongs to, for GROUP_LEADER and INSPECTOR accounts.' })
  person(@Root() a: Account, @Context() ctx: Ctx) {
    return a.personId ? personLoader(ctx).load(a.personId) : null;
  }
}
