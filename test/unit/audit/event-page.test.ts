/**
 * Audit-log paging: every filter goes to the store, so a page reads about a page from the store wherever
 * it is, pages are full however narrow the filter, and following endCursor visits every match exactly once.
 */
import { auditLogPlan } from '../../../src/audit/audit-log-query';
import { readEventPage, readEventPageBackwards, type EventPageQuery } from '../../../src/audit/event-page';
import type { EventStore, NewEvent, Position, RecordedEvent } from '../../../src/eventstore/port';
import { createSqliteEventStore } from '../../../src/eventstore/sqlite';
import { append } from './fixtures';
import { portEvent } from '../../support/port-events';

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

  it('pushes actor and recording time down to the store too: every event read is a match', async () => {
    const plan = auditLogPlan({ actorId: 'rn-7', recordedFrom: '2026-03-11T00:00:00.000Z', recordedTo: '2026-03-12T23:59:59.999Z' });
    const counted = counting(store);
    const { events, pages } = await allPages(counted, { ...plan, first: 3 });
    expect(events.map((e) => e.data.i)).toEqual([100, 150, 200, 250]);
    expect(pages).toBe(2);
    // 4 matches in pages of 3: the first page and its look-ahead, then the last one
    expect(counted.eventsRead).toBe(5);
  });

  it('reads a backward page as one read of a page and one event, answered in ascending order', async () => {
    const all = await store.readAll();
    const counted = counting(store);
    const newest = await readEventPageBackwards(counted, { last: 20 });
    expect(newest.events.map((e) => e.data.i)).toEqual(Array.from({ length: 20 }, (_, i) => 280 + i));
    expect(newest.hasPreviousPage).toBe(true);
    expect(newest.startPosition).toBe(all[280]!.position);
    expect(counted.eventsRead).toBe(21);

    const plan = auditLogPlan({ actorId: 'rn-7', recordedFrom: '2026-03-11T00:00:00.000Z' });
    const before = await readEventPageBackwards(store, { ...plan, last: 2, before: all[250]!.position });
    expect(before.events.map((e) => e.data.i)).toEqual([150, 200]);
    expect(before.hasPreviousPage).toBe(true);
    const first = await readEventPageBackwards(store, { ...plan, last: 2, before: before.startPosition ?? undefined });
    expect(first.events.map((e) => e.data.i)).toEqual([100]);
    expect(first.hasPreviousPage).toBe(false);
    // Before the first match: an empty page that keeps its cursor.
    const none = await readEventPageBackwards(store, { ...plan, last: 2, before: all[100]!.position });
    expect(none).toEqual({ events: [], hasPreviousPage: false, startPosition: all[100]!.position });
  });

  it('answers with the page and no next page when the filter matches the last events', async () => {
    const page = await readEventPage(store, { ...auditLogPlan({ recordedFrom: '2026-03-12T00:00:00.000Z' }), first: 100 });
    expect(page.events).toHaveLength(100);
    expect(page.hasNextPage).toBe(false);
  });
});

describe('readEventPage with a narrow filter over many events', () => {
  const store = createSqliteEventStore({ path: ':memory:' });
  const EVENTS = 30_000;
  /** The nurse recorded 4 of the 30,000 events, more than 10,000 events apart. */
  const NURSE_AT = [0, 12_000, 24_000, EVENTS - 1];
  const recordedAt = (i: number): string => new Date(Date.parse('2026-03-01T00:00:00.000Z') + i * 1000).toISOString();

  beforeAll(async () => {
    const batch = (from: number, count: number): NewEvent[] =>
      Array.from({ length: count }, (_, k) => {
        const i = from + k;
        return newEvent(i, NURSE_AT.includes(i) ? 'rn-7' : 'dr-1', recordedAt(i));
      });
    // Appends called together share one write transaction: 30 appends of 1,000 events, in order.
    await Promise.all(Array.from({ length: EVENTS / 1000 }, (_, b) => store.append(`case-${b}`, batch(b * 1000, 1000), 'no_stream')));
  });
  afterAll(() => store.close());

  it('returns full pages, each one read from the store as a page and one event more', async () => {
    const counted = counting(store);
    const firstPage = await readEventPage(counted, { ...auditLogPlan({ actorId: 'rn-7' }), first: 2 });
    expect(firstPage.events.map((e) => e.data.i)).toEqual([0, 12_000]);
    expect(firstPage.hasNextPage).toBe(true);
    expect(counted.eventsRead).toBe(3);

    const lastPage = await readEventPage(counted, {
      ...auditLogPlan({ actorId: 'rn-7' }),
      first: 2,
      after: firstPage.endPosition ?? undefined,
    });
    expect(lastPage.events.map((e) => e.data.i)).toEqual([24_000, EVENTS - 1]);
    expect(lastPage.hasNextPage).toBe(false);
    expect(counted.eventsRead).toBe(5);
  });

  it('does the same for a recording-time range, alone or with the actor', async () => {
    const range = { recordedFrom: recordedAt(11_000), recordedTo: recordedAt(25_000) };
    const counted = counting(store);
    const { events } = await allPages(counted, { ...auditLogPlan({ ...range, actorId: 'rn-7' }), first: 1 });
    expect(events.map((e) => e.data.i)).toEqual([12_000, 24_000]);
    expect(counted.eventsRead).toBe(3);

    const page = await readEventPage(store, { ...auditLogPlan(range), first: 100 });
    expect(page.events.map((e) => e.data.i)).toEqual(Array.from({ length: 100 }, (_, k) => 11_000 + k));
    expect(page.hasNextPage).toBe(true);
  });
});

function newEvent(i: number, actorId: string, recordedAt: string): NewEvent {
  return portEvent('Noted', { i }, { actor: { id: actorId, role: 'CLINICIAN', name: 'Test' }, recordedAt, occurredAt: recordedAt });
}
