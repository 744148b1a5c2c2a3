/**
 * The EventStore port: the only way anything writes or reads events.
 * Adapters: `sqlite` (embedded default) and `kurrentdb` (EventStoreDB / KurrentDB).
 * Every adapter passes `test/contract/event-store.contract.ts`.
 */

/** Global order across all streams. Opaque but comparable; bigint because KurrentDB commit positions exceed 2^53. */
export type Position = bigint;

export type JsonObject = { [key: string]: unknown };

/** Who did it: copied from the verified token into every event. */
export interface Actor {
  id: string;
  role: string;
  name: string;
}

export interface EventMetadata {
  actor: Actor;
  /** Server clock when the event was recorded (ISO-8601 UTC). */
  recordedAt: string;
  /** Clinical time the documented action happened (ISO-8601 UTC). */
  occurredAt: string;
  commandId: string;
  correlationId: string;
  causationId: string | null;
  schemaVersion: number;
  /** The facility whose patient or case the event is about (absent on events about none, and on events written before it existed). */
  facilityId?: string;
  /** SHA-256 of the command that wrote the event (type and payload): a command id reused with another payload is refused. */
  commandHash?: string;
  /** Hash of the previous event in the same stream; null for revision 0. */
  prevHash: string | null;
  /** sha256 over the canonical JSON of the event without this field (see envelope.ts). */
  hash: string;
}

/** An event ready to append: id, type, data and sealed metadata (hash chain computed by the caller). */
export interface NewEvent {
  id: string;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
}

export interface RecordedEvent extends NewEvent {
  stream: string;
  /** 0-based position in its stream. */
  revision: number;
  position: Position;
}

/**
 * Expected state of the stream before an append.
 * - a number: the revision of the stream's last event (the stream must be exactly there)
 * - 'no_stream': the stream must not exist
 * - 'stream_exists': the stream must exist
 * - 'any': no check
 */
export type ExpectedRevision = number | 'no_stream' | 'stream_exists' | 'any';

export interface AppendResult {
  /** Revision of the last event written (or already present, for an idempotent retry). */
  nextRevision: number;
  /** Position of the last event written. */
  position: Position;
}

/** The stream was not in the expected state. `actual` is -1 when the stream does not exist. */
export class ConcurrencyError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number,
  ) {
    super(`stream ${stream}: expected revision ${String(expected)}, actual ${actual}`);
    this.name = 'ConcurrencyError';
  }
}

/** The store cannot accept writes any more (e.g. a failed fsync): acknowledged data is safe, new writes are refused. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * Which events a read or a subscription takes: every condition given must hold (omitted = any).
 * `recordedFrom` / `recordedTo` are inclusive ISO-8601 instants (a date, or a date-time with `Z` or an
 * offset) compared as instants with each event's `metadata.recordedAt`: "2026-03-01T00:00:00Z" and
 * "2026-03-01T01:00:00+01:00" are the same bound. An event whose `recordedAt` is not such an instant
 * (within years 0000–9999) matches no recording-time bound. A bound that is not an ISO-8601 instant is a
 * RangeError; `recordedFrom` after `recordedTo` matches nothing.
 */
export interface EventFilter {
  /** Only events of these types; [] matches nothing. */
  types?: readonly string[];
  /** Only events whose stream name starts with this prefix. */
  streamPrefix?: string;
  /** Only events whose `metadata.actor.id` is exactly this. */
  actorId?: string;
  /** Only events recorded at or after this instant. */
  recordedFrom?: string;
  /** Only events recorded at or before this instant. */
  recordedTo?: string;
  /** Only events of these facilities (see event-facility.ts); [] matches nothing. */
  facilities?: readonly string[];
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive. Forwards default 0; backwards default the last revision. */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /**
   * Forwards (default): the events after `after`, oldest first. Backwards: the events before `before`,
   * newest first (a backward page is the reverse of the tail of the forward read up to `before`).
   */
  direction?: 'forwards' | 'backwards';
  /** Forwards only. Exclusive: events strictly after this position. Omitted = from the start. */
  after?: Position;
  /** Backwards only. Exclusive: events strictly before this position. Omitted = from the end. */
  before?: Position;
  maxCount?: number;
  filter?: EventFilter;
}

export type SubscriptionMessage =
  | { kind: 'event'; event: RecordedEvent }
  /** Everything up to `position` has been delivered (also sent while filtered events are skipped). */
  | { kind: 'checkpoint'; position: Position }
  /** The subscription has delivered everything that existed and is now live. */
  | { kind: 'caughtUp'; position: Position };

export interface SubscribeOptions {
  /** Exclusive start position; omitted = from the start. */
  after?: Position;
  filter?: EventFilter;
}

/** A catch-up subscription to all events: iterate it; `close()` ends the iteration. */
export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  close(): Promise<void>;
}

/** A stream's last event as of some store position: what an integrity checkpoint commits to (audit/merkle.ts). */
export interface StreamHead {
  stream: string;
  revision: number;
  /** That event's `metadata.hash`. */
  hash: string;
  position: Position;
}

export interface EventStore {
  append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream; [] when the stream does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * Events after `after` that match the filter, in position order, at most `maxCount` (exactly that many
   * when that many exist: a filter never shortens a page); backwards, those before `before`, newest first.
   * `after` with backwards, or `before` forwards, is a RangeError. Every adapter applies every filter exactly;
   * how much each one reads to do so is the adapter's (see its module comment).
   */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Throws a RangeError at once for an invalid filter (see EventFilter). */
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** Position of the last event in the store; 0n (or the store's start) when empty. */
  headPosition(): Promise<Position>;
  /**
   * Every stream's last event at or before `upTo` (omitted: now), in no particular order. How much
   * each adapter reads to find them is the adapter's (see its module comment).
   */
  streamHeads(upTo?: Position): Promise<StreamHead[]>;
  close(): Promise<void>;
}
