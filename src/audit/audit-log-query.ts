/** The audit log's filters, split into what the event store's indexes answer and what is checked per event. */
import type { EventFilter, RecordedEvent } from '../eventstore/port';
import type { EventPageQuery } from './event-page';

export interface AuditLogQuery {
  actorId?: string | null;
  types?: readonly string[] | null;
  streamPrefix?: string | null;
  /** Inclusive ISO-8601 bounds on the recording time. */
  recordedFrom?: string | null;
  recordedTo?: string | null;
}

/**
 * Types and stream prefix go to the store (type and category/stream indexes). The port has no actor or
 * recording-time filter yet, so those are checked here, within the page's scan limit.
 */
export function auditLogPlan(query: AuditLogQuery): Pick<EventPageQuery, 'storeFilter' | 'matches'> {
  const storeFilter: EventFilter = {
    ...(query.types ? { types: query.types } : {}),
    ...(query.streamPrefix ? { streamPrefix: query.streamPrefix } : {}),
  };
  const actorId = query.actorId ?? null;
  const from = query.recordedFrom ? Date.parse(query.recordedFrom) : null;
  const to = query.recordedTo ? Date.parse(query.recordedTo) : null;
  if (actorId === null && from === null && to === null) return { storeFilter };
  const matches = (event: RecordedEvent): boolean => {
    if (actorId !== null && event.metadata.actor.id !== actorId) return false;
    if (from === null && to === null) return true;
    const at = Date.parse(event.metadata.recordedAt);
    return (from === null || at >= from) && (to === null || at <= to);
  };
  return { storeFilter, matches };
}
