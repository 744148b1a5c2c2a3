/**
 * Position-guarded bulk upsert: a document replaces the stored one only when the stored
 * `_position` is older or absent, so replays and racing writers never move a document back.
 *
 * Each round reads the stored positions of the batch once, then inserts the documents that
 * are absent and replaces the older ones with a compare-and-swap on the exact position it read
 * (`{ _id, _position: <read> }`). Anything a concurrent writer changed in between shows up as a
 * duplicate key (a racing insert) or a replacement that matched nothing, and the next round
 * reads again: the stored positions, not the errors, decide what is still to be written.
 *
 * Why not one `replaceOne({ _id, $or: [{ _position: { $lt } }, …] }, doc, { upsert: true })`
 * per document: MongoDB runs it through the `_id` index, but FerretDB 1.x only pushes a filter
 * down to SQLite when it is `_id` alone, so every such upsert scanned the whole collection
 * (about 20 documents/s at a few hundred documents), and it stops an unordered batch at the
 * first duplicate key. Inserts and `_id`-led compare-and-swaps behave the same on both, and a
 * replayed batch costs one read and no write.
 */
import { MongoBulkWriteError, type AnyBulkWriteOperation, type Collection, type Filter } from 'mongodb';

import { FencedError, type Fence } from '../../projection/lease';
import type { StoredDocument } from '../port';
import { newestPerId } from '../stored-document';
import { findByIds } from './by-ids';
import { bulkWriteFailure, isOnlyDuplicateKeys } from './server-errors';

/*
 * `replaceById` (FerretDB): FerretDB 1.x uses the `_id` index only for a filter that is one `_id`
 * equality, so the compare-and-swap above scans the collection, once per replaced document (180 ms at
 * 10,000 summaries). There the replacement is by `_id` alone, after the positions and tokens were read
 * and checked, and the caller serialises its own writes to a collection: a writer in another process
 * that writes between the read and the replacement can be overwritten. Projections are written by the
 * lease holder only, so that is a deposed owner paused in exactly that gap; on MongoDB it cannot happen.
 */

/** Rounds after which documents that still cannot be written are reported. */
const MAX_ROUNDS = 5;

interface Replacement {
  doc: StoredDocument;
  /** The stored position the replacement is conditional on; null when the stored document has none. */
  observed: string | null;
  /** The stored fencing token it is conditional on too; null when none is stored. */
  observedFence: number | null;
}

interface Stored {
  position: string | null;
  fence: number | null;
}

/**
 * @param maxOpsPerCommand most replacements per `update` command (FerretDB 1.x needs a small
 *   number, see FERRETDB_MAX_OPS_PER_COMMAND); unlimited for MongoDB.
 */
export async function guardedUpsert(
  collection: Collection<StoredDocument>,
  docs: readonly StoredDocument[],
  maxOpsPerCommand: number = Number.POSITIVE_INFINITY,
  fence?: Fence,
  replaceById = false,
): Promise<void> {
  let pending = newestPerId(docs).map((doc) => (fence ? { ...doc, _fence: fence.token } : doc));
  for (let round = 1; ; round++) {
    const stored = await storedPositions(collection, pending);
    const inserts: StoredDocument[] = [];
    const replacements: Replacement[] = [];
    for (const doc of pending) {
      if (!stored.has(doc._id)) {
        inserts.push(doc);
        continue;
      }
      const { position: observed, fence: observedFence } = stored.get(doc._id) ?? { position: null, fence: null };
      if (fence && observedFence !== null && observedFence > fence.token)
        throw new FencedError(`upsertMany into "${collection.collectionName}"`);
      if (observed === null || observed < doc._position) replacements.push({ doc, observed, observedFence });
    }
    if (inserts.length === 0 && replacements.length === 0) return;
    if (round > MAX_ROUNDS) {
      throw new Error(
        `upsertMany into "${collection.collectionName}": ${inserts.length + replacements.length} document(s) could not be written after ${MAX_ROUNDS} attempts (a unique index other than _id, or constant concurrent writes)`,
      );
    }
    const insertsDone = await insertAbsent(collection, inserts);
    const replacementsDone = await replaceOlder(collection, replacements, maxOpsPerCommand, replaceById);
    if (insertsDone && replacementsDone) return;
    pending = [...inserts, ...replacements.map(({ doc }) => doc)];
  }
}

/** `_position` and `_fence` of each stored document of the batch (null when it has none); absent ids are not in the map. */
async function storedPositions(collection: Collection<StoredDocument>, docs: readonly StoredDocument[]): Promise<Map<string, Stored>> {
  const stored = await findByIds(
    collection,
    docs.map((doc) => doc._id),
    { projection: { _position: 1, _fence: 1 } },
  );
  return new Map(
    stored.map((doc) => [
      doc._id,
      { position: typeof doc._position === 'string' ? doc._position : null, fence: typeof doc._fence === 'number' ? doc._fence : null },
    ]),
  );
}

/** True when every document was inserted; false when some collided with a concurrent insert. */
async function insertAbsent(collection: Collection<StoredDocument>, docs: readonly StoredDocument[]): Promise<boolean> {
  if (docs.length === 0) return true;
  try {
    await collection.insertMany([...docs], { ordered: false });
    return true;
  } catch (error) {
    return acceptDuplicateKeys(collection, error);
  }
}

/** True when every replacement matched the position it was conditional on. */
async function replaceOlder(
  collection: Collection<StoredDocument>,
  replacements: readonly Replacement[],
  maxOpsPerCommand: number,
  replaceById: boolean,
): Promise<boolean> {
  let allMatched = true;
  const size = Math.min(replacements.length, maxOpsPerCommand);
  for (let start = 0; start < replacements.length; start += size) {
    const chunk = replacements.slice(start, start + size);
    const operations: AnyBulkWriteOperation<StoredDocument>[] = chunk.map(({ doc, observed, observedFence }) => ({
      replaceOne: {
        // `_position: null` also matches a stored document without the field; so does `_fence: null`.
        filter: (replaceById ? { _id: doc._id } : { _id: doc._id, _position: observed, _fence: observedFence }) as Filter<StoredDocument>,
        replacement: doc,
      },
    }));
    try {
      const result = await collection.bulkWrite(operations, { ordered: false });
      if (result.matchedCount < chunk.length) allMatched = false;
    } catch (error) {
      allMatched = acceptDuplicateKeys(collection, error);
    }
  }
  return allMatched;
}

/** Duplicate keys mean a concurrent writer got there first (returns false: read again); anything else is thrown. */
function acceptDuplicateKeys(collection: Collection<StoredDocument>, error: unknown): false {
  if (isOnlyDuplicateKeys(error)) return false;
  throw error instanceof MongoBulkWriteError ? bulkWriteFailure(collection.collectionName, error) : error;
}
