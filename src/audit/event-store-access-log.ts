/**
 * The access log, kept as hash-chained events in one `access-<yyyy-mm-dd>` stream per day (the day the
 * access happened). A record's promise settles with the write that carries it: one write at a time,
 * and the records that arrive while it is in flight go together into the next (group commit), so
 * under load a reader waits for about one commit and the store sees one append per commit, not per read.
 * A failed write is retried with backoff, its records kept ahead of newer ones; a record not written
 * within `maxWaitMs` is rejected, so a read never waits without bound and never answers unrecorded.
 */
import type { EventStore } from '../eventstore/port';
import { accessStream, appendAccessDay, type AccessDayWriter, type TimedAccessRecord } from './access-day';
import type { AccessLog } from './access-log';

export { ACCESS_EVENT_TYPE, accessStream } from './access-day';

export interface AccessLogOptions {
  store: EventStore;
  /** Writes a day's records; default: appended to `store` here (the app may write them from a worker thread instead). */
  writeDay?: AccessDayWriter;
  clock?: () => Date;
  /** Most records in one write (default 1000); the rest go into the next. */
  maxBatch?: number;
  /** Longest a record may wait to be written, retries included, before it is rejected (default 5 s). */
  maxWaitMs?: number;
  /** Wait before the first retry of a failed write, doubled at each failure (default 50 ms). */
  retryMs?: number;
  /** Longest wait between retries (default 1 s). */
  maxRetryMs?: number;
  onError?: (error: unknown) => void;
}

export class AccessLogClosedError extends Error {
  constructor() {
    super('the access log is closed: an access was not recorded');
    this.name = 'AccessLogClosedError';
  }
}

/** The read it belongs to must fail: its record could not be made durable in time. */
export class AccessNotRecordedError extends Error {
  constructor(waitedMs: number, options?: { cause?: unknown }) {
    super(`an access could not be recorded within ${waitedMs} ms`, options);
    this.name = 'AccessNotRecordedError';
  }
}

interface Pending {
  record: TimedAccessRecord;
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  settled: boolean;
}

function settle(pending: Pending, error?: Error): void {
  if (pending.settled) return;
  pending.settled = true;
  clearTimeout(pending.timer);
  if (error) pending.reject(error);
  else pending.resolve();
}

export function createEventStoreAccessLog(options: AccessLogOptions): AccessLog {
  const clock = options.clock ?? (() => new Date());
  const maxBatch = options.maxBatch ?? 1000;
  const maxWaitMs = options.maxWaitMs ?? 5000;
  const retryMs = options.retryMs ?? 50;
  const maxRetryMs = options.maxRetryMs ?? 1000;
  const writeDay: AccessDayWriter = options.writeDay ?? ((stream, records) => appendAccessDay(options.store, stream, records));
  /** Taken, not yet in a write; a failed write's records go back to its front. */
  let queue: Pending[] = [];
  /** The records of the write in flight. */
  let writing: Pending[] | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let failures = 0;
  let lastFailure: unknown = undefined;
  let closed = false;

  /** Writes day by day, oldest first, settling each day's records once written; returns those not written when a day fails. */
  async function write(batch: Pending[]): Promise<Pending[]> {
    const byDay = new Map<string, Pending[]>();
    for (const pending of batch) {
      const stream = accessStream(pending.record.at);
      const day = byDay.get(stream);
      if (day) day.push(pending);
      else byDay.set(stream, [pending]);
    }
    const days = [...byDay];
    for (const [i, [stream, dayRecords]] of days.entries()) {
      try {
        await writeDay(
          stream,
          dayRecords.map((p) => p.record),
        );
      } catch (error) {
        lastFailure = error;
        options.onError?.(error);
        return days.slice(i).flatMap(([, rest]) => rest);
      }
      for (const pending of dayRecords) settle(pending);
    }
    return [];
  }

  async function writeNext(): Promise<void> {
    // Records rejected while they waited (past maxWaitMs) are not written.
    const live = queue.filter((p) => !p.settled);
    const batch = live.slice(0, maxBatch);
    queue = live.slice(maxBatch);
    writing = batch;
    const unwritten = batch.length > 0 ? await write(batch) : [];
    writing = null;
    if (unwritten.length === 0) {
      failures = 0;
      lastFailure = undefined;
      startWrite();
      return;
    }
    failures += 1;
    queue = [...unwritten.filter((p) => !p.settled), ...queue];
    retryTimer = setTimeout(
      () => {
        retryTimer = null;
        startWrite();
      },
      Math.min(maxRetryMs, retryMs * 2 ** (failures - 1)),
    );
  }

  function startWrite(): void {
    if (writing || retryTimer || queue.length === 0) return;
    writing = [];
    // Records taken in this turn of the event loop join the write.
    setImmediate(() => {
      writeNext().catch((error: unknown) => options.onError?.(error));
    });
  }

  function take(entry: Parameters<AccessLog['record']>[0]): Promise<void> {
    let pending!: Pending;
    const promise = new Promise<void>((resolve, reject) => {
      pending = {
        record: { ...entry, at: clock() },
        promise: undefined as unknown as Promise<void>,
        resolve,
        reject,
        settled: false,
        timer: setTimeout(() => settle(pending, new AccessNotRecordedError(maxWaitMs, { cause: lastFailure })), maxWaitMs),
      };
    });
    pending.promise = promise;
    queue.push(pending);
    startWrite();
    return promise;
  }

  function flush(): Promise<void> {
    const taken = [...(writing ?? []), ...queue].map((p) => p.promise.catch(() => {}));
    return Promise.all(taken).then(() => undefined);
  }

  return {
    record(entry) {
      if (closed) return Promise.reject(new AccessLogClosedError());
      return take(entry);
    },
    flush,
    async close() {
      closed = true;
      await flush();
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
    },
  };
}
