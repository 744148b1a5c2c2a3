/** One append inside a write transaction: idempotent retry detection, expected revision, inserts. */
import { facilityOriginOf } from '../event-facility';
import { canonicalInstant } from '../metadata-filter';
import { ConcurrencyError, type AppendResult, type ExpectedRevision, type NewEvent } from '../port';
import { DuplicateEventIdError, isUniqueViolation } from './errors';
import type { Statements } from './statements';
import { categoryOf } from './stream-names';

/** An event serialised at the time of the call, so later mutation of the caller's objects cannot leak in. */
export interface EventRow {
  id: string;
  type: string;
  data: string;
  metadata: string;
  actorId: string | null;
  /** Canonical (metadata-filter.ts), so that text order in the index is time order. */
  recordedAt: string | null;
  /** What the event says of its facility (event-facility.ts); the insert settles it against the stream's first row. */
  facility: string | null;
  facilityOfFirst: string | null;
}

export interface AppendCall {
  stream: string;
  expected: ExpectedRevision;
  rows: readonly EventRow[];
}

export function validateExpected(expected: ExpectedRevision): void {
  if (typeof expected === 'number') {
    if (!Number.isSafeInteger(expected) || expected < 0) {
      throw new RangeError(`expected revision must be a non-negative integer, 'no_stream', 'stream_exists' or 'any'`);
    }
  } else if (expected !== 'no_stream' && expected !== 'stream_exists' && expected !== 'any') {
    throw new RangeError(`unknown expected revision ${String(expected)}`);
  }
}

export function toRows(stream: string, events: readonly NewEvent[]): EventRow[] {
  if (events.length === 0) throw new RangeError('append needs at least one event');
  const seen = new Set<string>();
  return events.map((e) => {
    if (seen.has(e.id)) throw new DuplicateEventIdError(e.id);
    seen.add(e.id);
    const { actor, recordedAt } = e.metadata as Partial<NewEvent['metadata']>;
    const origin = facilityOriginOf({ stream, type: e.type, data: e.data, metadata: e.metadata });
    return {
      id: e.id,
      type: e.type,
      data: JSON.stringify(e.data),
      metadata: JSON.stringify(e.metadata),
      actorId: typeof actor?.id === 'string' ? actor.id : null,
      recordedAt: canonicalInstant(recordedAt),
      facility: origin.facility,
      facilityOfFirst: origin.firstOf,
    };
  });
}

function lastRevision(st: Statements, stream: string): number {
  const row = st.lastRevision.get(stream) as { revision: number } | undefined;
  return row?.revision ?? -1;
}

function satisfies(expected: ExpectedRevision, actual: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === -1;
    case 'stream_exists':
      return actual >= 0;
    default:
      return actual === expected;
  }
}

/**
 * A batch whose first id is already in the stream is a retry: if every id matches the stored events
 * at consecutive revisions, answer what the first attempt answered, whatever `expected` says.
 */
function replayedResult(st: Statements, call: AppendCall, storedStream: string, storedRevision: number): AppendResult {
  const first = call.rows[0] as EventRow;
  if (storedStream !== call.stream) throw new DuplicateEventIdError(first.id);
  const stored = st.idsFrom.all(call.stream, storedRevision, call.rows.length) as { id: string; position: number | bigint }[];
  const same = stored.length === call.rows.length && stored.every((row, i) => row.id === call.rows[i]?.id);
  if (!same) throw new ConcurrencyError(call.stream, call.expected, lastRevision(st, call.stream));
  const last = stored[stored.length - 1] as { position: number | bigint };
  return { nextRevision: storedRevision + call.rows.length - 1, position: BigInt(last.position) };
}

/** Must run inside a write transaction (the caller owns BEGIN/COMMIT and the savepoint). */
export function applyAppend(st: Statements, call: AppendCall): AppendResult {
  const first = call.rows[0] as EventRow;
  const existing = st.findById.get(first.id) as { stream: string; revision: number } | undefined;
  if (existing) return replayedResult(st, call, existing.stream, existing.revision);

  const actual = lastRevision(st, call.stream);
  if (!satisfies(call.expected, actual)) throw new ConcurrencyError(call.stream, call.expected, actual);

  const category = categoryOf(call.stream);
  let position: number | bigint = 0;
  for (const [i, row] of call.rows.entries()) {
    try {
      position = st.insert.run({ ...row, stream: call.stream, revision: actual + 1 + i, category }).lastInsertRowid;
    } catch (err) {
      // (stream, revision) cannot collide inside the write lock, so this is the id.
      if (isUniqueViolation(err)) throw new DuplicateEventIdError(row.id);
      throw err;
    }
  }
  return { nextRevision: actual + call.rows.length, position: BigInt(position) };
}
