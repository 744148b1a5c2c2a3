/** PRE-03: angiography of each treated leg immediately before the harvest. */
import type { AngiographyEntry } from '../../domain/case-record';
import { expectsTreatment, legName, procedureAnchor } from '../case-facts';
import type { ComplianceConfig } from '../config';
import type { Finding } from '../finding';
import type { CaseRule } from '../rule';
import { HOUR_MS, formatDuration, timeOf } from '../time';

const angiographyWindow = (config: ComplianceConfig): string =>
  `within ${config.angiographyWindowHours} hours before the harvest (inclusive)`;

export const pre03AngiographyBeforeHarvest: CaseRule = {
  kind: 'case',
  id: 'PRE-03',
  severity: 'BLOCKING_OR_WARNING',
  title: 'Angiography of each treated leg immediately before the harvest',
  checks:
    'Each treated leg has an angiography before the harvest. Blocking when absent or only after the harvest; ' +
    'warning when the last one before the harvest is earlier than the window. ' +
    'When the harvest was done elsewhere, the concentration (else the first injection) stands in for it. ' +
    'Not expected of a harvest-only case (0265T) that documents no injection: the angiography locates the injection sites.',
  window: angiographyWindow,
  reason:
    'The procedure calls for angiography immediately before the harvest to locate each stenosis or occlusion, ' +
    'the sites the cells are injected into (INJ-02).',
  check(record, config) {
    const findings: Finding[] = [];
    if (!expectsTreatment(record)) return findings;
    const anchor = procedureAnchor(record);
    for (const leg of record.legs) {
      const ofLeg = record.angiographies.filter((a) => a.leg === leg);
      if (ofLeg.length === 0) {
        findings.push({
          rule: 'PRE-03',
          severity: 'BLOCKING',
          message: `No angiography of the ${legName(leg)} is documented.`,
          eventIds: [],
        });
        continue;
      }
      if (!anchor || Number.isNaN(anchor.at)) continue;
      const before = ofLeg.filter((a) => timeOf(a.occurredAt) <= anchor.at);
      if (before.length === 0) {
        const first = ofLeg[0] as AngiographyEntry;
        findings.push({
          rule: 'PRE-03',
          severity: 'BLOCKING',
          message:
            `The angiography of the ${legName(leg)} was done only after ${anchor.name} ` +
            `(${formatDuration(timeOf(first.occurredAt) - anchor.at)} after it); it must be done immediately before it.`,
          eventIds: [first.eventId, anchor.eventId],
        });
        continue;
      }
      const latest = before[before.length - 1] as AngiographyEntry;
      const ahead = anchor.at - timeOf(latest.occurredAt);
      if (ahead <= config.angiographyWindowHours * HOUR_MS) continue;
      findings.push({
        rule: 'PRE-03',
        severity: 'WARNING',
        message:
          `The last angiography of the ${legName(leg)} before ${anchor.name} was done ${formatDuration(ahead)} before it; ` +
          `expected ${angiographyWindow(config)}.`,
        eventIds: [latest.eventId, anchor.eventId],
      });
    }
    return findings;
  },
};
