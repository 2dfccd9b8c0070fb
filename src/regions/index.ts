import type { FeatureModule } from '../feature';
import { Region } from './region.entity';
import { RegionResolver } from './regions.resolver';

export const regionsModule: FeatureModule = { entities: [Region], resolvers: [RegionResolver], access: { Region: 'public' } };
