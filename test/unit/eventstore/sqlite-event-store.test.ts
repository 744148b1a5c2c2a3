/** Behaviour of the SQLite adapter beyond the port contract: durability settings, group commit, paging. */
import Database from 'better-sqlite3';
import {
  ConcurrencyError,
  StoreUnavailableError,
  type JsonObject,
  type NewEvent,
  type SubscriptionMessage,
} from '../../../src/eventstore/port';
import { createSqliteEventStore, DuplicateEventIdError, type SqliteEventStore } from '../../../src/eventstore/sqlite';
import { portEvent } from '../../support/port-events';
import { makeTempDir } from '../../support/sqlite-temp';

const newEvent = (type = 'Tested', data: JsonObject = {}): NewEvent => portEvent(type, data);

let temp: ReturnType<typeof makeTempDir>;
const opened: SqliteEventStore[] = [];
function open(path = temp.file(), options: { pageSize?: number; livePollMs?: number } = {}): SqliteEventStore {
  const store = createSqliteEventStore({ path, ...options });
  opened.push(store);
  return store;
}

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  temp.remove();
});

describe('durability settings', () => {
  test('a WAL file is at synchronous=FULL when created and again after every reopen', async () => {
    const path = temp.file();
    const created = open(path);
    expect(created.settings()).toEqual({ journalMode: 'wal', synchronous: 'FULL' });
    await created.append('case-1', [newEvent()], 'no_stream');
    await created.close();

    // A plain connection shows what the adapter must override on each open.
    const plain = new Database(path);
    const plainLevel = plain.pragma('synchronous', { simple: true });
    plain.close();

    const reopened = open(path);
    expect(reopened.settings()).toEqual({ journalMode: 'wal', synchronous: 'FULL' });
    expect(plainLevel).not.toBe(2);
    expect(await reopened.readStream('case-1')).toHaveLength(1);
  });
});

describe('group commit', () => {
  test('concurrent appends share one transaction, each with its own outcome, and all successes survive a reopen', async () => {
    const path = temp.file();
    const store = open(path);
    await store.append('case-contended', [newEvent()], 'no_stream');
    const commitsBefore = store.commitCount();

    const independent = Array.from({ length: 100 }, (_, i) => ({ stream: `case-${i}`, events: [newEvent(), newEvent()] }));
    const contenders = [[newEvent()], [newEvent()]];
    const outcomes = await Promise.allSettled([
      ...independent.map(({ stream, events }) => store.append(stream, events, 'no_stream')),
      ...contenders.map((events) => store.append('case-contended', events, 0)),
    ]);

    expect(store.commitCount() - commitsBefore).toBe(1);
    expect(outcomes.slice(0, 100).every((o) => o.status === 'fulfilled')).toBe(true);
    const [first, second] = outcomes.slice(100);
    expect(first?.status).toBe('fulfilled');
    expect(second?.status).toBe('rejected');
    expect((second as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    expect((second as PromiseRejectedResult).reason).toMatchObject({ actual: 1 });

    await store.close();
    const reopened = open(path);
    for (const { stream, events } of independent) {
      expect((await reopened.readStream(stream)).map((e) => e.id)).toEqual(events.map((e) => e.id));
    }
    expect((await reopened.readStream('case-contended')).map((e) => e.id)).toContain(contenders[0]?.[0]?.id);
    expect(await reopened.readStream('case-contended')).toHaveLength(2);
  });

  test('an event id recorded in another stream is refused without failing the rest of the batch', async () => {
    const store = open();
    const event = newEvent();
    await store.append('case-a', [event], 'no_stream');
    const [elsewhere, duplicateInBatch, fine] = await Promise.allSettled([
      store.append('case-b', [event], 'any'),
      store.append('case-c', [newEvent(), { ...event }], 'any'),
      store.append('case-d', [newEvent()], 'no_stream'),
    ]);
    expect(elsewhere).toMatchObject({ status: 'rejected', reason: expect.any(DuplicateEventIdError) });
    expect(duplicateInBatch).toMatchObject({ status: 'rejected', reason: expect.any(DuplicateEventIdError) });
    expect(fine).toMatchObject({ status: 'fulfilled' });
    expect(await store.readStream('case-b')).toEqual([]);
    expect(await store.readStream('case-c')).toEqual([]);
  });

  test('an event whose data JSON cannot carry is refused at the call', async () => {
    const store = open();
    await expect(store.append('case-a', [newEvent('Tested', { n: 1n })], 'any')).rejects.toThrow(TypeError);
    expect(await store.readStream('case-a')).toEqual([]);
  });

  test('appends after close are refused as unavailable', async () => {
    const store = open();
    await store.close();
    await expect(store.append('case-a', [newEvent()], 'any')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.readStream('case-a')).rejects.toThrow('closed');
  });

  test('appends queued when close() is called are still written', async () => {
    const path = temp.file();
    const store = open(path);
    const pending = store.append('case-a', [newEvent()], 'no_stream');
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextRevision: 0 });
    expect(await open(path).readStream('case-a')).toHaveLength(1);
  });
});

describe('subscriptions', () => {
  async function collect(
    iterator: AsyncIterator<SubscriptionMessage>,
    until: (m: SubscriptionMessage) => boolean,
  ): Promise<SubscriptionMessage[]> {
    const messages: SubscriptionMessage[] = [];
    for (;;) {
      const next = await iterator.next();
      if (next.done) return messages;
      messages.push(next.value);
      if (until(next.value)) return messages;
    }
  }

  test('a filtered catch-up reads the matches page by page and checkpoints the skipped events after them', async () => {
    const store = open(':memory:', { pageSize: 3 });
    for (let i = 0; i < 10; i++) {
      await store.append(`case-${i}`, [newEvent(i % 3 === 0 ? 'Wanted' : 'Other'), newEvent('Other')], 'no_stream');
    }
    const iterator = store.subscribeToAll({ filter: { types: ['Wanted'] } })[Symbol.asyncIterator]();
    const messages = await collect(iterator, (m) => m.kind === 'caughtUp');

    // 20 events, the wanted ones at positions 1, 7, 13, 19: a full page of 3, then the last one and a
    // checkpoint over the skipped event behind it, so a restart from the checkpoint reads nothing again.
    expect(messages).toEqual([
      { kind: 'event', event: expect.objectContaining({ stream: 'case-0', position: 1n }) },
      { kind: 'event', event: expect.objectContaining({ stream: 'case-3', position: 7n }) },
      { kind: 'event', event: expect.objectContaining({ stream: 'case-6', position: 13n }) },
      { kind: 'event', event: expect.objectContaining({ stream: 'case-9', position: 19n }) },
      { kind: 'checkpoint', position: 20n },
      { kind: 'caughtUp', position: 20n },
    ]);

    const next = iterator.next();
    await store.append('case-x', [newEvent('Other'), newEvent('Other')], 'no_stream');
    await expect(next).resolves.toEqual({ done: false, value: { kind: 'checkpoint', position: 22n } });
  });

  test('an unfiltered catch-up in small pages delivers every event once, in order', async () => {
    const store = open(':memory:', { pageSize: 3 });
    for (let i = 0; i < 7; i++) await store.append(`case-${i}`, [newEvent(), newEvent()], 'no_stream');
    const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
    const messages = await collect(iterator, (m) => m.kind === 'caughtUp');
    expect(messages.slice(0, -1).map((m) => (m.kind === 'event' ? m.event.position : null))).toEqual(
      Array.from({ length: 14 }, (_, i) => BigInt(i + 1)),
    );
    expect(messages[messages.length - 1]).toEqual({ kind: 'caughtUp', position: 14n });
  });

  test('a live subscription sees appends made through another connection to the same file', async () => {
    const path = temp.file();
    const reader = open(path, { livePollMs: 20 });
    const writer = open(path);
    const iterator = reader.subscribeToAll()[Symbol.asyncIterator]();
    await collect(iterator, (m) => m.kind === 'caughtUp');
    const event = newEvent();
    const next = iterator.next();
    await writer.append('case-x', [event], 'no_stream');
    expect(await next).toMatchObject({ done: false, value: { kind: 'event', event: { id: event.id } } });
  });

  test('closing the store ends its subscriptions', async () => {
    const store = open(':memory:');
    const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
    await collect(iterator, (m) => m.kind === 'caughtUp');
    const waiting = iterator.next();
    await store.close();
    await expect(waiting).resolves.toMatchObject({ done: true });
  });
});
