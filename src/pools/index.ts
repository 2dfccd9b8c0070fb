import type { FeatureModule } from '../feature';
import { poolEntryGuard, poolPeopleGrant } from './access';
import { PoolEntry, PoolEntryEvent, PoolEntrySpecialty, Specialty } from './pool.entity';
import { PersonPoolsResolver, PoolEntryEventResolver, PoolEntryResolver, SpecialtyResolver } from './pools.resolver';

export const poolsModule: FeatureModule = {
  entities: [Specialty, PoolEntry, PoolEntrySpecialty, PoolEntryEvent],
  resolvers: [SpecialtyResolver, PoolEntryResolver, PoolEntryEventResolver, PersonPoolsResolver],
  access: { PoolEntry: poolEntryGuard, PoolEntryEvent: 'part', Specialty: 'public' },
  personGrants: [poolPeopleGrant],
};
