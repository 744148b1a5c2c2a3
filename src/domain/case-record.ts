/**
 * The case record: everything documented in a case, amendments applied, originals kept.
 * It is what the case summary shows, what the compliance audit reads, and what `caseAsOf` folds to.
 * Folded by `applyCaseEvent(record, event)` for each event of the case stream, in order: a function of
 * the events only, which updates the record it is given (the caller's own) rather than copying it.
 */
import type { Actor, JsonObject } from '../eventstore/port';
import type {
  AngiographyRecorded,
  CaseOpened,
  CellsConcentrated,
  DopplerAssessmentRecorded,
  HarvestPerformed,
  InjectionGiven,
  OutcomeMeasured,
  ProcedureSigned,
} from './events';
import type { CaseStatus, CloseReason } from './values';
import { computeAbi } from './abi';
import { isStoredForm, parseIsoTime } from './iso-time';
import { upcastEvent } from './upcast';

/** The envelope facts the fold needs; RecordedEvent satisfies it. */
export interface CaseRecordEvent {
  id: string;
  type: string;
  revision: number;
  data: JsonObject;
  /** `schemaVersion`: the payload's version as stored (absent: 1); the fold upcasts it (upcast.ts). */
  metadata: { actor: Actor; recordedAt: string; occurredAt: string; schemaVersion?: number };
}

/** What every documented entry carries besides its payload. */
export interface EntryFacts {
  eventId: string;
  /** Clinical time, as amended. */
  occurredAt: string;
  recordedAt: string;
  recordedBy: Actor;
  /** Recorded long after it occurred (see LATE_ENTRY_MS). */
  lateEntry: boolean;
  /** Ids of the amendments applied to this entry, oldest first. */
  amendedBy: string[];
}

export type DopplerEntry = EntryFacts & DopplerAssessmentRecorded;
export type AngiographyEntry = EntryFacts & AngiographyRecorded;
/** `operator`: who performed the harvest, the documented performer or else whoever recorded it. */
export type HarvestEntry = EntryFacts & HarvestPerformed & { operator: Actor };
export type ConcentrationEntry = EntryFacts & CellsConcentrated;
/** `performer`: who gave the injections, the documented performer or else whoever recorded them. */
export type InjectionEntry = EntryFacts & InjectionGiven & { performer: Actor };
export type OutcomeEntry = EntryFacts & OutcomeMeasured;

export interface SignatureEntry extends ProcedureSigned {
  eventId: string;
  /** Recorded (`signedAt`) more than LATE_ENTRY_MS after the attestation it states (`attestedAt`): a late signature. */
  lateEntry: boolean;
}

/** The signature a ProcedureSigned event records: its payload in the current shape, and whether it was recorded late. */
export function signatureOf(event: { id: string; type: string; data: JsonObject; metadata: { schemaVersion?: number } }): SignatureEntry {
  const signed = upcastEvent(event).data as unknown as ProcedureSigned;
  const lateEntry = signed.attestedAt !== null && isLate(signed.attestedAt, signed.signedAt);
  return { eventId: event.id, ...signed, lateEntry };
}

export interface AmendmentEntry {
  eventId: string;
  targetEventId: string;
  targetType: string;
  reason: string;
  changes: Record<string, unknown>;
  /** The target's values of the changed fields just before this amendment: the original stays readable. */
  previous: Record<string, unknown>;
  recordedAt: string;
  actor: Actor;
}

export interface CaseRecord {
  id: string;
  patientId: string;
  facilityId: string;
  status: CaseStatus;
  closeReason: CloseReason | null;
  closedAt: string | null;
  legs: CaseOpened['legs'];
  diagnosisCode: string;
  additionalDiagnosisCodes: string[];
  rutherfordCategory: number | null;
  legRutherfordCategories: CaseOpened['legRutherfordCategories'];
  fontaineStage: CaseOpened['fontaineStage'];
  revascularizationNotPossible: boolean;
  amputationOnlyAlternative: boolean;
  harvestPlanned: boolean;
  harvestOnly: boolean;
  /** Event id and clinical time of the opening entry. */
  openedEventId: string;
  openedAt: string;
  /** Recording time of the last event. */
  updatedAt: string;
  revision: number;
  dopplerAssessments: DopplerEntry[];
  angiographies: AngiographyEntry[];
  harvest: HarvestEntry | null;
  concentration: ConcentrationEntry | null;
  injections: InjectionEntry[];
  outcomes: OutcomeEntry[];
  signatures: SignatureEntry[];
  amendments: AmendmentEntry[];
}

/** An entry recorded more than this after its clinical time is shown as a late entry. */
export const LATE_ENTRY_MS = 24 * 60 * 60 * 1000;

export interface FoldOptions {
  /**
   * The caller hands the events over: nothing reads them after the fold, so an entry may be the
   * event's own payload object with the entry's facts added, instead of a copy of it. A rebuild folds
   * hundreds of thousands of entries; not copying each is a fifth of its time. Default false.
   */
  ownsEvents?: boolean;
}

/**
 * The entry of an event: its payload plus what every entry carries. When copied, the payload is
 * spread first: V8 copies a parsed object in one step, where a second spread would add its fields
 * one by one.
 */
function entryOf<T extends object>(event: CaseRecordEvent, options: FoldOptions): EntryFacts & T {
  const { occurredAt, recordedAt, actor } = event.metadata;
  const lateEntry = isLate(occurredAt, recordedAt);
  if (!options.ownsEvents) {
    return { ...(event.data as T), eventId: event.id, occurredAt, recordedAt, recordedBy: actor, lateEntry, amendedBy: [] };
  }
  const entry = event.data as EntryFacts & T;
  entry.eventId = event.id;
  entry.occurredAt = occurredAt;
  entry.recordedAt = recordedAt;
  entry.recordedBy = actor;
  entry.lateEntry = lateEntry;
  entry.amendedBy = [];
  return entry;
}

function sameUtcDate(a: string, b: string): boolean {
  for (let i = 0; i < 10; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

function isLate(occurredAt: string, recordedAt: string): boolean {
  // Most entries are recorded on the day they occur: less than a day apart, nothing to parse.
  if (isStoredForm(occurredAt) && isStoredForm(recordedAt) && sameUtcDate(occurredAt, recordedAt)) return false;
  return parseIsoTime(recordedAt) - parseIsoTime(occurredAt) > LATE_ENTRY_MS;
}

type ListField = 'dopplerAssessments' | 'angiographies' | 'injections' | 'outcomes';
const LIST_FIELDS: readonly ListField[] = ['dopplerAssessments', 'angiographies', 'injections', 'outcomes'];

function byOccurredAt(a: { occurredAt: string }, b: { occurredAt: string }): number {
  const x = a.occurredAt;
  const y = b.occurredAt;
  if (isStoredForm(x) && isStoredForm(y)) return x < y ? -1 : x > y ? 1 : 0;
  return parseIsoTime(x) - parseIsoTime(y);
}

/** Returns the changed fields' values before the change, and the entry with the change applied. */
function amend<T extends object>(entry: T, changes: Record<string, unknown>): { previous: Record<string, unknown>; amended: T } {
  const previous: Record<string, unknown> = {};
  const current = entry as Record<string, unknown>;
  for (const field of Object.keys(changes)) previous[field] = current[field] ?? null;
  return { previous, amended: { ...entry, ...changes } };
}

function reentered<T extends EntryFacts>(entry: T, amendmentId: string, changes: Record<string, unknown>): T {
  const lateEntry = 'occurredAt' in changes ? isLate(entry.occurredAt, entry.recordedAt) : entry.lateEntry;
  return withPerformer(withAbi({ ...entry, lateEntry, amendedBy: [...entry.amendedBy, amendmentId] }, changes), changes);
}

/** A corrected performer is who performed the step: the harvest's operator, the injection's performer (else the recorder). */
function withPerformer<T extends EntryFacts>(entry: T, changes: Record<string, unknown>): T {
  if (!('performedBy' in changes)) return entry;
  const performer = (entry as { performedBy?: Actor | null }).performedBy ?? entry.recordedBy;
  if ('operator' in entry) return { ...entry, operator: performer };
  if ('performer' in entry) return { ...entry, performer };
  return entry;
}

/** Corrected pressures give a new computed ABI; a computed (not documented) ABI follows them. */
function withAbi<T extends object>(entry: T, changes: Record<string, unknown>): T {
  if (!('computedAbi' in entry)) return entry;
  const doppler = entry as unknown as DopplerEntry;
  const computedAbi = computeAbi(doppler);
  if ('abi' in changes) return { ...entry, computedAbi, abiSource: 'GIVEN' };
  return { ...entry, computedAbi, abi: doppler.abiSource === 'COMPUTED' ? computedAbi : doppler.abi };
}

/**
 * Applies an amendment to its target entry and records it with the values it replaced. The amended
 * entry is a new object put in the target's place; the record and its lists are updated in place.
 */
function applyAmendment(record: CaseRecord, event: CaseRecordEvent): void {
  const data = event.data as unknown as Omit<AmendmentEntry, 'eventId' | 'previous' | 'recordedAt' | 'actor'>;
  const changes = data.changes;
  let previous: Record<string, unknown> = {};
  if (record.openedEventId === data.targetEventId) {
    const { occurredAt, ...rest } = changes;
    const current = record as unknown as Record<string, unknown>;
    for (const field of Object.keys(rest)) previous[field] = current[field] ?? null;
    Object.assign(record, rest);
    if (occurredAt !== undefined) {
      previous.occurredAt = record.openedAt;
      record.openedAt = String(occurredAt);
    }
  } else {
    for (const field of LIST_FIELDS) {
      const list = record[field] as EntryFacts[];
      const index = list.findIndex((e) => e.eventId === data.targetEventId);
      if (index < 0) continue;
      const result = amend(list[index] as EntryFacts, changes);
      previous = result.previous;
      list[index] = reentered(result.amended, event.id, changes);
      list.sort(byOccurredAt);
    }
    for (const field of ['harvest', 'concentration'] as const) {
      const single = record[field];
      if (single?.eventId !== data.targetEventId) continue;
      const result = amend(single as EntryFacts, changes);
      previous = result.previous;
      (record as unknown as Record<string, unknown>)[field] = reentered(result.amended, event.id, changes);
    }
  }
  record.amendments.push({
    eventId: event.id,
    targetEventId: data.targetEventId,
    targetType: data.targetType,
    reason: data.reason,
    changes,
    previous,
    recordedAt: event.metadata.recordedAt,
    actor: event.metadata.actor,
  });
}

function append<T extends { occurredAt: string }>(list: T[], entry: T): void {
  const last = list[list.length - 1];
  list.push(entry);
  // entries are kept in clinical order; a late entry may land before earlier-recorded ones
  if (last !== undefined && byOccurredAt(last, entry) > 0) list.sort(byOccurredAt);
}

function opened(event: CaseRecordEvent): CaseRecord {
  const d = event.data as unknown as CaseOpened;
  return {
    id: d.caseId,
    patientId: d.patientId,
    facilityId: d.facilityId,
    status: 'OPEN',
    closeReason: null,
    closedAt: null,
    legs: [...d.legs],
    diagnosisCode: d.diagnosisCode,
    additionalDiagnosisCodes: [...d.additionalDiagnosisCodes],
    rutherfordCategory: d.rutherfordCategory,
    legRutherfordCategories: d.legRutherfordCategories.map((r) => ({ ...r })),
    fontaineStage: d.fontaineStage,
    revascularizationNotPossible: d.revascularizationNotPossible,
    amputationOnlyAlternative: d.amputationOnlyAlternative,
    harvestPlanned: d.harvestPlanned,
    harvestOnly: d.harvestOnly,
    openedEventId: event.id,
    openedAt: event.metadata.occurredAt,
    updatedAt: event.metadata.recordedAt,
    revision: event.revision,
    dopplerAssessments: [],
    angiographies: [],
    harvest: null,
    concentration: null,
    injections: [],
    outcomes: [],
    signatures: [],
    amendments: [],
  };
}

/**
 * Applies one case event to a record the caller owns, in place, and returns it (a new record for
 * CaseOpened; null before it): a case is folded without a copy per event. Entries already in the
 * record are replaced, never changed. An event type it does not know only moves the revision
 * (forward compatible).
 */
export function applyCaseEvent(record: CaseRecord | null, stored: CaseRecordEvent, options: FoldOptions = {}): CaseRecord | null {
  const event = upcastEvent(stored);
  if (event.type === 'CaseOpened') return opened(event);
  if (!record) return null;
  record.revision = event.revision;
  record.updatedAt = event.metadata.recordedAt;
  switch (event.type) {
    case 'DopplerAssessmentRecorded':
      append(record.dopplerAssessments, entryOf<DopplerAssessmentRecorded>(event, options));
      break;
    case 'AngiographyRecorded':
      append(record.angiographies, entryOf<AngiographyRecorded>(event, options));
      break;
    case 'HarvestPerformed': {
      const entry = entryOf<HarvestPerformed>(event, options);
      record.harvest = Object.assign(entry, { operator: entry.performedBy ?? event.metadata.actor });
      break;
    }
    case 'CellsConcentrated':
      record.concentration = entryOf<CellsConcentrated>(event, options);
      break;
    case 'InjectionGiven': {
      const entry = entryOf<InjectionGiven>(event, options);
      append(record.injections, Object.assign(entry, { performer: entry.performedBy ?? event.metadata.actor }));
      break;
    }
    case 'OutcomeMeasured':
      append(record.outcomes, entryOf<OutcomeMeasured>(event, options));
      break;
    case 'EntryAmended':
      applyAmendment(record, event);
      break;
    case 'ProcedureSigned':
      record.signatures.push(signatureOf(event));
      break;
    case 'CaseClosed':
      record.status = 'CLOSED';
      record.closeReason = (event.data as { reason: CloseReason }).reason;
      record.closedAt = event.metadata.occurredAt;
      break;
  }
  return record;
}

/** Folds a whole stream (in revision order). */
export function caseRecordOf(events: Iterable<CaseRecordEvent>): CaseRecord | null {
  let record: CaseRecord | null = null;
  for (const event of events) record = applyCaseEvent(record, event);
  return record;
}
