/**
 * One page of read-all in global order. Every filter of the audit log is the store's own (types, stream
 * prefix, actor, recording time), so a page is one read of `first + 1` events: it costs O(page) wherever
 * it is on the SQLite store, and it is full unless it is the last one. A backward page (`last` before a
 * position) is one backward read of `last + 1` events, answered in the same ascending order.
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

export interface EventPageBackwardsQuery {
  storeFilter?: EventFilter;
  last: number;
  /** Exclusive; omitted: the newest events. */
  before?: Position;
}

export interface EventPageBackwards {
  /** Ascending, as a forward page: the `last` events just before `before`. */
  events: RecordedEvent[];
  hasPreviousPage: boolean;
  /** Where the previous page ends before: the first event returned (or `before` for an empty page). */
  startPosition: Position | null;
}

export async function readEventPageBackwards(store: EventStore, query: EventPageBackwardsQuery): Promise<EventPageBackwards> {
  const { storeFilter: filter, last, before } = query;
  // Newest first; one event beyond the page proves there is a previous page.
  const read = await store.readAll({ direction: 'backwards', before, maxCount: last + 1, filter });
  const events = read.slice(0, last).reverse();
  return { events, hasPreviousPage: read.length > last, startPosition: events[0]?.position ?? before ?? null };
}
