/**
 * The EventStore contract: every adapter runs this suite. It speaks only the port, and every test uses
 * its own stream names and event types, so it also runs against a shared server holding other data.
 */
import { randomUUID } from 'node:crypto';
import {
  ConcurrencyError,
  type EventFilter,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type JsonObject,
  type NewEvent,
  type Position,
  type RecordedEvent,
  type Subscription,
  type SubscriptionMessage,
} from '../../src/eventstore/port';
import { portEvent } from '../support/port-events';

export type MakeEventStore = () => Promise<{ store: EventStore; cleanup: () => Promise<void> }>;

/** Letters and digits only, so it can start stream names and type names alike. */
const unique = (): string => randomUUID().replace(/-/g, '').slice(0, 16);

const newEvent = portEvent;

function newEvents(count: number, type = 'Tested'): NewEvent[] {
  return Array.from({ length: count }, (_, i) => newEvent(type, { n: i }));
}

const ids = (events: readonly { id: string }[]): string[] => events.map((e) => e.id);

async function expectConflict(promise: Promise<unknown>, stream: string, expected: ExpectedRevision, actual: number): Promise<void> {
  const error: unknown = await promise.then(
    () => new Error('append succeeded but a ConcurrencyError was expected'),
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(ConcurrencyError);
  expect(error).toMatchObject({ stream, expected, actual });
}

/** Pulls messages until `done(collected)` holds. */
async function pullUntil(
  iterator: AsyncIterator<SubscriptionMessage>,
  done: (messages: SubscriptionMessage[]) => boolean,
): Promise<SubscriptionMessage[]> {
  const messages: SubscriptionMessage[] = [];
  while (!done(messages)) {
    const result = await iterator.next();
    if (result.done) throw new Error(`subscription ended after ${messages.length} messages`);
    messages.push(result.value);
  }
  return messages;
}

const eventsOf = (messages: readonly SubscriptionMessage[]): RecordedEvent[] =>
  messages.flatMap((m) => (m.kind === 'event' ? [m.event] : []));
const countEvents = (messages: readonly SubscriptionMessage[]): number => eventsOf(messages).length;
const hasCaughtUp = (messages: readonly SubscriptionMessage[]): boolean => messages.some((m) => m.kind === 'caughtUp');

function messagePosition(m: SubscriptionMessage): Position {
  return m.kind === 'event' ? m.event.position : m.position;
}

export function describeEventStoreContract(name: string, makeStore: MakeEventStore): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;
    const openSubscriptions: Subscription[] = [];

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });

    afterEach(async () => {
      await Promise.all(openSubscriptions.splice(0).map((s) => s.close()));
      await cleanup();
    });

    function subscribe(
      ...args: Parameters<EventStore['subscribeToAll']>
    ): AsyncIterator<SubscriptionMessage> & { subscription: Subscription } {
      const subscription = store.subscribeToAll(...args);
      openSubscriptions.push(subscription);
      return Object.assign(subscription[Symbol.asyncIterator](), { subscription });
    }

    describe('append', () => {
      test("'no_stream' creates the stream at revision 0 and reports the last event's revision and position", async () => {
        const stream = `case-${unique()}`;
        const events = newEvents(3);
        const result = await store.append(stream, events, 'no_stream');

        const stored = await store.readStream(stream);
        expect(ids(stored)).toEqual(ids(events));
        expect(stored.map((e) => e.revision)).toEqual([0, 1, 2]);
        expect(stored.every((e) => e.stream === stream)).toBe(true);
        expect(result).toEqual({ nextRevision: 2, position: stored[2]?.position });
      });

      test("'no_stream' on an existing stream is a conflict with the actual revision, and writes nothing", async () => {
        const stream = `case-${unique()}`;
        await store.append(stream, newEvents(2), 'no_stream');
        await expectConflict(store.append(stream, newEvents(1), 'no_stream'), stream, 'no_stream', 1);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      test('an exact revision appends only when it is the last revision of the stream', async () => {
        const stream = `case-${unique()}`;
        await store.append(stream, newEvents(2), 'no_stream');
        const result = await store.append(stream, newEvents(2), 1);
        expect(result.nextRevision).toBe(3);

        await expectConflict(store.append(stream, newEvents(1), 1), stream, 1, 3);
        await expectConflict(store.append(stream, newEvents(1), 7), stream, 7, 3);
        expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0, 1, 2, 3]);
      });

      test('an exact revision on a stream that does not exist is a conflict with actual -1', async () => {
        const stream = `case-${unique()}`;
        await expectConflict(store.append(stream, newEvents(1), 0), stream, 0, -1);
        expect(await store.readStream(stream)).toEqual([]);
      });

      test("'stream_exists' refuses a missing stream (actual -1) and appends to an existing one", async () => {
        const stream = `case-${unique()}`;
        await expectConflict(store.append(stream, newEvents(1), 'stream_exists'), stream, 'stream_exists', -1);
        await store.append(stream, newEvents(1), 'no_stream');
        const result = await store.append(stream, newEvents(2), 'stream_exists');
        expect(result.nextRevision).toBe(2);
      });

      test("'any' appends to a missing stream and to an existing one", async () => {
        const stream = `case-${unique()}`;
        expect((await store.append(stream, newEvents(1), 'any')).nextRevision).toBe(0);
        expect((await store.append(stream, newEvents(2), 'any')).nextRevision).toBe(2);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      test('of two concurrent appends expecting the same revision, exactly one succeeds', async () => {
        const stream = `case-${unique()}`;
        await store.append(stream, newEvents(1), 'no_stream');
        const outcomes = await Promise.allSettled([store.append(stream, newEvents(1), 0), store.append(stream, newEvents(1), 0)]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(rejected?.reason).toBeInstanceOf(ConcurrencyError);
        expect(rejected?.reason).toMatchObject({ actual: 1 });
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      test('re-appending the same event ids returns the first result and writes nothing, whatever the expected revision', async () => {
        const stream = `case-${unique()}`;
        const first = newEvents(2);
        const second = newEvents(3);
        const firstResult = await store.append(stream, first, 'no_stream');
        const secondResult = await store.append(stream, second, 1);

        await expect(store.append(stream, first, 'no_stream')).resolves.toEqual(firstResult);
        await expect(store.append(stream, first, 'any')).resolves.toEqual(firstResult);
        await expect(store.append(stream, second, 1)).resolves.toEqual(secondResult);
        expect(ids(await store.readStream(stream))).toEqual(ids([...first, ...second]));
      });

      test('a batch that only partly repeats stored ids is refused and writes nothing', async () => {
        const stream = `case-${unique()}`;
        const stored = newEvents(2);
        await store.append(stream, stored, 'no_stream');
        const partialRetry = [stored[0] as NewEvent, newEvent('Tested')];
        await expect(store.append(stream, partialRetry, 'any')).rejects.toThrow();
        expect(ids(await store.readStream(stream))).toEqual(ids(stored));
      });

      test('an empty batch is refused', async () => {
        const stream = `case-${unique()}`;
        await expect(store.append(stream, [], 'any')).rejects.toThrow();
        expect(await store.readStream(stream)).toEqual([]);
      });

      test('data and metadata round-trip exactly', async () => {
        const stream = `patient-${unique()}`;
        const data: JsonObject = {
          text: 'Zoë Ñúñez — 患者 🦴 e\u0301 "quoted" \\ back\nline',
          numbers: { tenth: 0.1, sum: 0.1 + 0.2, big: Number.MAX_SAFE_INTEGER, negative: -42.5, tiny: 5e-324, exp: 1e21, zero: 0 },
          flags: [true, false, null],
          nested: { deeper: { deepest: [{ a: 1 }, [], {}, ''] } },
          empty: {},
        };
        const event = newEvent('RoundTripped', data);
        event.metadata.causationId = randomUUID();
        event.metadata.actor.name = 'Dr. Ådne Øvergård';
        await store.append(stream, [event], 'no_stream');

        const [fromStream] = await store.readStream(stream);
        const [fromAll] = await store.readAll({ filter: { streamPrefix: stream } });
        for (const recorded of [fromStream, fromAll]) {
          expect(recorded?.type).toBe('RoundTripped');
          expect(recorded?.data).toStrictEqual(data);
          expect(recorded?.metadata).toStrictEqual(event.metadata);
        }
      });
    });

    describe('readStream', () => {
      let stream: string;
      let written: NewEvent[];

      beforeEach(async () => {
        stream = `case-${unique()}`;
        written = newEvents(5);
        await store.append(stream, written, 'no_stream');
      });

      test('a stream that does not exist reads as []', async () => {
        await expect(store.readStream(`case-${unique()}`)).resolves.toEqual([]);
        await expect(store.readStream(`case-${unique()}`, { direction: 'backwards' })).resolves.toEqual([]);
      });

      test('forwards from a revision, with a maximum count', async () => {
        expect(ids(await store.readStream(stream))).toEqual(ids(written));
        expect((await store.readStream(stream, { fromRevision: 2 })).map((e) => e.revision)).toEqual([2, 3, 4]);
        expect((await store.readStream(stream, { fromRevision: 1, maxCount: 2 })).map((e) => e.revision)).toEqual([1, 2]);
        expect(await store.readStream(stream, { fromRevision: 5 })).toEqual([]);
      });

      test('backwards from the end or from a revision, with a maximum count', async () => {
        expect((await store.readStream(stream, { direction: 'backwards' })).map((e) => e.revision)).toEqual([4, 3, 2, 1, 0]);
        expect((await store.readStream(stream, { direction: 'backwards', fromRevision: 2 })).map((e) => e.revision)).toEqual([2, 1, 0]);
        expect((await store.readStream(stream, { direction: 'backwards', maxCount: 2 })).map((e) => e.revision)).toEqual([4, 3]);
      });

      test('positions increase with revisions and match what readAll reports', async () => {
        const forwards = await store.readStream(stream);
        for (let i = 1; i < forwards.length; i++) {
          expect((forwards[i] as RecordedEvent).position > (forwards[i - 1] as RecordedEvent).position).toBe(true);
        }
        const all = await store.readAll({ filter: { streamPrefix: stream } });
        expect(all.map((e) => [e.id, e.position])).toEqual(forwards.map((e) => [e.id, e.position]));
      });
    });

    describe('readAll', () => {
      test('orders events across streams by position, strictly increasing, consistent with append results', async () => {
        const prefix = `t${unique()}-`;
        const before = await store.headPosition();
        const a = `${prefix}a`;
        const b = `${prefix}b`;
        const writes: { id: string; position: Position }[] = [];
        for (const [stream, expected] of [
          [a, 'no_stream'],
          [b, 'no_stream'],
          [a, 0],
          [b, 0],
          [a, 1],
        ] as const) {
          const [event] = newEvents(1);
          const result = await store.append(stream, [event as NewEvent], expected);
          writes.push({ id: (event as NewEvent).id, position: result.position });
        }
        const all = await store.readAll({ after: before, filter: { streamPrefix: prefix } });
        expect(all.map((e) => ({ id: e.id, position: e.position }))).toEqual(writes);
        expect(all.map((e) => e.stream)).toEqual([a, b, a, b, a]);
        for (let i = 1; i < all.length; i++) {
          expect((all[i] as RecordedEvent).position > (all[i - 1] as RecordedEvent).position).toBe(true);
        }
      });

      test("'after' is exclusive and maxCount limits the page", async () => {
        const prefix = `t${unique()}-`;
        const stream = `${prefix}x`;
        await store.append(stream, newEvents(6), 'no_stream');
        const all = await store.readAll({ filter: { streamPrefix: prefix } });
        expect(all).toHaveLength(6);

        const page = await store.readAll({ after: all[1]?.position, maxCount: 3, filter: { streamPrefix: prefix } });
        expect(ids(page)).toEqual(ids(all.slice(2, 5)));
        expect(await store.readAll({ after: all[5]?.position, filter: { streamPrefix: prefix } })).toEqual([]);
      });

      test('without a filter it returns every stream, from a position', async () => {
        const before = await store.headPosition();
        const s1 = `case-${unique()}`;
        const s2 = `patient-${unique()}`;
        const e1 = newEvents(2);
        const e2 = newEvents(2);
        await store.append(s1, e1, 'no_stream');
        await store.append(s2, e2, 'no_stream');
        const mine = new Set(ids([...e1, ...e2]));
        // A shared server may interleave other writers' events: keep ours, in order.
        const page = (await store.readAll({ after: before })).filter((e) => mine.has(e.id));
        expect(ids(page)).toEqual(ids([...e1, ...e2]));

        const limited = await store.readAll({ after: before, maxCount: 1 });
        expect(limited).toHaveLength(1);
      });

      test('filters by event types, merging the types in position order', async () => {
        const prefix = `t${unique()}-`;
        const [typeA, typeB, typeC] = ['A', 'B', 'C'].map((t) => `${t}${unique()}`) as [string, string, string];
        const before = await store.headPosition();
        const written: NewEvent[] = [];
        for (const [i, type] of [typeA, typeB, typeC, typeA, typeB, typeA].entries()) {
          const event = newEvent(type, { i });
          written.push(event);
          await store.append(`${prefix}${i % 2}`, [event], 'any');
        }
        const only = (...types: string[]): string[] => ids(written.filter((e) => types.includes(e.type)));

        expect(ids(await store.readAll({ after: before, filter: { types: [typeA] } }))).toEqual(only(typeA));
        expect(ids(await store.readAll({ after: before, filter: { types: [typeB, typeA] } }))).toEqual(only(typeA, typeB));
        expect(ids(await store.readAll({ after: before, maxCount: 3, filter: { types: [typeA, typeB] } }))).toEqual(
          only(typeA, typeB).slice(0, 3),
        );
        const inStream1 = await store.readAll({ after: before, filter: { types: [typeA, typeB], streamPrefix: `${prefix}1` } });
        expect(ids(inStream1)).toEqual(ids(written.filter((e, i) => i % 2 === 1 && [typeA, typeB].includes(e.type))));
      });

      test('filters by stream prefix: a whole category, a narrower prefix, a prefix without a dash', async () => {
        const root = `p${unique()}`;
        const streams = [`${root}-a1`, `${root}-b1`, `${root}-a2`, `${root}x-a1`, `q${root}-a1`];
        const byStream = new Map<string, string>();
        for (const stream of streams) {
          const [event] = newEvents(1);
          byStream.set(stream, (event as NewEvent).id);
          await store.append(stream, [event as NewEvent], 'no_stream');
        }
        const idsOf = (...names: string[]): string[] => names.map((s) => byStream.get(s) as string);

        expect(ids(await store.readAll({ filter: { streamPrefix: `${root}-` } }))).toEqual(idsOf(`${root}-a1`, `${root}-b1`, `${root}-a2`));
        expect(ids(await store.readAll({ filter: { streamPrefix: `${root}-a` } }))).toEqual(idsOf(`${root}-a1`, `${root}-a2`));
        expect(ids(await store.readAll({ filter: { streamPrefix: root } }))).toEqual(
          idsOf(`${root}-a1`, `${root}-b1`, `${root}-a2`, `${root}x-a1`),
        );
        expect(ids(await store.readAll({ filter: { streamPrefix: `${root}-a` }, maxCount: 1 }))).toEqual(idsOf(`${root}-a1`));
      });
    });

    describe('filters on actor and recording time', () => {
      /** An event by `actorId` recorded at `recordedAt` (spelled as given). */
      const recorded = (type: string, actorId: string, recordedAt: string, data: JsonObject = {}): NewEvent =>
        portEvent(type, data, { actor: { id: actorId, role: 'CLINICIAN', name: 'Test Clinician' }, recordedAt });

      /** Appends one event at a time, so each has its own position, in the order given. */
      async function appendInOrder(stream: (i: number) => string, events: readonly NewEvent[]): Promise<void> {
        for (const [i, event] of events.entries()) await store.append(stream(i), [event], 'any');
      }

      const at = (minute: number): string => `2031-05-06T10:${String(minute).padStart(2, '0')}:00.000Z`;

      /** What a shared server also holds is left out; what was returned must still be in position order. */
      function ours(read: readonly RecordedEvent[], written: readonly NewEvent[]): string[] {
        for (let i = 1; i < read.length; i++)
          expect((read[i] as RecordedEvent).position > (read[i - 1] as RecordedEvent).position).toBe(true);
        const mine = new Set(ids(written));
        return ids(read.filter((e) => mine.has(e.id)));
      }

      test('actorId takes exactly the events of that actor id, across streams', async () => {
        const prefix = `f${unique()}-`;
        const [alice, bob] = [`alice${unique()}`, `bob${unique()}`];
        const before = await store.headPosition();
        const written = [
          recorded('Tested', alice, at(0)),
          recorded('Tested', bob, at(1)),
          recorded('Tested', `${alice}x`, at(2)),
          recorded('Tested', alice, at(3)),
          recorded('Tested', alice.toUpperCase(), at(4)),
        ];
        await appendInOrder((i) => `${prefix}${i % 2}`, written);

        const read = await store.readAll({ after: before, filter: { actorId: alice } });
        expect(ids(read)).toEqual(ids([written[0], written[3]] as NewEvent[]));
        expect(ids(await store.readAll({ after: before, filter: { actorId: `nobody${unique()}` } }))).toEqual([]);
      });

      test('recordedFrom and recordedTo are inclusive and compare instants, however each side is spelled', async () => {
        const prefix = `f${unique()}-`;
        const actor = `a${unique()}`;
        const before = await store.headPosition();
        const written = [
          recorded('Tested', actor, at(0)),
          recorded('Tested', actor, '2031-05-06T11:01:00+01:00'), // 10:01Z
          recorded('Tested', actor, '2031-05-06T10:02:00Z'),
          recorded('Tested', actor, at(3)),
          recorded('Tested', actor, 'not a time'),
          recorded('Tested', actor, at(5)),
        ];
        await appendInOrder(() => `${prefix}s`, written);
        const pick = (...indexes: number[]): string[] => indexes.map((i) => (written[i] as NewEvent).id);
        const read = async (range: { recordedFrom?: string; recordedTo?: string }): Promise<string[]> =>
          ours(await store.readAll({ after: before, filter: range }), written);

        expect(await read({ recordedFrom: at(1), recordedTo: at(3) })).toEqual(pick(1, 2, 3));
        expect(await read({ recordedFrom: '2031-05-06T12:01:00+02:00', recordedTo: '2031-05-06T10:03Z' })).toEqual(pick(1, 2, 3));
        expect(await read({ recordedFrom: '2031-05-06T10:00:00.001Z', recordedTo: '2031-05-06T10:02:59.999Z' })).toEqual(pick(1, 2));
        expect(await read({ recordedFrom: at(3) })).toEqual(pick(3, 5));
        expect(await read({ recordedTo: at(0) })).toEqual(pick(0));
        expect(await read({ recordedFrom: '2031-05-06', recordedTo: '2031-05-06T10:01:00.000Z' })).toEqual(pick(0, 1));
        expect(await read({ recordedFrom: at(3), recordedTo: at(1) })).toEqual([]);
        // Whatever else the store holds, nothing outside the range comes back.
        const range = await store.readAll({ after: before, filter: { recordedFrom: at(1), recordedTo: at(3) } });
        expect(
          range.every(
            (e) => Date.parse(e.metadata.recordedAt) >= Date.parse(at(1)) && Date.parse(e.metadata.recordedAt) <= Date.parse(at(3)),
          ),
        ).toBe(true);
      });

      test('an event recorded before an event that precedes it (another clock, a slow append) is found by its own time', async () => {
        const prefix = `f${unique()}-`;
        const actor = `a${unique()}`;
        // In position order: 10:10, 10:05 (late), 10:20, 10:12 (late, past the end of 10:10–10:15), 10:30
        const written = [at(10), at(5), at(20), at(12), at(30)].map((time, i) => recorded('Tested', actor, time, { i }));
        await appendInOrder((i) => `${prefix}${i}`, written);
        const pick = (...indexes: number[]): string[] => indexes.map((i) => (written[i] as NewEvent).id);
        const read = async (recordedFrom: string, recordedTo: string, maxCount?: number): Promise<string[]> =>
          ids(await store.readAll({ maxCount, filter: { streamPrefix: prefix, recordedFrom, recordedTo } }));

        expect(await read(at(4), at(6))).toEqual(pick(1));
        expect(await read(at(10), at(15))).toEqual(pick(0, 3));
        expect(await read(at(5), at(12))).toEqual(pick(0, 1, 3));
        expect(await read(at(11), at(25))).toEqual(pick(2, 3));
        expect(await read(at(0), at(59))).toEqual(pick(0, 1, 2, 3, 4));
        expect(await read(at(5), at(12), 2)).toEqual(pick(0, 1));
        expect(ids(await store.readAll({ filter: { actorId: actor, recordedTo: at(12) } }))).toEqual(pick(0, 1, 3));
        expect(ids(await store.readAll({ filter: { actorId: actor, recordedFrom: at(12) } }))).toEqual(pick(2, 3, 4));
      });

      test('combine with types and stream prefix: every condition holds', async () => {
        const root = `f${unique()}`;
        const [wanted, other] = [`W${unique()}`, `O${unique()}`];
        const [alice, bob] = [`alice${unique()}`, `bob${unique()}`];
        const written: NewEvent[] = [];
        for (let i = 0; i < 24; i++) {
          written.push(recorded(i % 3 === 0 ? other : wanted, i % 2 === 0 ? alice : bob, at(i), { i }));
        }
        await appendInOrder((i) => `${root}-${i % 4 < 2 ? 'a' : 'b'}${i % 4}`, written);
        const expected = (keep: (i: number) => boolean): string[] => ids(written.filter((_, i) => keep(i)));

        const byAll = { types: [wanted], streamPrefix: `${root}-a`, actorId: alice, recordedFrom: at(4), recordedTo: at(20) };
        expect(ids(await store.readAll({ filter: byAll }))).toEqual(
          expected((i) => i % 3 !== 0 && i % 4 < 2 && i % 2 === 0 && i >= 4 && i <= 20),
        );
        expect(ids(await store.readAll({ filter: { types: [wanted, other], actorId: bob, recordedFrom: at(10) } }))).toEqual(
          expected((i) => i % 2 === 1 && i >= 10),
        );
        expect(ids(await store.readAll({ filter: { streamPrefix: `${root}-`, actorId: bob, recordedTo: at(9) } }))).toEqual(
          expected((i) => i % 2 === 1 && i <= 9),
        );
        expect(ids(await store.readAll({ filter: { streamPrefix: root, recordedFrom: at(22) } }))).toEqual(expected((i) => i >= 22));
        expect(await store.readAll({ filter: { types: [], actorId: alice } })).toEqual([]);
      });

      test("pages with 'after' and maxCount are full pages of matches, however sparse the matches", async () => {
        const prefix = `f${unique()}-`;
        const [rare, common] = [`rare${unique()}`, `common${unique()}`];
        // Three rounds of the same hour, each recorded before the end of the one before it; the rare actor's
        // events lie 50 and 100 events apart, and one of them (minute 0) is outside the range.
        const isRare = (i: number): boolean => i % 50 === 20;
        const written = Array.from({ length: 180 }, (_, i) => recorded('Tested', isRare(i) ? rare : common, at(i % 60), { i }));
        await appendInOrder((i) => `${prefix}${i % 5}`, written);
        const expectedIds = ids(written.filter((_, i) => isRare(i) && i % 60 >= 10 && i % 60 <= 50));
        expect(expectedIds).toHaveLength(3);

        const pages: string[][] = [];
        let after: Position | undefined;
        for (;;) {
          const page = await store.readAll({
            after,
            maxCount: 2,
            filter: { streamPrefix: prefix, actorId: rare, recordedFrom: at(10), recordedTo: at(50) },
          });
          if (page.length === 0) break;
          pages.push(ids(page));
          after = (page[page.length - 1] as RecordedEvent).position;
        }
        expect(pages.flat()).toEqual(expectedIds);
        expect(pages.slice(0, -1).every((page) => page.length === 2)).toBe(true);
      });

      test('a bound that is not an ISO-8601 instant is refused', async () => {
        await expect(store.readAll({ filter: { recordedFrom: 'yesterday' } })).rejects.toThrow(RangeError);
        await expect(store.readAll({ maxCount: 1, filter: { recordedTo: '2031-05-06T10:00:00' } })).rejects.toThrow(RangeError);
        expect(() => store.subscribeToAll({ filter: { recordedFrom: '06/05/2031' } })).toThrow(RangeError);
      });

      test('subscribeToAll delivers only the matching events, in catch-up and live', async () => {
        const prefix = `f${unique()}-`;
        const [alice, bob] = [`alice${unique()}`, `bob${unique()}`];
        const before = await store.headPosition();
        const existing = [
          recorded('Tested', alice, at(1)),
          recorded('Tested', bob, at(2)),
          recorded('Tested', alice, at(3)),
          recorded('Tested', alice, at(9)),
        ];
        await appendInOrder(() => `${prefix}1`, existing);

        const sub = subscribe({ after: before, filter: { actorId: alice, recordedFrom: at(2), recordedTo: at(8) } });
        const catchUp = await pullUntil(sub, hasCaughtUp);
        expect(ids(eventsOf(catchUp))).toEqual([(existing[2] as NewEvent).id]);

        const live = [
          recorded('Tested', bob, at(4)),
          recorded('Tested', alice, at(9)),
          recorded('Tested', alice, at(5)),
          recorded('Tested', alice, at(8)),
        ];
        const pending = pullUntil(sub, (m) => countEvents(m) === 2);
        await appendInOrder((i) => `${prefix}${i}`, live);
        const delivered = await pending;
        expect(ids(eventsOf(delivered))).toEqual(ids([live[2], live[3]] as NewEvent[]));

        const positions = [...catchUp, ...delivered].map(messagePosition);
        for (let i = 1; i < positions.length; i++) expect((positions[i] as Position) >= (positions[i - 1] as Position)).toBe(true);
      });

      test('subscribeToAll combines actor and recording time with types and stream prefix', async () => {
        const prefix = `f${unique()}-`;
        const [wanted, other] = [`W${unique()}`, `O${unique()}`];
        const actor = `a${unique()}`;
        const before = await store.headPosition();
        const written = [
          recorded(wanted, actor, at(1)),
          recorded(other, actor, at(2)),
          recorded(wanted, `z${unique()}`, at(3)),
          recorded(wanted, actor, at(4)),
          recorded(wanted, actor, at(40)),
        ];
        await appendInOrder((i) => (i === 3 ? `x${prefix}1` : `${prefix}1`), written);
        await store.append(`${prefix}2`, [recorded(wanted, actor, at(5))], 'no_stream');

        const sub = subscribe({ after: before, filter: { types: [wanted], streamPrefix: prefix, actorId: actor, recordedTo: at(30) } });
        const catchUp = await pullUntil(sub, hasCaughtUp);
        const [second] = await store.readStream(`${prefix}2`);
        expect(ids(eventsOf(catchUp))).toEqual([(written[0] as NewEvent).id, (second as RecordedEvent).id]);
      });
    });

    describe('filter on facilities', () => {
      /** An event naming its facility (as every event written by this version does), or none (an older event, or about no facility). */
      const inFacility = (
        facilityId: string | null,
        type: string,
        data: JsonObject = {},
        metadata: Partial<EventMetadata> = {},
      ): NewEvent => portEvent(type, data, { ...metadata, ...(facilityId === null ? {} : { facilityId }) });
      const facilityIds = (): [string, string, string] => [`F${unique()}`, `F${unique()}`, `F${unique()}`];

      /** Appends one event at a time, so each has its own position, in the order given. */
      async function appendInOrder(written: readonly [string, NewEvent][]): Promise<void> {
        for (const [stream, event] of written) await store.append(stream, [event], 'any');
      }

      /** Events written before `metadata.facilityId`: two cases, two patients, and access records about them. */
      async function writeOlderEvents(f1: string, f2: string) {
        const [c1, c2, p1, p2] = [unique(), unique(), unique(), unique()];
        const access = `access-${unique()}`;
        const accessed = (caseId: string | null, patientId: string | null): NewEvent =>
          inFacility(null, 'PatientDataAccessed', { operation: 'case', caseId, patientId, outcome: 'OK' });
        const written: [string, NewEvent][] = [
          [`patient-${p1}`, inFacility(null, 'PatientRegistered', { patientId: p1, facilityId: f1 })],
          [`patient-${p2}`, inFacility(null, 'PatientRegistered', { patientId: p2, facilityId: f2 })],
          [`case-${c1}`, inFacility(null, 'CaseOpened', { caseId: c1, patientId: p1, facilityId: f1 })],
          [`case-${c2}`, inFacility(null, 'CaseOpened', { caseId: c2, patientId: p2, facilityId: f2 })],
          [`case-${c1}`, inFacility(null, 'HarvestPerformed', { site: 'ILIAC' })],
          // A later event whose data names another facility does not move its patient.
          [`patient-${p2}`, inFacility(null, 'PatientDetailsCorrected', { facilityId: f1 })],
          [access, accessed(c1, p1)],
          [access, accessed(null, p2)],
          [access, accessed(c2, null)],
          [access, accessed(null, null)],
          [access, accessed(`missing${unique()}`, null)],
          [`case-${c2}`, inFacility(null, 'InjectionGiven', { leg: 'LEFT' })],
          [`case-${c1}`, inFacility(f1, 'OutcomeMeasured', {})],
        ];
        await appendInOrder(written);
        const pick = (...indexes: number[]): string[] => indexes.map((i) => (written[i]?.[1] as NewEvent).id);
        return { written, pick, inF1: pick(0, 2, 4, 6, 12), inF2: pick(1, 3, 5, 7, 8, 11) };
      }

      test('takes exactly the events of the facilities given, in position order: several is their union, [] is nothing', async () => {
        const [f1, f2, f3] = facilityIds();
        const before = await store.headPosition();
        const written: [string, NewEvent][] = [
          [`case-${unique()}`, inFacility(f1, 'Tested')],
          [`case-${unique()}`, inFacility(f2, 'Tested')],
          [`t${unique()}-1`, inFacility(null, 'Tested', { facilityId: f1 })],
          [`patient-${unique()}`, inFacility(f1, 'Tested')],
          [`case-${unique()}`, inFacility(f3, 'Tested')],
          [`t${unique()}-2`, inFacility(f2, 'Tested')],
        ];
        await appendInOrder(written);
        const pick = (...indexes: number[]): string[] => indexes.map((i) => (written[i]?.[1] as NewEvent).id);
        const read = async (facilities: readonly string[]): Promise<string[]> =>
          ids(await store.readAll({ after: before, filter: { facilities } }));

        expect(await read([f1])).toEqual(pick(0, 3));
        expect(await read([f2, f1])).toEqual(pick(0, 1, 3, 5));
        expect(await read([f1, f2, f3])).toEqual(pick(0, 1, 3, 4, 5));
        expect(await read([`F${unique()}`])).toEqual([]);
        expect(await store.readAll({ filter: { facilities: [] } })).toEqual([]);
        expect(await store.readAll({ filter: { facilities: [], streamPrefix: 'case-' } })).toEqual([]);
      });

      test('combines with types, a stream prefix, an actor and a recording-time range: every condition holds', async () => {
        const [f1, f2] = facilityIds();
        const [wanted, other] = [`W${unique()}`, `O${unique()}`];
        const [alice, bob] = [`alice${unique()}`, `bob${unique()}`];
        const root = `f${unique()}`;
        const at = (minute: number): string => `2031-05-07T10:${String(minute).padStart(2, '0')}:00.000Z`;
        const written: [string, NewEvent][] = [];
        for (let i = 0; i < 24; i++) {
          const actor = { id: i % 2 === 0 ? alice : bob, role: 'CLINICIAN', name: 'Test Clinician' };
          const event = inFacility(i % 3 === 1 ? f2 : f1, i % 4 === 3 ? other : wanted, { i }, { actor, recordedAt: at(i) });
          written.push([`${root}-${i % 5 < 3 ? 'a' : 'b'}${i % 5}`, event]);
        }
        await appendInOrder(written);
        const expected = (keep: (i: number) => boolean): string[] => ids(written.filter((_, i) => keep(i)).map(([, e]) => e));
        const inF1 = (i: number): boolean => i % 3 !== 1;
        const read = async (filter: EventFilter): Promise<string[]> =>
          ids(await store.readAll({ filter: { ...filter, facilities: [f1] } }));

        expect(await read({ types: [wanted] })).toEqual(expected((i) => inF1(i) && i % 4 !== 3));
        expect(await read({ streamPrefix: `${root}-a` })).toEqual(expected((i) => inF1(i) && i % 5 < 3));
        expect(await read({ streamPrefix: `${root}-` })).toEqual(expected(inF1));
        expect(await read({ actorId: bob, recordedFrom: at(5), recordedTo: at(20) })).toEqual(
          expected((i) => inF1(i) && i % 2 === 1 && i >= 5 && i <= 20),
        );
        expect(await read({ types: [other], streamPrefix: `${root}-b`, actorId: bob, recordedTo: at(23) })).toEqual(
          expected((i) => inF1(i) && i % 4 === 3 && i % 5 >= 3 && i % 2 === 1),
        );
        expect(ids(await store.readAll({ filter: { types: [wanted, other], facilities: [f2, f1], recordedFrom: at(20) } }))).toEqual(
          expected((i) => i >= 20),
        );
      });

      test('older events without metadata.facilityId are placed by their stream, or by the case or patient they name', async () => {
        const [f1, f2] = facilityIds();
        const before = await store.headPosition();
        const { written, inF1, inF2, pick } = await writeOlderEvents(f1, f2);

        // First without the first events of their streams among the events read (the types leave them out).
        const laterTypes = ['PatientDataAccessed', 'InjectionGiven', 'HarvestPerformed', 'PatientDetailsCorrected'];
        expect(ids(await store.readAll({ after: before, filter: { types: laterTypes, facilities: [f2] } }))).toEqual(pick(5, 7, 8, 11));
        expect(ids(await store.readAll({ after: before, filter: { types: ['PatientDataAccessed'], facilities: [f1] } }))).toEqual(pick(6));
        expect(ids(await store.readAll({ after: before, filter: { streamPrefix: 'access-', facilities: [f2] } }))).toEqual(pick(7, 8));
        expect(ids(await store.readAll({ after: before, filter: { facilities: [f1] } }))).toEqual(inF1);
        expect(ids(await store.readAll({ after: before, filter: { facilities: [f2] } }))).toEqual(inF2);
        const both = ids(await store.readAll({ after: before, filter: { facilities: [f1, f2] } }));
        expect(both).toEqual(ids(written.map(([, e]) => e)).filter((id) => inF1.includes(id) || inF2.includes(id)));
      });

      test("pages with 'after' and maxCount are full pages of matches, however sparse the matches", async () => {
        const [f1, f2] = facilityIds();
        const type = `T${unique()}`;
        const c1 = unique();
        // An older case of f1 among many events of f2: its events lie 15 events apart.
        const written: [string, NewEvent][] = [[`case-${c1}`, inFacility(null, type, { facilityId: f1 })]];
        for (let i = 1; i < 80; i++) {
          written.push(i % 15 === 0 ? [`case-${c1}`, inFacility(null, type, { i })] : [`case-${unique()}`, inFacility(f2, type, { i })]);
        }
        const before = await store.headPosition();
        await appendInOrder(written);
        const expectedIds = ids(written.filter(([stream]) => stream === `case-${c1}`).map(([, e]) => e));
        expect(expectedIds).toHaveLength(6);

        for (const filter of [
          { facilities: [f1] },
          { facilities: [f1], types: [type] },
          { facilities: [f1, `F${unique()}`], streamPrefix: 'case-' },
        ]) {
          const pages: string[][] = [];
          for (let after: Position | undefined = before; ;) {
            const page = await store.readAll({ after, maxCount: 4, filter });
            if (page.length === 0) break;
            pages.push(ids(page));
            after = (page[page.length - 1] as RecordedEvent).position;
          }
          expect(pages.flat()).toEqual(expectedIds);
          expect(pages.map((page) => page.length)).toEqual([4, 2]);
        }
      });

      test('older events whose facility must be looked up keep their order among events that name theirs', async () => {
        const [f1, f2] = facilityIds();
        const before = await store.headPosition();
        const cases = Array.from({ length: 40 }, (_, i) => ({ caseId: unique(), facilityId: i % 4 === 3 ? f1 : f2 }));
        for (const { caseId, facilityId } of cases) {
          await store.append(`case-${caseId}`, [inFacility(null, 'CaseOpened', { caseId, facilityId })], 'no_stream');
        }
        const access = `access-${unique()}`;
        const accessed = (caseId: string, facilityId: string | null): NewEvent =>
          inFacility(facilityId, 'PatientDataAccessed', { operation: 'case', caseId, patientId: null, outcome: 'OK' });
        // Each older record about a case not read yet, then a newer one naming its facility.
        const written = cases.flatMap(({ caseId, facilityId }) => [accessed(caseId, null), accessed(caseId, facilityId)]);
        for (const event of written) await store.append(access, [event], 'any');
        const last = accessed(unique(), f2);
        await store.append(access, [last], 'any');
        const expected = [
          ...ids(written.filter((_, i) => (cases[Math.floor(i / 2)] as { facilityId: string }).facilityId === f2)),
          last.id,
        ];

        const sub = subscribe({ after: before, filter: { types: ['PatientDataAccessed'], facilities: [f2] } });
        expect(ids(eventsOf(await pullUntil(sub, hasCaughtUp)))).toEqual(expected);
        expect(ids(await store.readAll({ after: before, filter: { types: ['PatientDataAccessed'], facilities: [f2] } }))).toEqual(expected);
      });

      test('subscribeToAll delivers only the events of the facilities, older ones too, in catch-up and live, in order', async () => {
        const [f1, f2] = facilityIds();
        const before = await store.headPosition();
        const accessed = (set: { pick: (...indexes: number[]) => string[] }): string[] => set.pick(7, 8, 11);
        const first = await writeOlderEvents(f1, f2);
        // Last, an event both subscriptions take: a server without CaughtUp is caught up once the head is delivered.
        const last = inFacility(f2, 'InjectionGiven');
        await store.append(`case-${unique()}`, [last], 'no_stream');
        // Types that leave out the first events of the streams: their facilities are looked up.
        const typed = subscribe({ after: before, filter: { types: ['PatientDataAccessed', 'InjectionGiven'], facilities: [f2] } });
        expect(ids(eventsOf(await pullUntil(typed, hasCaughtUp)))).toEqual([...accessed(first), last.id]);
        const all = subscribe({ after: before, filter: { facilities: [f2] } });
        expect(ids(eventsOf(await pullUntil(all, hasCaughtUp)))).toEqual([...first.inF2, last.id]);

        const second = await writeOlderEvents(f1, f2);
        const live = [inFacility(f2, 'Tested'), inFacility(f1, 'Tested'), inFacility(f2, 'Tested')];
        for (const event of live) await store.append(`case-${unique()}`, [event], 'no_stream');
        const delivered = await pullUntil(all, (m) => countEvents(m) === second.inF2.length + 2);
        expect(ids(eventsOf(delivered))).toEqual([...second.inF2, (live[0] as NewEvent).id, (live[2] as NewEvent).id]);
        expect(ids(eventsOf(await pullUntil(typed, (m) => countEvents(m) === 3)))).toEqual(accessed(second));

        await all.subscription.close();
        const third = await writeOlderEvents(f1, f2);
        const typedLive = await pullUntil(typed, (m) => countEvents(m) === 3);
        expect(ids(eventsOf(typedLive))).toEqual(accessed(third));
        const positions = typedLive.map(messagePosition);
        for (let i = 1; i < positions.length; i++) expect((positions[i] as Position) >= (positions[i - 1] as Position)).toBe(true);
      });
    });

    describe('readAll backwards', () => {
      /** A minute after 2031-05-06T10:00Z, as recorded (minutes may exceed 59). */
      const minute = (m: number): string => new Date(Date.UTC(2031, 4, 6, 10, 0, 0) + m * 60_000).toISOString();

      /**
       * Events of two facilities (some older ones placed only by their case's first event), two event
       * types (one most of the events, one rare), two actors, and recording times with some late ones.
       */
      async function writeMix() {
        const [f1, f2] = [`F${unique()}`, `F${unique()}`];
        const [typeA, typeB] = [`A${unique()}`, `B${unique()}`];
        const [alice, bob] = [`alice${unique()}`, `bob${unique()}`];
        const root = `t${unique()}`;
        const [c1, c2] = [unique(), unique()];
        const start = await store.headPosition();
        const event = (type: string, actor: string, m: number, data: JsonObject, facilityId: string | null): NewEvent =>
          portEvent(type, data, {
            actor: { id: actor, role: 'CLINICIAN', name: 'Test Clinician' },
            recordedAt: minute(m),
            ...(facilityId === null ? {} : { facilityId }),
          });
        const written: [string, NewEvent][] = [
          // Older first events: no metadata.facilityId, their data names it.
          [`case-${c1}`, event(typeA, alice, 0, { caseId: c1, facilityId: f1 }, null)],
          [`case-${c2}`, event(typeB, bob, 1, { caseId: c2, facilityId: f2 }, null)],
        ];
        for (let i = 2; i < 60; i++) {
          const type = i % 7 === 3 ? typeB : typeA;
          const actor = i % 3 === 0 ? bob : alice;
          // Every sixth event was recorded well before the one written before it.
          const m = i % 6 === 5 ? i - 10 : i;
          const place: [string, string | null][] = [
            [`case-${c1}`, null],
            [`case-${c2}`, f2],
            [`${root}-${i % 3}`, f1],
            [`${root}-x`, null],
          ];
          const [stream, facilityId] = place[i % place.length] as [string, string | null];
          written.push([stream, event(type, actor, m, { i }, facilityId)]);
        }
        for (const [stream, e] of written) await store.append(stream, [e], 'any');
        return { start, f1, f2, typeA, typeB, alice, bob, root };
      }

      test('a backward page is the reverse of the forward read just before its cursor, for every filter shape', async () => {
        const { start, f1, f2, typeA, typeB, alice, bob, root } = await writeMix();
        const [from, to] = [minute(20), minute(40)];
        // `only`: no other test's events can match, so a walk from the end reads ours alone.
        const shapes: { filter?: EventFilter; only: boolean }[] = [
          { filter: undefined, only: false },
          { filter: { types: [typeA] }, only: true },
          { filter: { types: [typeB] }, only: true },
          { filter: { types: [typeB, typeA] }, only: true },
          { filter: { streamPrefix: `${root}-` }, only: true },
          { filter: { streamPrefix: `${root}-1` }, only: true },
          { filter: { streamPrefix: 'case-', types: [typeB] }, only: true },
          { filter: { streamPrefix: 'case-' }, only: false },
          { filter: { actorId: bob }, only: true },
          { filter: { actorId: alice, types: [typeA], recordedTo: to }, only: true },
          { filter: { types: [typeA, typeB], recordedFrom: from, recordedTo: to }, only: true },
          { filter: { types: [typeA], recordedFrom: from }, only: true },
          { filter: { facilities: [f1] }, only: true },
          { filter: { facilities: [f1, f2], types: [typeB] }, only: true },
          { filter: { facilities: [f2], streamPrefix: 'case-' }, only: true },
          { filter: { facilities: [f1], recordedFrom: from, recordedTo: to }, only: true },
          { filter: { facilities: [f1, f2], actorId: bob, recordedFrom: from }, only: true },
        ];
        for (const { filter, only } of shapes) {
          const forward = await store.readAll({ after: start, filter });
          const shape = JSON.stringify(filter ?? {});
          expect({ shape, count: forward.length > 0 }).toEqual({ shape, count: true });
          // From every fourth event of the forward read (and its last), the three events before it, newest first.
          for (const [k, at] of forward.entries()) {
            if (k % 4 !== 1 && k !== forward.length - 1) continue;
            const page = await store.readAll({ direction: 'backwards', before: at.position, maxCount: 3, filter });
            const expected = ids(forward.slice(Math.max(0, k - 3), k)).reverse();
            // Before the first events of ours, a shared store's older events may follow: ours come first.
            expect({ shape, k, ids: ids(page).slice(0, expected.length) }).toEqual({ shape, k, ids: expected });
            if (k >= 3) expect(page).toHaveLength(3);
            for (const e of page) expect(e.position < at.position).toBe(true);
          }
          if (!only) continue;
          // Walking from the end, full pages of 4 until the first event, then nothing.
          const walked: RecordedEvent[][] = [];
          for (let before: Position | undefined; ;) {
            const page = await store.readAll({ direction: 'backwards', before, maxCount: 4, filter });
            if (page.length === 0) break;
            walked.push(page);
            before = (page[page.length - 1] as RecordedEvent).position;
          }
          expect({ shape, ids: ids(walked.flat()) }).toEqual({ shape, ids: ids(forward).reverse() });
          expect(walked.slice(0, -1).every((page) => page.length === 4)).toBe(true);
          // The whole read at once, and a page from the end.
          expect(ids(await store.readAll({ direction: 'backwards', filter }))).toEqual(ids(forward).reverse());
          expect(ids(await store.readAll({ direction: 'backwards', maxCount: 2, filter }))).toEqual(ids(forward.slice(-2)).reverse());
        }
      });

      test('maxCount 0, an empty filter and a cursor at the first event read nothing; bounds of the other direction are refused', async () => {
        const { start, typeA } = await writeMix();
        const [first] = await store.readAll({ after: start, filter: { types: [typeA] }, maxCount: 1 });
        const before = (first as RecordedEvent).position;
        expect(await store.readAll({ direction: 'backwards', before, filter: { types: [typeA] } })).toEqual([]);
        expect(await store.readAll({ direction: 'backwards', maxCount: 0 })).toEqual([]);
        expect(await store.readAll({ direction: 'backwards', filter: { types: [] } })).toEqual([]);
        expect(await store.readAll({ direction: 'backwards', filter: { facilities: [] } })).toEqual([]);
        await expect(store.readAll({ direction: 'backwards', filter: { recordedFrom: 'yesterday' } })).rejects.toThrow(RangeError);
        await expect(store.readAll({ direction: 'backwards', after: before })).rejects.toThrow(RangeError);
        await expect(store.readAll({ before })).rejects.toThrow(RangeError);
      });
    });

    describe('headPosition', () => {
      test('is at least the position of the last append and moves forward with appends', async () => {
        const stream = `case-${unique()}`;
        const first = await store.append(stream, newEvents(1), 'no_stream');
        const headAfterFirst = await store.headPosition();
        expect(headAfterFirst >= first.position).toBe(true);
        const second = await store.append(stream, newEvents(1), 0);
        expect(second.position > first.position).toBe(true);
        expect((await store.headPosition()) >= second.position).toBe(true);
      });
    });

    describe('streamHeads', () => {
      test("gives each stream's last revision, hash and position, as of a position", async () => {
        const prefix = `h${unique()}-`;
        const hashed = (n: number): NewEvent[] =>
          Array.from({ length: n }, (_, i) => newEvent('Tested', { n: i }, { hash: `${prefix}hash-${i}` }));
        const a1 = await store.append(`${prefix}a`, hashed(2), 'no_stream');
        const b1 = await store.append(`${prefix}b`, hashed(1), 'no_stream');
        const a2 = await store.append(`${prefix}a`, hashed(3).slice(2), 1);

        const mine = (heads: Awaited<ReturnType<EventStore['streamHeads']>>) =>
          heads.filter((h) => h.stream.startsWith(prefix)).sort((x, y) => (x.stream < y.stream ? -1 : 1));
        expect(mine(await store.streamHeads())).toEqual([
          { stream: `${prefix}a`, revision: 2, hash: `${prefix}hash-2`, position: a2.position },
          { stream: `${prefix}b`, revision: 0, hash: `${prefix}hash-0`, position: b1.position },
        ]);
        // as the store stood before the second append to a
        expect(mine(await store.streamHeads(b1.position))).toEqual([
          { stream: `${prefix}a`, revision: 1, hash: `${prefix}hash-1`, position: a1.position },
          { stream: `${prefix}b`, revision: 0, hash: `${prefix}hash-0`, position: b1.position },
        ]);
        expect(mine(await store.streamHeads(a1.position))).toEqual([
          { stream: `${prefix}a`, revision: 1, hash: `${prefix}hash-1`, position: a1.position },
        ]);
      });
    });

    describe('subscribeToAll', () => {
      test('catches up with existing events, reports caughtUp, then delivers new appends live', async () => {
        const prefix = `s${unique()}-`;
        const before = await store.headPosition();
        const existing = newEvents(3);
        await store.append(`${prefix}1`, existing, 'no_stream');

        const sub = subscribe({ after: before, filter: { streamPrefix: prefix } });
        const catchUp = await pullUntil(sub, hasCaughtUp);
        expect(ids(eventsOf(catchUp))).toEqual(ids(existing));
        const caughtUp = catchUp[catchUp.length - 1];
        expect(caughtUp?.kind).toBe('caughtUp');
        expect(messagePosition(caughtUp as SubscriptionMessage) >= (eventsOf(catchUp)[2] as RecordedEvent).position).toBe(true);

        const liveEvents = newEvents(2);
        const pending = pullUntil(sub, (m) => countEvents(m) === 2);
        await store.append(`${prefix}2`, liveEvents.slice(0, 1), 'no_stream');
        await store.append(`${prefix}1`, liveEvents.slice(1), 2);
        const live = eventsOf(await pending);
        expect(ids(live)).toEqual(ids(liveEvents));
        expect(live.map((e) => e.stream)).toEqual([`${prefix}2`, `${prefix}1`]);
      });

      test('without a filter, delivers the events of every stream', async () => {
        const before = await store.headPosition();
        const written = [newEvent('Tested'), newEvent('Other'), newEvent('Tested')];
        const sub = subscribe({ after: before });
        await pullUntil(sub, hasCaughtUp);
        const mine = new Set(ids(written));
        // A shared server may deliver other writers' events too: wait for ours.
        const pending = pullUntil(sub, (m) => eventsOf(m).filter((e) => mine.has(e.id)).length === 3);
        await store.append(`case-${unique()}`, written.slice(0, 2), 'no_stream');
        await store.append(`patient-${unique()}`, written.slice(2), 'no_stream');
        expect(ids(eventsOf(await pending).filter((e) => mine.has(e.id)))).toEqual(ids(written));
      });

      test('starts strictly after the given position', async () => {
        const prefix = `s${unique()}-`;
        await store.append(`${prefix}1`, newEvents(4), 'no_stream');
        const stored = await store.readStream(`${prefix}1`);
        const sub = subscribe({ after: stored[1]?.position, filter: { streamPrefix: prefix } });
        const messages = await pullUntil(sub, hasCaughtUp);
        expect(ids(eventsOf(messages))).toEqual(ids(stored.slice(2)));
      });

      test('delivers only events of the filtered types, with positions that never go back', async () => {
        const prefix = `s${unique()}-`;
        const [wanted, other] = [`W${unique()}`, `O${unique()}`];
        const before = await store.headPosition();
        const written = [newEvent(wanted), newEvent(other), newEvent(other), newEvent(wanted)];
        await store.append(`${prefix}1`, written, 'no_stream');

        const sub = subscribe({ after: before, filter: { types: [wanted] } });
        const catchUp = await pullUntil(sub, hasCaughtUp);
        expect(ids(eventsOf(catchUp))).toEqual(ids([written[0], written[3]] as NewEvent[]));

        const pending = pullUntil(sub, (m) => countEvents(m) === 1);
        const liveWanted = newEvent(wanted);
        await store.append(`${prefix}1`, [newEvent(other), liveWanted], 3);
        const live = await pending;
        expect(ids(eventsOf(live))).toEqual([liveWanted.id]);

        const positions = [...catchUp, ...live].map(messagePosition);
        for (let i = 1; i < positions.length; i++) {
          expect((positions[i] as Position) >= (positions[i - 1] as Position)).toBe(true);
        }
      });

      test('loses and repeats nothing when appends race the switch from catch-up to live', async () => {
        const prefix = `s${unique()}-`;
        const before = await store.headPosition();
        const streams = [`${prefix}a`, `${prefix}b`, `${prefix}c`];
        const written: string[] = [];
        const appendRound = async (round: number): Promise<void> => {
          await Promise.all(
            streams.map(async (stream) => {
              const events = newEvents(2);
              await store.append(stream, events, round === 0 ? 'no_stream' : round * 2 - 1);
              written.push(...ids(events));
            }),
          );
        };
        for (let round = 0; round < 10; round++) await appendRound(round);

        const sub = subscribe({ after: before, filter: { streamPrefix: prefix } });
        const total = 20 * streams.length * 2;
        const reading = pullUntil(sub, (m) => countEvents(m) === total);
        for (let round = 10; round < 20; round++) await appendRound(round);
        const received = eventsOf(await reading);

        expect(new Set(ids(received)).size).toBe(total);
        expect(new Set(ids(received))).toEqual(new Set(written));
        for (let i = 1; i < received.length; i++) {
          expect((received[i] as RecordedEvent).position > (received[i - 1] as RecordedEvent).position).toBe(true);
        }
        // Each stream's events arrive in revision order.
        for (const stream of streams) {
          const revisions = received.filter((e) => e.stream === stream).map((e) => e.revision);
          expect(revisions).toEqual(revisions.map((_, i) => i));
        }
      });

      test('close() ends the iteration, also while a next() is waiting for new events', async () => {
        const prefix = `s${unique()}-`;
        const before = await store.headPosition();
        await store.append(`${prefix}1`, newEvents(1), 'no_stream');
        const sub = subscribe({ after: before, filter: { streamPrefix: prefix } });
        await pullUntil(sub, hasCaughtUp);

        const waiting = sub.next();
        await sub.subscription.close();
        await expect(waiting).resolves.toEqual({ done: true, value: undefined });
        await expect(sub.next()).resolves.toMatchObject({ done: true });
      });

      test('leaving a for-await loop early closes the subscription', async () => {
        const prefix = `s${unique()}-`;
        const before = await store.headPosition();
        await store.append(`${prefix}1`, newEvents(3), 'no_stream');
        const subscription = store.subscribeToAll({ after: before, filter: { streamPrefix: prefix } });
        openSubscriptions.push(subscription);
        let seen = 0;
        for await (const message of subscription) {
          if (message.kind === 'event') seen++;
          if (seen === 1) break;
        }
        const again = subscription[Symbol.asyncIterator]();
        await expect(again.next()).resolves.toMatchObject({ done: true });
      });
    });
  });
}
