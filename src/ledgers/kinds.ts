import type { LedgerKind } from './ledger';
import { employmentsKind } from './kinds/employments';
import { personsKind } from './kinds/persons';
import { poolEntriesKind } from './kinds/pool-entries';
import { relationsKind } from './kinds/relations';
import { roundsKind } from './kinds/rounds';

/** Every ledger kind, in the order a region's ledgers are best brought in. */
export const KINDS: readonly LedgerKind[] = [personsKind, employmentsKind, relationsKind, poolEntriesKind, roundsKind];
