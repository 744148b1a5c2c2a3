/**
 * The event envelope's pure parts: deterministic ids, canonical JSON, and the per-stream hash chain.
 * Adapters store what they are given; the chain is sealed by the caller (the command handler) and
 * verified by auditors with `verifyChain`.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { v5 as uuidv5 } from 'uuid';
import type { EventMetadata, JsonObject, NewEvent, RecordedEvent } from './port';

/** Fixed for the life of the project: changing it changes every event id a retried command would compute. */
export const EVENT_ID_NAMESPACE = '950c1d64-8e4b-4569-be2c-ff63df47fcaa';

/**
 * The id of the `index`-th event a command produces. Deterministic, so a command retried after an
 * ambiguous failure appends the same ids and the store recognises them (nothing new is written).
 * A command writing to several streams must number its events across all of them.
 */
export function eventIdFor(commandId: string, index: number): string {
  if (commandId.length === 0) throw new RangeError('eventIdFor: commandId must not be empty');
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError('eventIdFor: index must be a non-negative integer');
  // The index is an integer, so the last ':' separates the two parts unambiguously.
  return uuidv5(`${commandId}:${index}`, EVENT_ID_NAMESPACE);
}

/** RFC 8785 (JSON Canonicalization Scheme). Throws on values JSON cannot represent (NaN, Infinity, lone surrogates, undefined). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('canonicalJson: value has no JSON representation');
  return text;
}

export type MetadataWithoutHash = Omit<EventMetadata, 'hash'>;

export interface HashableEvent {
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: JsonObject;
  /** A `hash` present at run time (e.g. a recorded event's metadata) is ignored. */
  metadata: MetadataWithoutHash;
}

/** sha256 (hex) over the canonical JSON of id, stream, revision, type, data and metadata without `hash`. */
export function hashEvent(e: HashableEvent): string {
  const { hash: _ignored, ...metadata } = e.metadata as MetadataWithoutHash & { hash?: unknown };
  const body = canonicalJson({ id: e.id, stream: e.stream, revision: e.revision, type: e.type, data: e.data, metadata });
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

export interface UnsealedEvent {
  id: string;
  type: string;
  data: JsonObject;
  metadata: Omit<EventMetadata, 'prevHash' | 'hash'>;
}

export interface SealArgs {
  stream: string;
  /** The revision the first new event will get (the stream's last revision + 1; 0 for a new stream). */
  nextRevision: number;
  /** Hash of the stream's last event; null for a new stream. */
  prevHash: string | null;
  events: readonly UnsealedEvent[];
}

/** Fills `prevHash` and `hash` of each event, continuing the stream's chain. */
export function sealEvents(args: SealArgs): NewEvent[] {
  const { stream, nextRevision, events } = args;
  if (!Number.isSafeInteger(nextRevision) || nextRevision < 0) {
    throw new RangeError('sealEvents: nextRevision must be a non-negative integer');
  }
  // A chain that starts mid-stream, or restarts at 0, would verify as broken forever: refuse it now.
  if ((nextRevision === 0) !== (args.prevHash === null)) {
    throw new RangeError('sealEvents: prevHash must be null exactly when nextRevision is 0');
  }
  let prevHash = args.prevHash;
  return events.map((event, i) => {
    const metadata: MetadataWithoutHash = { ...event.metadata, prevHash };
    const hash = hashEvent({ id: event.id, stream, revision: nextRevision + i, type: event.type, data: event.data, metadata });
    prevHash = hash;
    return { id: event.id, type: event.type, data: event.data, metadata: { ...metadata, hash } };
  });
}

export interface ChainVerification {
  valid: boolean;
  eventCount: number;
  /** The first revision that fails (for a gap: the revision that is missing). */
  firstInvalidRevision: number | null;
  /** Why, without any event content: "hash mismatch", "prevHash mismatch", "revision gap: expected 3, found 4", … */
  reason: string | null;
}

/** Recomputes the chain of one stream's events, read forwards from revision 0. */
export function verifyChain(events: readonly RecordedEvent[]): ChainVerification {
  const invalid = (revision: number, reason: string): ChainVerification => ({
    valid: false,
    eventCount: events.length,
    firstInvalidRevision: revision,
    reason,
  });
  const stream = events[0]?.stream;
  let prevHash: string | null = null;
  for (const [i, e] of events.entries()) {
    if (e.revision !== i) {
      const kind = e.revision > i ? 'revision gap' : 'revision out of order';
      return invalid(i, `${kind}: expected ${i}, found ${e.revision}`);
    }
    if (e.stream !== stream) return invalid(i, 'stream mismatch');
    if (e.metadata.prevHash !== prevHash) return invalid(i, 'prevHash mismatch');
    if (hashEvent(e) !== e.metadata.hash) return invalid(i, 'hash mismatch');
    prevHash = e.metadata.hash;
  }
  return { valid: true, eventCount: events.length, firstInvalidRevision: null, reason: null };
}
