/** Checks every ReadStore adapter applies to documents before writing any of a batch. */
import type { StoredDocument } from './port';

// positionKey() always yields 20 digits; anything else would compare wrongly as a string.
const POSITION_KEY = /^\d{20}$/;

export function checkStoredDocuments(collection: string, docs: readonly StoredDocument[]): void {
  checkCollectionName(collection);
  docs.forEach((doc, index) => {
    if (typeof doc._id !== 'string' || doc._id === '') {
      throw new TypeError(`upsertMany into "${collection}": document #${index} has no string _id`);
    }
    if (typeof doc._position !== 'string' || !POSITION_KEY.test(doc._position)) {
      throw new TypeError(`upsertMany into "${collection}": document #${index} has a _position that is not a positionKey() string`);
    }
  });
}

export function checkCollectionName(collection: string): void {
  if (typeof collection !== 'string' || collection === '') {
    throw new TypeError('read store: a collection name must be a non-empty string');
  }
}

/**
 * The newest version of each document in a batch (first one wins among equal positions, as
 * when applied in order), so one write per `_id` is enough.
 */
export function newestPerId(docs: readonly StoredDocument[]): StoredDocument[] {
  const newest = new Map<string, StoredDocument>();
  for (const doc of docs) {
    const seen = newest.get(doc._id);
    if (seen === undefined || doc._position > seen._position) newest.set(doc._id, doc);
  }
  return [...newest.values()];
}
