/**
 * What a feature's demo seed gets: the GraphQL API as ADMIN, and the ids of the generated world.
 */
export interface DemoCounty {
  regionId: string;
  name: string;
  townshipRegionIds: string[];
  /** County departments (units of kind DEPARTMENT). */
  departmentUnitIds: string[];
  /** Village and community units. */
  villageUnitIds: string[];
  /** Township units (the township Party committees). */
  townshipUnitIds: string[];
  /** Persons suited to the group-leader pool (rank at least 副科级). */
  leaderPersonIds: string[];
  /** Persons suited to the deputy-leader pool. */
  deputyPersonIds: string[];
  /** Specialists, with suggested specialty codes (FINANCE, AUDIT, …). */
  specialists: { personId: string; specialties: string[] }[];
}

export interface DemoWorld {
  cityRegionId: string;
  counties: DemoCounty[];
  /** The demo's "today" (YYYY-MM-DD). */
  today: string;
}

export interface DemoApi {
  /** Sends a GraphQL operation as ADMIN and returns its data; throws on any error. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /**
   * The same API signed in as another account (e.g. an approver created by the seed), for
   * steps ADMIN may not take. Seeds that need it do less without it.
   */
  as?(username: string, password: string): Promise<DemoApi['gql']>;
  world: DemoWorld;
}

export type DemoSeed = (api: DemoApi) => Promise<void>;
