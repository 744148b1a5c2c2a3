/** Errors specific to the SQLite adapter, and the classification of SQLite's own errors. */

/** An event id is already recorded in another stream, or twice in one batch: a caller bug, never retryable. */
export class DuplicateEventIdError extends Error {
  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already recorded elsewhere`);
    this.name = 'DuplicateEventIdError';
  }
}

function sqliteCode(err: unknown): string | null {
  if (typeof err !== 'object' || err === null || !('code' in err)) return null;
  const { code } = err as { code: unknown };
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/**
 * Failures after which the file's state is unknown (a failed fsync may have dropped pages the
 * next successful write would build on): the store must stop accepting writes.
 */
export function isStorageFailure(err: unknown): boolean {
  const code = sqliteCode(err);
  return code !== null && (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL' || code.startsWith('SQLITE_CORRUPT'));
}

export function isUniqueViolation(err: unknown): boolean {
  return sqliteCode(err) === 'SQLITE_CONSTRAINT_UNIQUE';
}
