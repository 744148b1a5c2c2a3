/**
 * The test server's reads, checked through the real client against EventStoreDB's documented
 * behaviour ("Reading events": streams forwards/backwards, $all, positions, server-side filtering).
 */
import { BACKWARDS, END, eventTypeFilter, NO_STREAM, START, StreamNotFoundError, streamNameFilter } from '@kurrent/kurrentdb-client';
import type { AllStreamResolvedEvent, Position } from '@kurrent/kurrentdb-client';
import { anEvent, collect, rejectionOf, startClientFixture, unique, type ClientFixture } from './client-fixture';

let fx: ClientFixture;
beforeAll(async () => {
  fx = await startClientFixture();
});
afterAll(() => fx.close());

const positionOf = (e: AllStreamResolvedEvent): Position => e.event?.position as Position;
const idsOf = (events: readonly { event?: { id: string } }[]): string[] => events.map((e) => e.event?.id as string);

describe('reading a stream', () => {
  let stream: string;
  beforeAll(async () => {
    stream = `orders-${unique()}`;
    await fx.client.appendToStream(stream, [anEvent(), anEvent(), anEvent(), anEvent(), anEvent()], { streamState: NO_STREAM });
  });
  const revisions = async (options: Parameters<ClientFixture['client']['readStream']>[1]): Promise<bigint[]> =>
    (await collect(fx.client.readStream(stream, options))).map((e) => e.event?.revision as bigint);

  test('forwards from the start or from a revision, up to maxCount', async () => {
    expect(await revisions({})).toEqual([0n, 1n, 2n, 3n, 4n]);
    expect(await revisions({ fromRevision: 3n })).toEqual([3n, 4n]);
    expect(await revisions({ fromRevision: 1n, maxCount: 2 })).toEqual([1n, 2n]);
    expect(await revisions({ fromRevision: 5n })).toEqual([]);
  });

  test('backwards from the end or from a revision, up to maxCount', async () => {
    expect(await revisions({ direction: BACKWARDS, fromRevision: END })).toEqual([4n, 3n, 2n, 1n, 0n]);
    expect(await revisions({ direction: BACKWARDS, fromRevision: 2n })).toEqual([2n, 1n, 0n]);
    expect(await revisions({ direction: BACKWARDS, fromRevision: END, maxCount: 2 })).toEqual([4n, 3n]);
  });

  test('a stream that was never written is StreamNotFound', async () => {
    const err = await rejectionOf(collect(fx.client.readStream(`orders-${unique()}`)));
    expect(err).toBeInstanceOf(StreamNotFoundError);
  });

  test('events carry their $all position, increasing with the revision', async () => {
    const events = await collect(fx.client.readStream(stream));
    const commits = events.map((e) => e.event?.position?.commit as bigint);
    expect(commits.every((c, i) => i === 0 || c > (commits[i - 1] as bigint))).toBe(true);
    expect(events.every((e) => e.event?.position?.commit === e.event?.position?.prepare)).toBe(true);
  });
});

describe('reading $all', () => {
  test('a fresh server already holds system events, as EventStoreDB does ($stats)', async () => {
    const fresh = await startClientFixture();
    try {
      const all = await collect(fresh.client.readAll({ fromPosition: START }));
      expect(all.length).toBeGreaterThan(0);
      expect(all.every((e) => e.event?.streamId.startsWith('$') && e.event.type.startsWith('$'))).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  test('forwards in commit order across streams; a read from an event position includes that event', async () => {
    const a = `orders-${unique()}`;
    const b = `orders-${unique()}`;
    await fx.client.appendToStream(a, anEvent(), { streamState: NO_STREAM });
    const second = await fx.client.appendToStream(b, anEvent(), { streamState: NO_STREAM });
    await fx.client.appendToStream(a, anEvent(), { streamState: 0n });

    const fromSecond = await collect(fx.client.readAll({ fromPosition: second.position as Position, maxCount: 2 }));
    expect(fromSecond.map((e) => e.event?.streamId)).toEqual([b, a]);
    expect(positionOf(fromSecond[0] as AllStreamResolvedEvent)).toEqual(second.position);
  });

  test('backwards from the end gives the latest event; from a position, only events before it', async () => {
    const stream = `orders-${unique()}`;
    const first = await fx.client.appendToStream(stream, anEvent(), { streamState: NO_STREAM });
    const last = await fx.client.appendToStream(stream, anEvent(), { streamState: 0n });

    const [latest] = await collect(fx.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }));
    expect(latest && positionOf(latest)).toEqual(last.position);
    const [before] = await collect(fx.client.readAll({ direction: BACKWARDS, fromPosition: last.position as Position, maxCount: 1 }));
    expect(before && positionOf(before)).toEqual(first.position);
  });

  test('positions are log offsets: a position inside a record is refused', async () => {
    const result = await fx.client.appendToStream(`orders-${unique()}`, anEvent(), { streamState: NO_STREAM });
    const inside = { commit: (result.position?.commit as bigint) + 1n, prepare: (result.position?.commit as bigint) + 1n };
    await expect(collect(fx.client.readAll({ fromPosition: inside }))).rejects.toThrow();
  });

  describe('server-side filters', () => {
    const category = `f${unique()}`;
    const written: string[] = [];
    let start: Position;
    beforeAll(async () => {
      const [head] = await collect(fx.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }));
      start = positionOf(head as AllStreamResolvedEvent);
      for (const [stream, type] of [
        [`${category}-1`, 'Opened'],
        [`${category}-2`, 'Opened'],
        [`${category}-1`, 'Closed'],
        [`${category}x-1`, 'OpenedLate'],
      ] as const) {
        const event = anEvent(type);
        written.push(event.id);
        await fx.client.appendToStream(stream, event);
      }
    });
    const read = async (filter: Parameters<ClientFixture['client']['readAll']>[0]): Promise<string[]> =>
      idsOf(await collect(fx.client.readAll({ fromPosition: start, ...filter })));

    test('on event type, by prefix or by regular expression', async () => {
      expect(await read({ filter: eventTypeFilter({ prefixes: ['Opened'] }) })).toEqual([written[0], written[1], written[3]]);
      expect(await read({ filter: eventTypeFilter({ regex: '^Opened$' }) })).toEqual([written[0], written[1]]);
      expect(await read({ filter: eventTypeFilter({ regex: '^(?:Closed|OpenedLate)$' }) })).toEqual([written[2], written[3]]);
    });

    test('on stream name, by prefix or by regular expression', async () => {
      expect(await read({ filter: streamNameFilter({ prefixes: [`${category}-`] }) })).toEqual(written.slice(0, 3));
      expect(await read({ filter: streamNameFilter({ prefixes: [category] }) })).toEqual(written);
      expect(await read({ filter: streamNameFilter({ regex: `^${category}-1$` }) })).toEqual([written[0], written[2]]);
    });

    test('maxCount counts matching events, not events scanned', async () => {
      expect(await read({ maxCount: 2, filter: eventTypeFilter({ prefixes: ['Opened'] }) })).toEqual([written[0], written[1]]);
    });
  });
});
