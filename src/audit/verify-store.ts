/**
 * Verifying every stream of the store. One pass over read-all in global order checks all chains at once
 * (no list of streams needed, memory O(streams)); each stream found broken is then verified again on
 * its own, in revision order, so it is reported exactly as `verifyCaseIntegrity` reports it.
 */
import type { EventFilter, EventStore, Position, RecordedEvent } from '../eventstore/port';
import { createChainChecker, type ChainChecker, type StreamIntegrity } from './chain-checker';
import { isUnreadableRow, verifyStream } from './verify-stream';

export interface UnreadableRange {
  /** Rows in (after, upTo] could not be decoded, so their stream is unknown. */
  after: Position;
  upTo: Position;
}

export interface StoreIntegrity {
  valid: boolean;
  streamCount: number;
  eventCount: number;
  /** Broken streams, in the order they were first seen. */
  broken: StreamIntegrity[];
  unreadable: UnreadableRange[];
}

export interface VerifyStoreOptions {
  /** Only streams whose name starts with this prefix. */
  streamPrefix?: string;
  pageSize?: number;
  /** Called after each page with the share of the store's positions covered so far. */
  onProgress?: (done: number, total: number) => void;
}

interface Page {
  events: RecordedEvent[];
  skipped?: UnreadableRange;
}

/** The first row after `after` cannot be decoded: find the next position that reads again. */
async function stepOver(store: EventStore, after: Position, filter: EventFilter | undefined): Promise<UnreadableRange> {
  // Positions are dense in SQLite (one step) and sparse in KurrentDB (doubling steps).
  for (let step = 1n; ; step *= 2n) {
    try {
      await store.readAll({ after: after + step, maxCount: 1, filter });
      return { after, upTo: after + step };
    } catch (error) {
      if (!isUnreadableRow(error)) throw error;
    }
  }
}

async function readPage(store: EventStore, after: Position | undefined, pageSize: number, filter: EventFilter | undefined): Promise<Page> {
  try {
    return { events: await store.readAll({ after, maxCount: pageSize, filter }) };
  } catch (error) {
    if (!isUnreadableRow(error)) throw error;
  }
  const events: RecordedEvent[] = [];
  let cursor = after;
  while (events.length < pageSize) {
    try {
      const [event] = await store.readAll({ after: cursor, maxCount: 1, filter });
      if (!event) break;
      events.push(event);
      cursor = event.position;
    } catch (error) {
      if (!isUnreadableRow(error)) throw error;
      return { events, skipped: await stepOver(store, cursor ?? 0n, filter) };
    }
  }
  return { events };
}

export async function verifyStore(store: EventStore, options: VerifyStoreOptions = {}): Promise<StoreIntegrity> {
  const pageSize = options.pageSize ?? 2000;
  const filter = options.streamPrefix === undefined ? undefined : { streamPrefix: options.streamPrefix };
  const checkers = new Map<string, ChainChecker>();
  const brokenFirst: string[] = [];
  const unreadable: UnreadableRange[] = [];
  const head = await store.headPosition();
  let base: Position | null = null;
  let after: Position | undefined;
  let eventCount = 0;
  for (;;) {
    const page = await readPage(store, after, pageSize, filter);
    for (const event of page.events) {
      base ??= event.position - 1n;
      eventCount += 1;
      let checker = checkers.get(event.stream);
      if (!checker) checkers.set(event.stream, (checker = createChainChecker(event.stream)));
      const wasValid = checker.valid();
      if (!checker.add(event) && wasValid) brokenFirst.push(event.stream);
    }
    const last = page.events[page.events.length - 1];
    if (page.skipped) unreadable.push(page.skipped);
    after = page.skipped?.upTo ?? last?.position ?? after;
    if (base !== null && after !== undefined && head > base) {
      options.onProgress?.(Number((after < head ? after : head) - base), Number(head - base));
    }
    if (!page.skipped && page.events.length < pageSize) break;
  }
  const broken: StreamIntegrity[] = [];
  for (const stream of brokenFirst) {
    const again = await verifyStream(store, stream);
    broken.push(again.valid ? (checkers.get(stream) as ChainChecker).result() : again);
  }
  return { valid: broken.length === 0 && unreadable.length === 0, streamCount: checkers.size, eventCount, broken, unreadable };
}
