export { createSqliteEventStore, type SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store';
export { DuplicateEventIdError } from './errors';
export type { SynchronousMode } from './schema';
