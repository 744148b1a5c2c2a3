/**
 * Case summary: the case record (every entry, amendments applied, originals kept) plus its compliance
 * audit. The same fold serves `caseAsOf`, so a summary and a replay can never disagree.
 */
import { CASE_EVENT_TYPES, CASE_STREAM_PREFIX } from '../src/domain/events';
import { applyCaseEvent, type CaseRecord, type CaseRecordEvent } from '../src/domain/case-record';
import type { Projection } from '../src/projection/projection';
import { auditCase, DEFAULT_COMPLIANCE_CONFIG, type CaseAudit, type ComplianceConfig } from '../src/compliance';
import { timeOf } from '../src/compliance/time';

export interface CaseSummary extends CaseRecord {
  _id: string;
  /** Time-independent audit and follow-up due dates; overdue-ness is evaluated at query time. */
  compliance: CaseAudit;
  /**
   * Per follow-up rule, the earliest due-by time of a window not yet satisfied: a case has an overdue
   * finding of that rule once now is past it. A plain field, so the worklist filter needs no $elemMatch.
   */
  followUpOverdueAfter: Record<string, string>;
}

function overdueAfter(audit: CaseAudit): Record<string, string> {
  const earliest: Record<string, string> = {};
  for (const due of audit.openFollowUps) {
    const current = earliest[due.rule];
    if (current === undefined || timeOf(due.dueBy) < timeOf(current)) earliest[due.rule] = due.dueBy;
  }
  return earliest;
}

/** Adds the audit to a record the caller owns, in place. */
function summarize(record: CaseRecord, config: ComplianceConfig): CaseSummary {
  const summary = record as CaseSummary;
  summary._id = record.id;
  summary.compliance = auditCase(record, config);
  summary.followUpOverdueAfter = overdueAfter(summary.compliance);
  return summary;
}

export const caseIdOfStream = (stream: string): string | null =>
  stream.startsWith(CASE_STREAM_PREFIX) ? stream.slice(CASE_STREAM_PREFIX.length) : null;

export function caseSummaryProjection(config: ComplianceConfig = DEFAULT_COMPLIANCE_CONFIG): Projection<CaseSummary> {
  return {
    name: 'case-summary',
    // 2: the audit keeps only the open follow-ups (compliance.openFollowUps)
    // 3 (#17): performers, per-leg categories, further codes, harvest-only plan, signature lateness; PRP-02 in facility time zones
    version: 3,
    eventTypes: CASE_EVENT_TYPES,
    key: (event) => caseIdOfStream(event.stream),
    evolve(document, event) {
      // The runner hands each event to one projection and reads nothing of it after (Projection.evolve).
      const record = applyCaseEvent(document, event, { ownsEvents: true });
      if (record && record !== document) (record as CaseSummary)._id = record.id;
      // compliance and followUpOverdueAfter are filled in by derive, once per batch
      return record as CaseSummary | null;
    },
    // The audit reads the whole record: computed once per case per batch, not once per event.
    derive: (summary) => summarize(summary, config),
    indexes: [
      { keys: { facilityId: 1, updatedAt: -1 } },
      { keys: { patientId: 1 } },
      { keys: { status: 1, updatedAt: -1 } },
      { keys: { 'compliance.complete': 1, updatedAt: -1 } },
      { keys: { 'compliance.findings.rule': 1 } },
      { keys: { updatedAt: -1 } },
    ],
  };
}

/** Folds a case's events (in order) to its summary, exactly as the projection would. */
export function caseSummaryOf(events: Iterable<CaseRecordEvent>, config: ComplianceConfig): CaseSummary | null {
  let record: CaseRecord | null = null;
  for (const event of events) record = applyCaseEvent(record, event);
  return record ? summarize(record, config) : null;
}
