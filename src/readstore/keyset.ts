/**
 * Sort and keyset-cursor rules shared by every ReadStore adapter, so that a cursor taken from
 * one page means the same thing whichever adapter serves the next one.
 */
import type { CursorValues, FindOptions, FindResult, Sort, StoredDocument } from './port';

/**
 * The sort actually applied: the caller's keys up to the first `_id`, with `_id` ascending
 * appended when absent, so that every document has a unique position in the order.
 */
export function effectiveSort(sort: Sort | undefined): Sort {
  const keys: Array<readonly [string, 1 | -1]> = [];
  for (const [field, direction] of sort ?? []) {
    keys.push([field, direction]);
    if (field === '_id') return keys;
  }
  keys.push(['_id', 1]);
  return keys;
}

/** Value at a dotted path; `undefined` when any step is missing or not an object. */
export function valueAtPath(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const step of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** Cursor of a document: its values of the sort keys, a missing field as `null` (MongoDB sorts both alike). */
export function cursorOf(doc: unknown, sort: Sort): unknown[] {
  return sort.map(([field]) => valueAtPath(doc, field) ?? null);
}

/** Rejects options that would otherwise be silently misread by one adapter and not the other. */
export function checkFindOptions(options: FindOptions, sort: Sort): void {
  const { limit, after, before } = options;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new RangeError(`find: limit must be a positive integer, got ${String(limit)}`);
  }
  const backwards = options.direction === 'backwards';
  if (backwards ? after !== undefined : before !== undefined) {
    throw new RangeError('find: after goes with reading forwards, before with reading backwards');
  }
  if (after !== undefined) checkCursor(after, sort);
  if (before !== undefined) checkCursor(before, sort);
}

/** The same order read from its end: every key of the effective sort (`_id` included) turned round. */
export function reversedSort(sort: Sort): Sort {
  return sort.map(([field, direction]) => [field, direction === 1 ? -1 : 1] as const);
}

/**
 * A backward page as every adapter serves it: a forward read of the reversed order from the cursor,
 * turned back round. Documents before a cursor are those after it in the reversed order, so both
 * directions share one keyset implementation, and a page read backwards holds exactly the documents
 * a forward read would have put there.
 */
export async function findBackwards<T extends StoredDocument>(
  forward: (options: FindOptions) => Promise<FindResult<T>>,
  options: FindOptions,
  sort: Sort,
): Promise<FindResult<T>> {
  const { before, direction: _backwards, ...rest } = options;
  const read = await forward({ ...rest, sort: reversedSort(sort), ...(before === undefined ? {} : { after: before }) });
  return {
    items: [...read.items].reverse(),
    cursors: [...read.cursors].reverse(),
    hasNextPage: false,
    hasPreviousPage: read.hasNextPage,
  };
}

function checkCursor(after: CursorValues, sort: Sort): void {
  if (after.length !== sort.length) {
    throw new RangeError(
      `find: cursor has ${after.length} values but the sort has ${sort.length} keys (${sort.map(([f]) => f).join(', ')})`,
    );
  }
}
