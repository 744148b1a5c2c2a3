/** Upgrading event files written by earlier versions of the adapter, once, inside the opening transaction. */
import type Database from 'better-sqlite3';
import { facilityOriginOf, isSettled } from '../event-facility';
import { canonicalInstant } from '../metadata-filter';

/** The recording-time indexes of schema version 2 (see schema.ts). */
export const TIME_INDEXES = `
CREATE INDEX IF NOT EXISTS events_in_time_order ON events (recorded_at, position) WHERE recorded_late = 0;
CREATE INDEX IF NOT EXISTS events_recorded_late ON events (recorded_at, position) WHERE recorded_late = 1;
`;

/** The facility indexes of schema version 3 (see schema.ts). */
export const FACILITY_INDEXES = `
CREATE INDEX IF NOT EXISTS events_by_facility      ON events (facility, position);
CREATE INDEX IF NOT EXISTS events_by_facility_type ON events (facility, type, position);
`;

/**
 * Version 1 kept `recorded_at` as the caller spelled it, under one index in time order. Version 2
 * keeps it canonical and marks the rows recorded late: computed here for the rows already written,
 * in position order, as the insert statement decides it for each new row.
 */
export function migrateFromVersion1(db: Database.Database): void {
  // The default is kept in the schema, not written to each row: only late rows and rows without a time are updated.
  db.exec('ALTER TABLE events ADD COLUMN recorded_late INTEGER DEFAULT 0');
  db.exec('DROP INDEX IF EXISTS events_by_recorded_at');

  const respelled: { position: bigint; recordedAt: string | null }[] = [];
  const rows = db.prepare('SELECT position, recorded_at AS recordedAt FROM events WHERE recorded_at IS NOT NULL').safeIntegers(true);
  for (const row of rows.iterate() as Iterable<{ position: bigint; recordedAt: string }>) {
    const canonical = canonicalInstant(row.recordedAt);
    if (canonical !== row.recordedAt) respelled.push({ position: row.position, recordedAt: canonical });
  }
  const respell = db.prepare('UPDATE events SET recorded_at = @recordedAt WHERE position = @position');
  for (const row of respelled) respell.run(row);

  db.exec(`
    UPDATE events SET recorded_late = ordered.late
    FROM (
      SELECT position,
             CASE WHEN recorded_at IS NULL THEN NULL
                  ELSE coalesce(recorded_at < max(recorded_at) OVER (ORDER BY position ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
             END AS late
      FROM events
    ) AS ordered
    WHERE events.position = ordered.position AND ordered.late IS NOT 0`);
  db.exec(TIME_INDEXES);
}

/** Rows read per step of the facility backfill: their JSON is parsed here, one step at a time. */
const BACKFILL_STEP = 5000;

function parsedOrNull(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

/**
 * Version 3 keeps each row's facility (event-facility.ts), for reads limited to facilities. Rows written
 * before hold no `metadata.facilityId`: each is placed as an insert places it, except that a reference
 * to a stream's first row is resolved against the whole file (a temporary table of the references,
 * then one join), so a row referring to a stream written after it is placed as the other adapters place it.
 */
export function migrateFromVersion2(db: Database.Database): void {
  db.exec('ALTER TABLE events ADD COLUMN facility TEXT');
  db.exec('CREATE TEMP TABLE facility_of_first (position INTEGER PRIMARY KEY, stream TEXT NOT NULL)');
  const step = db
    .prepare('SELECT position, stream, revision, type, data, metadata FROM events WHERE position > ? ORDER BY position LIMIT ?')
    .safeIntegers(true);
  const settle = db.prepare('UPDATE events SET facility = ? WHERE position = ?');
  const refer = db.prepare('INSERT INTO temp.facility_of_first (position, stream) VALUES (?, ?)');
  type Row = { position: bigint; stream: string; revision: bigint; type: string; data: string; metadata: string };
  for (let after = 0n; ;) {
    const rows = step.all(after, BACKFILL_STEP) as Row[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const origin = facilityOriginOf({
        stream: row.stream,
        type: row.type,
        data: parsedOrNull(row.data),
        metadata: parsedOrNull(row.metadata),
      });
      if (!isSettled(origin, { stream: row.stream, revision: Number(row.revision) })) refer.run(row.position, origin.firstOf);
      else if (origin.facility !== null) settle.run(origin.facility, row.position);
    }
    after = (rows[rows.length - 1] as Row).position;
  }
  db.exec(`
    UPDATE events SET facility = first.facility
    FROM temp.facility_of_first AS reference JOIN events AS first ON first.stream = reference.stream AND first.revision = 0
    WHERE events.position = reference.position`);
  db.exec('DROP TABLE temp.facility_of_first');
  db.exec(FACILITY_INDEXES);
}
