/**
 * Audit-log paging: a page reads about a page from the store wherever it is, filters the store cannot
 * index are bounded per request, and following endCursor visits every match exactly once.
 */
import { auditLogPlan } from '../../../src/audit/audit-log-query';
import { readEventPage, type EventPageQuery } from '../../../src/audit/event-page';
import type { EventStore, Position, RecordedEvent } from '../../../src/eventstore/port';
import { createSqliteEventStore } from '../../../src/eventstore/sqlite';
import { append } from './fixtures';

/** Counts what the store hands back, the cost a page puts on it. */
function counting(store: EventStore): EventStore & { eventsRead: number } {
  const counted = Object.create(store) as EventStore & { eventsRead: number };
  counted.eventsRead = 0;
  counted.readAll = async (options) => {
    const events = await store.readAll(options);
    counted.eventsRead += events.length;
    return events;
  };
  return counted;
}

async function allPages(store: EventStore, query: Omit<EventPageQuery, 'after'>): Promise<{ events: RecordedEvent[]; pages: number }> {
  const events: RecordedEvent[] = [];
  let after: Position | undefined;
  let pages = 0;
  for (;;) {
    const page = await readEventPage(store, { ...query, after });
    pages += 1;
    events.push(...page.events);
    if (!page.hasNextPage) return { events, pages };
    after = page.endPosition ?? undefined;
  }
}

describe('readEventPage', () => {
  const store = createSqliteEventStore({ path: ':memory:' });
  const NURSE = { id: 'rn-7', name: 'Nurse Seven', role: 'CLINICIAN' };
  beforeAll(async () => {
    // 300 events; every 50th recorded by the nurse, the rest by Dr One; a day apart every 100 events
    for (let i = 0; i < 300; i++) {
      const day = 10 + Math.floor(i / 100);
      await append(store, `case-${i % 7}`, [
        {
          type: i % 3 === 0 ? 'InjectionGiven' : 'Noted',
          data: { i },
          actor: i % 50 === 0 ? NURSE : undefined,
          recordedAt: `2026-03-${day}T12:00:00.000Z`,
        },
      ]);
    }
  });
  afterAll(() => store.close());

  it('reads one page (and one event to know there is more) for the first page and for the last', async () => {
    const first = counting(store);
    const firstPage = await readEventPage(first, { first: 20 });
    expect(firstPage.events.map((e) => e.data.i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(firstPage.hasNextPage).toBe(true);
    expect(first.eventsRead).toBe(21);

    const all = await store.readAll();
    const last = counting(store);
    const lastPage = await readEventPage(last, { first: 20, after: all[279]!.position });
    expect(lastPage.events.map((e) => e.data.i)).toEqual(Array.from({ length: 20 }, (_, i) => 280 + i));
    expect(lastPage.hasNextPage).toBe(false);
    expect(last.eventsRead).toBe(20);
  });

  it('pushes types and stream prefix down to the store', async () => {
    const counted = counting(store);
    const { events } = await allPages(counted, { ...auditLogPlan({ types: ['InjectionGiven'], streamPrefix: 'case-3' }), first: 5 });
    const expected = Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 3 === 0 && i % 7 === 3);
    expect(events.map((e) => e.data.i)).toEqual(expected);
    // every event read was a match (plus one look-ahead per page)
    expect(counted.eventsRead).toBeLessThanOrEqual(expected.length + Math.ceil(expected.length / 5));
  });

  it('checks actor and recording time per event, never scanning more than the scan limit in one call', async () => {
    const plan = auditLogPlan({ actorId: 'rn-7', recordedFrom: '2026-03-11T00:00:00.000Z', recordedTo: '2026-03-12T23:59:59.999Z' });
    const counted = counting(store);
    const page = await readEventPage(counted, { ...plan, first: 10, scanLimit: 60 });
    expect(counted.eventsRead).toBeLessThanOrEqual(60);
    expect(page.events).toEqual([]);
    expect(page.hasNextPage).toBe(true);

    const { events, pages } = await allPages(store, { ...plan, first: 10, scanLimit: 60 });
    expect(events.map((e) => e.data.i)).toEqual([100, 150, 200, 250]);
    expect(pages).toBeGreaterThan(1);
  });

  it('answers with the page and no next page when the filter matches the last events', async () => {
    const page = await readEventPage(store, { ...auditLogPlan({ recordedFrom: '2026-03-12T00:00:00.000Z' }), first: 100 });
    expect(page.events).toHaveLength(100);
    expect(page.hasNextPage).toBe(false);
  });
});
