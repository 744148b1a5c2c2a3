/**
 * Position-guarded bulk upsert. Each document replaces the stored one only when the stored
 * `_position` is older or absent; otherwise the filter misses, the upsert tries to insert and
 * collides on `_id` (E11000), which means the document was already applied.
 */
import { MongoBulkWriteError, type AnyBulkWriteOperation, type Collection } from 'mongodb';

import type { StoredDocument } from '../port';
import { newestPerId } from '../stored-document';
import { bulkWriteFailure, isOnlyDuplicateKeys } from './server-errors';

/** Rounds after which documents still colliding are reported rather than retried. */
const MAX_ROUNDS = 5;

function guardedReplace(doc: StoredDocument): AnyBulkWriteOperation<StoredDocument> {
  return {
    replaceOne: {
      filter: { _id: doc._id, $or: [{ _position: { $lt: doc._position } }, { _position: { $exists: false } }] },
      replacement: doc,
      upsert: true,
    },
  };
}

export async function guardedUpsert(
  collection: Collection<StoredDocument>,
  docs: readonly StoredDocument[],
): Promise<void> {
  let pending = newestPerId(docs);
  for (let round = 1; pending.length > 0; round++) {
    try {
      await collection.bulkWrite(pending.map(guardedReplace), { ordered: false });
      return;
    } catch (error) {
      if (!isOnlyDuplicateKeys(error)) {
        throw error instanceof MongoBulkWriteError ? bulkWriteFailure(collection.collectionName, error) : error;
      }
      if (round === MAX_ROUNDS) {
        throw new Error(
          `upsertMany into "${collection.collectionName}": ${pending.length} document(s) still collide after ${MAX_ROUNDS} rounds`,
        );
      }
    }
    // A collision means "stored is at least as new", except when a concurrent writer inserted
    // an older version between our filter and our insert; and FerretDB 1.x stops an unordered
    // batch at its first error. So the stored positions decide which documents still need a write.
    pending = await stillBehind(collection, pending);
  }
}

async function stillBehind(
  collection: Collection<StoredDocument>,
  docs: readonly StoredDocument[],
): Promise<StoredDocument[]> {
  const stored = await collection
    .find({ _id: { $in: docs.map((doc) => doc._id) } }, { projection: { _position: 1 } })
    .toArray();
  const storedPositions = new Map(stored.map((doc) => [doc._id, doc._position]));
  return docs.filter((doc) => {
    const position = storedPositions.get(doc._id);
    return position === undefined || position < doc._position;
  });
}
