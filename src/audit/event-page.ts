/**
 * One page of read-all in global order. What the store's filter can answer (types, stream prefix) is
 * pushed down to its indexes, so an unfiltered or store-filtered page costs O(page) wherever it is.
 * What it cannot (actor, recording time, ids in the payload) is checked here on each event read, within
 * a scan limit per request: a narrow filter never scans the whole store in one request; the page then
 * ends early and its end cursor lets the next request resume the scan where this one stopped.
 */
import type { EventFilter, EventStore, Position, RecordedEvent } from '../eventstore/port';

export interface EventPageQuery {
  /** Answered by the store's indexes. */
  storeFilter?: EventFilter;
  /** Checked on each event the store returns; absent = every event matches. */
  matches?: (event: RecordedEvent) => boolean;
  first: number;
  /** Exclusive. */
  after?: Position;
  /** Most events examined per call when `matches` is given (default 10,000). */
  scanLimit?: number;
}

export interface EventPage {
  events: RecordedEvent[];
  /** True when more matching events may follow (always true when the scan limit cut the page short). */
  hasNextPage: boolean;
  /** Where the next page starts after: the last event returned, or the last one examined. */
  endPosition: Position | null;
}

export const DEFAULT_SCAN_LIMIT = 10_000;
const MAX_CHUNK = 2_000;

export async function readEventPage(store: EventStore, query: EventPageQuery): Promise<EventPage> {
  const { storeFilter: filter, matches, first, after } = query;
  if (!matches) {
    const read = await store.readAll({ after, maxCount: first + 1, filter });
    const events = read.slice(0, first);
    return { events, hasNextPage: read.length > first, endPosition: events[events.length - 1]?.position ?? after ?? null };
  }
  const scanLimit = query.scanLimit ?? DEFAULT_SCAN_LIMIT;
  const events: RecordedEvent[] = [];
  let cursor = after;
  let scanned = 0;
  // Chunks grow from the page size: a dense match reads little more than the page, a sparse one soon reads in bulk.
  let chunk = first + 1;
  while (scanned < scanLimit) {
    const maxCount = Math.min(chunk, scanLimit - scanned);
    const read = await store.readAll({ after: cursor, maxCount, filter });
    for (const event of read) {
      scanned += 1;
      if (!matches(event)) {
        cursor = event.position;
        continue;
      }
      // One match beyond the page proves there is a next page; the page ends at the last event it holds.
      if (events.length === first) return { events, hasNextPage: true, endPosition: events[first - 1]?.position ?? after ?? null };
      events.push(event);
      cursor = event.position;
    }
    if (read.length < maxCount) return { events, hasNextPage: false, endPosition: cursor ?? null };
    chunk = Math.min(chunk * 2, MAX_CHUNK);
  }
  return { events, hasNextPage: true, endPosition: cursor ?? null };
}
