/**
 * Fault: EventStoreDB restarts while appends are in flight. Every append the adapter acknowledged must be
 * readable afterwards, once, in order; appends caught by the restart are retried (their expected
 * revisions are exact, so a retry of an append the server had already written is recognised).
 */
import type { NewEvent } from '../../src/eventstore/port';
import { portEvent, startAdapterFixture, type AdapterFixture } from '../support/esdb-test-server/adapter-fixture';

let fx: AdapterFixture;
beforeEach(async () => {
  fx = await startAdapterFixture();
});
afterEach(() => fx.close());

test('a restart during a burst of appends loses no acknowledged append and duplicates nothing', async () => {
  const streams = Array.from({ length: 8 }, (_, i) => `case-burst-${i}-${Date.now()}`);
  const appendsPerStream = 40;
  const acknowledged = new Map<string, string[]>(streams.map((s) => [s, []]));
  let acknowledgements = 0;
  let restarted: Promise<void> | undefined;
  let acknowledgedBeforeRestart = 0;
  let acknowledgedWhenBack = 0;

  const writer = async (stream: string): Promise<void> => {
    for (let revision = -1; revision < appendsPerStream * 2 - 1; revision += 2) {
      const events: NewEvent[] = [portEvent('BurstWritten', { revision }), portEvent('BurstWritten', { revision })];
      await fx.store.append(stream, events, revision < 0 ? 'no_stream' : revision);
      acknowledged.get(stream)?.push(...events.map((e) => e.id));
      // A quarter into the burst, with appends of every stream in flight, the server restarts.
      if (++acknowledgements === (streams.length * appendsPerStream) / 4) {
        acknowledgedBeforeRestart = acknowledgements;
        restarted = fx.server.restart({ downtimeMs: 200 }).then(() => {
          acknowledgedWhenBack = acknowledgements;
        });
      }
    }
  };
  const outcomes = await Promise.allSettled(streams.map(writer));
  await restarted;

  // The burst really spanned the restart: at most the answers already on their way when it began were
  // acknowledged while the server was down, and the rest after it.
  expect(acknowledgedWhenBack - acknowledgedBeforeRestart).toBeLessThanOrEqual(streams.length);
  expect(acknowledgements).toBe(streams.length * appendsPerStream);
  expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
  const reader = fx.connect();
  for (const stream of streams) {
    const stored = await reader.readStream(stream);
    expect(stored.map((e) => e.id)).toEqual(acknowledged.get(stream));
    expect(stored.map((e) => e.revision)).toEqual(stored.map((_, i) => i));
  }
});
