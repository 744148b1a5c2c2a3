/** The Patient, from its registration (the patient stream's PatientRegistered). */
import type { Patient } from 'fhir/r4';
import type { PatientRegistered } from '../domain/events';
import type { Sex } from '../domain/values';
import { SYSTEMS, coded } from './codes';
import { resourceId } from './ids';
import { narrative } from './narrative';

const GENDER: Record<Sex, NonNullable<Patient['gender']>> = { FEMALE: 'female', MALE: 'male', OTHER: 'other', UNKNOWN: 'unknown' };

export const patientId = (registrationEventId: string): string => resourceId(registrationEventId, 'patient');

export function patientResource(registrationEventId: string, patient: PatientRegistered): Patient {
  return {
    resourceType: 'Patient',
    id: patientId(registrationEventId),
    text: narrative(`${patient.givenName} ${patient.familyName}, born ${patient.birthDate}, MRN ${patient.mrn}`),
    // The MRN is the facility's: its system is the facility's own, which celltrail does not know, so the type says what it is.
    identifier: [
      {
        use: 'usual',
        type: coded(SYSTEMS.identifierType, 'MR', 'Medical record number'),
        value: patient.mrn,
        assigner: { display: `facility ${patient.facilityId}` },
      },
    ],
    name: [{ use: 'official', family: patient.familyName, given: [patient.givenName] }],
    gender: GENDER[patient.sex],
    birthDate: patient.birthDate,
  };
}
