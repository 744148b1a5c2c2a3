/** Counts of a set of case audits, as of `now` (pure). */
import { complianceAt, type CaseAudit } from '../../compliance';
import type { ComplianceReport, RuleCount } from './compliance-report.type';

export function complianceReport(audits: readonly CaseAudit[], now: Date): ComplianceReport {
  const byRule = new Map<string, RuleCount>();
  let completeCount = 0;
  for (const audit of audits) {
    const status = complianceAt(audit, now);
    if (status.complete) completeCount++;
    const seen = new Set<string>();
    for (const finding of status.findings) {
      const key = `${finding.rule}|${finding.severity}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const count = byRule.get(key) ?? { rule: finding.rule, severity: finding.severity, caseCount: 0 };
      count.caseCount++;
      byRule.set(key, count);
    }
  }
  const rules = [...byRule.values()].sort((a, b) => a.rule.localeCompare(b.rule) || a.severity.localeCompare(b.severity));
  return { caseCount: audits.length, completeCount, incompleteCount: audits.length - completeCount, byRule: rules };
}
