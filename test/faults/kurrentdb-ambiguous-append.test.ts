/**
 * Fault: an append is written by the server but its answer is lost (the connection drops before the
 * response). The caller cannot tell whether it was written; re-sending the same events (same ids) must
 * not write them twice.
 */
import { ConcurrencyError, StoreUnavailableError } from '../../src/eventstore/port';
import { portEvent, startAdapterFixture, type AdapterFixture } from '../support/esdb-test-server/adapter-fixture';

let fx: AdapterFixture;
beforeEach(async () => {
  fx = await startAdapterFixture();
});
afterEach(() => fx.close());

const stream = (): string => `case-ambiguous-${Date.now()}-${Math.random().toString(36).slice(2)}`;

test('with an exact expected revision the adapter re-sends by itself, and the events are stored once', async () => {
  const name = stream();
  await fx.store.append(name, [portEvent('Opened')], 'no_stream');
  const events = [portEvent('Recorded'), portEvent('Recorded')];
  fx.server.failNextAppendAfterCommit();

  const result = await fx.store.append(name, events, 0);

  const stored = await fx.store.readStream(name);
  expect(stored.map((e) => e.id).slice(1)).toEqual(events.map((e) => e.id));
  expect(result).toEqual({ nextRevision: 2, position: stored[2]?.position });
});

test('a caller re-sending after the failure gets the first result, even after another writer appended', async () => {
  const name = stream();
  const noRetries = fx.connect({ retry: { attempts: 1, initialDelayMs: 0, maxDelayMs: 0 } });
  const events = [portEvent('Opened'), portEvent('Recorded')];
  fx.server.failNextAppendAfterCommit();

  await expect(noRetries.append(name, events, 'no_stream')).rejects.toBeInstanceOf(StoreUnavailableError);
  await fx.store.append(name, [portEvent('ByAnotherWriter')], 1);

  const retried = await fx.store.append(name, events, 'no_stream');
  const stored = await fx.store.readStream(name);
  expect(stored.map((e) => e.type)).toEqual(['Opened', 'Recorded', 'ByAnotherWriter']);
  expect(retried).toEqual({ nextRevision: 1, position: stored[1]?.position });
});

test("with 'any' the adapter does not re-send (the server's check is best effort); the caller's re-send is still recognised", async () => {
  const name = stream();
  const events = [portEvent('Opened')];
  fx.server.failNextAppendAfterCommit();

  await expect(fx.store.append(name, events, 'any')).rejects.toBeInstanceOf(StoreUnavailableError);
  await expect(fx.store.append(name, events, 'any')).resolves.toMatchObject({ nextRevision: 0 });
  expect(await fx.store.readStream(name)).toHaveLength(1);
});

test('after a lost answer and its re-send, a different batch at the old revision is still a conflict', async () => {
  const name = stream();
  await fx.store.append(name, [portEvent('Opened')], 'no_stream');
  fx.server.failNextAppendAfterCommit();
  // The lost append wrote revision 1; a different batch expecting revision 0 is a genuine conflict.
  await fx.store.append(name, [portEvent('Recorded')], 0);
  const conflict = fx.store.append(name, [portEvent('Other')], 0);
  await expect(conflict).rejects.toBeInstanceOf(ConcurrencyError);
  await expect(conflict).rejects.toMatchObject({ stream: name, expected: 0, actual: 1 });
});
