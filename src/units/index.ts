import type { FeatureModule } from '../modules';
import { Unit } from './unit.entity';
import { UnitResolver } from './units.resolver';

export const unitsModule: FeatureModule = { entities: [Unit], resolvers: [UnitResolver] };
