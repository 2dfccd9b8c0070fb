/**
 * Paper ledgers brought in and taken out: imports and exports of persons, posts, relations,
 * pool entries and past rounds, and the cadre-file spreadsheets (pool roster, inspection
 * record). Like the avoidance read model, this feature spans the features whose records it
 * carries: it reads and writes their tables in bulk (by keys, in chunks), under their rules.
 * It adds HTTP routes only, no GraphQL types.
 */
import type { FeatureModule } from '../feature';
import { ledgerRoutes } from './routes';

export const ledgersModule: FeatureModule = { entities: [], resolvers: [], routes: ledgerRoutes };
