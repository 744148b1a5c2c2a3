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

/**
 * No answer without its record: a reader awaits `record` before it answers. Concurrent records share
 * one write (group commit), so a reader waits for about one commit, not for a queue of them.
 */
export interface AccessLog {
  /**
   * Resolves once the record is durable (committed with fsync, or acknowledged by the event store's
   * server); rejects when it could not be made durable within the log's bound, and then the read must
   * fail. A rejected record may still have been written (a write whose answer was lost): an access
   * can be recorded and refused, never answered and unrecorded.
   */
  record(entry: AccessRecord): Promise<void>;
  /** Waits until every record taken so far is written or rejected. */
  flush(): Promise<void>;
  /** Refuses new records, then waits for those taken (at most the log's bound). */
  close(): Promise<void>;
}
