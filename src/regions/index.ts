import type { FeatureModule } from '../modules';
import { Region } from './region.entity';
import { RegionResolver } from './regions.resolver';

export const regionsModule: FeatureModule = { entities: [Region], resolvers: [RegionResolver] };
