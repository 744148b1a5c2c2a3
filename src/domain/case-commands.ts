/** What a clinician asks the case to record. Validated for shape and ranges before they get here. */
import type { CaseEventMap, AmendableEventType } from './events';
import type { CloseReason, SignatureMeaning } from './values';

type Clinical<T> = { data: T; occurredAt: string };

/** Fields a command may leave out: the decider writes their defaults, so a caller written before them keeps working. */
type WithOptional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

export type OpenCase = { type: 'OpenCase' } & Clinical<
  WithOptional<CaseEventMap['CaseOpened'], 'additionalDiagnosisCodes' | 'legRutherfordCategories' | 'harvestOnly'>
>;
export type RecordDopplerAssessment = { type: 'RecordDopplerAssessment' } & Clinical<
  Omit<CaseEventMap['DopplerAssessmentRecorded'], 'abi' | 'computedAbi' | 'abiSource'> & { abi: number | null }
>;
export type RecordAngiography = { type: 'RecordAngiography' } & Clinical<CaseEventMap['AngiographyRecorded']>;
export type RecordHarvest = { type: 'RecordHarvest' } & Clinical<WithOptional<CaseEventMap['HarvestPerformed'], 'performedBy'>>;
export type RecordCellConcentration = { type: 'RecordCellConcentration' } & Clinical<CaseEventMap['CellsConcentrated']>;
export type RecordInjection = { type: 'RecordInjection' } & Clinical<WithOptional<CaseEventMap['InjectionGiven'], 'performedBy'>>;
export type RecordOutcome = { type: 'RecordOutcome' } & Clinical<CaseEventMap['OutcomeMeasured']>;
export type AmendEntry = {
  type: 'AmendEntry';
  data: { targetEventId: string; reason: string; changes: Record<string, unknown> };
};
export type SignProcedure = {
  type: 'SignProcedure';
  /** `attestedAt`: when the procedure was attested, if earlier than now (a late signature); null or absent: now. */
  data: { meaning: SignatureMeaning; signerId: string; signerName: string; signerRole: string; attestedAt?: string | null };
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
