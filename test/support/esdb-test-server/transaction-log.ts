/**
 * The test server's storage: an in-memory transaction log with EventStoreDB's addressing.
 *
 * Every record has a log position (its first byte) and a size; an event's $all position is
 * (commit, prepare) = (its log position, its log position), as EventStoreDB reports for events written
 * without explicit transactions. Positions are therefore byte offsets, not counters: they are sparse,
 * and a position between two records is not a valid read position. The log starts with a
 * non-event record (EventStoreDB's epoch record), so no event ever sits at position 0.
 */
import { decideAppend, type ExpectedState, type StreamView } from './append-decision';

/** EventStoreDB's TFPos: $all positions compare by commit, then prepare. */
export interface TfPos {
  commit: bigint;
  prepare: bigint;
}

/** Before the first record; what a subscription "from the start" has seen. */
export const HEAD_OF_LOG: TfPos = { commit: -1n, prepare: -1n };

export function compareTfPos(a: TfPos, b: TfPos): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export interface StoredEvent {
  stream: string;
  revision: bigint;
  /** Lower-case canonical form, as EventStoreDB formats a Guid. */
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
  /** .NET ticks (100 ns) since the Unix epoch, as the `created` property on the wire. */
  created: bigint;
  /** Log position of the event's record: both its commit and prepare position. */
  position: bigint;
}

export interface LogRecord {
  position: bigint;
  size: bigint;
  /** Absent for non-event records (the epoch record). */
  event?: StoredEvent;
}

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
}

export type AppendOutcome =
  | { kind: 'success'; lastRevision: bigint; position: bigint; idempotent: boolean }
  | { kind: 'wrong_expected_version'; currentRevision: bigint | null };

const EPOCH_RECORD_SIZE = 128n;
const RECORD_OVERHEAD = 96n;
const TICKS_PER_MS = 10_000n;

export class TransactionLog {
  private readonly records: LogRecord[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  /** EventStoreDB's committed-events cache: the idempotency check for `any` and `stream_exists`. */
  private readonly byId = new Map<string, StoredEvent>();
  private readonly listeners = new Set<() => void>();
  private endPosition = 0n;

  constructor() {
    this.records.push({ position: 0n, size: EPOCH_RECORD_SIZE });
    this.endPosition = EPOCH_RECORD_SIZE;
  }

  /** Position right after the last record: where the next record will be written. */
  get end(): bigint {
    return this.endPosition;
  }

  get recordCount(): number {
    return this.records.length;
  }

  record(index: number): LogRecord | undefined {
    return this.records[index];
  }

  stream(name: string): readonly StoredEvent[] | undefined {
    return this.streams.get(name);
  }

  /** Calls `listener` after every commit until the returned function is called. */
  onCommit(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies EventStoreDB's expected-state and idempotency rules, then writes (or not). */
  append(stream: string, expected: ExpectedState, events: readonly ProposedEvent[]): AppendOutcome {
    const ids = events.map((e) => e.id.toLowerCase());
    const decision = decideAppend(this.view(stream), expected, ids);
    switch (decision.kind) {
      case 'wrong_expected_version':
        return { kind: 'wrong_expected_version', currentRevision: decision.currentRevision };
      case 'idempotent':
        return { kind: 'success', lastRevision: decision.lastRevision, position: decision.position, idempotent: true };
      case 'write':
        return this.write(stream, events, ids);
    }
  }

  private view(stream: string): StreamView {
    const events = this.streams.get(stream) ?? [];
    return {
      lastRevision: events.length === 0 ? null : BigInt(events.length - 1),
      eventAt: (revision) => events[Number(revision)],
      committed: (id) => this.byId.get(id),
      stream,
    };
  }

  private write(stream: string, events: readonly ProposedEvent[], ids: string[]): AppendOutcome {
    const existing = this.streams.get(stream) ?? [];
    if (events.length === 0) {
      // An empty write only checks the expected state (EventStoreDB answers with the current revision).
      const last = existing[existing.length - 1];
      return { kind: 'success', lastRevision: BigInt(existing.length - 1), position: last?.position ?? -1n, idempotent: false };
    }
    const streamEvents = existing;
    this.streams.set(stream, streamEvents);
    const created = BigInt(Date.now()) * TICKS_PER_MS;
    let last: StoredEvent | undefined;
    events.forEach((proposed, i) => {
      const event: StoredEvent = {
        stream,
        revision: BigInt(streamEvents.length),
        id: ids[i] as string,
        type: proposed.type,
        contentType: proposed.contentType,
        data: proposed.data,
        metadata: proposed.metadata,
        created,
        position: this.endPosition,
      };
      const size =
        RECORD_OVERHEAD +
        BigInt(Buffer.byteLength(stream) + Buffer.byteLength(proposed.type) + proposed.data.length + proposed.metadata.length);
      this.records.push({ position: event.position, size, event });
      this.endPosition += size;
      streamEvents.push(event);
      this.byId.set(event.id, event);
      last = event;
    });
    for (const listener of [...this.listeners]) listener();
    const written = last as StoredEvent;
    return { kind: 'success', lastRevision: written.revision, position: written.position, idempotent: false };
  }

  /** Index of the first record whose position is at or after `position` (records.length when none). */
  indexAtOrAfter(position: bigint): number {
    let lo = 0;
    let hi = this.records.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.records[mid] as LogRecord).position < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first record whose event position is strictly after `pos`. */
  indexAfter(pos: TfPos): number {
    const index = this.indexAtOrAfter(pos.commit);
    const record = this.records[index];
    if (record && record.position === pos.commit && pos.prepare >= pos.commit) return index + 1;
    return index;
  }

  /** EventStoreDB reads $all only from record boundaries (or the end of the log). */
  isValidPosition(commit: bigint): boolean {
    if (commit >= this.endPosition || commit < 0n) return commit >= 0n;
    const record = this.records[this.indexAtOrAfter(commit)];
    return record !== undefined && record.position === commit;
  }

  /** The position of the last event record, or the start of the log when there is none. */
  lastEventPosition(): TfPos {
    for (let i = this.records.length - 1; i >= 0; i--) {
      const event = this.records[i]?.event;
      if (event) return { commit: event.position, prepare: event.position };
    }
    return HEAD_OF_LOG;
  }
}
