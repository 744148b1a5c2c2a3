/** Reads of patient data are activity too (HIPAA 164.312(b)): who read which patient/case, how, when, with what outcome. */
import type { Actor } from '../eventstore/port';

export type AccessOutcome = 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'ERROR';

export interface AccessRecord {
  actor: Actor;
  /** The GraphQL field or export that read the data, e.g. 'case', 'patient', 'export'. */
  operation: string;
  patientId: string | null;
  caseId: string | null;
  /** The facility of the patient or case read (null when nothing was found): auditors see their facilities' records. */
  facilityId?: string | null;
  outcome: AccessOutcome;
  correlationId: string;
}

/** Records accesses without making the reader wait for a disk flush; `flush` makes them durable. */
export interface AccessLog {
  record(entry: AccessRecord): void;
  flush(): Promise<void>;
  close(): Promise<void>;
}
