/** Facts about a case record that several rules read the same way. */
import type { CaseRecord, InjectionEntry } from '../domain/case-record';
import type { Leg } from '../domain/values';
import { timeOf } from './time';

/** "multiple injections" in the CPT descriptors: two or more. Not configurable: the code descriptor fixes it. */
export const MIN_INJECTIONS = 2;

export const legName = (leg: Leg): string => (leg === 'LEFT' ? 'left leg' : 'right leg');

export const injectionsInto = (record: CaseRecord, leg: Leg): InjectionEntry[] =>
  record.injections.filter((injection) => injection.leg === leg);

/** Sum of documented injection counts; a count that is not a positive whole number adds nothing. */
export function injectionCount(injections: readonly InjectionEntry[]): number {
  return injections.reduce((sum, i) => sum + (Number.isInteger(i.injectionCount) && i.injectionCount > 0 ? i.injectionCount : 0), 0);
}

/**
 * Whether the case expects concentration, injections and their follow-ups: every case but a harvest-only
 * one (0265T: the cells go to another provider). A harvest-only case that documents a concentration or
 * an injection after all is judged by what it documents.
 */
export const expectsTreatment = (record: CaseRecord): boolean =>
  !record.harvestOnly || record.concentration !== null || record.injections.length > 0;

/** Every diagnosis code of the case, the principal one first. */
export const diagnosisCodesOf = (record: CaseRecord): string[] => [record.diagnosisCode, ...(record.additionalDiagnosisCodes ?? [])];

/** The Rutherford category of a leg: its own when documented, else the case's. */
export function rutherfordOf(record: CaseRecord, leg: Leg): number | null {
  const own = (record.legRutherfordCategories ?? []).find((r) => r.leg === leg);
  return own ? own.category : record.rutherfordCategory;
}

/** The moment the pre-procedure windows are measured from, and how messages name it. */
export interface ProcedureAnchor {
  eventId: string;
  at: number;
  name: string;
}

/**
 * The harvest when documented. When the harvest was done elsewhere the record has no harvest time,
 * so the first step documented here (concentration, else first injection) stands in for it: the
 * cells are concentrated and injected on the day they are harvested. Null while a planned harvest
 * is not yet documented (HAR-01 reports that; timing cannot be judged yet).
 */
export function procedureAnchor(record: CaseRecord): ProcedureAnchor | null {
  if (record.harvest) return { eventId: record.harvest.eventId, at: timeOf(record.harvest.occurredAt), name: 'the harvest' };
  if (record.harvestPlanned) return null;
  if (record.concentration) {
    return {
      eventId: record.concentration.eventId,
      at: timeOf(record.concentration.occurredAt),
      name: 'the cell concentration (harvest done elsewhere)',
    };
  }
  const first = record.injections[0];
  return first ? { eventId: first.eventId, at: timeOf(first.occurredAt), name: 'the first injection (harvest done elsewhere)' } : null;
}

/** Ids of every entry an amendment may target. */
export function entryIds(record: CaseRecord): Set<string> {
  const ids = new Set<string>([record.openedEventId]);
  for (const list of [record.dopplerAssessments, record.angiographies, record.injections, record.outcomes]) {
    for (const entry of list) ids.add(entry.eventId);
  }
  if (record.harvest) ids.add(record.harvest.eventId);
  if (record.concentration) ids.add(record.concentration.eventId);
  return ids;
}

export const isNonEmptyText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
export const isPositiveNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;
