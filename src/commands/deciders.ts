/** The domain deciders, adapted to the command handler: recorded events in, the caller's facilities checked first. */
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
  /** Input checks against the stored state, run once the caller is authorized (amendments). */
  validate?: (command: CaseCommand, state: CaseState) => Promise<CommandFailure | null>;
}

const notFound = (what: string): CommandFailure => ({ kind: 'not_found', what });
const alreadyExists: CommandFailure = {
  kind: 'domain',
  error: { rule: 'CASE_ALREADY_EXISTS', message: 'a case with this id already exists' },
};

export function caseDecider(options: DeciderOptions): StreamDecider<CaseCommand, CaseState> {
  const mine = (state: CaseState): boolean => options.facilities.includes(state.facilityId ?? '');
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
    authorize(state, command) {
      if (command.type === 'OpenCase') {
        // The facility comes from the patient, checked by the caller; a taken case id answers the same wherever it is.
        if (!options.facilities.includes(command.data.facilityId)) return notFound('patient');
        return state.exists && !mine(state) ? alreadyExists : null;
      }
      // A case outside the caller's facilities answers exactly as a case that does not exist.
      return state.exists && mine(state) ? null : notFound('case');
    },
    validate: options.validate,
    facilityOf: (state, command) => state.facilityId ?? (command.type === 'OpenCase' ? command.data.facilityId : ''),
  };
}

export function patientDecider(options: DeciderOptions): StreamDecider<PatientCommand, PatientState> {
  return {
    initialState: initialPatientState,
    evolve: evolvePatient,
    decide: (command, state, now) => decidePatient(command, state, { now }),
    authorize(state, command) {
      if (!options.facilities.includes(command.data.facilityId)) return notFound('facility');
      return state.exists && state.facilityId !== command.data.facilityId ? notFound('patient') : null;
    },
    facilityOf: (_state, command) => command.data.facilityId,
  };
}
