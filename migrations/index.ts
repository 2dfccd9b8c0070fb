import { Foundation1763600000000 } from './1763600000000-Foundation';
import { Avoidance1763710000000 } from './1763710000000-Avoidance';

/** Every migration, in order. The same files run on SQLite and MySQL/MariaDB. */
export const allMigrations = [Foundation1763600000000, Avoidance1763710000000];
