import type { NonEmptyArray } from 'type-graphql';
import type { TypeAccess } from './access/guard';
import type { FeatureModule } from './feature';
import { attendanceModule } from './attendance';
import { auditModule } from './audit';
import { avoidanceModule } from './avoidance';
import { authModule } from './auth';
import { calendarModule } from './calendar';
import { compositionModule } from './composition';
import { leaveModule } from './leave';
import { ledgersModule } from './ledgers';
import { peopleModule } from './people';
import { poolsModule } from './pools';
import { regionsModule } from './regions';
import { roundsModule } from './rounds';
import { unitsModule } from './units';

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
  ledgersModule,
  compositionModule,
];

export const allEntities = () => modules.flatMap((m) => m.entities);
export const allResolvers = () => modules.flatMap((m) => m.resolvers) as unknown as NonEmptyArray<Function>;

/** How every GraphQL object type is read (src/access/guard.ts); shared types first. */
export const allAccess = (): Record<string, TypeAccess> =>
  Object.assign({ PageInfo: 'public' } as Record<string, TypeAccess>, ...modules.map((m) => m.access ?? {}));
export const allPersonGrants = () => modules.flatMap((m) => m.personGrants ?? []);
