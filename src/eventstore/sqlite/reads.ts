/** readStream and readAll: each filter shape is answered from the index that keeps a page O(page). */
import type { EventFilter, Position, ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../port';
import { ABOVE_ALL_TEXT, decodeRows, type Statements } from './statements';
import { categoryOfPrefix, prefixUpperBound } from './stream-names';

/** SQLite's "no limit". */
const UNLIMITED = -1;

function limitOf(maxCount: number | undefined): number {
  if (maxCount === undefined) return UNLIMITED;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) throw new RangeError('maxCount must be a non-negative integer');
  return maxCount;
}

/** Positions are SQLite rowids (< 2^63); anything below the first is "from the start". */
export function afterOf(after: Position | undefined): bigint {
  return after === undefined || after < 0n ? 0n : after;
}

export function readStream(st: Statements, stream: string, options: ReadStreamOptions = {}): RecordedEvent[] {
  const limit = limitOf(options.maxCount);
  if (limit === 0) return [];
  if (options.direction === 'backwards') {
    const from = options.fromRevision ?? Number.MAX_SAFE_INTEGER;
    return decodeRows(st.streamBackwards.all(stream, from, limit));
  }
  return decodeRows(st.streamForwards.all(stream, options.fromRevision ?? 0, limit));
}

export interface PrefixRange {
  lower: string;
  upper: string | Buffer;
}

export function prefixRange(prefix: string | undefined): PrefixRange {
  if (prefix === undefined) return { lower: '', upper: ABOVE_ALL_TEXT };
  return { lower: prefix, upper: prefixUpperBound(prefix) ?? ABOVE_ALL_TEXT };
}

function readByPrefix(st: Statements, prefix: string, after: bigint, limit: number): RecordedEvent[] {
  const category = categoryOfPrefix(prefix);
  if (category !== null) return decodeRows(st.byCategory.all({ category, after, limit }));
  const range = { ...prefixRange(prefix), after, limit };
  // A prefix reaching past the category ("case-12") names few streams; a shorter one may name most of the store.
  return decodeRows((prefix.includes('-') ? st.byStreamRange : st.byStreamScan).all(range));
}

/** One index range per type, merged by position: k short reads instead of a scan of the store. */
function readByTypes(st: Statements, filter: EventFilter & { types: readonly string[] }, after: bigint, limit: number): RecordedEvent[] {
  const range = prefixRange(filter.streamPrefix);
  const perType = [...new Set(filter.types)].map((type) => decodeRows(st.byType.all({ type, after, limit, ...range })));
  if (perType.length === 1) return perType[0] as RecordedEvent[];
  const merged = perType.flat().sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  return limit === UNLIMITED ? merged : merged.slice(0, limit);
}

export function readAll(st: Statements, options: ReadAllOptions = {}): RecordedEvent[] {
  const limit = limitOf(options.maxCount);
  const after = afterOf(options.after);
  const filter = options.filter ?? {};
  if (limit === 0) return [];
  if (filter.types !== undefined) {
    // An empty list selects no type, hence no event.
    if (filter.types.length === 0) return [];
    return readByTypes(st, { ...filter, types: filter.types }, after, limit);
  }
  if (filter.streamPrefix !== undefined) return readByPrefix(st, filter.streamPrefix, after, limit);
  return decodeRows(st.all.all(after, limit));
}

export function headPosition(st: Statements): bigint {
  const row = st.head.get() as { position: number | bigint | null };
  return row.position === null ? 0n : BigInt(row.position);
}
