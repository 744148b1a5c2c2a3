/** The domain deciders, adapted to the command handler: recorded events in, facility access checked. */
import type { CaseCommand } from '../domain/case-commands';
import { decideCase, evolveCase, initialCaseState, type CaseState } from '../domain/case-decider';
import type { CaseEvent } from '../domain/events';
import { decidePatient, evolvePatient, initialPatientState, type PatientCommand, type PatientState } from '../domain/patient-decider';
import type { RecordedEvent } from '../eventstore/port';
import type { CommandFailure, StreamDecider } from './command-handler';

export interface DeciderOptions {
  /** Facilities the caller may write in. */
  facilities: readonly string[];
  maxClockSkewMs: number;
}

const notFound = (what: string): CommandFailure => ({ kind: 'not_found', what });

export function caseDecider(options: DeciderOptions): StreamDecider<CaseCommand, CaseState> {
  return {
    initialState: initialCaseState,
    evolve: (state, event: RecordedEvent) =>
      evolveCase(state, {
        id: event.id,
        type: event.type,
        data: event.data,
        occurredAt: event.metadata.occurredAt,
      } as unknown as CaseEvent),
    decide: (command, state, now) => decideCase(command, state, { now, maxClockSkewMs: options.maxClockSkewMs }),
    // A case outside the caller's facilities answers exactly as a case that does not exist.
    authorize: (state) => (state.exists && !options.facilities.includes(state.facilityId ?? '') ? notFound('case') : null),
  };
}

export function patientDecider(options: DeciderOptions): StreamDecider<PatientCommand, PatientState> {
  return {
    initialState: initialPatientState,
    evolve: evolvePatient,
    decide: (command, state, now) => decidePatient(command, state, { now }),
    authorize: (state) => (state.exists && !options.facilities.includes(state.facilityId ?? '') ? notFound('patient') : null),
  };
}
