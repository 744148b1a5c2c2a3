/** Upgrading event files written by earlier versions of the adapter, once, inside the opening transaction. */
import type Database from 'better-sqlite3';
import { canonicalInstant } from '../metadata-filter';

/** The recording-time indexes of schema version 2 (see schema.ts). */
export const TIME_INDEXES = `
CREATE INDEX IF NOT EXISTS events_in_time_order ON events (recorded_at, position) WHERE recorded_late = 0;
CREATE INDEX IF NOT EXISTS events_recorded_late ON events (recorded_at, position) WHERE recorded_late = 1;
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
