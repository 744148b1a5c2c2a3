/**
 * The compliance audit of one case. `auditCase` is a pure function of the record and the configuration,
 * so it can be stored in a read model; `complianceAt` adds what depends on today (overdue follow-ups).
 */
import type { CaseRecord } from '../domain/case-record';
import { type SupportedCode, supportedCodes } from './codes';
import { type ComplianceConfig, DEFAULT_COMPLIANCE_CONFIG } from './config';
import { type Finding, hasBlocking, sortFindings } from './finding';
import type { FollowUpDue } from './rule';
import { CASE_RULES, FOLLOW_UP_RULES } from './rules';
import { openFollowUps } from './rules/follow-up';
import { timeOf } from './time';

export interface CaseAudit {
  /** No blocking finding. Follow-up findings are warnings, so this never depends on the clock. */
  complete: boolean;
  /** Findings that do not depend on today, sorted: blocking first, then by rule id. */
  findings: Finding[];
  supportedCodes: SupportedCode[];
  /**
   * The follow-up measurements still expected of the case and not yet documented: the ones that become
   * overdue warnings once their window has passed. Satisfied ones are not kept (nothing reads them).
   */
  openFollowUps: FollowUpDue[];
}

export interface ComplianceStatus {
  complete: boolean;
  /** All findings as of `now`, sorted: blocking first, then by rule id. */
  findings: Finding[];
  supportedCodes: SupportedCode[];
}

export function auditCase(record: CaseRecord, config: ComplianceConfig = DEFAULT_COMPLIANCE_CONFIG): CaseAudit {
  const findings = sortFindings(CASE_RULES.flatMap((rule) => rule.check(record, config)));
  return {
    complete: !hasBlocking(findings),
    findings,
    supportedCodes: supportedCodes(record),
    openFollowUps: openFollowUps(record, config),
  };
}

/** Warnings for follow-up windows that `now` has passed without the measurement. */
export function followUpFindings(audit: Pick<CaseAudit, 'openFollowUps'>, now: Date): Finding[] {
  const nowMs = now.getTime();
  const overdue = audit.openFollowUps.filter((due) => timeOf(due.dueBy) < nowMs);
  return overdue.flatMap((due) => {
    const rule = FOLLOW_UP_RULES.find((r) => r.id === due.rule);
    return rule ? [rule.overdue(due)] : [];
  });
}

export function complianceAt(audit: CaseAudit, now: Date): ComplianceStatus {
  return {
    complete: audit.complete,
    findings: sortFindings([...audit.findings, ...followUpFindings(audit, now)]),
    supportedCodes: audit.supportedCodes,
  };
}
