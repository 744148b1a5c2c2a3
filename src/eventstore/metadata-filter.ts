/**
 * The EventFilter's conditions on an event's metadata (who recorded it, when), in the one form every
 * adapter evaluates, so they agree on every edge. Recording times compare as instants: each is reduced
 * to one canonical spelling, the 24 characters of Date#toISOString, whose text order is time order
 * (for years 0000–9999), so a store can compare them as text in an index.
 */
import type { EventFilter } from './port';

/** A date, or a date-time with a zone: without one, Date.parse would read the machine's local time. */
const ISO_INSTANT = /^[+-]?\d{4,6}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i;
const FIRST_MS = Date.parse('0000-01-01T00:00:00.000Z');
const LAST_MS = Date.parse('9999-12-31T23:59:59.999Z');

function millisOf(value: unknown): number {
  return typeof value === 'string' && ISO_INSTANT.test(value) ? Date.parse(value) : Number.NaN;
}

/** The canonical spelling of a recording time; null when it is not an ISO-8601 instant within years 0000–9999. */
export function canonicalInstant(value: unknown): string | null {
  const ms = millisOf(value);
  return ms >= FIRST_MS && ms <= LAST_MS ? new Date(ms).toISOString() : null;
}

export interface MetadataFilter {
  actorId: string | null;
  /** Inclusive canonical bounds; null = unbounded on that side. */
  recordedFrom: string | null;
  recordedTo: string | null;
  /** No event can match (the bounds exclude every recordable instant). */
  matchesNothing: boolean;
  /** True when any condition is set. */
  active: boolean;
}

function boundOf(value: string | undefined, name: string): number | null {
  if (value === undefined) return null;
  const ms = millisOf(value);
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be an ISO-8601 date or date-time with a zone`);
  return ms;
}

/** Validates and normalises the metadata part of a filter; a malformed bound is a RangeError. */
export function metadataFilterOf(filter: EventFilter = {}): MetadataFilter {
  const from = boundOf(filter.recordedFrom, 'recordedFrom');
  const to = boundOf(filter.recordedTo, 'recordedTo');
  const matchesNothing = (from !== null && (from > LAST_MS || (to !== null && from > to))) || (to !== null && to < FIRST_MS);
  // A bound beyond the recordable years is clamped, not dropped: it still asks for a readable time.
  const clamped = (ms: number | null): string | null =>
    ms === null || matchesNothing ? null : new Date(Math.min(Math.max(ms, FIRST_MS), LAST_MS)).toISOString();
  const actorId = filter.actorId ?? null;
  const recordedFrom = clamped(from);
  const recordedTo = clamped(to);
  return {
    actorId,
    recordedFrom,
    recordedTo,
    matchesNothing,
    active: actorId !== null || recordedFrom !== null || recordedTo !== null || matchesNothing,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Whether an event's metadata (as stored, not yet trusted) meets the filter. */
export function metadataMatches(filter: MetadataFilter, metadata: unknown): boolean {
  if (filter.matchesNothing) return false;
  if (!isObject(metadata)) return !filter.active;
  if (filter.actorId !== null && !(isObject(metadata.actor) && metadata.actor.id === filter.actorId)) return false;
  if (filter.recordedFrom === null && filter.recordedTo === null) return true;
  const at = canonicalInstant(metadata.recordedAt);
  return (
    at !== null && (filter.recordedFrom === null || at >= filter.recordedFrom) && (filter.recordedTo === null || at <= filter.recordedTo)
  );
}
