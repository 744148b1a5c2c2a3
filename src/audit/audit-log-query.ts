/** The audit log's filters, as the event store's filter: the store answers every one of them (on SQLite, from its indexes). */
import type { EventFilter } from '../eventstore/port';
import type { EventPageQuery } from './event-page';

export interface AuditLogQuery {
  actorId?: string | null;
  types?: readonly string[] | null;
  streamPrefix?: string | null;
  /** Inclusive ISO-8601 bounds on the recording time. */
  recordedFrom?: string | null;
  recordedTo?: string | null;
}

export function auditLogPlan(query: AuditLogQuery): Pick<EventPageQuery, 'storeFilter'> {
  const storeFilter: EventFilter = {
    ...(query.types ? { types: query.types } : {}),
    ...(query.streamPrefix ? { streamPrefix: query.streamPrefix } : {}),
    ...(query.actorId != null ? { actorId: query.actorId } : {}),
    ...(query.recordedFrom ? { recordedFrom: query.recordedFrom } : {}),
    ...(query.recordedTo ? { recordedTo: query.recordedTo } : {}),
  };
  return { storeFilter };
}
