/**
 * Fault: EventStoreDB cannot be reached. Requests fail, after a short retry, with the port's
 * StoreUnavailableError naming the server (never its credentials); a subscription keeps trying and
 * delivers once the server is there.
 */
import net from 'node:net';
import { createKurrentDbEventStore } from '../../src/eventstore/kurrentdb';
import { StoreUnavailableError, type EventStore, type SubscriptionMessage } from '../../src/eventstore/port';
import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb-test-server';
import { portEvent, quickToConnect } from '../support/esdb-test-server/adapter-fixture';

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

let port: number;
let store: EventStore;
let server: EsdbTestServer | undefined;

beforeEach(async () => {
  port = await freePort();
  store = createKurrentDbEventStore({
    url: quickToConnect(`kurrentdb://clinic-admin:s3cret-pass@127.0.0.1:${port}?tls=false`),
    retry: { attempts: 3, initialDelayMs: 10, maxDelayMs: 20 },
    resubscribe: { initialDelayMs: 20, maxDelayMs: 50 },
  });
});
afterEach(async () => {
  await store.close();
  await server?.stop();
  server = undefined;
});

test('appends and reads fail with StoreUnavailableError naming host and port, not the credentials', async () => {
  for (const attempt of [
    () => store.append('case-1', [portEvent('Opened')], 'no_stream'),
    () => store.readStream('case-1'),
    () => store.readAll(),
    () => store.headPosition(),
  ]) {
    const err: unknown = await attempt().then(
      () => new Error('expected a failure'),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as Error).message).toBe(`EventStoreDB at 127.0.0.1:${port} is unreachable`);
    expect(String((err as Error).message)).not.toContain('s3cret');
  }
});

test('a subscription started while the server is down delivers once it is up', async () => {
  const subscription = store.subscribeToAll({ filter: { streamPrefix: 'case-' } });
  const iterator = subscription[Symbol.asyncIterator]();
  const first = iterator.next();
  await new Promise((resolve) => setTimeout(resolve, 150));

  server = await startEsdbTestServer({ port });
  const event = portEvent('Opened');
  const writer = createKurrentDbEventStore({ url: quickToConnect(server.url) });
  try {
    await writer.append('case-1', [event], 'no_stream');
    const messages: SubscriptionMessage[] = [(await first).value as SubscriptionMessage];
    while (!messages.some((m) => m.kind === 'event')) messages.push((await iterator.next()).value as SubscriptionMessage);
    expect(messages.flatMap((m) => (m.kind === 'event' ? [m.event.id] : []))).toEqual([event.id]);
  } finally {
    await subscription.close();
    await writer.close();
  }
});
