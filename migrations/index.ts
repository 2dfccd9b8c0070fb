import { Foundation1763600000000 } from './1763600000000-Foundation';

/** Every migration, in order. The same files run on SQLite and MySQL/MariaDB. */
export const allMigrations = [Foundation1763600000000];
