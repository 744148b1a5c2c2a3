/**
 * The distributed EventStore adapter: EventStoreDB / KurrentDB through @kurrent/kurrentdb-client.
 *
 * - Appends carry the caller's event ids and an expected stream state. The server recognises a
 *   re-sent append by its ids (idempotent: it answers the first result and writes nothing), but
 *   reliably only for an exact state (a revision or 'no_stream'): for 'any' and 'stream_exists' it
 *   relies on a bounded cache of recent ids. So an append whose answer was lost (connection dropped)
 *   is re-sent automatically only with an exact state; with 'any'/'stream_exists' the failure is
 *   reported as StoreUnavailableError and the caller decides.
 * - Positions are commit positions (see positions.ts).
 * - Reads are retried on connection failures; a server still unreachable after the retries is
 *   reported as StoreUnavailableError naming the host, never the credentials.
 * - Filters on actor, recording time and facilities are checked client-side (known limit, see
 *   filters.ts); older events' facilities need their stream's first event (stream-facilities.ts).
 *   Backward reads of $all are the server's own (direction BACKWARDS from the cursor or END), checked
 *   the same way.
 * - streamHeads reads $all up to the position (the server keeps no per-stream head index one could
 *   ask for all streams at once): O(events); the integrity checkpointer runs it once an interval.
 */
import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  type AppendStreamState,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import {
  ConcurrencyError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamHead,
  type Subscription,
} from '../port';
import { readDirectionOf } from '../read-direction';
import { describeTarget, isTransient, unreachable, UnreadableEventError } from './errors';
import { toEventData, toRecordedEvent } from './event-conversion';
import { planFilter, type FilterPlan } from './filters';
import { allPositionOf, type AllPosition } from './positions';
import { DEFAULT_RETRY, withRetry, type BackoffPolicy } from './retry';
import { createStreamFacilities, type FirstEvent } from './stream-facilities';
import { createKurrentDbSubscription } from './subscription';

export interface KurrentDbEventStoreOptions {
  /** Connection string: kurrentdb://host:2113?tls=false (esdb:// also works, deprecated by the client). */
  url: string;
  /** Retries of a request that failed because the server could not be reached (default: 8 attempts, about 3.5 s). */
  retry?: BackoffPolicy;
  /** Delays between resubscriptions after a dropped subscription (default 50 ms doubling to 5 s; never gives up). */
  resubscribe?: Omit<BackoffPolicy, 'attempts'>;
}

const NO_RETRY: BackoffPolicy = { attempts: 1, initialDelayMs: 0, maxDelayMs: 0 };

/** Events per page when readAll checks a filter itself (filters.ts): at least two, so every page moves on. */
const MIN_CHECKED_CHUNK = 64;
const MAX_CHECKED_CHUNK = 4096;

function validateExpected(expected: ExpectedRevision): void {
  if (typeof expected === 'number') {
    if (!Number.isSafeInteger(expected) || expected < 0) {
      throw new RangeError(`expected revision must be a non-negative integer, 'no_stream', 'stream_exists' or 'any'`);
    }
  } else if (expected !== 'no_stream' && expected !== 'stream_exists' && expected !== 'any') {
    throw new RangeError(`unknown expected revision ${String(expected)}`);
  }
}

function validateEvents(events: readonly NewEvent[]): void {
  if (events.length === 0) throw new RangeError('append needs at least one event');
  const ids = new Set(events.map((e) => e.id));
  if (ids.size !== events.length) throw new RangeError('an append must not repeat an event id');
}

/** Whether an event lies past a read's exclusive cursor, in the read's direction. */
function beyondCursor(position: Position, cursor: Position | undefined, backwards: boolean): boolean {
  return cursor === undefined || (backwards ? position < cursor : position > cursor);
}

function validateCount(maxCount: number | undefined): void {
  if (maxCount !== undefined && (!Number.isSafeInteger(maxCount) || maxCount < 0)) {
    throw new RangeError('maxCount must be a non-negative integer');
  }
}

function streamStateOf(expected: ExpectedRevision): AppendStreamState {
  return typeof expected === 'number' ? BigInt(expected) : expected;
}

/** The server deduplicates a re-sent append reliably only against an exact expected state. */
function isExact(expected: ExpectedRevision): boolean {
  return typeof expected === 'number' || expected === 'no_stream';
}

function actualRevision(err: WrongExpectedVersionError): number {
  return typeof err.actualState === 'bigint' ? Number(err.actualState) : -1;
}

async function collect<T, R>(source: AsyncIterable<T>, map: (item: T) => R | null, limit: number): Promise<R[]> {
  const out: R[] = [];
  if (limit <= 0) return out;
  for await (const item of source) {
    const mapped = map(item);
    if (mapped === null) continue;
    out.push(mapped);
    if (out.length >= limit) break;
  }
  return out;
}

export function createKurrentDbEventStore(options: KurrentDbEventStoreOptions): EventStore {
  const client = KurrentDBClient.connectionString(options.url);
  const target = describeTarget(options.url);
  const retryPolicy = options.retry ?? DEFAULT_RETRY;
  const resubscribe: BackoffPolicy = { initialDelayMs: 50, maxDelayMs: 5000, ...options.resubscribe, attempts: Infinity };
  const subscriptions = new Set<Subscription>();
  let closing: Promise<void> | undefined;

  const ensureOpen = (): void => {
    if (closing) throw new Error('event store is closed');
  };

  /** Runs a request with retries on connection failures; still failing → StoreUnavailableError. */
  async function request<T>(operation: () => Promise<T>, policy: BackoffPolicy = retryPolicy): Promise<T> {
    ensureOpen();
    try {
      return await withRetry(operation, policy, (err) => !closing && isTransient(err));
    } catch (err) {
      throw isTransient(err) ? unreachable(target, err) : err;
    }
  }

  async function readStream(stream: string, readOptions: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    validateCount(readOptions.maxCount);
    const backwards = readOptions.direction === 'backwards';
    const { fromRevision } = readOptions;
    if (fromRevision !== undefined && (!Number.isSafeInteger(fromRevision) || fromRevision < 0)) {
      throw new RangeError('fromRevision must be a non-negative integer');
    }
    const limit = readOptions.maxCount ?? Number.MAX_SAFE_INTEGER;
    return request(async () => {
      const source = client.readStream(stream, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: fromRevision === undefined ? (backwards ? END : START) : BigInt(fromRevision),
        maxCount: limit,
      });
      try {
        return await collect(source, (resolved) => toRecordedEvent(resolved.event), limit);
      } catch (err) {
        if (err instanceof StreamNotFoundError) return [];
        throw err;
      }
    });
  }

  /** A stream's first event, for the facility of older events (event-facility.ts). */
  async function readFirst(stream: string): Promise<FirstEvent | null> {
    try {
      const [first] = await readStream(stream, { maxCount: 1 });
      return first ?? null;
    } catch (err) {
      // An event the port cannot represent names no facility: remembered as such, not read again.
      if (err instanceof UnreadableEventError) return { stream, revision: 0, type: '', data: null, metadata: null };
      throw err;
    }
  }
  const streamFacilities = createStreamFacilities({ readFirst });

  async function readAll(readOptions: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    validateCount(readOptions.maxCount);
    const backwards = readDirectionOf(readOptions) === 'backwards';
    const plan = planFilter(readOptions.filter, streamFacilities);
    const limit = readOptions.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (plan.matchesNothing || limit === 0) return [];
    const cursor = backwards ? readOptions.before : readOptions.after;
    if (plan.clientSide) return readAllCheckedHere(plan, cursor, limit, backwards);
    // Forwards the server reads from a position inclusively, and the port's `after` is exclusive: ask
    // for one more than the page, for the event at `after` itself. (Backwards it reads strictly before
    // the position, as the port does; the check below holds either way.)
    const fromPosition: ReadPosition = cursor === undefined ? (backwards ? END : START) : allPositionOf(cursor);
    const serverCount = Math.min(Number.MAX_SAFE_INTEGER, limit + 1);
    const direction = backwards ? BACKWARDS : FORWARDS;
    return request(() =>
      collect(
        client.readAll({ direction, fromPosition, filter: plan.server(), maxCount: serverCount }),
        (resolved) => {
          const event = resolved.event;
          if (!event || !beyondCursor(event.position.commit, cursor, backwards)) return null;
          return toRecordedEvent(event);
        },
        limit,
      ),
    );
  }

  /**
   * A filter the server cannot apply entirely (filters.ts): pages of what its filter passes are read
   * and checked here until `limit` events match or $all ends. Each page is its own request, retried
   * on its own; pages grow from the page size, so a dense match reads little more than the page and
   * a sparse one soon reads in bulk.
   */
  async function readAllCheckedHere(
    plan: FilterPlan,
    from: Position | undefined,
    limit: number,
    backwards: boolean,
  ): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    let cursor = from;
    let chunk = Math.min(Math.max(limit + 1, MIN_CHECKED_CHUNK), MAX_CHECKED_CHUNK);
    const direction = backwards ? BACKWARDS : FORWARDS;
    for (;;) {
      const fromPosition: ReadPosition = cursor === undefined ? (backwards ? END : START) : allPositionOf(cursor);
      const maxCount = chunk;
      const page = await request(() =>
        collect(
          client.readAll({ direction, fromPosition, filter: plan.server(), maxCount }),
          (resolved) => resolved.event ?? null,
          maxCount,
        ),
      );
      // From an event's own position the server starts (forwards) with that event again.
      const pageCursor = cursor;
      const fresh = page.filter((event) => beyondCursor(event.position.commit, pageCursor, backwards));
      // Checked all at once, so that the first events of the streams older events need are read together.
      const verdicts = fresh.map((event) => {
        const verdict = plan.matches(event);
        // A read left unawaited when the page fills up early is not an unhandled rejection.
        if (verdict instanceof Promise) verdict.catch(() => undefined);
        return verdict;
      });
      for (const [i, event] of fresh.entries()) {
        cursor = event.position.commit;
        if (!(await verdicts[i])) continue;
        out.push(toRecordedEvent(event));
        if (out.length === limit) return out;
      }
      if (page.length < maxCount) return out;
      chunk = Math.min(chunk * 2, MAX_CHECKED_CHUNK);
    }
  }

  async function lastEventBefore(position: AllPosition): Promise<Position | null> {
    const [last] = await request(() =>
      collect(client.readAll({ direction: BACKWARDS, fromPosition: position, maxCount: 1 }), (r) => r.event?.position.commit ?? null, 1),
    );
    return last ?? null;
  }

  /** The last application event (system events are not the application's); 0n for an empty store. */
  async function headPosition(): Promise<Position> {
    const [head] = await request(() =>
      collect(
        client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter: excludeSystemEvents() }),
        (r) => r.event?.position.commit ?? null,
        1,
      ),
    );
    return head ?? 0n;
  }

  /** Every stream's last event up to `upTo`, from pages of $all without system events. */
  async function streamHeads(upTo?: Position): Promise<StreamHead[]> {
    const heads = new Map<string, StreamHead>();
    const pageSize = MAX_CHECKED_CHUNK;
    for (let after: Position | undefined; ;) {
      const page = await readAll({ after, maxCount: pageSize });
      for (const e of page) {
        if (upTo !== undefined && e.position > upTo) return [...heads.values()];
        heads.set(e.stream, { stream: e.stream, revision: e.revision, hash: e.metadata.hash, position: e.position });
      }
      if (page.length < pageSize) return [...heads.values()];
      after = (page[page.length - 1] as RecordedEvent).position;
    }
  }

  return {
    async append(stream, events, expected): Promise<AppendResult> {
      validateExpected(expected);
      validateEvents(events);
      const eventData = events.map(toEventData);
      const streamState = streamStateOf(expected);
      try {
        const result = await request(
          () => client.appendToStream(stream, eventData, { streamState }),
          isExact(expected) ? retryPolicy : NO_RETRY,
        );
        const nextRevision = Number(result.nextExpectedRevision);
        if (result.position) return { nextRevision, position: result.position.commit };
        // The answer's position is optional in the protocol; without it, read the last event back.
        const [last] = await readStream(stream, { direction: 'backwards', maxCount: 1 });
        if (!last) throw new Error(`append to ${stream} succeeded but the stream reads empty`);
        return { nextRevision, position: last.position };
      } catch (err) {
        if (err instanceof WrongExpectedVersionError) throw new ConcurrencyError(stream, expected, actualRevision(err));
        throw err;
      }
    },

    readStream,
    readAll,

    headPosition,
    streamHeads,

    subscribeToAll(subscribeOptions): Subscription {
      ensureOpen();
      const subscription = createKurrentDbSubscription(
        {
          client,
          resubscribe,
          streamFacilities,
          lastEventBefore,
          headPosition,
          onClose: (sub) => subscriptions.delete(sub),
        },
        subscribeOptions,
      );
      subscriptions.add(subscription);
      return subscription;
    },

    close(): Promise<void> {
      closing ??= (async () => {
        await Promise.all([...subscriptions].map((sub) => sub.close()));
        await client.dispose();
      })();
      return closing;
    },
  };
}
