import { Foundation1763600000000 } from './1763600000000-Foundation';
import { Avoidance1763710000000 } from './1763710000000-Avoidance';
import { LeaveAndAttendance1763720000000 } from './1763720000000-LeaveAndAttendance';

/** Every migration, in order. The same files run on SQLite and MySQL/MariaDB. */
export const allMigrations = [Foundation1763600000000, Avoidance1763710000000, LeaveAndAttendance1763720000000];
