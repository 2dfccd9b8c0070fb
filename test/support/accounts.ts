import { GqlOptions, GqlResult, ok, postGraphql } from './graphql-client';
import { mutationDoc, unique } from './operations';
import { ACCOUNT_PASSWORD, TestServer } from './server';

/** Builders and calls for the account and sign-in tests, over the GraphQL API. */

export interface TestAccount {
  id: string;
  username: string;
  password: string;
}

/** Creates an account (as ADMIN unless `as` says who) and returns it with its password. */
export async function createTestAccount(
  t: TestServer,
  o: { roles: string[]; regionIds?: string[]; personId?: string | null; password?: string; username?: string; as?: string },
): Promise<TestAccount> {
  const username = o.username ?? unique('acct');
  const password = o.password ?? ACCOUNT_PASSWORD;
  const r = await t.gql(mutationDoc('createAccount'), { i: { username, password, roles: o.roles, regionIds: o.regionIds ?? [], personId: o.personId ?? null } }, { token: o.as ?? t.adminToken });
  return { id: ok(r).createAccount.account.id, username, password };
}

export const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { token passwordChangeRequired totpEnrolmentRequired account { id } } }';

export interface LoginData {
  token: string;
  passwordChangeRequired: boolean;
  totpEnrolmentRequired: boolean;
  account: { id: string };
}

/** A login through any server URL (a test server or a service process). */
export function loginAt(url: string, username: string, password: string, otp?: string, opts: GqlOptions = {}): Promise<GqlResult<{ login: LoginData }>> {
  return postGraphql(url, LOGIN, { i: { username, password, ...(otp !== undefined ? { otp } : {}) } }, opts);
}

export async function signIn(t: TestServer, a: { username: string; password: string }, otp?: string): Promise<LoginData> {
  return ok(await loginAt(t.url, a.username, a.password, otp)).login;
}

/** Sends a contract mutation (one `input`) with a selection. */
export function call<T = any>(t: TestServer, name: string, input: Record<string, unknown>, select: string, opts: GqlOptions = {}): Promise<GqlResult<T>> {
  return t.gql<T>(mutationDoc(name, select), { i: input }, opts);
}

export const ME = '{ me { id username } }';

/** Runs `work` with the server's auth clock moved on by `minutes`, then puts it back. */
export async function authClockLater<T>(t: TestServer, minutes: number, work: () => Promise<T>): Promise<T> {
  const start = t.authClock.now();
  t.authClock.set(new Date(start.getTime() + minutes * 60_000));
  try {
    return await work();
  } finally {
    t.authClock.set(start);
  }
}
