/**
 * Hash-chain verification one event at a time, so a whole store (in global order) or an NDJSON export
 * can be checked in a single pass holding only each stream's last hash. Besides what `verifyChain`
 * checks (revisions 0, 1, 2… without gaps, prevHash links, each hash), positions must grow with
 * revisions: rows swapped in the global order leave every hash intact but not that.
 */
import { hashEvent } from '../eventstore/envelope';
import type { EventMetadata, JsonObject } from '../eventstore/port';

/** What the checker reads of an event; RecordedEvent satisfies it. */
export interface CheckedEvent {
  id: string;
  stream: string;
  revision: number;
  position: bigint;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
}

export interface StreamHead {
  revision: number;
  hash: string;
  position: bigint;
}

export interface StreamIntegrity {
  stream: string;
  valid: boolean;
  /** Events read (including any after the first break). */
  eventCount: number;
  /** The first revision that fails; for a gap, the revision that is missing. */
  firstInvalidRevision: number | null;
  /** Why, without any event content. */
  reason: string | null;
  /** The last event read while the chain was intact; null for an empty or immediately broken stream. */
  head: StreamHead | null;
}

export interface ChainChecker {
  /** Checks the next event of the stream; returns false once the chain is broken (later events are only counted). */
  add(event: CheckedEvent): boolean;
  /** Marks the chain broken at `revision` for a reason found outside the events (unreadable row, truncation). */
  fail(revision: number, reason: string): void;
  valid(): boolean;
  result(): StreamIntegrity;
}

/** The reason a well-formed event does not continue the chain, or null when it does. */
function breakOf(
  stream: string,
  expectedRevision: number,
  prev: StreamHead | null,
  e: CheckedEvent,
): { revision: number; reason: string } | null {
  if (e.revision !== expectedRevision) {
    const kind = e.revision > expectedRevision ? 'revision gap' : 'revision out of order';
    return { revision: expectedRevision, reason: `${kind}: expected ${expectedRevision}, found ${e.revision}` };
  }
  if (e.stream !== stream) return { revision: e.revision, reason: 'stream mismatch' };
  // A row edited by hand may hold any JSON here.
  if (typeof e.metadata !== 'object' || e.metadata === null) return { revision: e.revision, reason: 'metadata missing' };
  if ((e.metadata.prevHash ?? null) !== (prev?.hash ?? null)) return { revision: e.revision, reason: 'prevHash mismatch' };
  let hash: string;
  try {
    hash = hashEvent(e);
  } catch {
    return { revision: e.revision, reason: 'event cannot be hashed (not canonical JSON)' };
  }
  if (hash !== e.metadata.hash) return { revision: e.revision, reason: 'hash mismatch' };
  if (prev && e.position <= prev.position)
    return { revision: e.revision, reason: `position out of order: not after revision ${prev.revision}` };
  return null;
}

export function createChainChecker(stream: string): ChainChecker {
  let head: StreamHead | null = null;
  let eventCount = 0;
  let broken: { revision: number; reason: string } | null = null;
  return {
    add(event) {
      eventCount += 1;
      if (broken) return false;
      broken = breakOf(stream, head ? head.revision + 1 : 0, head, event);
      if (broken) return false;
      head = { revision: event.revision, hash: event.metadata.hash, position: event.position };
      return true;
    },
    fail(revision, reason) {
      broken ??= { revision, reason };
    },
    valid: () => broken === null,
    result: () => ({
      stream,
      valid: broken === null,
      eventCount,
      firstInvalidRevision: broken?.revision ?? null,
      reason: broken?.reason ?? null,
      head,
    }),
  };
}
