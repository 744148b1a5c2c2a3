/**
 * The SQLite adapter's filtered reads beyond the contract: every combination of filters over a history
 * whose clocks disagree (late rows, offsets, missing milliseconds, unreadable times) equals a plain
 * filter over all events, page by page; a recording-time range reads only its position window; and
 * files written by schema version 1 are migrated on open.
 */
import Database from 'better-sqlite3';
import type { EventFilter, NewEvent, Position, RecordedEvent, SubscriptionMessage } from '../../../src/eventstore/port';
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

const event = (type: string, actorId: string, recordedAt: string): NewEvent =>
  portEvent(type, {}, { actor: { id: actorId, role: 'CLINICIAN', name: 'Test' }, recordedAt, occurredAt: recordedAt });

/** The same instant spelled as another writer might: with an offset, without milliseconds. */
function spell(ms: number, style: number): string {
  const iso = new Date(ms).toISOString();
  if (style === 0) return new Date(ms - (ms % 1000)).toISOString().replace('.000Z', 'Z');
  if (style === 1) return `${new Date(ms + 2 * 3600_000).toISOString().slice(0, 23)}+02:00`;
  return iso;
}

/** What a filter means, written plainly. */
function reference(all: readonly RecordedEvent[], filter: EventFilter): RecordedEvent[] {
  const from = filter.recordedFrom === undefined ? null : Date.parse(filter.recordedFrom);
  const to = filter.recordedTo === undefined ? null : Date.parse(filter.recordedTo);
  return all.filter((e) => {
    if (filter.types && !filter.types.includes(e.type)) return false;
    if (filter.streamPrefix !== undefined && !e.stream.startsWith(filter.streamPrefix)) return false;
    if (filter.actorId !== undefined && e.metadata.actor.id !== filter.actorId) return false;
    if (from === null && to === null) return true;
    const at = Date.parse(e.metadata.recordedAt);
    return !Number.isNaN(at) && (from === null || at >= from) && (to === null || at <= to);
  });
}

const STREAMS = ['case-1', 'case-2', 'case-13', 'patient-1', 'patient-2', 'access-2026-03-01', 'access-2026-03-02'];
const TYPES = ['CaseOpened', 'HarvestPerformed', 'InjectionGiven', 'AccessRecorded'];
const ACTORS = ['dr-1', 'dr-2', 'rn-7', 'aud-9'];
const PREFIXES = ['case-', 'case-1', 'patient-', 'pat', 'access-2026-03-0', ''];

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

describe('filtered reads over a history whose clocks disagree', () => {
  const random = prng(20260301);
  let store: SqliteEventStore;
  let all: RecordedEvent[];
  let clockMs = START_MS;

  beforeAll(async () => {
    store = createSqliteEventStore({ path: ':memory:', pageSize: 5 });
    for (let i = 0; i < 600; i++) {
      clockMs += Math.floor(random() * 3 * MINUTE);
      // One append in five took its time from a clock up to ten minutes behind (a slow append, another process).
      const ms = random() < 0.2 ? clockMs - Math.floor(random() * 10 * MINUTE) : clockMs;
      const recordedAt = random() < 0.02 ? 'not a time' : spell(ms, Math.floor(random() * 3));
      await store.append(pick(random, STREAMS), [event(pick(random, TYPES), pick(random, ACTORS), recordedAt)], 'any');
    }
    all = await store.readAll();
  });
  afterAll(() => store.close());

  function randomFilter(): EventFilter {
    const filter: EventFilter = {};
    const span = clockMs - START_MS;
    const instant = (): string => spell(START_MS - 5 * MINUTE + Math.floor(random() * (span + 10 * MINUTE)), Math.floor(random() * 3));
    if (random() < 0.3) filter.types = TYPES.filter(() => random() < 0.4);
    if (random() < 0.4) filter.streamPrefix = pick(random, PREFIXES);
    if (random() < 0.5) filter.actorId = pick(random, ACTORS);
    if (random() < 0.6) filter.recordedFrom = instant();
    if (random() < 0.6) filter.recordedTo = instant();
    if (filter.recordedFrom && filter.recordedTo && random() < 0.8 && Date.parse(filter.recordedFrom) > Date.parse(filter.recordedTo)) {
      [filter.recordedFrom, filter.recordedTo] = [filter.recordedTo, filter.recordedFrom];
    }
    return filter;
  }

  it('has late events, other spellings and unreadable times to deal with', () => {
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
  });

  it('reads exactly the matching events, in full pages from any cursor, for 300 random filters', async () => {
    for (let n = 0; n < 300; n++) {
      const filter = randomFilter();
      const expected = reference(all, filter).map((e) => e.id);
      expect({ filter, ids: (await store.readAll({ filter })).map((e) => e.id) }).toEqual({ filter, ids: expected });

      const maxCount = 1 + Math.floor(random() * 7);
      const start = random() < 0.5 ? undefined : all[Math.floor(random() * all.length)]?.position;
      const expectedAfter = reference(
        all.filter((e) => start === undefined || e.position > start),
        filter,
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
      expect({ filter, delivered }).toEqual({ filter, delivered: reference(all, filter).map((e) => e.id) });
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
    expect(db.pragma('user_version', { simple: true })).toBe(2);
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
    db.pragma('user_version = 3');
    db.close();
    expect(() => createSqliteEventStore({ path })).toThrow('event store schema version 3 is not supported');
  });
});
