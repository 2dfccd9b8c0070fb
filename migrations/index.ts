import { Foundation1763600000000 } from './1763600000000-Foundation';
import { PoolsAndRounds1763700000000 } from './1763700000000-PoolsAndRounds';
import { Avoidance1763710000000 } from './1763710000000-Avoidance';
import { LeaveAndAttendance1763720000000 } from './1763720000000-LeaveAndAttendance';
import { Composition1763730000000 } from './1763730000000-Composition';
import { AccountSecurity1763800000000 } from './1763800000000-AccountSecurity';
import { Records1763810000000 } from './1763810000000-Records';
import { NameSort1763820000000 } from './1763820000000-NameSort';
import { NoticePosting1763830000000 } from './1763830000000-NoticePosting';
import { WorkflowDates1763840000000 } from './1763840000000-WorkflowDates';

/** Every migration, in order. The same files run on SQLite and MySQL/MariaDB. */
export const allMigrations = [
  Foundation1763600000000,
  PoolsAndRounds1763700000000,
  Avoidance1763710000000,
  LeaveAndAttendance1763720000000,
  Composition1763730000000,
  AccountSecurity1763800000000,
  Records1763810000000,
  NameSort1763820000000,
  NoticePosting1763830000000,
  WorkflowDates1763840000000,
];
