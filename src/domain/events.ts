/**
 * Event payloads (the `data` of the envelope), in their current shape. Clinical time is not in the payload:
 * it is the envelope's `metadata.occurredAt`. Changing a payload's shape means a new SCHEMA_VERSION and an
 * upcaster in upcast.ts, which every reader of stored events goes through; what is stored is never rewritten.
 */
import type {
  AmputationLevel,
  CloseReason,
  ConcentrationMethod,
  FontaineStage,
  HarvestSides,
  HarvestSite,
  InjectionRoute,
  Leg,
  LesionKind,
  Sex,
  SignatureMeaning,
  UlcerStatus,
} from './values';

/**
 * The version of the payloads this code writes (the envelope's `metadata.schemaVersion`).
 * 1: the first shapes. 2 (issue #17): CaseOpened's additional diagnosis codes, per-leg Rutherford categories
 * and harvest-only plan; the performer of a harvest or injection; an unknown aspirate volume or ultrasound
 * guidance (null); the attestation time of a signature; injection routes other than intramuscular.
 */
export const SCHEMA_VERSION = 2;

/** Who performed a step when it is not who recorded it (a nurse or scribe documenting for the surgeon). */
export interface Performer {
  id: string;
  name: string;
  role: string;
}

/** A leg's own Rutherford category, when the legs of a bilateral case differ in severity. */
export interface LegRutherford {
  leg: Leg;
  category: number;
}

export interface PatientRegistered {
  patientId: string;
  facilityId: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: Sex;
}

export interface CaseOpened {
  caseId: string;
  patientId: string;
  facilityId: string;
  legs: Leg[];
  /** The principal ICD-10-CM diagnosis. */
  diagnosisCode: string;
  /** v2: further ICD-10-CM codes, e.g. the other leg's presentation ([] before). */
  additionalDiagnosisCodes: string[];
  /** The case's Rutherford category: the category of every leg without one of its own. */
  rutherfordCategory: number | null;
  /** v2: per-leg categories, overriding `rutherfordCategory` for those legs ([] before). */
  legRutherfordCategories: LegRutherford[];
  fontaineStage: FontaineStage | null;
  revascularizationNotPossible: boolean;
  amputationOnlyAlternative: boolean;
  /** false: the cells were harvested elsewhere / by another provider. */
  harvestPlanned: boolean;
  /** v2: the case plans the harvest only (0265T: the cells go to another provider); false before. */
  harvestOnly: boolean;
}

export interface DopplerAssessmentRecorded {
  leg: Leg;
  brachialLeftMmHg: number;
  brachialRightMmHg: number;
  dorsalisPedisMmHg: number;
  posteriorTibialMmHg: number;
  anteriorTibialMmHg: number | null;
  toePressureMmHg: number | null;
  /** The ABI as documented: the clinician's when given, else the computed one. */
  abi: number;
  /** The ABI the pressures give; a difference from `abi` is a compliance finding (PRE-02), never a rejection. */
  computedAbi: number;
  abiSource: 'GIVEN' | 'COMPUTED';
}

export interface AngiographyFinding {
  segment: string;
  kind: LesionKind;
  severityPercent: number | null;
}

export interface AngiographyRecorded {
  leg: Leg;
  findings: AngiographyFinding[];
}

export interface HarvestPerformed {
  site: HarvestSite;
  sides: HarvestSides;
  /** v2: null when not documented (HAR-01 warns). */
  aspirateVolumeMl: number | null;
  needle: string | null;
  /** v2: who performed the harvest when not who recorded it; null: the recorder (always null before). */
  performedBy: Performer | null;
}

export interface CellsConcentrated {
  method: ConcentrationMethod;
  inputVolumeMl: number;
  concentrateVolumeMl: number;
  device: string | null;
  totalNucleatedCells: number | null;
  cd34Cells: number | null;
}

export interface InjectionGiven {
  leg: Leg;
  route: InjectionRoute;
  injectionCount: number;
  totalVolumeMl: number;
  targetSegments: string[];
  /** v2: null when not documented (INJ-03 warns). */
  ultrasoundGuided: boolean | null;
  /** v2: who gave the injections when not who recorded them; null: the recorder (always null before). */
  performedBy: Performer | null;
}

export interface OutcomeMeasured {
  leg: Leg;
  abi: number | null;
  restPainScore: number | null;
  ulcerStatus: UlcerStatus | null;
  wagnerGrade: number | null;
  amputation: AmputationLevel | null;
  deceased: boolean | null;
}

export interface EntryAmended {
  targetEventId: string;
  targetType: AmendableEventType;
  reason: string;
  /** Corrected fields of the target's payload; `occurredAt` corrects the target's clinical time. */
  changes: Record<string, unknown>;
}

export interface ProcedureSigned {
  signerId: string;
  signerName: string;
  signerRole: string;
  meaning: SignatureMeaning;
  /** Server time of the signing. */
  signedAt: string;
  /** v2: when the signer attested the procedure, if earlier than the signing (a late signature); null before. */
  attestedAt: string | null;
}

export interface CaseClosed {
  reason: CloseReason;
}

export interface CaseEventMap {
  CaseOpened: CaseOpened;
  DopplerAssessmentRecorded: DopplerAssessmentRecorded;
  AngiographyRecorded: AngiographyRecorded;
  HarvestPerformed: HarvestPerformed;
  CellsConcentrated: CellsConcentrated;
  InjectionGiven: InjectionGiven;
  OutcomeMeasured: OutcomeMeasured;
  EntryAmended: EntryAmended;
  ProcedureSigned: ProcedureSigned;
  CaseClosed: CaseClosed;
}

export type CaseEventType = keyof CaseEventMap;

/** A case event as the domain sees it: type, payload, and the envelope facts decide/evolve need. */
export type CaseEvent = {
  [K in CaseEventType]: { type: K; data: CaseEventMap[K]; id: string; occurredAt: string; schemaVersion?: number };
}[CaseEventType];

export const CASE_EVENT_TYPES: readonly CaseEventType[] = [
  'CaseOpened',
  'DopplerAssessmentRecorded',
  'AngiographyRecorded',
  'HarvestPerformed',
  'CellsConcentrated',
  'InjectionGiven',
  'OutcomeMeasured',
  'EntryAmended',
  'ProcedureSigned',
  'CaseClosed',
];

/** Entries a clinician may correct with an amendment. */
export const AMENDABLE_EVENT_TYPES = [
  'CaseOpened',
  'DopplerAssessmentRecorded',
  'AngiographyRecorded',
  'HarvestPerformed',
  'CellsConcentrated',
  'InjectionGiven',
  'OutcomeMeasured',
] as const;
export type AmendableEventType = (typeof AMENDABLE_EVENT_TYPES)[number];

/** Access-log events: who read which patient data (ids only, never the data read). */
export interface PatientDataAccessed {
  operation: string;
  patientId: string | null;
  caseId: string | null;
  outcome: 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'ERROR';
}

export const CASE_STREAM_PREFIX = 'case-';
export const PATIENT_STREAM_PREFIX = 'patient-';
export const ACCESS_STREAM_PREFIX = 'access-';

export const caseStream = (caseId: string): string => `${CASE_STREAM_PREFIX}${caseId}`;
export const patientStream = (patientId: string): string => `${PATIENT_STREAM_PREFIX}${patientId}`;
