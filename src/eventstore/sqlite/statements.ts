/** Every SQL statement of the adapter, prepared once per connection, and the row → event decoding. */
import type Database from 'better-sqlite3';
import type { EventMetadata, JsonObject, RecordedEvent } from '../port';
import { unpackMetadata, type PackedMetadata } from './packed-metadata';

export const COLUMNS = 'position, id, stream, revision, type, data, metadata';
/** A row as the raw statements return it: what a page is before it is decoded. */
export type EventRow = [
  position: number | bigint,
  id: string,
  stream: string,
  revision: number,
  type: string,
  data: string,
  /** The column's text; packed when it comes from the catch-up worker (packed-metadata.ts). */
  metadata: string | PackedMetadata,
];

/**
 * Upper bound for "stream < upper" when a prefix has no finite upper bound in text: SQLite orders
 * every TEXT value before every BLOB.
 */
export const ABOVE_ALL_TEXT = Buffer.alloc(0);

const SQL = {
  /**
   * `recorded_late` is decided here, inside the write transaction, against every row written before
   * (schema.ts); so is `facility`, from the event's own or from the first row of the stream it refers to
   * (event-facility.ts), which is already written: earlier, or earlier in the same append.
   */
  insert: `INSERT INTO events (id, stream, revision, type, data, metadata, category, actor_id, recorded_at, recorded_late, facility)
           VALUES (@id, @stream, @revision, @type, @data, @metadata, @category, @actorId, @recordedAt,
                   CASE WHEN @recordedAt IS NULL THEN NULL
                        WHEN @recordedAt < (SELECT max(recorded_at) FROM events WHERE recorded_late = 0) THEN 1
                        ELSE 0 END,
                   CASE WHEN @facilityOfFirst IS NULL OR (@facilityOfFirst = @stream AND @revision = 0) THEN @facility
                        ELSE (SELECT first.facility FROM events AS first WHERE first.stream = @facilityOfFirst AND first.revision = 0) END)`,
  lastRevision: 'SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
  findById: 'SELECT stream, revision FROM events WHERE id = ?',
  idsFrom: 'SELECT id, position FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
  head: 'SELECT max(position) AS position FROM events',
  /** Each stream's last revision from the (stream, revision) index (which holds the position too), then that row's hash. */
  streamHeads: `SELECT e.stream, e.revision, e.position, json_extract(e.metadata, '$.hash') AS hash
                FROM (SELECT stream, max(revision) AS revision FROM events INDEXED BY events_by_stream
                      WHERE position <= ? GROUP BY stream) AS h
                JOIN events AS e ON e.stream = h.stream AND e.revision = h.revision`,

  streamForwards: `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
  streamBackwards: `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,

  all: `SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
  allBackwards: `SELECT ${COLUMNS} FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?`,

  /** The first event in time order recorded at or after an instant: where a recording-time range starts. */
  firstRecordedFrom: `SELECT position FROM events INDEXED BY events_in_time_order
                      WHERE recorded_late = 0 AND recorded_at >= ? ORDER BY recorded_at, position LIMIT 1`,
  /** The first event in time order recorded after an instant: where a recording-time range ends. */
  firstRecordedAfter: `SELECT position FROM events INDEXED BY events_in_time_order
                       WHERE recorded_late = 0 AND recorded_at > ? ORDER BY recorded_at, position LIMIT 1`,
} as const;

export type Statements = { [K in keyof typeof SQL]: Database.Statement };

export function prepareStatements(db: Database.Database): Statements {
  const prepared = {} as Record<keyof typeof SQL, Database.Statement>;
  for (const [name, sql] of Object.entries(SQL) as [keyof typeof SQL, string][]) {
    const statement = db.prepare(sql);
    prepared[name] = statement.reader ? statement.raw(true) : statement;
  }
  // Scalars read back by the adapter itself are plain objects, not raw rows.
  for (const name of ['lastRevision', 'findById', 'idsFrom', 'head', 'streamHeads', 'firstRecordedFrom', 'firstRecordedAfter'] as const) {
    prepared[name].raw(false);
  }
  return prepared;
}

const shaped = new WeakMap<Statements, Map<string, Database.Statement>>();

/** A statement built for one shape of filtered read (filtered-reads.ts), prepared once per connection. */
export function preparedFor(st: Statements, sql: string): Database.Statement {
  let cache = shaped.get(st);
  if (!cache) {
    cache = new Map();
    shaped.set(st, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = st.all.database.prepare(sql).raw(true);
    cache.set(sql, statement);
  }
  return statement;
}

export function decodeRows(rows: readonly unknown[]): RecordedEvent[] {
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
      // packed by the catch-up worker (packed-metadata.ts), else the column's text
      metadata: typeof metadata === 'string' ? (JSON.parse(metadata) as EventMetadata) : unpackMetadata(metadata),
    };
  }
  return events;
}
