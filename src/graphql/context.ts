/**
 * What every resolver gets: the caller, the request's correlation id, and the caller's data — the one
 * authorized path to patient, case, history, audit and access data (src/access/). Resolvers get no
 * store: a new resolver cannot read around the seam (test/unit/access/seam-imports.test.ts checks it).
 */
import type { PatientData } from '../access/patient-data';
import type { Metrics } from '../observability/metrics';
import type { RequestObservation } from '../observability/request-log';
import type { User } from './auth/user';

export interface Context {
  user: User | null;
  /** Correlation id of the request, recorded in every event it writes. */
  requestId: string;
  data: PatientData;
  /** Where resolver timings go (observability/graphql-observer.ts). */
  metrics?: Metrics;
  /** What the request's log line reports: operation, error codes, user id (HTTP requests only). */
  observed?: RequestObservation;
}
