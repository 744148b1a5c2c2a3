/**
 * Reading the access log back. Accesses are kept in one stream per UTC day, each access in the stream of
 * the day it happened, so a page walks the day streams of the asked range in order, each by revision:
 * a page costs O(page) plus one read per day without a match, never a scan of the store, and the order
 * is the order of access (by day, then as recorded). Filters the streams cannot answer (actor, patient,
 * case, time within a day) are checked per entry, within a scan limit per call.
 */
import { ACCESS_STREAM_PREFIX } from '../domain/events';
import type { EventStore, RecordedEvent } from '../eventstore/port';
import type { AccessOutcome, AccessRecord } from './access-log';
import { ACCESS_EVENT_TYPE } from './event-store-access-log';

export interface AccessLogQuery {
  actorId?: string | null;
  patientId?: string | null;
  caseId?: string | null;
  /** Inclusive ISO-8601 bounds on when the access happened. */
  from?: string | null;
  to?: string | null;
  /** Only accesses to these facilities' data (null = any): records without a facility are an administrator's to read. */
  facilities?: readonly string[] | null;
}

/** Where a page ends: after `revision` of the stream of `day` (YYYY-MM-DD); revision -1 = before the day. */
export interface AccessLogCursor {
  day: string;
  revision: number;
}

/** One recorded access, as the access log reads it back. */
export interface AccessEntry extends AccessRecord {
  eventId: string;
  accessedAt: string;
  cursor: AccessLogCursor;
}

export interface AccessLogPage {
  entries: AccessEntry[];
  hasNextPage: boolean;
  end: AccessLogCursor | null;
}

/** A page read backwards: the entries just before a cursor, in the order of access. */
export interface AccessLogPageBackwards {
  entries: AccessEntry[];
  /** More entries (or entries not yet scanned) precede the page. */
  hasPreviousPage: boolean;
  /** Where the next backward page ends before: the first entry returned, or where the scan stopped. */
  start: AccessLogCursor | null;
}

export interface AccessLogPageOptions {
  first: number;
  after?: AccessLogCursor;
  /** Today, so an open-ended range knows where the log ends. */
  now: Date;
  /** Entries examined (and day streams opened) per call at most (default 10,000). */
  scanLimit?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const dayOf = (at: Date): string => at.toISOString().slice(0, 10);
const nextDay = (day: string): string => dayOf(new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS));
const previousDay = (day: string): string => dayOf(new Date(Date.parse(`${day}T00:00:00.000Z`) - DAY_MS));
/** A cursor at the end of a day's stream, whatever its length. */
const END_OF_DAY = Number.MAX_SAFE_INTEGER;
const streamOf = (day: string): string => `${ACCESS_STREAM_PREFIX}${day}`;
const idOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function accessMatches(query: AccessLogQuery): (event: RecordedEvent) => boolean {
  const from = query.from ? Date.parse(query.from) : null;
  const to = query.to ? Date.parse(query.to) : null;
  return (event) => {
    if (event.type !== ACCESS_EVENT_TYPE) return false;
    if (query.actorId && event.metadata.actor.id !== query.actorId) return false;
    if (query.patientId && event.data.patientId !== query.patientId) return false;
    if (query.caseId && event.data.caseId !== query.caseId) return false;
    if (query.facilities && !query.facilities.includes(event.metadata.facilityId ?? '')) return false;
    const at = Date.parse(event.metadata.recordedAt);
    return (from === null || at >= from) && (to === null || at <= to);
  };
}

export function accessEntryOf(event: RecordedEvent, day: string): AccessEntry {
  return {
    eventId: event.id,
    actor: event.metadata.actor,
    operation: String(event.data.operation),
    patientId: idOrNull(event.data.patientId),
    caseId: idOrNull(event.data.caseId),
    outcome: event.data.outcome as AccessOutcome,
    facilityId: event.metadata.facilityId ?? null,
    correlationId: event.metadata.correlationId,
    accessedAt: event.metadata.recordedAt,
    cursor: { day, revision: event.revision },
  };
}

/** The first day with any access (the category index answers it with one event). */
async function firstLoggedDay(store: EventStore): Promise<string | null> {
  const [first] = await store.readAll({ maxCount: 1, filter: { streamPrefix: ACCESS_STREAM_PREFIX } });
  return first ? first.stream.slice(ACCESS_STREAM_PREFIX.length) : null;
}

export async function readAccessLogPage(store: EventStore, query: AccessLogQuery, options: AccessLogPageOptions): Promise<AccessLogPage> {
  const { first, after } = options;
  const scanLimit = options.scanLimit ?? 10_000;
  const matches = accessMatches(query);
  const startDay = after?.day ?? (query.from ? dayOf(new Date(query.from)) : await firstLoggedDay(store));
  // Accesses are dated when they happen, so none lies beyond today; a day is allowed for another process's clock.
  const tomorrow = dayOf(new Date(options.now.getTime() + DAY_MS));
  const lastDay = query.to && dayOf(new Date(query.to)) < tomorrow ? dayOf(new Date(query.to)) : tomorrow;
  const entries: AccessEntry[] = [];
  if (startDay === null) return { entries, hasNextPage: false, end: null };
  let cursor: AccessLogCursor = after ?? { day: startDay, revision: -1 };
  let scanned = 0;
  for (let day = startDay; day <= lastDay; day = nextDay(day)) {
    if (day !== cursor.day) cursor = { day, revision: -1 };
    for (;;) {
      if (scanned >= scanLimit) return { entries, hasNextPage: true, end: cursor };
      const maxCount = Math.min(Math.max(first + 1, 100), 1000);
      const read = await store.readStream(streamOf(day), { fromRevision: cursor.revision + 1, maxCount });
      scanned += Math.max(1, read.length);
      for (const event of read) {
        if (matches(event)) {
          if (entries.length === first) return { entries, hasNextPage: true, end: entries[first - 1]?.cursor ?? cursor };
          entries.push(accessEntryOf(event, day));
        }
        cursor = { day, revision: event.revision };
      }
      if (read.length < maxCount) break;
    }
  }
  return { entries, hasNextPage: false, end: cursor };
}

/**
 * The same walk read from the other end: day streams from the last day of the range (or the cursor's)
 * back to the first, each read backwards by revision, so that a backward page holds exactly the entries
 * a forward walk would have put just before the cursor. Same scan limit per call.
 */
export async function readAccessLogPageBackwards(
  store: EventStore,
  query: AccessLogQuery,
  options: { last: number; before?: AccessLogCursor; now: Date; scanLimit?: number },
): Promise<AccessLogPageBackwards> {
  const { last, before } = options;
  const scanLimit = options.scanLimit ?? 10_000;
  const matches = accessMatches(query);
  const firstDay = query.from ? dayOf(new Date(query.from)) : await firstLoggedDay(store);
  const tomorrow = dayOf(new Date(options.now.getTime() + DAY_MS));
  const lastDay = before?.day ?? (query.to && dayOf(new Date(query.to)) < tomorrow ? dayOf(new Date(query.to)) : tomorrow);
  const found: AccessEntry[] = []; // newest first
  const page = (hasPreviousPage: boolean, start: AccessLogCursor | null): AccessLogPageBackwards => ({
    entries: found.slice().reverse(),
    hasPreviousPage,
    start,
  });
  if (firstDay === null) return page(false, null);
  let cursor: AccessLogCursor = before ?? { day: lastDay, revision: END_OF_DAY };
  let scanned = 0;
  for (let day = lastDay; day >= firstDay; day = previousDay(day)) {
    if (day !== cursor.day) cursor = { day, revision: END_OF_DAY };
    while (cursor.revision > 0) {
      if (scanned >= scanLimit) return page(true, cursor);
      const maxCount = Math.min(Math.max(last + 1, 100), 1000);
      const fromRevision = cursor.revision === END_OF_DAY ? undefined : cursor.revision - 1;
      const read = await store.readStream(streamOf(day), { direction: 'backwards', fromRevision, maxCount });
      scanned += Math.max(1, read.length);
      for (const event of read) {
        if (matches(event)) {
          if (found.length === last) return page(true, found[last - 1]?.cursor ?? cursor);
          found.push(accessEntryOf(event, day));
        }
        cursor = { day, revision: event.revision };
      }
      if (read.length < maxCount) break;
    }
  }
  return page(false, found[found.length - 1]?.cursor ?? cursor);
}
