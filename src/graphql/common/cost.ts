/**
 * What a field costs in the operation cost limit (http/graphql-pipeline.ts, graphql-query-complexity):
 * 1 per field selected by default; a page costs its selection once per item it may hold; the queries
 * that fold or scan on the server carry a fixed cost of their own, measured in bench/expensive-request.ts.
 */
import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';

export const COSTS = {
  /** Folds the whole case stream and audits it: a 400-entry case takes about a tenth of a second. */
  caseAsOf: 5_000,
  /**
   * Folds the case stream twice and maps every entry: a 400-entry case takes about 0.16 s in process and
   * answers 3.3 MB, ten times a caseAsOf's fold (bench/fhir-bundle.ts): one export per request.
   */
  caseFhirBundle: 10_000,
  /** Reads the access log's day streams for one case's records. */
  caseFhirAuditBundle: 5_000,
  /** Reads and hashes the whole case stream. */
  verifyCaseIntegrity: 500,
  /** Reads every case summary the filter selects in the caller's facilities. */
  complianceReport: 1_000,
  /** An indexed look-up in the patient summaries (MRN, or a name-prefix range), plus one access record per patient found. */
  searchPatients: 50,
  /** A patient's cases, as many as a patient may plausibly have. */
  casesPerPatient: 10,
  /** A page's size when `first` is not given. */
  defaultPage: 20,
} as const;

export const fixed =
  (cost: number) =>
  ({ childComplexity }: Pick<ComplexityEstimatorArgs, 'childComplexity'>): number =>
    cost + childComplexity;

/** A page of `first` or `last` items (backward pages cost what forward ones do). */
export const perItem = ({ args, childComplexity }: Pick<ComplexityEstimatorArgs, 'args' | 'childComplexity'>): number => {
  const asked = [args.first, args.last].filter((n): n is number => typeof n === 'number' && n >= 0);
  const size = asked.length > 0 ? Math.max(...asked) : COSTS.defaultPage;
  return 1 + childComplexity * Math.max(size, 1);
};
