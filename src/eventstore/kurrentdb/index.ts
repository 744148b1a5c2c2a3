export { createKurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb-event-store';
export { UnreadableEventError } from './errors';
export type { BackoffPolicy } from './retry';
