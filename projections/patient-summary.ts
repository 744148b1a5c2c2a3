/** Patient summary: who the patient is. Their cases are read from the case summaries by patientId. */
import type { PatientRegistered } from '../src/domain/events';
import { PATIENT_STREAM_PREFIX } from '../src/domain/events';
import type { Projection } from '../src/projection/projection';

export interface PatientSummary extends PatientRegistered {
  _id: string;
  id: string;
  registeredAt: string;
  registeredBy: string;
  revision: number;
}

export const patientSummaryProjection: Projection<PatientSummary> = {
  name: 'patient-summary',
  version: 1,
  eventTypes: ['PatientRegistered'],
  key: (event) => (event.stream.startsWith(PATIENT_STREAM_PREFIX) ? event.stream.slice(PATIENT_STREAM_PREFIX.length) : null),
  evolve(document, event) {
    if (event.type !== 'PatientRegistered') return document;
    const data = event.data as unknown as PatientRegistered;
    return {
      _id: data.patientId,
      id: data.patientId,
      ...data,
      registeredAt: event.metadata.recordedAt,
      registeredBy: event.metadata.actor.id,
      revision: event.revision,
    };
  },
  indexes: [{ keys: { facilityId: 1 } }],
};
