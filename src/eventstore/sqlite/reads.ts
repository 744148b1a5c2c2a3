/** readStream and readAll: each filter shape is answered from the index that keeps a page O(page) (filtered-reads.ts). */
import type { EventFilter, Position, ReadAllOptions, ReadStreamOptions, RecordedEvent, StreamHead } from '../port';
import { readDirectionOf } from '../read-direction';
import { planFilteredRead, planFilteredReadBackwards } from './filtered-reads';
import { decodeRows, type Statements } from './statements';

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

/** Whether the filter asks for anything: without, a page is the plain rowid range. */
export function isFiltered(filter: EventFilter | undefined): filter is EventFilter {
  if (filter === undefined) return false;
  const { types, streamPrefix, actorId, recordedFrom, recordedTo, facilities } = filter;
  return [types, streamPrefix, actorId, recordedFrom, recordedTo, facilities].some((condition) => condition !== undefined);
}

export function readAll(st: Statements, options: ReadAllOptions = {}): RecordedEvent[] {
  const limit = limitOf(options.maxCount);
  const { filter } = options;
  if (readDirectionOf(options) === 'backwards') return readAllBackwards(st, filter, beforeOf(options.before), limit);
  const after = afterOf(options.after);
  if (!isFiltered(filter)) return limit === 0 ? [] : decodeRows(st.all.all(after, limit));
  // Planned (and validated) before the limit is looked at: a malformed filter fails even for 0 events.
  const read = planFilteredRead(filter);
  return limit === 0 ? [] : decodeRows(read(st, after, limit));
}

/** Newest first, before `before` (exclusive): the same indexes walked downwards (filtered-reads.ts). */
function readAllBackwards(st: Statements, filter: EventFilter | undefined, before: bigint, limit: number): RecordedEvent[] {
  // Inclusive upper end, so that "before the end" (2^63) need not be bound as an integer SQLite has not.
  if (!isFiltered(filter)) return limit === 0 || before <= 1n ? [] : decodeRows(st.allBackwards.all(before - 1n, limit));
  const read = planFilteredReadBackwards(filter);
  return limit === 0 ? [] : decodeRows(read(st, before, limit));
}

/** Positions are rowids (< 2^63): anything beyond the last is "from the end". */
function beforeOf(before: Position | undefined): bigint {
  return before === undefined || before > LAST_POSITION ? LAST_POSITION + 1n : before;
}

export function headPosition(st: Statements): bigint {
  const row = st.head.get() as { position: number | bigint | null };
  return row.position === null ? 0n : BigInt(row.position);
}

/** Largest SQLite integer: "up to now". */
const LAST_POSITION = 2n ** 63n - 1n;

export function streamHeads(st: Statements, upTo: Position | undefined): StreamHead[] {
  const rows = st.streamHeads.all(upTo === undefined || upTo > LAST_POSITION ? LAST_POSITION : upTo) as {
    stream: string;
    revision: number;
    position: number | bigint;
    hash: string;
  }[];
  return rows.map((r) => ({ stream: r.stream, revision: r.revision, hash: r.hash, position: BigInt(r.position) }));
}
