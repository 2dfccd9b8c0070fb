import { GqlOptions, GqlResult } from './graphql-client';
import { TestServer } from './server';

/** What tests ask of each mutation's payload: the id of what it made. */
const PAYLOAD: Record<string, string> = {
  login: 'token account { id }',
  createAccount: 'account { id }',
  createRegion: 'region { id }',
  createUnit: 'unit { id }',
  createPerson: 'person { id }',
  addEmployment: 'employment { id }',
  addRelation: 'relation { id }',
  addInterestTie: 'interestTie { id }',
};

/** The document of a contract mutation: one `input` argument of type `<Name>Input`, passed as $i. */
export function mutationDoc(name: string, select = PAYLOAD[name] ?? '__typename'): string {
  return `mutation($i: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $i) { ${select} } }`;
}

/** Sends a mutation with its input, as whoever `opts.token` says (nobody without one). */
export function mutate<T = any>(t: TestServer, name: string, input: Record<string, unknown>, opts: GqlOptions = {}): Promise<GqlResult<T>> {
  return t.gql<T>(mutationDoc(name), { i: input }, opts);
}

/** The first error has this code and, when given, names this input field. */
export function expectError(r: GqlResult, code: string, field?: string) {
  expect(r.errors?.[0]?.extensions).toMatchObject(field === undefined ? { code } : { code, field });
}

let seq = 0;
/** A name no earlier call gave, for usernames and region codes. */
export const unique = (prefix: string) => `${prefix}${++seq}${Date.now().toString(36)}`;
