/**
 * One page of read-all in global order. Every filter of the audit log is the store's own (types, stream
 * prefix, actor, recording time), so a page is one read of `first + 1` events: it costs O(page) wherever
 * it is on the SQLite store, and it is full unless it is the last one.
 */
import type { EventFilter, EventStore, Position, RecordedEvent } from '../eventstore/port';

export interface EventPageQuery {
  storeFilter?: EventFilter;
  first: number;
  /** Exclusive. */
  after?: Position;
}

export interface EventPage {
  events: RecordedEvent[];
  hasNextPage: boolean;
  /** Where the next page starts after: the last event returned (or `after` for an empty page). */
  endPosition: Position | null;
}

export async function readEventPage(store: EventStore, query: EventPageQuery): Promise<EventPage> {
  const { storeFilter: filter, first, after } = query;
  // One event beyond the page proves there is a next page.
  const read = await store.readAll({ after, maxCount: first + 1, filter });
  const events = read.slice(0, first);
  return { events, hasNextPage: read.length > first, endPosition: events[events.length - 1]?.position ?? after ?? null };
}
