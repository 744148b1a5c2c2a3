/** Every SQL statement of the adapter, prepared once per connection, and the row → event decoding. */
import type Database from 'better-sqlite3';
import type { EventMetadata, JsonObject, RecordedEvent } from '../port';

const COLUMNS = 'position, id, stream, revision, type, data, metadata';
type EventRow = [position: number | bigint, id: string, stream: string, revision: number, type: string, data: string, metadata: string];

/**
 * Upper bound for "stream < upper" when a prefix has no finite upper bound in text: SQLite orders
 * every TEXT value before every BLOB.
 */
export const ABOVE_ALL_TEXT = Buffer.alloc(0);

/** A unary `+` on a column keeps SQLite from choosing that column's index, where a rowid range is the cheaper plan. */
const SQL = {
  insert: `INSERT INTO events (id, stream, revision, type, data, metadata, category, actor_id, recorded_at)
           VALUES (@id, @stream, @revision, @type, @data, @metadata, @category, @actorId, @recordedAt)`,
  lastRevision: 'SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
  findById: 'SELECT stream, revision FROM events WHERE id = ?',
  idsFrom: 'SELECT id, position FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
  head: 'SELECT max(position) AS position FROM events',

  streamForwards: `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
  streamBackwards: `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,

  all: `SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
  byType: `SELECT ${COLUMNS} FROM events
           WHERE type = @type AND position > @after AND +stream >= @lower AND +stream < @upper
           ORDER BY position LIMIT @limit`,
  byCategory: `SELECT ${COLUMNS} FROM events WHERE category = @category AND position > @after ORDER BY position LIMIT @limit`,
  /** Narrow prefixes (one case, a few streams): O(matching events) through the (stream, revision) index. */
  byStreamRange: `SELECT ${COLUMNS} FROM events INDEXED BY events_by_stream
                  WHERE stream >= @lower AND stream < @upper AND position > @after ORDER BY position LIMIT @limit`,
  /** Broad prefixes without a category: a rowid scan that stops after `limit` matches. */
  byStreamScan: `SELECT ${COLUMNS} FROM events
                 WHERE position > @after AND +stream >= @lower AND +stream < @upper ORDER BY position LIMIT @limit`,

  /** The end of the next page of a filtered subscription: the position `size` rows ahead. */
  windowEnd: 'SELECT position FROM events WHERE position > ? ORDER BY position LIMIT 1 OFFSET ?',
  window: `SELECT ${COLUMNS} FROM events
           WHERE position > @after AND position <= @end
             AND (@types IS NULL OR +type IN (SELECT value FROM json_each(@types)))
             AND +stream >= @lower AND +stream < @upper
           ORDER BY position`,
} as const;

export type Statements = { [K in keyof typeof SQL]: Database.Statement };

export function prepareStatements(db: Database.Database): Statements {
  const prepared = {} as Record<keyof typeof SQL, Database.Statement>;
  for (const [name, sql] of Object.entries(SQL) as [keyof typeof SQL, string][]) {
    const statement = db.prepare(sql);
    prepared[name] = statement.reader ? statement.raw(true) : statement;
  }
  // Scalars read back by the adapter itself are plain objects, not raw rows.
  for (const name of ['lastRevision', 'findById', 'idsFrom', 'head', 'windowEnd'] as const) prepared[name].raw(false);
  return prepared;
}

export function decodeRows(rows: unknown[]): RecordedEvent[] {
  const events = new Array<RecordedEvent>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [position, id, stream, revision, type, data, metadata] = rows[i] as EventRow;
    events[i] = {
      id,
      stream,
      revision,
      position: BigInt(position),
      type,
      data: JSON.parse(data) as JsonObject,
      metadata: JSON.parse(metadata) as EventMetadata,
    };
  }
  return events;
}
