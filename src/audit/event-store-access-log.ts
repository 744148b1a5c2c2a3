/**
 * The access log, kept as hash-chained events in one `access-<yyyy-mm-dd>` stream per day (the day the
 * access happened). Records are buffered so a read never waits for an fsync, and flushed within
 * `flushMs`, when `maxBuffered` is reached, and on close. A failed write is retried with backoff, its
 * records kept ahead of newer ones, so a passing store outage loses no access record.
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
  /** Longest a record waits in the buffer (default 250 ms). */
  flushMs?: number;
  maxBuffered?: number;
  /** Records kept for retry while the store fails; beyond it the oldest are dropped and reported (default 100 × maxBuffered). */
  maxRetained?: number;
  /** Longest wait between retries of a failed write (default 10 s). */
  maxRetryMs?: number;
  onError?: (error: unknown) => void;
}

type Pending = TimedAccessRecord;

export class AccessLogClosedError extends Error {
  constructor() {
    super('the access log is closed: an access was not recorded');
    this.name = 'AccessLogClosedError';
  }
}

export function createEventStoreAccessLog(options: AccessLogOptions): AccessLog {
  const clock = options.clock ?? (() => new Date());
  const flushMs = options.flushMs ?? 250;
  const maxBuffered = options.maxBuffered ?? 500;
  const maxRetained = options.maxRetained ?? maxBuffered * 100;
  const maxRetryMs = options.maxRetryMs ?? 10_000;
  let buffer: Pending[] = [];
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> = Promise.resolve();
  let failures = 0;
  let closed = false;

  const writeDay: AccessDayWriter = options.writeDay ?? ((stream, records) => appendAccessDay(options.store, stream, records));

  /** Writes day by day, oldest first; returns the records not written when a day fails. */
  async function write(records: Pending[]): Promise<Pending[]> {
    const byDay = new Map<string, Pending[]>();
    for (const record of records) {
      const stream = accessStream(record.at);
      const day = byDay.get(stream);
      if (day) day.push(record);
      else byDay.set(stream, [record]);
    }
    const days = [...byDay];
    for (const [i, [stream, dayRecords]] of days.entries()) {
      try {
        await writeDay(stream, dayRecords);
      } catch (error) {
        options.onError?.(error);
        return days.slice(i).flatMap(([, rest]) => rest);
      }
    }
    return [];
  }

  function schedule(delayMs: number): void {
    if (!timer) timer = setTimeout(() => void flush(), delayMs);
  }

  function retain(unwritten: Pending[]): void {
    buffer = [...unwritten, ...buffer];
    const excess = buffer.length - maxRetained;
    if (excess > 0) {
      buffer = buffer.slice(excess);
      options.onError?.(new Error(`access log: ${excess} access record(s) dropped after repeated write failures`));
    }
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    // The buffer is taken when this flush's turn comes, so it also carries records an earlier flush failed to write.
    flushing = flushing
      .then(async () => {
        const records = buffer;
        buffer = [];
        if (records.length === 0) return;
        const unwritten = await write(records);
        if (unwritten.length === 0) {
          failures = 0;
          if (buffer.length > 0 && !closed) schedule(flushMs);
          return;
        }
        failures += 1;
        retain(unwritten);
        if (!closed) schedule(Math.min(maxRetryMs, flushMs * 2 ** failures));
      })
      .catch((error: unknown) => options.onError?.(error));
    return flushing;
  }

  return {
    record(entry) {
      if (closed) {
        options.onError?.(new AccessLogClosedError());
        return;
      }
      buffer.push({ ...entry, at: clock() });
      // While writes fail, wait for the retry instead of hammering the store.
      if (buffer.length >= maxBuffered && failures === 0) void flush();
      else schedule(flushMs);
    },
    flush,
    async close() {
      closed = true;
      await flush();
      if (buffer.length > 0) {
        options.onError?.(new Error(`access log: ${buffer.length} access record(s) not written at close`));
        buffer = [];
      }
    },
  };
}
