/** MongoDB server error codes the adapter treats specially. */
import { MongoBulkWriteError, MongoServerError } from 'mongodb';

export const NAMESPACE_NOT_FOUND = 26;
export const NAMESPACE_EXISTS = 48;
export const DUPLICATE_KEY = 11000;
/** FerretDB 1.x answers this to options it does not implement (e.g. `renameCollection`'s `dropTarget`). */
export const NOT_IMPLEMENTED = 238;

export function hasCode(error: unknown, code: number): boolean {
  return error instanceof MongoServerError && error.code === code;
}

/** True when a bulk write failed only because some upserts collided on `_id`. */
export function isOnlyDuplicateKeys(error: unknown): error is MongoBulkWriteError {
  if (!(error instanceof MongoBulkWriteError) || error.err !== undefined) return false;
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  return writeErrors.length > 0 && writeErrors.every((writeError) => writeError.code === DUPLICATE_KEY);
}

/**
 * A bulk write error stripped of the operations it carries: the driver attaches the failed
 * documents to its error, and a logger serialising it would write read-model data (patient
 * data included) into the logs.
 */
export function bulkWriteFailure(collection: string, error: MongoBulkWriteError): Error {
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  const codes = [...new Set(writeErrors.map((writeError) => writeError.code))];
  const concern = error.err === undefined ? '' : `; write concern error ${error.err.code}`;
  const failure = new Error(
    `upsertMany into "${collection}" failed: ${writeErrors.length} write error(s), codes ${codes.join(', ')}${concern}`,
  );
  failure.name = 'ReadStoreWriteError';
  return Object.assign(failure, { code: codes[0] ?? error.code });
}
