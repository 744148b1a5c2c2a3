/** Appending access records to their day's stream: sealed events chained onto the stream's last hash. */
import { randomUUID } from 'node:crypto';
import { ACCESS_STREAM_PREFIX, SCHEMA_VERSION, type PatientDataAccessed } from '../domain/events';
import { sealEvents } from '../eventstore/envelope';
import { ConcurrencyError, type EventStore } from '../eventstore/port';
import type { AccessRecord } from './access-log';

export const ACCESS_EVENT_TYPE = 'PatientDataAccessed';

/** An access record with the moment it happened. */
export interface TimedAccessRecord extends AccessRecord {
  at: Date;
}

export const accessStream = (at: Date): string => `${ACCESS_STREAM_PREFIX}${at.toISOString().slice(0, 10)}`;

/** Writes one day's records to `store` as the next events of its stream. */
export type AccessDayWriter = (stream: string, records: readonly TimedAccessRecord[]) => Promise<void>;

export async function appendAccessDay(store: EventStore, stream: string, records: readonly TimedAccessRecord[]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    const events = sealEvents({
      stream,
      nextRevision: last ? last.revision + 1 : 0,
      prevHash: last ? last.metadata.hash : null,
      events: records.map((r) => {
        const data: PatientDataAccessed = { operation: r.operation, patientId: r.patientId, caseId: r.caseId, outcome: r.outcome };
        const at = r.at.toISOString();
        return {
          id: randomUUID(),
          type: ACCESS_EVENT_TYPE,
          data: { ...data },
          metadata: {
            actor: r.actor,
            recordedAt: at,
            occurredAt: at,
            commandId: randomUUID(),
            correlationId: r.correlationId,
            causationId: null,
            schemaVersion: SCHEMA_VERSION,
            ...(r.facilityId ? { facilityId: r.facilityId } : {}),
          },
        };
      }),
    });
    try {
      await store.append(stream, events, last ? last.revision : 'no_stream');
      return;
    } catch (error) {
      // another writer (a CLI export, a second instance) appended first: chain onto its events
      if (!(error instanceof ConcurrencyError) || attempt >= 10) throw error;
    }
  }
}
