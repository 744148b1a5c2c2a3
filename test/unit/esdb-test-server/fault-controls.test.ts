/** The test server's fault controls, seen through the real client. */
import { NO_STREAM, START } from '@kurrent/kurrentdb-client';
import { anEvent, collect, rejectionOf, startClientFixture, unique, type ClientFixture } from './client-fixture';

let fx: ClientFixture;
beforeEach(async () => {
  fx = await startClientFixture();
});
afterEach(() => fx.close());

test('dropConnections() ends open subscriptions with an error; the server keeps serving', async () => {
  const sub = fx.client.subscribeToAll({ fromPosition: START });
  const failed = new Promise<unknown>((resolve) => sub.on('error', resolve));
  await new Promise<void>((resolve) => sub.once('caughtUp', () => resolve()));

  fx.server.dropConnections();
  expect(await failed).toMatchObject({ type: expect.stringMatching(/unavailable|cancelled/) });

  const stream = `orders-${unique()}`;
  await expect(fx.client.appendToStream(stream, anEvent(), { streamState: NO_STREAM })).resolves.toMatchObject({ success: true });
  await sub.unsubscribe();
});

test('restart() keeps the data, and positions continue after it', async () => {
  const stream = `orders-${unique()}`;
  const before = await fx.client.appendToStream(stream, [anEvent(), anEvent()], { streamState: NO_STREAM });

  await fx.server.restart();

  const reader = fx.connect();
  expect((await collect(reader.readStream(stream))).map((e) => e.event?.revision)).toEqual([0n, 1n]);
  const after = await reader.appendToStream(stream, anEvent(), { streamState: 1n });
  expect((after.position?.commit as bigint) > (before.position?.commit as bigint)).toBe(true);
});

test('while restarting, the port refuses connections', async () => {
  const restarting = fx.server.restart({ downtimeMs: 300 });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const err = await rejectionOf(fx.connect().appendToStream(`orders-${unique()}`, anEvent(), { streamState: NO_STREAM }));
  expect(err).toMatchObject({ code: 14 });
  await restarting;
});

test('failNextAppendAfterCommit(): the append fails for the client, yet it is stored, and a retry is recognised', async () => {
  const stream = `orders-${unique()}`;
  const events = [anEvent(), anEvent()];
  fx.server.failNextAppendAfterCommit();

  await expect(fx.client.appendToStream(stream, events, { streamState: NO_STREAM })).rejects.toThrow();

  const reader = fx.connect();
  expect((await collect(reader.readStream(stream))).map((e) => e.event?.id)).toEqual(events.map((e) => e.id));
  const retry = await reader.appendToStream(stream, events, { streamState: NO_STREAM });
  expect(retry.nextExpectedRevision).toBe(1n);
  expect(await collect(reader.readStream(stream))).toHaveLength(2);
});
