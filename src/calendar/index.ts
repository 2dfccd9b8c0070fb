import type { FeatureModule } from '../feature';
import { CalendarDay, CalendarYearRow } from './calendar.entity';
import { CalendarResolver } from './calendar.resolver';

export const calendarModule: FeatureModule = { entities: [CalendarYearRow, CalendarDay], resolvers: [CalendarResolver], access: { CalendarYear: 'public', CalendarDay: 'public' } };
