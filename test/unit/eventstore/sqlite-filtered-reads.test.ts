/**
 * The SQLite adapter's filtered reads beyond the contract: every combination of filters over a history
 * whose clocks disagree (late rows, offsets, missing milliseconds, unreadable times) equals a plain
 * filter over all events, page by page; a recording-time range reads only its position window; and
 * files written by schema versions 1 and 2 are migrated on open.
 */
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { facilityNamedByFirstEvent, facilityOf } from '../../../src/eventstore/event-facility';
import type { EventFilter, JsonObject, NewEvent, Position, RecordedEvent, SubscriptionMessage } from '../../../src/eventstore/port';
import { createSqliteEventStore, type SqliteEventStore } from '../../../src/eventstore/sqlite';
import { readAll } from '../../../src/eventstore/sqlite/reads';
import { openDatabase } from '../../../src/eventstore/sqlite/schema';
import { prepareStatements } from '../../../src/eventstore/sqlite/statements';
import { makeTempDir } from '../../support/sqlite-temp';
import { portEvent } from '../../support/port-events';

/** mulberry32: the same history and filters on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START_MS = Date.parse('2026-03-01T08:00:00.000Z');
const MINUTE = 60_000;

const event = (type: string, actorId: string, recordedAt: string, data: JsonObject = {}, facilityId?: string): NewEvent =>
  portEvent(type, data, {
    actor: { id: actorId, role: 'CLINICIAN', name: 'Test' },
    recordedAt,
    occurredAt: recordedAt,
    ...(facilityId === undefined ? {} : { facilityId }),
  });

/** The same instant spelled as another writer might: with an offset, without milliseconds. */
function spell(ms: number, style: number): string {
  const iso = new Date(ms).toISOString();
  if (style === 0) return new Date(ms - (ms % 1000)).toISOString().replace('.000Z', 'Z');
  if (style === 1) return `${new Date(ms + 2 * 3600_000).toISOString().slice(0, 23)}+02:00`;
  return iso;
}

/**
 * Each event's facility by event-facility.ts, as it stood when the event was written: the SQLite store
 * settles it then, so an access record written before the case it names is of no facility.
 */
function facilitiesOf(all: readonly RecordedEvent[]): Map<string, string | null> {
  const firstEvents = new Map<string, RecordedEvent>();
  const facilities = new Map<string, string | null>();
  for (const e of all) {
    if (e.revision === 0) firstEvents.set(e.stream, e);
    facilities.set(
      e.id,
      facilityOf(e, (stream) => {
        const first = firstEvents.get(stream);
        return first ? facilityNamedByFirstEvent(first) : null;
      }),
    );
  }
  return facilities;
}

/** What a filter means, written plainly; `facilities`: each event's facility (facilitiesOf the whole history). */
function reference(all: readonly RecordedEvent[], filter: EventFilter, facilities: Map<string, string | null>): RecordedEvent[] {
  const from = filter.recordedFrom === undefined ? null : Date.parse(filter.recordedFrom);
  const to = filter.recordedTo === undefined ? null : Date.parse(filter.recordedTo);
  return all.filter((e) => {
    if (filter.types && !filter.types.includes(e.type)) return false;
    if (filter.streamPrefix !== undefined && !e.stream.startsWith(filter.streamPrefix)) return false;
    if (filter.actorId !== undefined && e.metadata.actor.id !== filter.actorId) return false;
    if (filter.facilities && !filter.facilities.includes(facilities.get(e.id) as string)) return false;
    if (from === null && to === null) return true;
    const at = Date.parse(e.metadata.recordedAt);
    return !Number.isNaN(at) && (from === null || at >= from) && (to === null || at <= to);
  });
}

const STREAMS = ['case-1', 'case-2', 'case-13', 'patient-1', 'patient-2', 'access-2026-03-01', 'access-2026-03-02'];
const TYPES = ['CaseOpened', 'HarvestPerformed', 'InjectionGiven', 'PatientDataAccessed'];
const FACILITIES = ['F1', 'F2', 'F3'];
const ACTORS = ['dr-1', 'dr-2', 'rn-7', 'aud-9'];
const PREFIXES = ['case-', 'case-1', 'patient-', 'pat', 'access-2026-03-0', ''];

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

describe('filtered reads over a history whose clocks disagree', () => {
  const random = prng(20260301);
  let store: SqliteEventStore;
  let all: RecordedEvent[];
  let facilities: Map<string, string | null>;
  let clockMs = START_MS;

  beforeAll(async () => {
    store = createSqliteEventStore({ path: ':memory:', pageSize: 5 });
    for (let i = 0; i < 600; i++) {
      clockMs += Math.floor(random() * 3 * MINUTE);
      // One append in five took its time from a clock up to ten minutes behind (a slow append, another process).
      const ms = random() < 0.2 ? clockMs - Math.floor(random() * 10 * MINUTE) : clockMs;
      const recordedAt = random() < 0.02 ? 'not a time' : spell(ms, Math.floor(random() * 3));
      const type = pick(random, TYPES);
      // Half the events name their facility; the others are placed as older events are, by their stream or their case.
      const facilityId = random() < 0.5 ? pick(random, FACILITIES) : undefined;
      const data: JsonObject =
        type === 'PatientDataAccessed'
          ? { caseId: random() < 0.7 ? pick(random, ['1', '2', '13', '99']) : null, patientId: pick(random, ['1', '2']) }
          : { facilityId: pick(random, FACILITIES) };
      await store.append(pick(random, STREAMS), [event(type, pick(random, ACTORS), recordedAt, data, facilityId)], 'any');
    }
    all = await store.readAll();
    facilities = facilitiesOf(all);
  });
  afterAll(() => store.close());

  function randomFilter(): EventFilter {
    const filter: EventFilter = {};
    const span = clockMs - START_MS;
    const instant = (): string => spell(START_MS - 5 * MINUTE + Math.floor(random() * (span + 10 * MINUTE)), Math.floor(random() * 3));
    if (random() < 0.3) filter.types = TYPES.filter(() => random() < 0.4);
    if (random() < 0.4) filter.streamPrefix = pick(random, PREFIXES);
    if (random() < 0.5) filter.actorId = pick(random, ACTORS);
    if (random() < 0.5) filter.facilities = FACILITIES.filter(() => random() < 0.5);
    if (random() < 0.6) filter.recordedFrom = instant();
    if (random() < 0.6) filter.recordedTo = instant();
    if (filter.recordedFrom && filter.recordedTo && random() < 0.8 && Date.parse(filter.recordedFrom) > Date.parse(filter.recordedTo)) {
      [filter.recordedFrom, filter.recordedTo] = [filter.recordedTo, filter.recordedFrom];
    }
    return filter;
  }

  it('has late events, other spellings, unreadable times and older events without a facility to deal with', () => {
    let latest = '';
    let late = 0;
    for (const e of all) {
      const at = Date.parse(e.metadata.recordedAt);
      if (Number.isNaN(at)) continue;
      const iso = new Date(at).toISOString();
      if (iso < latest) late++;
      else latest = iso;
    }
    expect(late).toBeGreaterThan(50);
    expect(all.some((e) => e.metadata.recordedAt.endsWith('+02:00'))).toBe(true);
    expect(all.some((e) => e.metadata.recordedAt === 'not a time')).toBe(true);
    // Events without metadata.facilityId placed by their stream or their case, and some of no facility.
    const derived = all.filter((e) => e.metadata.facilityId === undefined);
    expect(derived.filter((e) => facilities.get(e.id) !== null).length).toBeGreaterThan(50);
    expect(derived.filter((e) => e.type === 'PatientDataAccessed' && facilities.get(e.id) !== null).length).toBeGreaterThan(5);
    expect(all.filter((e) => facilities.get(e.id) === null).length).toBeGreaterThan(10);
  });

  it('reads exactly the matching events, in full pages from any cursor, for 300 random filters', async () => {
    for (let n = 0; n < 300; n++) {
      const filter = randomFilter();
      const expected = reference(all, filter, facilities).map((e) => e.id);
      expect({ filter, ids: (await store.readAll({ filter })).map((e) => e.id) }).toEqual({ filter, ids: expected });

      const maxCount = 1 + Math.floor(random() * 7);
      const start = random() < 0.5 ? undefined : all[Math.floor(random() * all.length)]?.position;
      const expectedAfter = reference(
        all.filter((e) => start === undefined || e.position > start),
        filter,
        facilities,
      ).map((e) => e.id);
      const pages: string[][] = [];
      for (let after: Position | undefined = start; ;) {
        const page = await store.readAll({ after, maxCount, filter });
        if (page.length === 0) break;
        pages.push(page.map((e) => e.id));
        after = page[page.length - 1]?.position;
      }
      expect({ filter, maxCount, ids: pages.flat() }).toEqual({ filter, maxCount, ids: expectedAfter });
      expect(pages.slice(0, -1).every((page) => page.length === maxCount)).toBe(true);
    }
  });

  it('reads backwards exactly the matching events, newest first, in full pages from any cursor, for 300 random filters', async () => {
    for (let n = 0; n < 300; n++) {
      const filter = randomFilter();
      const maxCount = 1 + Math.floor(random() * 7);
      const start = random() < 0.5 ? undefined : all[Math.floor(random() * all.length)]?.position;
      const expectedBefore = reference(
        all.filter((e) => start === undefined || e.position < start),
        filter,
        facilities,
      )
        .map((e) => e.id)
        .reverse();
      const pages: string[][] = [];
      for (let before: Position | undefined = start; ;) {
        const page = await store.readAll({ direction: 'backwards', before, maxCount, filter });
        if (page.length === 0) break;
        pages.push(page.map((e) => e.id));
        before = page[page.length - 1]?.position;
      }
      expect({ filter, maxCount, ids: pages.flat() }).toEqual({ filter, maxCount, ids: expectedBefore });
      expect(pages.slice(0, -1).every((page) => page.length === maxCount)).toBe(true);
    }
  });

  it('subscriptions deliver the same events, in pages through the indexes, then a checkpoint at the head', async () => {
    for (let n = 0; n < 30; n++) {
      const filter = randomFilter();
      const iterator = store.subscribeToAll({ filter })[Symbol.asyncIterator]();
      const messages: SubscriptionMessage[] = [];
      for (;;) {
        const next = await iterator.next();
        if (next.done) throw new Error('subscription ended');
        messages.push(next.value);
        if (next.value.kind === 'caughtUp') break;
      }
      await iterator.return?.();
      const delivered = messages.flatMap((m) => (m.kind === 'event' ? [m.event.id] : []));
      expect({ filter, delivered }).toEqual({ filter, delivered: reference(all, filter, facilities).map((e) => e.id) });
      expect(messages[messages.length - 1]).toEqual({ kind: 'caughtUp', position: all[all.length - 1]?.position });
    }
  });
});

describe('a recording-time range reads only its position window', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  /** Every filtered read run on a connection of our own to the file: its driving index and its parameters. */
  function spiedConnection(path: string) {
    const db = openDatabase(path);
    const st = prepareStatements(db);
    const calls: { driver: string; params: Record<string, unknown> }[] = [];
    const driverOf = (sql: string): string =>
      /events_recorded_late/.test(sql)
        ? 'late'
        : (/^\s*(actor_id|type|category) = /m.exec(sql.split('WHERE ')[1] ?? '')?.[1] ?? 'position');
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      const statement = prepare(sql);
      if (!sql.startsWith('SELECT position, id')) return statement;
      const all = statement.all.bind(statement);
      statement.all = ((params: Record<string, unknown>) => {
        calls.push({ driver: driverOf(sql), params });
        return all(params);
      }) as typeof statement.all;
      return statement;
    }) as typeof db.prepare;
    return { db, st, calls };
  }

  it('pages of a range in the middle of a long history are read from their window, whatever drives the read', async () => {
    const path = temp.file();
    const store = createSqliteEventStore({ path });
    // 1000 events a minute apart; #600 was recorded late, half an hour before its neighbours.
    // Appends called together share one transaction, in call order: positions 1–1000 for #0–#999.
    await Promise.all(
      Array.from({ length: 1000 }, (_, i) => {
        const ms = START_MS + (i === 600 ? i - 30 : i) * MINUTE;
        const actor = i % 4 === 1 || i === 600 ? 'rn-7' : 'dr-1';
        return store.append(`case-${i % 10}`, [event(i % 2 ? 'Noted' : 'InjectionGiven', actor, new Date(ms).toISOString())], 'any');
      }),
    );
    await store.close();
    const { db, st, calls } = spiedConnection(path);
    const minute = (i: number): string => new Date(START_MS + i * MINUTE).toISOString();
    const positionsOf = (events: RecordedEvent[]): number[] => events.map((e) => Number(e.position));

    // Minutes 560–580 hold events #560–#580 (positions 561–581) and the late #600 (position 601).
    const range = { recordedFrom: minute(560), recordedTo: minute(580) };
    const page = readAll(st, { maxCount: 30, filter: range });
    expect(positionsOf(page)).toEqual([...Array.from({ length: 21 }, (_, i) => 561 + i), 601]);
    expect(calls).toEqual([
      { driver: 'position', params: expect.objectContaining({ after: 560n, until: 581n }) },
      { driver: 'late', params: expect.objectContaining({ after: 581n }) },
    ]);

    calls.length = 0;
    const byActor = readAll(st, { after: 570n, maxCount: 3, filter: { ...range, actorId: 'rn-7' } });
    expect(positionsOf(byActor)).toEqual([574, 578, 601]);
    expect(calls.map((c) => [c.driver, c.params.after, c.params.until])).toEqual([
      ['actor_id', 570n, 581n],
      ['late', 581n, undefined],
    ]);

    calls.length = 0;
    const byType = readAll(st, { maxCount: 5, filter: { types: ['InjectionGiven'], recordedFrom: minute(990) } });
    expect(positionsOf(byType)).toEqual([991, 993, 995, 997, 999]);
    // Open-ended: the window runs to the end and no late row can lie beyond it.
    expect(calls.map((c) => [c.driver, c.params.after])).toEqual([['type', 990n]]);
    db.close();
  });
});

describe('files written by schema version 1', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  /** Schema version 1 as it was written (recorded_at as the caller spelled it, one index on it). */
  function writeVersion1File(path: string, rows: { stream: string; actor: string; recordedAt: string }[]): void {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec(`
      CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, stream TEXT NOT NULL,
        revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
        category TEXT, actor_id TEXT, recorded_at TEXT);
      CREATE UNIQUE INDEX events_by_id ON events (id);
      CREATE UNIQUE INDEX events_by_stream ON events (stream, revision);
      CREATE INDEX events_by_type ON events (type, position);
      CREATE INDEX events_by_category ON events (category, position);
      CREATE INDEX events_by_actor ON events (actor_id, position);
      CREATE INDEX events_by_recorded_at ON events (recorded_at, position);
    `);
    const insert = db.prepare(`INSERT INTO events (id, stream, revision, type, data, metadata, category, actor_id, recorded_at)
      VALUES (@id, @stream, 0, 'Noted', '{}', @metadata, 'case', @actor, @recordedAt)`);
    for (const row of rows) {
      const e = event('Noted', row.actor, row.recordedAt);
      insert.run({ id: e.id, stream: row.stream, metadata: JSON.stringify(e.metadata), actor: row.actor, recordedAt: row.recordedAt });
    }
    db.pragma('user_version = 1');
    db.close();
  }

  it('are migrated on open: recording times canonical, late rows marked, the same answers as a new file', async () => {
    const path = temp.file();
    writeVersion1File(path, [
      { stream: 'case-1', actor: 'dr-1', recordedAt: '2026-03-01T10:00:00Z' },
      { stream: 'case-2', actor: 'dr-2', recordedAt: '2026-03-01T11:30:00+02:00' }, // 09:30Z: late
      { stream: 'case-3', actor: 'dr-1', recordedAt: '2026-03-01T10:10:00.000Z' },
      { stream: 'case-4', actor: 'dr-1', recordedAt: 'unknown' },
      { stream: 'case-5', actor: 'dr-2', recordedAt: '2026-03-01T10:05:00.000Z' }, // late
      { stream: 'case-6', actor: 'dr-2', recordedAt: '2026-03-01T10:20:00.000Z' },
    ]);
    const store = createSqliteEventStore({ path });
    const streams = async (filter: EventFilter): Promise<string[]> => (await store.readAll({ filter })).map((e) => e.stream);
    expect(await streams({ recordedFrom: '2026-03-01T10:00:00Z', recordedTo: '2026-03-01T10:10:00Z' })).toEqual([
      'case-1',
      'case-3',
      'case-5',
    ]);
    expect(await streams({ recordedTo: '2026-03-01T09:45:00Z' })).toEqual(['case-2']);
    expect(await streams({ actorId: 'dr-2', recordedFrom: '2026-03-01T09:00:00Z' })).toEqual(['case-2', 'case-5', 'case-6']);

    await store.append('case-7', [event('Noted', 'dr-1', '2026-03-01T10:15:00.000Z')], 'no_stream'); // late
    expect(await streams({ recordedFrom: '2026-03-01T10:12:00Z', recordedTo: '2026-03-01T10:17:00Z' })).toEqual(['case-7']);
    await store.close();

    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    const rows = db.prepare('SELECT stream, recorded_at AS recordedAt, recorded_late AS late FROM events ORDER BY position').all();
    expect(rows).toEqual([
      { stream: 'case-1', recordedAt: '2026-03-01T10:00:00.000Z', late: 0 },
      { stream: 'case-2', recordedAt: '2026-03-01T09:30:00.000Z', late: 1 },
      { stream: 'case-3', recordedAt: '2026-03-01T10:10:00.000Z', late: 0 },
      { stream: 'case-4', recordedAt: null, late: null },
      { stream: 'case-5', recordedAt: '2026-03-01T10:05:00.000Z', late: 1 },
      { stream: 'case-6', recordedAt: '2026-03-01T10:20:00.000Z', late: 0 },
      { stream: 'case-7', recordedAt: '2026-03-01T10:15:00.000Z', late: 1 },
    ]);
    const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_%' ORDER BY name`).pluck().all();
    expect(indexes).not.toContain('events_by_recorded_at');
    expect(indexes).toEqual(expect.arrayContaining(['events_in_time_order', 'events_recorded_late']));
    db.close();
  });

  it('a file of a newer version than this code knows is refused', () => {
    const path = temp.file();
    const db = new Database(path);
    db.pragma('user_version = 4');
    db.close();
    expect(() => createSqliteEventStore({ path })).toThrow('event store schema version 4 is not supported');
  });
});

describe('files written by schema version 2', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  /**
   * Written by the adapter of schema version 2 (commit 80e64fd), before events named their facility:
   * patients p1 (F1), p2 (F2); cases c1 (p1, F1), c2 (p2, F2), each with later events; a correction of
   * p1 whose data names F2 (not the first event: it does not move p1); access records about c1, p2, c2,
   * nothing, and a case that does not exist; and a stream outside the domain whose data names F1.
   */
  const FIXTURE = join(__dirname, 'fixtures', 'events-schema-v2.sqlite');

  it('are migrated on open: every row placed in its facility, indexed, and later appends placed the same way', async () => {
    const path = temp.file();
    copyFileSync(FIXTURE, path);
    const store = createSqliteEventStore({ path });
    const read = async (filter: EventFilter, after?: Position): Promise<string[]> =>
      (await store.readAll({ after, filter })).map((e) => `${e.stream}@${e.revision}`);

    const f1 = ['patient-p1@0', 'case-c1@0', 'case-c1@1', 'patient-p1@1', 'access-2026-03-01@0', 'case-c1@2'];
    const f2 = ['patient-p2@0', 'case-c2@0', 'case-c2@1', 'access-2026-03-01@1', 'access-2026-03-01@2'];
    expect(await read({ facilities: ['F1'] })).toEqual(f1);
    expect(await read({ facilities: ['F2'] })).toEqual(f2);
    expect((await read({ facilities: ['F2', 'F1'] })).sort()).toEqual([...f1, ...f2].sort());
    expect(await read({ facilities: ['F3'] })).toEqual([]);
    expect(await read({ facilities: ['F2'], types: ['PatientDataAccessed'] })).toEqual(['access-2026-03-01@1', 'access-2026-03-01@2']);
    expect(await read({ facilities: ['F1'], actorId: 'aud-9' })).toEqual(['access-2026-03-01@0']);

    // Appends after the migration, without metadata.facilityId, are placed as the backfill placed the rows before them.
    const noted = (type: string, data: Record<string, unknown>): NewEvent => portEvent(type, data);
    const migrated = await store.headPosition();
    await store.append('case-c2', [noted('OutcomeMeasured', {})], 1);
    await store.append('access-2026-03-01', [noted('PatientDataAccessed', { caseId: 'c1', patientId: 'p1' })], 4);
    await store.append('case-c3', [noted('CaseOpened', { facilityId: 'F1' }), portEvent('Noted', {}, { facilityId: 'F2' })], 'no_stream');
    expect(await read({ facilities: ['F2'] }, migrated)).toEqual(['case-c2@2', 'case-c3@1']);
    expect(await read({ facilities: ['F1'] }, migrated)).toEqual(['access-2026-03-01@5', 'case-c3@0']);
    // A later event appended with its stream's first event, in one append, is placed by it.
    const beforeC4 = await store.headPosition();
    await store.append('case-c4', [noted('CaseOpened', { facilityId: 'F2' }), noted('Noted', {})], 'no_stream');
    expect(await read({ facilities: ['F2'] }, beforeC4)).toEqual(['case-c4@0', 'case-c4@1']);
    await store.close();

    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    const unplaced = db.prepare('SELECT stream, revision FROM events WHERE facility IS NULL ORDER BY position').all();
    // Access records about nothing or about a case that does not exist, and the stream outside the domain.
    expect(unplaced).toEqual([
      { stream: 'access-2026-03-01', revision: 3 },
      { stream: 'access-2026-03-01', revision: 4 },
      { stream: 'other-1', revision: 0 },
    ]);
    const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_%'`).pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['events_by_facility', 'events_by_facility_type']));
    db.close();
  });
});
