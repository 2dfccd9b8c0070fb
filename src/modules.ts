import type { Express } from 'express';
import type { NonEmptyArray } from 'type-graphql';
import type { Ctx } from './context';
import { attendanceModule } from './attendance';
import { auditModule } from './audit';
import { avoidanceModule } from './avoidance';
import { authModule } from './auth';
import { calendarModule } from './calendar';
import { leaveModule } from './leave';
import { peopleModule } from './people';
import { poolsModule } from './pools';
import { regionsModule } from './regions';
import { roundsModule } from './rounds';
import { unitsModule } from './units';

/** Extra HTTP routes of a feature (e.g. spreadsheet exports); `context` authenticates a request. */
export interface RouteDeps {
  context(req: import('express').Request): Promise<Ctx>;
}

export interface FeatureModule {
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  resolvers: Function[];
  routes?(app: Express, deps: RouteDeps): void;
}

/** Every feature of the service. */
export const modules: FeatureModule[] = [
  authModule,
  auditModule,
  regionsModule,
  unitsModule,
  peopleModule,
  poolsModule,
  roundsModule,
  avoidanceModule,
  calendarModule,
  leaveModule,
  attendanceModule,
];

export const allEntities = () => modules.flatMap((m) => m.entities);
export const allResolvers = () => modules.flatMap((m) => m.resolvers) as unknown as NonEmptyArray<Function>;
