/**
 * The access log: a record's promise settles only once the record is committed, concurrent records share
 * a commit, each access is kept as a chained event (ids only) in its day's stream, a passing write failure
 * loses nothing, and a record that cannot be written in time is rejected rather than left hanging.
 */
import type { AccessRecord } from '../../../src/audit/access-log';
import { ACCESS_EVENT_TYPE, createEventStoreAccessLog } from '../../../src/audit/event-store-access-log';
import { verifyStream } from '../../../src/audit/verify-stream';
import { StoreUnavailableError, type EventStore } from '../../../src/eventstore/port';
import { createSqliteEventStore, type SqliteEventStore } from '../../../src/eventstore/sqlite';
import { makeTempDir } from '../../support/sqlite-temp';

const access = (caseId: string, over: Partial<AccessRecord> = {}): AccessRecord => ({
  actor: { id: 'aud-1', name: 'Ann Auditor', role: 'AUDITOR' },
  operation: 'caseHistory',
  caseId,
  patientId: 'p-1',
  outcome: 'OK',
  correlationId: 'req-1',
  ...over,
});

/** A store whose first `failures` appends fail, which counts append calls and can hold appends until released. */
function controlled(store: EventStore, failures = 0) {
  let held: Array<() => void> | null = null;
  const wrapped = Object.create(store) as EventStore;
  const control = {
    store: wrapped,
    appends: 0,
    hold() {
      held = [];
    },
    release() {
      const waiting = held ?? [];
      held = null;
      for (const go of waiting) go();
    },
  };
  wrapped.append = async (stream, events, expected) => {
    control.appends += 1;
    if (control.appends <= failures) throw new StoreUnavailableError('disk went away');
    if (held) await new Promise<void>((resolve) => held!.push(resolve));
    return store.append(stream, events, expected);
  };
  return control;
}

/** Whether `promise` has settled after the event loop has run everything ready (a write included, unless held). */
async function settledYet(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

const DAY = '2026-04-02';
const clockAt = (iso: string) => () => new Date(iso);
const caseIdsIn = async (store: EventStore, day = DAY) => (await store.readStream(`access-${day}`)).map((e) => e.data.caseId);

describe('the event-store access log', () => {
  const temp = makeTempDir('celltrail-access-log');
  let file: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    file = temp.file(`events-${Math.random().toString(36).slice(2)}.db`);
    store = createSqliteEventStore({ path: file });
  });
  afterEach(() => store.close());
  afterAll(() => temp.remove());

  it('resolves a record only once its write is committed, readable from another connection', async () => {
    const gate = controlled(store);
    const log = createEventStoreAccessLog({ store: gate.store, clock: clockAt(`${DAY}T09:00:00.000Z`) });
    gate.hold();
    const recorded = log.record(access('c-1'));

    expect(await settledYet(recorded)).toBe(false);
    expect(gate.appends).toBe(1); // the write is under way, not committed
    expect(await caseIdsIn(store)).toEqual([]);

    gate.release();
    await recorded;
    const other = createSqliteEventStore({ path: file, catchUpWorkerFrom: false });
    try {
      expect(await caseIdsIn(other)).toEqual(['c-1']);
    } finally {
      await other.close();
    }
    await log.close();
  });

  it('writes records taken while a write is in flight together, in one commit', async () => {
    const gate = controlled(store);
    const log = createEventStoreAccessLog({ store: gate.store, clock: clockAt(`${DAY}T09:00:00.000Z`) });
    const commitsBefore = store.commitCount();
    gate.hold();
    const first = log.record(access('first'));
    expect(await settledYet(first)).toBe(false);
    const rest = Array.from({ length: 40 }, (_, i) => log.record(access(`r-${i}`)));
    expect(await settledYet(Promise.all(rest))).toBe(false);
    gate.release();
    await Promise.all([first, ...rest]);

    expect(gate.appends).toBe(2);
    expect(store.commitCount() - commitsBefore).toBe(2);
    expect(await caseIdsIn(store)).toEqual(['first', ...Array.from({ length: 40 }, (_, i) => `r-${i}`)]);
    await log.close();
  });

  it('writes the records of one turn of the event loop in one commit', async () => {
    const log = createEventStoreAccessLog({ store, clock: clockAt(`${DAY}T09:00:00.000Z`) });
    const commitsBefore = store.commitCount();
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.record(access(`c-${i}`))));
    expect(store.commitCount() - commitsBefore).toBe(1);
    expect(await caseIdsIn(store)).toHaveLength(50);
    await log.close();
  });

  it('keeps each access in the stream of its day, chained, with ids and never the data read', async () => {
    let now = new Date(`${DAY}T23:59:59.900Z`);
    const log = createEventStoreAccessLog({ store, clock: () => now });
    const late = log.record(access('late'));
    now = new Date('2026-04-03T00:00:00.100Z');
    await Promise.all([late, log.record(access('early', { outcome: 'NOT_FOUND', patientId: null }))]);

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
    await log.close();
  });

  it('retries a failed write and resolves once it is committed, keeping the order of accesses', async () => {
    const errors: unknown[] = [];
    const failing = controlled(store, 2);
    const log = createEventStoreAccessLog({
      store: failing.store,
      clock: clockAt(`${DAY}T09:00:00.000Z`),
      retryMs: 10,
      onError: (e) => errors.push(e),
    });
    const first = log.record(access('first'));
    expect(await settledYet(first)).toBe(false); // its first write failed; it waits for the retry
    const second = log.record(access('second'));
    await Promise.all([first, second]);
    expect(failing.appends).toBe(3);
    expect(errors).toHaveLength(2);
    expect(await caseIdsIn(store)).toEqual(['first', 'second']);
    await log.close();
  });

  it('rejects a record it cannot write within its bound, so the read fails instead of answering', async () => {
    const failing = controlled(store, Number.POSITIVE_INFINITY);
    const log = createEventStoreAccessLog({ store: failing.store, maxWaitMs: 200, retryMs: 20, onError: () => {} });
    const started = Date.now();
    await expect(log.record(access('lost'))).rejects.toMatchObject({
      name: 'AccessNotRecordedError',
      cause: expect.objectContaining({ message: 'disk went away' }),
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(failing.appends).toBeGreaterThan(1); // retried meanwhile
    await log.close();
    expect(await caseIdsIn(store)).toEqual([]);
  });

  it('waits at close for the records taken, and refuses records after it', async () => {
    const gate = controlled(store);
    const log = createEventStoreAccessLog({ store: gate.store, clock: clockAt(`${DAY}T09:00:00.000Z`) });
    gate.hold();
    const recorded = log.record(access('in-flight'));
    const closed = log.close();
    expect(await settledYet(closed)).toBe(false);
    await expect(log.record(access('too-late'))).rejects.toMatchObject({ name: 'AccessLogClosedError' });
    gate.release();
    await closed;
    await recorded;
    expect(await caseIdsIn(store)).toEqual(['in-flight']);
  });
});
