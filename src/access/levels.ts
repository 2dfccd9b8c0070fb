/**
 * How much of a person an account sees (src/people/person.access.ts decides):
 * - FULL: the whole record (private facts still need person:readPrivate, or being the person);
 * - LIMITED: what composing a team or reading a roster needs: name, gender, rank, region and
 *   flags, and the pool entries and team memberships the account may read;
 * - PATH: a relative reached through a relation or an avoidance path: id, name and region;
 * - NONE: nothing; the person is, to this account, missing.
 */
export const Level = { NONE: 0, PATH: 1, LIMITED: 2, FULL: 3 } as const;
export type Level = (typeof Level)[keyof typeof Level];
