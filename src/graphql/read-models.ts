/** Typed access to the read models the API serves (the port deals in untyped stored documents). */
import type { CaseSummary } from '../../projections/case-summary';
import type { PatientSummary } from '../../projections/patient-summary';
import type { FindOptions, ReadStore } from '../readstore/port';
import { CASE_SUMMARY, PATIENT_SUMMARY } from './collections';

export const getCaseSummary = async (readStore: ReadStore, id: string): Promise<CaseSummary | null> =>
  (await readStore.get(CASE_SUMMARY, id)) as unknown as CaseSummary | null;

export const getPatientSummary = async (readStore: ReadStore, id: string): Promise<PatientSummary | null> =>
  (await readStore.get(PATIENT_SUMMARY, id)) as unknown as PatientSummary | null;

export async function findCaseSummaries(readStore: ReadStore, options: FindOptions) {
  const result = await readStore.find(CASE_SUMMARY, options);
  return { ...result, items: result.items as unknown as CaseSummary[] };
}
