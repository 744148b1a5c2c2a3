/** What a clinician asks the case to record. Validated for shape and ranges before they get here. */
import type { CaseEventMap, AmendableEventType } from './events';
import type { CloseReason, SignatureMeaning } from './values';

type Clinical<T> = { data: T; occurredAt: string };

export type OpenCase = { type: 'OpenCase' } & Clinical<CaseEventMap['CaseOpened']>;
export type RecordDopplerAssessment = { type: 'RecordDopplerAssessment' } & Clinical<
  Omit<CaseEventMap['DopplerAssessmentRecorded'], 'abi' | 'computedAbi' | 'abiSource'> & { abi: number | null }
>;
export type RecordAngiography = { type: 'RecordAngiography' } & Clinical<CaseEventMap['AngiographyRecorded']>;
export type RecordHarvest = { type: 'RecordHarvest' } & Clinical<CaseEventMap['HarvestPerformed']>;
export type RecordCellConcentration = { type: 'RecordCellConcentration' } & Clinical<CaseEventMap['CellsConcentrated']>;
export type RecordInjection = { type: 'RecordInjection' } & Clinical<CaseEventMap['InjectionGiven']>;
export type RecordOutcome = { type: 'RecordOutcome' } & Clinical<CaseEventMap['OutcomeMeasured']>;
export type AmendEntry = {
  type: 'AmendEntry';
  data: { targetEventId: string; reason: string; changes: Record<string, unknown> };
};
export type SignProcedure = {
  type: 'SignProcedure';
  data: { meaning: SignatureMeaning; signerId: string; signerName: string; signerRole: string };
};
export type CloseCase = { type: 'CloseCase'; data: { reason: CloseReason } };

export type CaseCommand =
  | OpenCase
  | RecordDopplerAssessment
  | RecordAngiography
  | RecordHarvest
  | RecordCellConcentration
  | RecordInjection
  | RecordOutcome
  | AmendEntry
  | SignProcedure
  | CloseCase;

/** An event decided by the domain, before it gets its envelope. */
export type DecidedEvent = {
  [K in keyof CaseEventMap]: { type: K; data: CaseEventMap[K]; occurredAt: string };
}[keyof CaseEventMap];

export type { AmendableEventType };
