/** A large backlog is read one page ahead in a worker thread: the same messages as read in-thread, appends seen, clean close, failures survived. */
import * as catchUp from '../../../src/eventstore/sqlite/catch-up-reader';
import * as packed from '../../../src/eventstore/sqlite/packed-metadata';
import type { EventFilter, EventStore, SubscriptionMessage } from '../../../src/eventstore/port';
import { createSqliteEventStore, type SqliteEventStore } from '../../../src/eventstore/sqlite';
import { appendTo } from '../../support/recorded-events';
import { makeTempDir } from '../../support/sqlite-temp';

const temp = makeTempDir('celltrail-catch-up');
const file = temp.file();
const PAGE = 50;
const TYPES = ['Common', 'Other', 'Rare'];

/** 1,200 events over 60 case streams; one in twenty is 'Rare'; a third of the cases are of F1 (named by their first events). */
async function fill(store: EventStore): Promise<void> {
  for (let round = 0; round < 20; round++) {
    for (let s = 0; s < 60; s++) {
      const type = (round * 60 + s) % 20 === 0 ? 'Rare' : TYPES[(round + s) % 2]!;
      const facility = round === 0 ? { facilityId: s % 3 === 0 ? 'F1' : 'F2' } : {};
      await appendTo(store, `case-${s}`, [{ type, data: { round, s, ...facility } }]);
    }
  }
}

const open = (catchUpWorkerFrom: number | false): SqliteEventStore =>
  createSqliteEventStore({ path: file, pageSize: PAGE, catchUpWorkerFrom });

/** Every message up to and including 'caughtUp'. */
async function untilCaughtUp(
  store: EventStore,
  filter?: EventFilter,
  onEvent?: (count: number) => Promise<void>,
): Promise<SubscriptionMessage[]> {
  const subscription = store.subscribeToAll(filter ? { filter } : {});
  const messages: SubscriptionMessage[] = [];
  try {
    for await (const message of subscription) {
      messages.push(message);
      if (message.kind === 'caughtUp') break;
      if (message.kind === 'event') await onEvent?.(messages.length);
    }
  } finally {
    await subscription.close();
  }
  return messages;
}

const summary = (messages: SubscriptionMessage[]) =>
  messages.map((m) => (m.kind === 'event' ? `${m.event.position}:${m.event.id}:${m.event.type}` : `${m.kind}@${m.position}`));

beforeAll(async () => {
  const store = open(false);
  await fill(store);
  await store.close();
});
afterAll(() => temp.remove());
afterEach(() => jest.restoreAllMocks());

/** Counts the pages of events the worker served (a failing worker would leave the subscription reading in-thread, unseen). */
function countWorkerPages(): { pages: number } {
  const served = { pages: 0 };
  const real = catchUp.startCatchUpReader;
  jest.spyOn(catchUp, 'startCatchUpReader').mockImplementation((options) => {
    const reader = real(options);
    return {
      next: async () => {
        const page = await reader.next();
        if (page.rows.length > 0) served.pages++;
        return page;
      },
      close: () => reader.close(),
    };
  });
  return served;
}

describe('catching up through a worker thread', () => {
  it('delivers the same messages as reading in-thread, filtered or not, and reads them in the worker', async () => {
    for (const filter of [
      undefined,
      { types: ['Common', 'Rare'] },
      { types: ['Rare'] },
      { streamPrefix: 'case-1' },
      { facilities: ['F1'] },
    ]) {
      const inThread = open(false);
      const expected = await untilCaughtUp(inThread, filter);
      await inThread.close();
      const served = countWorkerPages();
      const withWorker = open(0);
      const delivered = await untilCaughtUp(withWorker, filter);
      await withWorker.close();
      jest.restoreAllMocks();
      expect(summary(delivered)).toEqual(summary(expected));
      expect(delivered).toEqual(expected); // whole events: metadata packed by the worker or not
      const events = expected.filter((m) => m.kind === 'event').length;
      expect(events).toBeGreaterThan(PAGE);
      expect(served.pages).toBe(Math.ceil(events / PAGE));
    }
  });

  it('delivers the same events when the worker, having time to spare, also parses their metadata', async () => {
    const unpacked = jest.spyOn(packed, 'unpackMetadata');
    const inThread = open(false);
    const expected = await untilCaughtUp(inThread, { types: ['Common', 'Rare'] });
    await inThread.close();
    expect(unpacked).not.toHaveBeenCalled();
    const store = open(0);
    // a slow subscriber: the worker has each next page ready before it is asked for
    const delivered = await untilCaughtUp(store, { types: ['Common', 'Rare'] }, async (count) => {
      if (count % PAGE === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    });
    await store.close();
    expect(delivered).toEqual(expected);
    expect(unpacked.mock.calls.filter(([metadata]) => Array.isArray(metadata)).length).toBeGreaterThan(PAGE * 5);
  });

  it('is not started for a backlog below the threshold', async () => {
    const started = jest.spyOn(catchUp, 'startCatchUpReader');
    const store = open(100_000);
    expect((await untilCaughtUp(store)).length).toBe(1201);
    await store.close();
    expect(started).not.toHaveBeenCalled();
  });

  it('sees events appended while it catches up, each once', async () => {
    const served = countWorkerPages();
    const store = open(0);
    const before = await store.headPosition();
    const messages = await untilCaughtUp(store, { types: ['Common', 'Rare'] }, async (count) => {
      if (count % 300 === 0) await appendTo(store, 'stream-new', [{ type: 'Rare', data: { count } }]);
    });
    const ids = messages.flatMap((m) => (m.kind === 'event' ? [m.event.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    const appended = (await store.readStream('stream-new')).map((e) => e.id);
    expect(appended.length).toBeGreaterThan(0);
    expect(ids.slice(-appended.length)).toEqual(appended);
    expect(messages[messages.length - 1]).toEqual({ kind: 'caughtUp', position: await store.headPosition() });
    expect(await store.headPosition()).toBeGreaterThan(before);
    expect(served.pages).toBeGreaterThan(10);
    await store.close();
  });

  it('ends a pending read when the subscription is closed mid-backlog', async () => {
    const store = open(0);
    const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
    for (let i = 0; i < PAGE + 1; i++) await iterator.next(); // into the second page, read by the worker
    const pending = Promise.all([iterator.next(), iterator.next()]);
    await store.close();
    const results = await pending;
    expect(results.every((r) => r.done === true || r.value.kind === 'event')).toBe(true);
    expect((await iterator.next()).done).toBe(true);
  });

  it('reads on in-thread from where it was when the worker fails, losing and repeating nothing', async () => {
    const real = catchUp.startCatchUpReader;
    let served = 0;
    jest.spyOn(catchUp, 'startCatchUpReader').mockImplementation((options) => {
      const reader = real(options);
      return {
        next: async () => {
          if (served === 3) throw new Error('worker gone');
          const page = await reader.next();
          served++;
          return page;
        },
        close: () => reader.close(),
      };
    });
    const inThread = open(false);
    const expected = await untilCaughtUp(inThread, { types: ['Common', 'Other'] });
    await inThread.close();
    const store = open(0);
    expect(summary(await untilCaughtUp(store, { types: ['Common', 'Other'] }))).toEqual(summary(expected));
    expect(served).toBe(3);
    await store.close();
  });
});
