/**
 * The access log: a read never waits for a write, yet every access is durable within a second and on
 * shutdown, kept as chained events (ids only) in one stream per day, and not lost when a write fails.
 */
import type { AccessRecord } from '../../../src/audit/access-log';
import { ACCESS_EVENT_TYPE, createEventStoreAccessLog } from '../../../src/audit/event-store-access-log';
import { verifyStream } from '../../../src/audit/verify-stream';
import { StoreUnavailableError, type EventStore } from '../../../src/eventstore/port';
import { createSqliteEventStore } from '../../../src/eventstore/sqlite';

const access = (caseId: string, over: Partial<AccessRecord> = {}): AccessRecord => ({
  actor: { id: 'aud-1', name: 'Ann Auditor', role: 'AUDITOR' },
  operation: 'caseHistory',
  caseId,
  patientId: 'p-1',
  outcome: 'OK',
  correlationId: 'req-1',
  ...over,
});

/** A store whose first `failures` appends fail, and which counts append calls. */
function flaky(store: EventStore, failures: number): EventStore & { appends: number } {
  const wrapped = Object.create(store) as EventStore & { appends: number };
  wrapped.appends = 0;
  wrapped.append = (stream, events, expected) => {
    wrapped.appends += 1;
    if (wrapped.appends <= failures) return Promise.reject(new StoreUnavailableError('disk went away'));
    return store.append(stream, events, expected);
  };
  return wrapped;
}

const DAY = '2026-04-02';
const clockAt = (iso: string) => () => new Date(iso);

describe('the event-store access log', () => {
  let store: EventStore;
  beforeEach(() => {
    store = createSqliteEventStore({ path: ':memory:' });
  });
  afterEach(async () => {
    jest.useRealTimers();
    await store.close();
  });

  it('answers a read at once and writes the access within the flush interval', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    const counted = flaky(store, 0);
    const log = createEventStoreAccessLog({ store: counted, clock: clockAt(`${DAY}T09:00:00.000Z`), flushMs: 250 });
    log.record(access('c-1'));
    log.record(access('c-2'));
    await jest.advanceTimersByTimeAsync(249);
    expect(counted.appends).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(counted.appends).toBe(1); // both accesses in one batch
    await log.close();
    expect((await store.readStream(`access-${DAY}`)).map((e) => e.data.caseId)).toEqual(['c-1', 'c-2']);
  });

  it('writes a full batch without waiting for the interval, and whatever is buffered on close', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    const counted = flaky(store, 0);
    const log = createEventStoreAccessLog({ store: counted, clock: clockAt(`${DAY}T09:00:00.000Z`), flushMs: 60_000, maxBuffered: 3 });
    for (const id of ['a', 'b', 'c']) log.record(access(id));
    await jest.advanceTimersByTimeAsync(0);
    expect(counted.appends).toBe(1);
    log.record(access('d'));
    log.record(access('e'));
    await log.close();
    expect((await store.readStream(`access-${DAY}`)).map((e) => e.data.caseId)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps each access in the stream of its day, chained, with ids and never the data read', async () => {
    let now = new Date(`${DAY}T23:59:59.900Z`);
    const log = createEventStoreAccessLog({ store, clock: () => now });
    log.record(access('late'));
    now = new Date('2026-04-03T00:00:00.100Z');
    log.record(access('early', { outcome: 'NOT_FOUND', patientId: null }));
    await log.close();

    const [before, after] = [await store.readStream(`access-${DAY}`), await store.readStream('access-2026-04-03')];
    expect(before.map((e) => e.data.caseId)).toEqual(['late']);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      type: ACCESS_EVENT_TYPE,
      data: { operation: 'caseHistory', caseId: 'early', patientId: null, outcome: 'NOT_FOUND' },
      metadata: { actor: { id: 'aud-1', role: 'AUDITOR' }, recordedAt: '2026-04-03T00:00:00.100Z', correlationId: 'req-1' },
    });
    expect(Object.keys(after[0]!.data).sort()).toEqual(['caseId', 'operation', 'outcome', 'patientId']);
    expect((await verifyStream(store, `access-${DAY}`)).valid).toBe(true);
  });

  it('retries a failed write and loses nothing, keeping the order of accesses', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    const errors: unknown[] = [];
    const failing = flaky(store, 2);
    const log = createEventStoreAccessLog({
      store: failing,
      clock: clockAt(`${DAY}T09:00:00.000Z`),
      flushMs: 100,
      onError: (e) => errors.push(e),
    });
    log.record(access('first'));
    await jest.advanceTimersByTimeAsync(100); // fails
    log.record(access('second'));
    await jest.advanceTimersByTimeAsync(200); // retry after backoff: fails again
    await jest.advanceTimersByTimeAsync(400); // succeeds
    expect(failing.appends).toBe(3);
    expect(errors).toHaveLength(2);
    await log.flush(); // the retried write, once committed
    expect((await store.readStream(`access-${DAY}`)).map((e) => e.data.caseId)).toEqual(['first', 'second']);
    await log.close();
  });

  it('reports an access recorded after close instead of losing it silently', async () => {
    const errors: unknown[] = [];
    const log = createEventStoreAccessLog({ store, onError: (e) => errors.push(e) });
    await log.close();
    log.record(access('too-late'));
    expect(errors).toEqual([expect.objectContaining({ name: 'AccessLogClosedError' })]);
  });

  it('reports what it could not write at close', async () => {
    const errors: unknown[] = [];
    const log = createEventStoreAccessLog({ store: flaky(store, 10), onError: (e) => errors.push(e) });
    log.record(access('lost'));
    await log.close();
    expect(errors.map((e) => (e as Error).message)).toContain('access log: 1 access record(s) not written at close');
  });
});
