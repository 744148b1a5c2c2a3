/** What the audit reports: findings, their severities and rule ids. */

export type Severity = 'BLOCKING' | 'WARNING';

export const RULE_IDS = [
  'IND-01',
  'IND-02',
  'PRE-01',
  'PRE-02',
  'PRE-03',
  'HAR-01',
  'PRP-01',
  'PRP-02',
  'INJ-01',
  'INJ-02',
  'INJ-03',
  'INJ-04',
  'POST-01',
  'POST-02',
  'POST-03',
  'AUD-02',
  'COD-01',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/**
 * One documentation gap or timing problem. The message is plain language for a compliance officer:
 * it names the item and the leg, and gives times relative to the procedure, never dates or patient
 * identifiers (dates of service are identifiers under HIPAA's Safe Harbor list).
 */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  /** The case entries the finding concerns (empty when the finding is that something is absent). */
  eventIds: string[];
}

/** Blocking first, then by rule id; findings of one rule keep the order the rule produced them in. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => {
      if (a.finding.severity !== b.finding.severity) return a.finding.severity === 'BLOCKING' ? -1 : 1;
      if (a.finding.rule !== b.finding.rule) return a.finding.rule < b.finding.rule ? -1 : 1;
      return a.index - b.index;
    })
    .map(({ finding }) => finding);
}

export const hasBlocking = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'BLOCKING');
