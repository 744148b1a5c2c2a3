/** Appending access records to their day's stream: sealed events chained onto the stream's last hash. */
import { ACCESS_STREAM_PREFIX, type PatientDataAccessed } from '../domain/events';
import type { EventStore } from '../eventstore/port';
import type { AccessRecord } from './access-log';
import { appendChained } from './system-events';

export const ACCESS_EVENT_TYPE = 'PatientDataAccessed';

/** An access record with the moment it happened. */
export interface TimedAccessRecord extends AccessRecord {
  at: Date;
}

export const accessStream = (at: Date): string => `${ACCESS_STREAM_PREFIX}${at.toISOString().slice(0, 10)}`;

/** Writes one day's records to `store` as the next events of its stream. */
export type AccessDayWriter = (stream: string, records: readonly TimedAccessRecord[]) => Promise<void>;

export function appendAccessDay(store: EventStore, stream: string, records: readonly TimedAccessRecord[]): Promise<void> {
  return appendChained(
    store,
    stream,
    records.map((r) => {
      const data: PatientDataAccessed = { operation: r.operation, patientId: r.patientId, caseId: r.caseId, outcome: r.outcome };
      return {
        type: ACCESS_EVENT_TYPE,
        data: { ...data },
        actor: r.actor,
        at: r.at,
        correlationId: r.correlationId,
        facilityId: r.facilityId,
      };
    }),
  );
}
