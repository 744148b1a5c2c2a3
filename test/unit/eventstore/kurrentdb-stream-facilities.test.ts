/**
 * The KurrentDB adapter's memory of stream facilities, and how its filters split between server and
 * client when facilities are asked for.
 */
import { planFilter } from '../../../src/eventstore/kurrentdb/filters';
import { createStreamFacilities, type FirstEvent } from '../../../src/eventstore/kurrentdb/stream-facilities';

const opened = (stream: string, facilityId: string): FirstEvent => ({
  stream,
  revision: 0,
  type: 'CaseOpened',
  data: { facilityId },
  metadata: {},
});

/** A readFirst whose answers are released by the test, counting reads and the most at once. */
function controlledReads(firstEvents: Record<string, FirstEvent>) {
  const reads: string[] = [];
  const waiting: (() => void)[] = [];
  let open = 0;
  let mostAtOnce = 0;
  return {
    reads,
    mostAtOnce: () => mostAtOnce,
    /** Answers every read, those started meanwhile too, until none is open. */
    releaseAll: async () => {
      do {
        await new Promise((resolve) => setImmediate(resolve));
        waiting.splice(0).forEach((release) => release());
      } while (open > 0);
    },
    readFirst: async (stream: string): Promise<FirstEvent | null> => {
      reads.push(stream);
      open++;
      mostAtOnce = Math.max(mostAtOnce, open);
      await new Promise<void>((resolve) => waiting.push(resolve));
      open--;
      return firstEvents[stream] ?? null;
    },
  };
}

describe('stream facilities', () => {
  test('a stream is read once, however many ask at once, and remembered', async () => {
    const control = controlledReads({ 'case-1': opened('case-1', 'F1') });
    const streams = createStreamFacilities({ readFirst: control.readFirst });
    expect(streams.known('case-1')).toBeUndefined();
    const answers = Promise.all([streams.lookUp('case-1'), streams.lookUp('case-1')]);
    await control.releaseAll();
    await expect(answers).resolves.toEqual(['F1', 'F1']);
    expect(streams.known('case-1')).toBe('F1');
    await expect(streams.lookUp('case-1')).resolves.toBe('F1');
    expect(control.reads).toEqual(['case-1']);
  });

  test('a stream that does not exist is not remembered: it may be written later', async () => {
    const control = controlledReads({});
    const streams = createStreamFacilities({ readFirst: control.readFirst });
    const answer = streams.lookUp('case-9');
    await control.releaseAll();
    await expect(answer).resolves.toBeNull();
    expect(streams.known('case-9')).toBeUndefined();
  });

  test('first events seen in passing are remembered without a read; others are not', () => {
    const streams = createStreamFacilities({ readFirst: () => Promise.reject(new Error('no read expected')) });
    streams.remember(opened('case-2', 'F2'));
    streams.remember({ stream: 'patient-3', revision: 0, type: 'PatientRegistered', data: {}, metadata: { facilityId: 'F3' } });
    streams.remember({ ...opened('case-4', 'F4'), revision: 1 });
    streams.remember(opened('access-2026-03-01', 'F5'));
    expect(streams.known('case-2')).toBe('F2');
    expect(streams.known('patient-3')).toBe('F3');
    expect(streams.known('case-4')).toBeUndefined();
    expect(streams.known('access-2026-03-01')).toBeUndefined();
  });

  test('reads at most `concurrency` first events at once, and answers every one', async () => {
    const firstEvents = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`case-${i}`, opened(`case-${i}`, `F${i % 3}`)]));
    const control = controlledReads(firstEvents);
    const streams = createStreamFacilities({ readFirst: control.readFirst, concurrency: 4 });
    const answers = Promise.all(Array.from({ length: 40 }, (_, i) => streams.lookUp(`case-${i}`)));
    await control.releaseAll();
    await expect(answers).resolves.toEqual(Array.from({ length: 40 }, (_, i) => `F${i % 3}`));
    expect(control.mostAtOnce()).toBe(4);
  });

  test('forgets the least recently used streams past its capacity', () => {
    const streams = createStreamFacilities({ readFirst: () => Promise.resolve(null), capacity: 2 });
    streams.remember(opened('case-1', 'F1'));
    streams.remember(opened('case-2', 'F2'));
    expect(streams.known('case-1')).toBe('F1'); // now the most recent
    streams.remember(opened('case-3', 'F3'));
    expect(streams.known('case-2')).toBeUndefined();
    expect(streams.known('case-1')).toBe('F1');
    expect(streams.known('case-3')).toBe('F3');
  });

  test('a failed read fails the lookup and is tried again next time', async () => {
    let fail = true;
    const streams = createStreamFacilities({
      readFirst: async (stream) => {
        if (fail) throw new Error('unreachable');
        return opened(stream, 'F1');
      },
    });
    await expect(streams.lookUp('case-1')).rejects.toThrow('unreachable');
    fail = false;
    await expect(streams.lookUp('case-1')).resolves.toBe('F1');
  });
});

describe('the KurrentDB filter with facilities', () => {
  const streams = createStreamFacilities({ readFirst: () => Promise.resolve(null) });
  const serverFilterOf = (filter: Parameters<typeof planFilter>[0]) =>
    planFilter(filter, streams).server() as unknown as Record<string, unknown>;

  test('keeps the type or stream filter on the server, and checks facilities here', () => {
    expect(serverFilterOf({ facilities: ['F1'], types: ['CaseOpened'] })).toMatchObject({
      filterOn: 'eventType',
      regex: '^(?:CaseOpened)$',
    });
    expect(serverFilterOf({ facilities: ['F1'], streamPrefix: 'case-' })).toMatchObject({ filterOn: 'streamName', prefixes: ['case-'] });
    expect(planFilter({ facilities: ['F1'] }, streams).clientSide).toBe(true);
    expect(planFilter({ types: ['CaseOpened'] }, streams).clientSide).toBe(false);
  });

  test('[] matches nothing, and asks nothing of the server', () => {
    expect(planFilter({ facilities: [] }, streams).matchesNothing).toBe(true);
    expect(planFilter({ facilities: [], types: ['CaseOpened'] }, streams).matchesNothing).toBe(true);
  });

  test('an event naming its facility, or the first event of its stream, is decided without a read', () => {
    const plan = planFilter({ facilities: ['F1'] }, streams);
    const event = (streamId: string, revision: bigint, data: unknown, metadata: unknown) => ({
      streamId,
      revision,
      type: 'T',
      data,
      metadata,
    });
    expect(plan.matches(event('case-1', 3n, {}, { facilityId: 'F1' }))).toBe(true);
    expect(plan.matches(event('case-1', 3n, {}, { facilityId: 'F2' }))).toBe(false);
    expect(plan.matches(event('case-1', 0n, { facilityId: 'F1' }, {}))).toBe(true);
    // Remembered from the first event just seen.
    expect(plan.matches(event('case-1', 1n, {}, {}))).toBe(true);
    expect(plan.matches(event('other-1', 0n, { facilityId: 'F1' }, {}))).toBe(false);
  });

  test('needs the stream facilities of its store', () => {
    expect(() => planFilter({ facilities: ['F1'] })).toThrow('stream facilities');
  });
});
