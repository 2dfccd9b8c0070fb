/**
 * What a feature hands to the service: its tables, resolvers, extra HTTP routes, and how its
 * GraphQL types are read (src/access). A neutral file: features import it, src/modules.ts lists
 * the features, and nothing here imports a feature.
 */
import type { Express, Request } from 'express';
import type { Ctx } from './context';
import type { PersonGrant, TypeAccess } from './access/guard';

/** Extra HTTP routes of a feature (e.g. spreadsheet exports); `context` authenticates a request. */
export interface RouteDeps {
  context(req: Request): Promise<Ctx>;
}

export interface FeatureModule {
  entities: Function[];
  resolvers: Function[];
  routes?(app: Express, deps: RouteDeps): void;
  /**
   * How each GraphQL object type of the feature is read: a guard that filters every value of
   * the type wherever a field returns it, 'public' reference data, or 'part' of the object or
   * scoped root field that returns it. Every object type of the schema must be named by one
   * feature (a test checks), so a new type cannot be forgotten.
   */
  access?: Record<string, TypeAccess>;
  /** Persons the feature makes readable in a limited view (e.g. members of teams one may read). */
  personGrants?: PersonGrant[];
  /** Releases what the feature keeps running beside requests (e.g. a worker thread), when a server stops. */
  stop?(): Promise<void>;
}
