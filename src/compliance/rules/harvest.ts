/** HAR-01: the bone marrow harvest documentation. */
import { HARVEST_SIDES } from '../../domain/values';
import { isNonEmptyText, isPositiveNumber } from '../case-facts';
import type { Finding } from '../finding';
import type { CaseRule } from '../rule';
import { timeOf } from '../time';
import { inWords } from './words';

export const har01Harvest: CaseRule = {
  kind: 'case',
  id: 'HAR-01',
  severity: 'BLOCKING_OR_WARNING',
  title: 'Bone marrow harvest: site, side(s), operator, time, aspirate volume',
  checks:
    'When the case plans the harvest, it is documented with a configured site (anterior superior iliac spine by default), ' +
    'the side(s), the operator and the clinical time: blocking when any is missing. A missing aspirate volume is a warning. ' +
    'Not applicable when the harvest was done elsewhere.',
  window: () => '—',
  reason:
    'CPT 0263T and 0265T include the bone marrow harvest: the harvest must be documented as performed (incision over the anterior superior ' +
    'iliac spine, one side or both; typical aspirates 120–240 mL) and attributable to its operator (21 CFR 11.10(e), ALCOA+).',
  check(record, config) {
    const harvest = record.harvest;
    if (!harvest) {
      if (!record.harvestPlanned) return [];
      return [
        {
          rule: 'HAR-01',
          severity: 'BLOCKING',
          message: 'No bone marrow harvest is documented, although the case plans it here.',
          eventIds: [],
        },
      ];
    }
    const ids = [harvest.eventId];
    const blocking = (message: string): Finding => ({ rule: 'HAR-01', severity: 'BLOCKING', message, eventIds: ids });
    const findings: Finding[] = [];
    if (!config.harvestSites.includes(harvest.site)) {
      const expected = config.harvestSites.map(inWords).join(' or ');
      findings.push(
        blocking(
          harvest.site
            ? `The harvest site is documented as ${inWords(harvest.site)}; expected ${expected}.`
            : `The harvest site is not documented; expected ${expected}.`,
        ),
      );
    }
    if (!(HARVEST_SIDES as readonly unknown[]).includes(harvest.sides))
      findings.push(blocking('The side(s) of the harvest are not documented.'));
    if (!isNonEmptyText(harvest.operator?.id) || !isNonEmptyText(harvest.operator?.name))
      findings.push(blocking('The operator of the harvest is not documented.'));
    if (Number.isNaN(timeOf(harvest.occurredAt))) findings.push(blocking('The clinical time of the harvest is not documented.'));
    if (!isPositiveNumber(harvest.aspirateVolumeMl)) {
      findings.push({
        rule: 'HAR-01',
        severity: 'WARNING',
        message: 'The aspirate volume of the harvest is not documented.',
        eventIds: ids,
      });
    }
    return findings;
  },
};
