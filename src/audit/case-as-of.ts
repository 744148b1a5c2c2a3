/**
 * A case as it stood at a moment: its stream folded up to the last event recorded at or before that
 * moment, through the case-summary projection's own fold and the same compliance code, evaluated at
 * that moment (so follow-ups are overdue only if they were then).
 */
import { caseSummaryOf, type CaseSummary } from '../../projections/case-summary';
import { complianceAt, type ComplianceConfig, type ComplianceStatus } from '../compliance';
import type { RecordedEvent } from '../eventstore/port';

export interface CaseAsOf {
  summary: CaseSummary;
  compliance: ComplianceStatus;
}

/** Null when the case had not been opened (recorded) by `at`. `events` are the whole stream, in revision order. */
export function caseAsOf(events: readonly RecordedEvent[], at: string, config: ComplianceConfig): CaseAsOf | null {
  const atMs = Date.parse(at);
  if (Number.isNaN(atMs)) throw new RangeError('caseAsOf: at must be an ISO-8601 time');
  let last = -1;
  for (const [i, event] of events.entries()) if (Date.parse(event.metadata.recordedAt) <= atMs) last = i;
  const summary = caseSummaryOf(events.slice(0, last + 1), config);
  return summary ? { summary, compliance: complianceAt(summary.compliance, new Date(atMs)) } : null;
}
