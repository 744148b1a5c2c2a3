/** AUD-02: every amendment names its target and a reason. */
import { entryIds, isNonEmptyText } from '../case-facts';
import type { Finding } from '../finding';
import type { CaseRule } from '../rule';
import { entryName } from './words';

export const aud02AmendmentTargetAndReason: CaseRule = {
  kind: 'case',
  id: 'AUD-02',
  severity: 'BLOCKING',
  title: 'Every amendment names its target entry and a reason',
  checks: 'Each amendment names an entry of this case that it corrects and gives a non-empty reason. Blocking otherwise.',
  window: () => '—',
  reason:
    'Medical-record practice and 21 CFR 11.10(e): a correction is a new entry with its own author, date and reason, and never obscures ' +
    'what was recorded before; HIPAA 164.312(c) integrity.',
  check(record) {
    if (record.amendments.length === 0) return [];
    const known = entryIds(record);
    const findings: Finding[] = [];
    for (const amendment of record.amendments) {
      const problems: string[] = [];
      if (!isNonEmptyText(amendment.targetEventId)) problems.push('does not name the entry it corrects');
      else if (!known.has(amendment.targetEventId)) problems.push('names an entry that is not part of this case');
      if (!isNonEmptyText(amendment.reason)) problems.push('gives no reason');
      if (problems.length === 0) continue;
      const target = entryName(amendment.targetType);
      const what = target ? `An amendment of the ${target} entry` : 'An amendment';
      findings.push({ rule: 'AUD-02', severity: 'BLOCKING', message: `${what} ${problems.join(' and ')}.`, eventIds: [amendment.eventId] });
    }
    return findings;
  },
};
