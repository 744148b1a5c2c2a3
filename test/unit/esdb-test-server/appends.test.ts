/**
 * The test server's appends, checked through the real client against EventStoreDB's documented
 * behaviour ("Appending events": expected revision, idempotence). Both wire paths are covered: the
 * client uses BatchAppend when the server lists it (as EventStoreDB does) and Append otherwise.
 */
import { randomUUID } from 'node:crypto';
import { ANY, NO_STREAM, STREAM_EXISTS, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { anEvent, collect, rejectionOf, startClientFixture, unique, type ClientFixture } from './client-fixture';

describe.each([
  ['BatchAppend', true],
  ['Append', false],
])('test server appends through %s', (_path, batchAppend) => {
  let fx: ClientFixture;
  beforeAll(async () => {
    fx = await startClientFixture({ batchAppend });
  });
  afterAll(() => fx.close());

  const revisionsOf = async (stream: string): Promise<bigint[]> =>
    (await collect(fx.client.readStream(stream))).map((e) => e.event?.revision as bigint);

  test('no_stream creates the stream at revision 0; the result names the last revision and its $all position', async () => {
    const stream = `orders-${unique()}`;
    const result = await fx.client.appendToStream(stream, [anEvent(), anEvent(), anEvent()], { streamState: NO_STREAM });
    const stored = await collect(fx.client.readStream(stream));

    expect(result.success).toBe(true);
    expect(result.nextExpectedRevision).toBe(2n);
    expect(stored.map((e) => e.event?.revision)).toEqual([0n, 1n, 2n]);
    expect(result.position).toEqual(stored[2]?.event?.position);
  });

  test('each append lands after the previous one in $all', async () => {
    const a = await fx.client.appendToStream(`a-${unique()}`, anEvent(), { streamState: NO_STREAM });
    const b = await fx.client.appendToStream(`b-${unique()}`, anEvent(), { streamState: NO_STREAM });
    expect((b.position?.commit as bigint) > (a.position?.commit as bigint)).toBe(true);
  });

  test('an exact revision appends only at the end of the stream; otherwise WrongExpectedVersion with the current revision', async () => {
    const stream = `orders-${unique()}`;
    await fx.client.appendToStream(stream, [anEvent(), anEvent()], { streamState: NO_STREAM });
    await fx.client.appendToStream(stream, anEvent(), { streamState: 1n });

    for (const stale of [1n, 0n, 9n]) {
      const err = await rejectionOf(fx.client.appendToStream(stream, anEvent(), { streamState: stale }));
      expect(err).toBeInstanceOf(WrongExpectedVersionError);
      expect(err).toMatchObject({ streamName: stream, expectedState: stale, actualState: 2n });
    }
    expect(await revisionsOf(stream)).toEqual([0n, 1n, 2n]);
  });

  test('no_stream on an existing stream, and stream_exists or a revision on a missing one, are refused', async () => {
    const existing = `orders-${unique()}`;
    const missing = `orders-${unique()}`;
    await fx.client.appendToStream(existing, anEvent(), { streamState: NO_STREAM });

    await expect(fx.client.appendToStream(existing, anEvent(), { streamState: NO_STREAM })).rejects.toMatchObject({
      expectedState: NO_STREAM,
      actualState: 0n,
    });
    await expect(fx.client.appendToStream(missing, anEvent(), { streamState: STREAM_EXISTS })).rejects.toMatchObject({
      expectedState: STREAM_EXISTS,
      actualState: NO_STREAM,
    });
    await expect(fx.client.appendToStream(missing, anEvent(), { streamState: 0n })).rejects.toMatchObject({
      expectedState: 0n,
      actualState: NO_STREAM,
    });
    await expect(collect(fx.client.readStream(missing))).rejects.toMatchObject({ type: 'stream-not-found' });
  });

  test('any appends whatever the state of the stream', async () => {
    const stream = `orders-${unique()}`;
    expect((await fx.client.appendToStream(stream, anEvent(), { streamState: ANY })).nextExpectedRevision).toBe(0n);
    expect((await fx.client.appendToStream(stream, anEvent(), { streamState: ANY })).nextExpectedRevision).toBe(1n);
  });

  describe('idempotence: the same event ids appended again', () => {
    test('with the same expected revision: the first result again, nothing written', async () => {
      const stream = `orders-${unique()}`;
      const first = [anEvent(), anEvent()];
      const second = [anEvent()];
      const firstResult = await fx.client.appendToStream(stream, first, { streamState: NO_STREAM });
      const secondResult = await fx.client.appendToStream(stream, second, { streamState: 1n });
      // Later events in the stream do not matter: the ids are compared right after the expected revision.
      await fx.client.appendToStream(stream, anEvent(), { streamState: 2n });

      await expect(fx.client.appendToStream(stream, first, { streamState: NO_STREAM })).resolves.toEqual(firstResult);
      await expect(fx.client.appendToStream(stream, second, { streamState: 1n })).resolves.toEqual(secondResult);
      expect(await revisionsOf(stream)).toEqual([0n, 1n, 2n, 3n]);
    });

    test('with any or stream_exists: recognised by id, the first result again', async () => {
      const stream = `orders-${unique()}`;
      const batch = [anEvent(), anEvent()];
      const result = await fx.client.appendToStream(stream, batch, { streamState: ANY });
      await expect(fx.client.appendToStream(stream, batch, { streamState: ANY })).resolves.toEqual(result);
      await expect(fx.client.appendToStream(stream, batch, { streamState: STREAM_EXISTS })).resolves.toEqual(result);
      expect(await revisionsOf(stream)).toEqual([0n, 1n]);
    });

    test('a batch that repeats only some stored ids is refused as WrongExpectedVersion', async () => {
      const stream = `orders-${unique()}`;
      const stored = [anEvent(), anEvent()];
      await fx.client.appendToStream(stream, stored, { streamState: NO_STREAM });
      const partly = [stored[0], anEvent()].map((e) => e as NonNullable<typeof e>);

      await expect(fx.client.appendToStream(stream, partly, { streamState: ANY })).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(fx.client.appendToStream(stream, partly, { streamState: NO_STREAM })).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect(await revisionsOf(stream)).toEqual([0n, 1n]);
    });

    test('at the current end of the stream, stored ids are written again (idempotence needs the original expected state)', async () => {
      const stream = `orders-${unique()}`;
      const event = anEvent();
      await fx.client.appendToStream(stream, event, { streamState: NO_STREAM });
      await fx.client.appendToStream(stream, event, { streamState: 0n });
      expect(await revisionsOf(stream)).toEqual([0n, 1n]);
    });
  });

  test('data, metadata, type and id come back as written', async () => {
    const stream = `orders-${unique()}`;
    const id = randomUUID();
    const data = { text: 'Ærøskøbing — 東京 🦴', n: 0.1 + 0.2, nested: [{ deep: null }] };
    const metadata = { correlationId: randomUUID() };
    await fx.client.appendToStream(stream, anEventWithMetadata(id, data, metadata), { streamState: NO_STREAM });
    const [read] = await collect(fx.client.readStream(stream));
    expect(read?.event).toMatchObject({ id, type: 'WithMetadata', data, metadata, isJson: true, streamId: stream });
  });
});

function anEventWithMetadata(id: string, data: Record<string, unknown>, metadata: Record<string, unknown>) {
  return { ...anEvent('WithMetadata', data, id), metadata };
}
