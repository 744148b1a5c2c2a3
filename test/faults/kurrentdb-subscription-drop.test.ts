/**
 * Fault: the connection under a KurrentDB subscription drops mid-catch-up (and again live).
 * The adapter must resubscribe from the last position it received — an event or a checkpoint, with
 * prepare position — and deliver every event exactly once, in order.
 */
import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, SubscriptionMessage } from '../../src/eventstore/port';
import { portEvent as newEvent, startAdapterFixture, type AdapterFixture } from '../support/esdb-test-server/adapter-fixture';

const WANTED = 'Wanted';
const NOISE = 'Noise';

let fx: AdapterFixture;
let server: AdapterFixture['server'];
let store: EventStore;

beforeEach(async () => {
  fx = await startAdapterFixture({ store: { resubscribe: { initialDelayMs: 10, maxDelayMs: 100 } } });
  ({ server, store } = fx);
});
afterEach(() => fx.close());

/** Big enough that a catch-up of many cannot sit in the client's and the adapter's buffers. */
const PAYLOAD = 'x'.repeat(1024);

/**
 * `count` wanted events, in appends of `perAppend`; after every `runEvery` of them, `run` noise
 * events the filter skips, so some checkpoints fall on page boundaries (commit ≠ prepare).
 */
async function writeHistory(stream: string, count: number, options: { perAppend: number; runEvery: number; run: number }) {
  const wanted: string[] = [];
  let revision = -1;
  const append = async (batch: NewEvent[]): Promise<void> => {
    await store.append(stream, batch, revision < 0 ? 'no_stream' : revision);
    revision += batch.length;
  };
  while (wanted.length < count) {
    const batch = Array.from({ length: options.perAppend }, (_, i) => ({ ...newEvent(WANTED), data: { n: wanted.length + i, PAYLOAD } }));
    wanted.push(...batch.map((e) => e.id));
    await append(batch);
    if (wanted.length % options.runEvery === 0) await append(Array.from({ length: options.run }, (_, i) => newEvent(NOISE, { i })));
  }
  return { wanted, lastRevision: revision };
}

test('dropped mid-catch-up and again live: every event exactly once, in order, resumed from checkpoints', async () => {
  const stream = `case-${randomUUID()}`;
  const { wanted, lastRevision } = await writeHistory(stream, 1000, { perAppend: 20, runEvery: 100, run: 70 });

  const subscription = store.subscribeToAll({ filter: { types: [WANTED] } });
  // Not a for-await loop: leaving one closes the subscription, and this one goes on live.
  const iterator = subscription[Symbol.asyncIterator]();
  const messages: SubscriptionMessage[] = [];
  const next = async (): Promise<SubscriptionMessage> => {
    const result = await iterator.next();
    if (result.done) throw new Error('subscription ended');
    messages.push(result.value);
    return result.value;
  };
  const received: string[] = [];
  // After 10 and 400 events the consumer dawdles, so the server is held back by flow control when the
  // connection drops; at 800 it drops while events are streaming.
  const dropsAt = new Map([
    [10, 100],
    [400, 100],
    [800, 0],
  ]);
  let live = false;
  while (!live || received.length < wanted.length) {
    const message = await next();
    if (message.kind === 'caughtUp') live = true;
    if (message.kind !== 'event') continue;
    received.push(message.event.id);
    const pause = dropsAt.get(received.length);
    if (pause !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, pause));
      server.dropConnections();
    }
  }

  const liveEvents = [newEvent(WANTED), newEvent(NOISE), newEvent(WANTED)];
  const liveReceived: string[] = [];
  const reading = (async () => {
    while (liveReceived.length < 2) {
      const message = await next();
      if (message.kind === 'event') liveReceived.push(message.event.id);
    }
  })();
  await store.append(stream, liveEvents.slice(0, 1), lastRevision);
  server.dropConnections();
  await store.append(stream, liveEvents.slice(1), lastRevision + 1);
  await reading;
  await subscription.close();

  expect(received).toEqual(wanted);
  expect(liveReceived).toEqual([liveEvents[0]?.id, liveEvents[2]?.id]);
  // Progress never goes back across the reconnections.
  const positions = messages.map((m) => (m.kind === 'event' ? m.event.position : m.position));
  expect(positions.every((p, i) => i === 0 || p >= (positions[i - 1] as bigint))).toBe(true);
  expect(messages.some((m) => m.kind === 'checkpoint')).toBe(true);
  // The drops really forced resubscriptions (one subscription, then one per drop).
  expect(server.stats().subscriptionsOpened).toBeGreaterThanOrEqual(1 + dropsAt.size);
});

test('a checkpoint resumes a new subscription without re-delivering what came before it', async () => {
  const stream = `case-${randomUUID()}`;
  const { wanted } = await writeHistory(stream, 40, { perAppend: 1, runEvery: 1, run: 40 });

  const first = store.subscribeToAll({ filter: { types: [WANTED] } });
  const seen: string[] = [];
  let lastCheckpoint: bigint | undefined;
  let seenAtCheckpoint = 0;
  for await (const message of first) {
    if (message.kind === 'event') seen.push(message.event.id);
    if (message.kind === 'checkpoint' && seen.length >= 10) {
      lastCheckpoint = message.position;
      seenAtCheckpoint = seen.length;
      break;
    }
  }
  expect(lastCheckpoint).toBeDefined();

  const resumed = store.subscribeToAll({ after: lastCheckpoint, filter: { types: [WANTED] } });
  const rest: string[] = [];
  for await (const message of resumed) {
    if (message.kind === 'event') rest.push(message.event.id);
    if (message.kind === 'caughtUp') break;
  }
  expect([...seen.slice(0, seenAtCheckpoint), ...rest]).toEqual(wanted);
});
