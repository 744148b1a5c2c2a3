/** The case's bundle from its stream and its patient's, cut at a moment (as `caseAsOf` cuts a stream). */
import type { Bundle } from 'fhir/r4';
import type { PatientRegistered } from '../domain/events';
import type { RecordedEvent } from '../eventstore/port';
import { caseFhirBundle } from './bundle';

/** Events recorded at or before `asOf` (all when it is undefined). */
export function recordedUpTo(events: readonly RecordedEvent[], asOf: string | undefined): RecordedEvent[] {
  if (asOf === undefined) return [...events];
  const atMs = Date.parse(asOf);
  if (Number.isNaN(atMs)) throw new RangeError('asOf must be an ISO-8601 time');
  return events.filter((e) => Date.parse(e.metadata.recordedAt) <= atMs);
}

/** Null when the case was not recorded by then, or its patient has no registration. */
export function caseBundleOf(caseEvents: readonly RecordedEvent[], patientEvents: readonly RecordedEvent[], asOf?: string): Bundle | null {
  const registration = patientEvents.find((e) => e.type === 'PatientRegistered');
  if (!registration) return null;
  return caseFhirBundle({
    caseEvents: recordedUpTo(caseEvents, asOf),
    patient: {
      eventId: registration.id,
      data: registration.data as unknown as PatientRegistered,
      recordedAt: registration.metadata.recordedAt,
      occurredAt: registration.metadata.occurredAt,
      actor: registration.metadata.actor,
    },
  });
}
