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
  /**
   * Every start (2 to 40 characters) of each name and of both full-name orders, folded (nameKey): a
   * case-insensitive prefix search (searchPatients) is then an equality on a multikey index, which every
   * MongoDB-compatible server answers alike (FerretDB's $elemMatch ranges do not keep to one element).
   */
  nameKeys: string[];
}

/** How a name and a search term are compared: Unicode-normalised, lower case, inner spaces collapsed. */
export const nameKey = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export const NAME_KEY_MIN = 2;
export const NAME_KEY_MAX = 40;

export const nameKeysOf = (givenName: string, familyName: string): string[] => {
  const given = nameKey(givenName);
  const family = nameKey(familyName);
  const keys = new Set<string>();
  for (const name of [given, family, `${given} ${family}`, `${family} ${given}`]) {
    // by code point, so that a key never ends in half a surrogate pair
    const chars = [...name];
    for (let length = NAME_KEY_MIN; length <= Math.min(chars.length, NAME_KEY_MAX); length++) keys.add(chars.slice(0, length).join(''));
  }
  return [...keys];
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
  // searchPatients: an MRN is exact within a facility; a name's start is one of the (multikey) name keys.
  indexes: [{ keys: { facilityId: 1 } }, { keys: { mrn: 1, facilityId: 1 } }, { keys: { nameKeys: 1, facilityId: 1 } }],
};
