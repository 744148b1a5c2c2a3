/** Opening the SQLite file: durability pragmas (on every open) and the events table. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { FACILITY_INDEXES, migrateFromVersion1, migrateFromVersion2, TIME_INDEXES } from './migrations';

const SCHEMA_VERSION = 3;

/**
 * Positions are rowids: AUTOINCREMENT so a position is never reused, even after the last row is
 * deleted. Besides the unique indexes (id: idempotency; stream+revision: stream reads, the
 * expected-revision check and narrow stream-prefix ranges), each secondary index ends in `position`,
 * so a filtered page "after position P, N events" is an index range read of N entries, not a scan:
 * - type: readAll / subscriptions by event type;
 * - category (stream name before its first '-', e.g. "case"): the common prefixes "case-", "patient-";
 * - actor_id: the audit log by who recorded the events;
 * - facility: reads limited to the caller's facilities (the audit and access logs); with the type
 *   too, for those limited to some event types, which may be rare among a facility's events. The
 *   column is the event's facility as event-facility.ts decides it, settled when the row is written:
 *   an older event without `metadata.facilityId` takes its stream's (or its case's) from that
 *   stream's first row.
 *
 * Recording time. `recorded_at` is the event's `metadata.recordedAt` in canonical form (see
 * metadata-filter.ts; NULL when it is not an instant), so text order is time order. Pages go by
 * position, and a time range is not a position range in general: clocks of different processes
 * differ, and an append that took its time before another one's may commit after it. So each row
 * records, when written, whether it is `recorded_late`: 1 when its time is before the latest time
 * of any row written before it, else 0 (NULL without a time). Rows that are not late are in time
 * order, so a range [from, to] maps through `events_in_time_order` to one position window holding
 * all of its in-order rows; the late rows a window can miss are found through `events_recorded_late`
 * (filtered-reads.ts). Both rely on rows never being updated or deleted (the store is append-only;
 * an altered file is what the hash chain detects).
 */
const DDL = `
CREATE TABLE IF NOT EXISTS events (
  position      INTEGER PRIMARY KEY AUTOINCREMENT,
  id            TEXT    NOT NULL,
  stream        TEXT    NOT NULL,
  revision      INTEGER NOT NULL,
  type          TEXT    NOT NULL,
  data          TEXT    NOT NULL,
  metadata      TEXT    NOT NULL,
  category      TEXT,
  actor_id      TEXT,
  recorded_at   TEXT,
  recorded_late INTEGER DEFAULT 0,
  facility      TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS events_by_id     ON events (id);
CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream ON events (stream, revision);
CREATE INDEX IF NOT EXISTS events_by_type        ON events (type, position);
CREATE INDEX IF NOT EXISTS events_by_category    ON events (category, position);
CREATE INDEX IF NOT EXISTS events_by_actor       ON events (actor_id, position);
${TIME_INDEXES}
${FACILITY_INDEXES}
`;

export type SynchronousMode = 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';
const SYNCHRONOUS_MODES: readonly SynchronousMode[] = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

export function openDatabase(path: string): Database.Database {
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    // Not persisted in the file: a WAL database reopens at NORMAL, which can lose the last
    // commits on power loss. Must be set on every open.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -32768');
    if (db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) {
      db.exec('BEGIN IMMEDIATE');
      // Read again under the write lock: another process may have created or migrated the file meanwhile.
      const found = db.pragma('user_version', { simple: true });
      if (found === 0) db.exec(DDL);
      if (found === 1) migrateFromVersion1(db);
      if (found === 1 || found === 2) migrateFromVersion2(db);
      if (found === 0 || found === 1 || found === 2) db.pragma(`user_version = ${SCHEMA_VERSION}`);
      db.exec('COMMIT');
    }
    const version = db.pragma('user_version', { simple: true });
    if (version !== SCHEMA_VERSION) throw new Error(`event store schema version ${String(version)} is not supported`);
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
    throw err;
  }
  return db;
}

export function readSettings(db: Database.Database): { journalMode: string; synchronous: SynchronousMode } {
  const journalMode = String(db.pragma('journal_mode', { simple: true }));
  const level = Number(db.pragma('synchronous', { simple: true }));
  const synchronous = SYNCHRONOUS_MODES[level];
  if (synchronous === undefined) throw new Error(`unexpected synchronous level ${level}`);
  return { journalMode, synchronous };
}
