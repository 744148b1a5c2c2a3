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
  /** The names folded for a case-insensitive prefix search (searchPatients): each name and both full-name orders. */
  nameKeys: string[];
}

/** How a name and a search term are compared: Unicode-normalised, lower case, inner spaces collapsed. */
export const nameKey = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export const nameKeysOf = (givenName: string, familyName: string): string[] => {
  const given = nameKey(givenName);
  const family = nameKey(familyName);
  return [...new Set([given, family, `${given} ${family}`, `${family} ${given}`])];
};

export const patientSummaryProjection: Projection<PatientSummary> = {
  name: 'patient-summary',
  version: 2,
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
      nameKeys: nameKeysOf(data.givenName, data.familyName),
    };
  },
  // searchPatients: an MRN is exact within a facility; a name is a prefix range over the (multikey) name keys.
  indexes: [{ keys: { facilityId: 1 } }, { keys: { mrn: 1, facilityId: 1 } }, { keys: { nameKeys: 1, facilityId: 1 } }],
};
