import type { FeatureModule } from '../feature';
import { Unit } from './unit.entity';
import { UnitResolver } from './units.resolver';

export const unitsModule: FeatureModule = { entities: [Unit], resolvers: [UnitResolver], access: { Unit: 'public' } };
