/** A GraphQL-over-HTTP client for tests. */
export interface GqlResult<T = any> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string; [k: string]: unknown }; path?: (string | number)[] }[];
  status: number;
}

export interface GqlOptions {
  token?: string | null;
  lang?: string;
}

export async function postGraphql<T = any>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, opts: GqlOptions = {}): Promise<GqlResult<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.lang) headers['accept-language'] = opts.lang;
  const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as Omit<GqlResult<T>, 'status'>;
  return { ...body, status: res.status };
}

/** The data of a result that must have no errors. */
export function ok<T>(r: GqlResult<T>): T {
  if (r.errors?.length) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

/** The code of the first error (or undefined). */
export const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
