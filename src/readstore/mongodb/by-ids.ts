/**
 * Documents by `_id`, in a query shape that uses the `_id` index on MongoDB and on FerretDB alike.
 *
 * FerretDB 1.x pushes a filter down to SQLite only when it is one `_id` equality: `{_id: {$in: […]}}`
 * scans the whole collection (about 150 ms at 129 documents), so a live batch's few documents cost
 * more the larger the read model grows. A few ids are therefore looked up one equality each, in
 * parallel; many ids (a catch-up or rebuild batch, where one scan is cheaper than thousands of lookups
 * and MongoDB uses the index for `$in` anyway) in one `$in`.
 */
import type { Collection, Document, FindOptions } from 'mongodb';

import type { StoredDocument } from '../port';

/** Up to this many ids: one `_id` equality each. */
export const MAX_EQUALITY_LOOKUPS = 64;
/** Equality lookups in flight at once (the driver's pool holds 100 connections). */
const LOOKUP_CONCURRENCY = 16;

export async function findByIds<T extends Document = StoredDocument>(
  collection: Collection<StoredDocument>,
  ids: readonly string[],
  options: FindOptions = {},
): Promise<T[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  if (unique.length > MAX_EQUALITY_LOOKUPS) {
    return (await collection.find({ _id: { $in: unique } }, options).toArray()) as unknown as T[];
  }
  const found: T[] = [];
  let next = 0;
  const lookup = async (): Promise<void> => {
    while (next < unique.length) {
      const id = unique[next++] as string;
      const doc = await collection.findOne({ _id: id }, options);
      if (doc !== null) found.push(doc as unknown as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOOKUP_CONCURRENCY, unique.length) }, lookup));
  return found;
}
