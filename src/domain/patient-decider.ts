/** The patient decider: a patient is registered once. Pure. */
import { accept, reject, type Decision } from './errors';
import type { PatientRegistered } from './events';

export interface PatientState {
  exists: boolean;
  facilityId: string | null;
}

export const initialPatientState = (): PatientState => ({ exists: false, facilityId: null });

export type PatientCommand = { type: 'RegisterPatient'; data: PatientRegistered };
export type PatientEvent = { type: 'PatientRegistered'; data: PatientRegistered; occurredAt: string };

export function evolvePatient(state: PatientState, event: { type: string; data: unknown }): PatientState {
  if (event.type === 'PatientRegistered') {
    return { exists: true, facilityId: (event.data as PatientRegistered).facilityId };
  }
  return state;
}

export function decidePatient(command: PatientCommand, state: PatientState, context: { now: Date }): Decision<PatientEvent> {
  if (state.exists) return reject('PATIENT_ALREADY_EXISTS');
  return accept({ type: 'PatientRegistered', data: command.data, occurredAt: context.now.toISOString() });
}
