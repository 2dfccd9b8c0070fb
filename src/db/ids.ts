import { v7 } from 'uuid';

/** Opaque ids: UUIDv7, so that ordering by id is creation order (keyset pagination, audit). */
export const newId = (): string => v7();
