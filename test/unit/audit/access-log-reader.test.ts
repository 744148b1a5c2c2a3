/** Reading the access log back across days: in order of access, filtered, paged, reading only the days asked for. */
import fc from 'fast-check';
import {
  readAccessLogPage,
  readAccessLogPageBackwards,
  type AccessLogCursor,
  type AccessLogQuery,
} from '../../../src/audit/access-log-reader';
import { createEventStoreAccessLog } from '../../../src/audit/event-store-access-log';
import type { EventStore, ReadStreamOptions } from '../../../src/eventstore/port';
import { createSqliteEventStore } from '../../../src/eventstore/sqlite';

const NOW = new Date('2026-04-10T12:00:00.000Z');
const AUDITOR = { id: 'aud-1', name: 'Ann Auditor', role: 'AUDITOR' };
const CLINICIAN = { id: 'dr-1', name: 'Dr One', role: 'CLINICIAN' };

/** Remembers which streams were read. */
function watching(store: EventStore): EventStore & { streamsRead: string[] } {
  const watched = Object.create(store) as EventStore & { streamsRead: string[] };
  watched.streamsRead = [];
  watched.readStream = (stream: string, options?: ReadStreamOptions) => {
    watched.streamsRead.push(stream);
    return store.readStream(stream, options);
  };
  return watched;
}

async function everything(store: EventStore, query: AccessLogQuery, first: number, scanLimit?: number) {
  const entries = [];
  let after: AccessLogCursor | undefined;
  let pages = 0;
  for (;;) {
    const page = await readAccessLogPage(store, query, { first, after, now: NOW, scanLimit });
    pages += 1;
    entries.push(...page.entries);
    if (!page.hasNextPage) return { entries, pages };
    after = page.end ?? undefined;
  }
}

describe('readAccessLogPage', () => {
  const store = createSqliteEventStore({ path: ':memory:' });
  beforeAll(async () => {
    // accesses on April 1, 2, 5 and 9; none on the days between
    let now = new Date();
    const log = createEventStoreAccessLog({ store, clock: () => now });
    const days = ['2026-04-01', '2026-04-02', '2026-04-05', '2026-04-09'];
    for (const [d, day] of days.entries()) {
      for (let i = 0; i < 5; i++) {
        now = new Date(`${day}T0${i}:30:00.000Z`);
        log.record({
          actor: i % 2 === 0 ? CLINICIAN : AUDITOR,
          operation: 'case',
          caseId: `c-${d}-${i}`,
          patientId: i === 3 ? 'p-3' : 'p-1',
          outcome: 'OK',
          correlationId: `r-${d}-${i}`,
        });
      }
      await log.flush();
    }
    await log.close();
  });
  afterAll(() => store.close());

  /** Every entry backwards, `last` at a time, from `before` (or the end); in the order of access. */
  async function backwards(query: AccessLogQuery, last: number, before?: AccessLogCursor, scanLimit?: number) {
    const pages: string[][] = [];
    for (let guard = 0; guard < 200; guard++) {
      const page = await readAccessLogPageBackwards(store, query, { last, before, now: NOW, scanLimit });
      expect(page.entries.length).toBeLessThanOrEqual(last);
      pages.unshift(page.entries.map((e) => e.correlationId));
      if (!page.hasPreviousPage) return pages.flat();
      before = page.start ?? undefined;
    }
    throw new Error('no end');
  }

  it('reads backwards exactly what it reads forwards, from the end or from any entry, filtered or not', async () => {
    const queries: AccessLogQuery[] = [
      {},
      { patientId: 'p-3' },
      { actorId: AUDITOR.id },
      { from: '2026-04-02T02:00:00.000Z', to: '2026-04-06T00:00:00.000Z' },
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...queries),
        fc.integer({ min: 1, max: 7 }),
        fc.option(fc.integer({ min: 2, max: 15 }), { nil: undefined }),
        fc.nat(),
        async (query, last, scanLimit, at) => {
          const forwards = (await everything(store, query, 100)).entries;
          const ids = forwards.map((e) => e.correlationId);
          expect(await backwards(query, last, undefined, scanLimit)).toEqual(ids);
          if (forwards.length > 0) {
            const from = at % forwards.length;
            expect(await backwards(query, last, forwards[from]!.cursor, scanLimit)).toEqual(ids.slice(0, from));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('lists every access in the order it happened, page by page', async () => {
    const { entries, pages } = await everything(store, {}, 6);
    expect(entries.map((e) => e.caseId)).toEqual(['0', '1', '2', '3'].flatMap((d) => [0, 1, 2, 3, 4].map((i) => `c-${d}-${i}`)));
    expect(pages).toBe(4);
    expect(entries[0]).toMatchObject({
      actor: CLINICIAN,
      operation: 'case',
      patientId: 'p-1',
      outcome: 'OK',
      accessedAt: '2026-04-01T00:30:00.000Z',
      correlationId: 'r-0-0',
    });
  });

  it('filters by actor, patient and case', async () => {
    expect((await everything(store, { actorId: 'aud-1' }, 100)).entries).toHaveLength(8);
    expect((await everything(store, { patientId: 'p-3' }, 100)).entries.map((e) => e.caseId)).toEqual(['c-0-3', 'c-1-3', 'c-2-3', 'c-3-3']);
    expect((await everything(store, { caseId: 'c-2-4', actorId: 'dr-1' }, 100)).entries.map((e) => e.accessedAt)).toEqual([
      '2026-04-05T04:30:00.000Z',
    ]);
  });

  it('reads only the day streams of a time range', async () => {
    const watched = watching(store);
    const { entries } = await everything(watched, { from: '2026-04-02T01:00:00.000Z', to: '2026-04-05T02:00:00.000Z' }, 100);
    expect(entries.map((e) => e.caseId)).toEqual(['c-1-1', 'c-1-2', 'c-1-3', 'c-1-4', 'c-2-0', 'c-2-1']);
    expect(new Set(watched.streamsRead)).toEqual(
      new Set(['access-2026-04-02', 'access-2026-04-03', 'access-2026-04-04', 'access-2026-04-05']),
    );
  });

  it('stops at today for a range reaching into the future', async () => {
    const watched = watching(store);
    const page = await readAccessLogPage(
      watched,
      { from: '2026-04-09T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' },
      { first: 100, now: NOW },
    );
    expect(page).toMatchObject({ hasNextPage: false, entries: [expect.objectContaining({ caseId: 'c-3-0' }), {}, {}, {}, {}] });
    expect(watched.streamsRead).toEqual(['access-2026-04-09', 'access-2026-04-10', 'access-2026-04-11']);
  });

  it('bounds the work of one call by the scan limit, and resumes where it stopped', async () => {
    const page = await readAccessLogPage(store, { patientId: 'p-3' }, { first: 10, now: NOW, scanLimit: 4 });
    expect(page.entries.map((e) => e.caseId)).toEqual(['c-0-3']);
    expect(page.hasNextPage).toBe(true);
    const { entries } = await everything(store, { patientId: 'p-3' }, 10, 4);
    expect(entries.map((e) => e.caseId)).toEqual(['c-0-3', 'c-1-3', 'c-2-3', 'c-3-3']);
  });

  it('answers an empty page for a range without accesses', async () => {
    expect(
      await readAccessLogPage(store, { from: '2026-04-03T00:00:00.000Z', to: '2026-04-04T23:59:59.999Z' }, { first: 10, now: NOW }),
    ).toMatchObject({ entries: [], hasNextPage: false });
  });
});
