/**
 * The test server's $all catch-up subscriptions, checked through the real client against EventStoreDB's
 * documented behaviour ("Catch-up subscriptions": exclusive start position, caught-up notification,
 * server-side filtering with checkpoints every checkpointInterval × 32 events considered).
 */
import { END, NO_STREAM, START, streamNameFilter } from '@kurrent/kurrentdb-client';
import type { AllStreamSubscription, KurrentDBClient, Position, ReadPosition, SubscribeToAllOptions } from '@kurrent/kurrentdb-client';
import { anEvent, collect, startClientFixture, unique, type ClientFixture } from './client-fixture';

type Seen =
  | { kind: 'event'; id: string; position: Position }
  | { kind: 'caughtUp'; position?: Position }
  | { kind: 'checkpoint'; position: Position };

interface Recorder {
  seen: Seen[];
  events(): string[];
  until(done: (seen: Seen[]) => boolean): Promise<void>;
  stop(): Promise<void>;
}

function record(client: KurrentDBClient, options: SubscribeToAllOptions & { prefix?: string }): Recorder {
  const seen: Seen[] = [];
  let wake = (): void => undefined;
  const push = (item: Seen): void => {
    seen.push(item);
    wake();
  };
  const { prefix, ...subscribeOptions } = options;
  const sub: AllStreamSubscription = client.subscribeToAll({
    ...subscribeOptions,
    filter:
      prefix === undefined
        ? undefined
        : streamNameFilter({ prefixes: [prefix], checkpointReached: (_s, position) => push({ kind: 'checkpoint', position }) }),
  });
  sub.on('data', (e) => e.event && push({ kind: 'event', id: e.event.id, position: e.event.position }));
  sub.on('caughtUp', (info) => push({ kind: 'caughtUp', position: info.position }));
  return {
    seen,
    events: () => seen.flatMap((s) => (s.kind === 'event' ? [s.id] : [])),
    async until(done) {
      while (!done(seen)) await new Promise<void>((resolve) => (wake = resolve));
    },
    stop: () => sub.unsubscribe(),
  };
}

const caughtUp = (seen: Seen[]): boolean => seen.some((s) => s.kind === 'caughtUp');
const compare = (a: Position, b: Position): number =>
  a.commit !== b.commit ? (a.commit < b.commit ? -1 : 1) : a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;

let fx: ClientFixture;
beforeAll(async () => {
  fx = await startClientFixture();
});
afterAll(() => fx.close());

async function headPosition(): Promise<Position> {
  const [head] = await collect(fx.client.readAll({ fromPosition: END, direction: 'backwards', maxCount: 1 }));
  return head?.event?.position as Position;
}

test('from the start: every event in $all order, then caught up, then new events live', async () => {
  const stream = `orders-${unique()}`;
  await fx.client.appendToStream(stream, [anEvent(), anEvent()], { streamState: NO_STREAM });
  const all = await collect(fx.client.readAll({ fromPosition: START }));

  const sub = record(fx.client, { fromPosition: START });
  await sub.until(caughtUp);
  expect(sub.events()).toEqual(all.map((e) => e.event?.id));

  const live = anEvent();
  await fx.client.appendToStream(stream, live, { streamState: 1n });
  await sub.until(() => sub.events().includes(live.id));
  expect(sub.events().slice(all.length)).toEqual([live.id]);
  await sub.stop();
});

test('from a position: strictly after it', async () => {
  const stream = `orders-${unique()}`;
  const first = await fx.client.appendToStream(stream, anEvent(), { streamState: NO_STREAM });
  const next = anEvent();
  await fx.client.appendToStream(stream, next, { streamState: 0n });

  const sub = record(fx.client, { fromPosition: first.position as ReadPosition });
  await sub.until(caughtUp);
  expect(sub.events()).toEqual([next.id]);
  await sub.stop();
});

test('from the end: only events appended afterwards', async () => {
  await fx.client.appendToStream(`orders-${unique()}`, anEvent(), { streamState: NO_STREAM });
  const sub = record(fx.client, { fromPosition: END });
  await sub.until(caughtUp);
  const live = anEvent();
  await fx.client.appendToStream(`orders-${unique()}`, live, { streamState: NO_STREAM });
  await sub.until(() => sub.events().length > 0);
  expect(sub.events()).toEqual([live.id]);
  await sub.stop();
});

test('caught up reports the position reached', async () => {
  const result = await fx.client.appendToStream(`orders-${unique()}`, anEvent(), { streamState: NO_STREAM });
  const sub = record(fx.client, { fromPosition: START });
  await sub.until(caughtUp);
  const reached = sub.seen.find((s) => s.kind === 'caughtUp')?.position as Position;
  expect(compare(reached, result.position as Position)).toBeGreaterThanOrEqual(0);
  await sub.stop();
});

describe('filtered', () => {
  test('checkpoints arrive while non-matching events are skipped, at least every 32 considered, never going back', async () => {
    const from = await headPosition();
    const noise = `noise-${unique()}`;
    for (let i = 0; i < 4; i++) {
      await fx.client.appendToStream(
        noise,
        Array.from({ length: 25 }, () => anEvent('Noise')),
        { streamState: i === 0 ? NO_STREAM : BigInt(i * 25 - 1) },
      );
    }
    const sub = record(fx.client, { fromPosition: from, prefix: `wanted-${unique()}` });
    await sub.until(caughtUp);
    const checkpoints = sub.seen.filter((s): s is Seen & { kind: 'checkpoint' } => s.kind === 'checkpoint').map((s) => s.position);
    expect(sub.events()).toEqual([]);
    expect(checkpoints.length).toBeGreaterThanOrEqual(Math.floor(100 / 32));
    for (let i = 1; i < checkpoints.length; i++) expect(compare(checkpoints[i] as Position, checkpoints[i - 1] as Position)).toBe(1);
    await sub.stop();
  });

  test('resubscribing from any checkpoint (commit and prepare) loses and repeats nothing', async () => {
    const from = await headPosition();
    const prefix = `wanted-${unique()}`;
    const noise = `noise-${unique()}`;
    const wanted = [anEvent(), anEvent()];
    await fx.client.appendToStream(
      noise,
      Array.from({ length: 40 }, () => anEvent('Noise')),
      { streamState: NO_STREAM },
    );
    await fx.client.appendToStream(`${prefix}-1`, wanted[0] as ReturnType<typeof anEvent>, { streamState: NO_STREAM });
    await fx.client.appendToStream(
      noise,
      Array.from({ length: 40 }, () => anEvent('Noise')),
      { streamState: 39n },
    );
    await fx.client.appendToStream(`${prefix}-1`, wanted[1] as ReturnType<typeof anEvent>, { streamState: 0n });
    await fx.client.appendToStream(
      noise,
      Array.from({ length: 40 }, () => anEvent('Noise')),
      { streamState: 79n },
    );

    const first = record(fx.client, { fromPosition: from, prefix });
    await first.until(caughtUp);
    await first.stop();
    expect(first.events()).toEqual(wanted.map((e) => e.id));

    // Each checkpoint, as a resume position, yields exactly the wanted events not yet delivered before it.
    let delivered = 0;
    for (const item of first.seen) {
      if (item.kind === 'event') delivered++;
      if (item.kind !== 'checkpoint') continue;
      const resumed = record(fx.client, { fromPosition: item.position, prefix });
      await resumed.until(caughtUp);
      await resumed.stop();
      expect(resumed.events()).toEqual(wanted.slice(delivered).map((e) => e.id));
    }
  });
});
