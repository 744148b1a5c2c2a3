/** PRP-01, PRP-02: centrifugal concentration of the aspirate, and the order and day of harvest, concentration and injection. */
import type { CaseRecord, EntryFacts } from '../../domain/case-record';
import { expectsTreatment, isPositiveNumber, legName } from '../case-facts';
import { timeZoneOf } from '../config';
import type { Finding } from '../finding';
import type { CaseRule } from '../rule';
import { calendarDay, formatDuration, timeOf } from '../time';
import { inWords } from './words';

export const prp01Concentration: CaseRule = {
  kind: 'case',
  id: 'PRP-01',
  severity: 'BLOCKING_OR_WARNING',
  title: 'Centrifugal concentration of the harvested cells, with volumes',
  checks:
    'A concentration of the aspirate by centrifugation is documented: blocking when absent or by another method. ' +
    'Warning when the input or concentrate volume is missing, when the concentrate is not smaller than the input, ' +
    'or when more was put into the centrifuge than the harvest aspirated. Its order in time is PRP-02. ' +
    'Not expected of a harvest-only case (0265T) that documents no injection.',
  window: () => '—',
  reason:
    'All three CPT codes describe the therapy "with preparation of harvested cells": the aspirate is centrifuged and the concentrate ' +
    '(typically ~40 mL) is the cell product that is injected.',
  check(record) {
    const c = record.concentration;
    if (!c && !expectsTreatment(record)) return [];
    if (!c) {
      return [{ rule: 'PRP-01', severity: 'BLOCKING', message: 'No concentration of the harvested cells is documented.', eventIds: [] }];
    }
    const ids = [c.eventId];
    const findings: Finding[] = [];
    const warn = (message: string, eventIds = ids): void => void findings.push({ rule: 'PRP-01', severity: 'WARNING', message, eventIds });
    if (c.method !== 'CENTRIFUGATION') {
      findings.push({
        rule: 'PRP-01',
        severity: 'BLOCKING',
        message: `The cells were concentrated by ${c.method ? inWords(c.method) : 'an undocumented method'}, not by centrifugation.`,
        eventIds: ids,
      });
    }
    const input = isPositiveNumber(c.inputVolumeMl) ? c.inputVolumeMl : null;
    const output = isPositiveNumber(c.concentrateVolumeMl) ? c.concentrateVolumeMl : null;
    if (input === null) warn('The volume of aspirate put into the concentration is not documented.');
    if (output === null) warn('The volume of the concentrate is not documented.');
    if (input !== null && output !== null && output >= input) {
      warn(`The concentrate volume (${output} mL) is not smaller than the volume concentrated (${input} mL).`);
    }
    const aspirate = record.harvest?.aspirateVolumeMl;
    if (input !== null && isPositiveNumber(aspirate) && input > aspirate && record.harvest) {
      warn(`More was concentrated (${input} mL) than the harvest aspirated (${aspirate} mL).`, [c.eventId, record.harvest.eventId]);
    }
    return findings;
  },
};

interface Step {
  entry: EntryFacts;
  name: string;
}

function stepsOf(record: CaseRecord): { harvest: Step | null; concentration: Step | null; injections: Step[] } {
  return {
    harvest: record.harvest ? { entry: record.harvest, name: 'the harvest' } : null,
    concentration: record.concentration ? { entry: record.concentration, name: 'the cell concentration' } : null,
    injections: record.injections.map((i) => ({ entry: i, name: `the injection into the ${legName(i.leg)}` })),
  };
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export const prp02OrderAndDay: CaseRule = {
  kind: 'case',
  id: 'PRP-02',
  severity: 'BLOCKING',
  title: 'Harvest, concentration and injection in order, for the same patient, on the same day',
  checks:
    'In clinical time, the harvest is not after the concentration and the concentration is not after any injection ' +
    '(without a concentration, no injection precedes the harvest), and every step falls on the calendar day of the first ' +
    "in the facility's time zone. " +
    '"Same patient" needs no separate check: the case record is one patient\'s case stream, so every documented step is that patient\'s.',
  window: (config) =>
    `all steps on the calendar day of the harvest ("same day") in the facility's time zone (default ${config.defaultTimeZone}; FACILITY_TIME_ZONES)`,
  reason:
    'The cell product is autologous: it must go back into the patient it was harvested from, prepared and injected in one session; ' +
    'the CPT codes describe a single procedure on the same day, a calendar day where the procedure took place.',
  check(record, config) {
    const { harvest, concentration, injections } = stepsOf(record);
    const findings: Finding[] = [];
    const out = (later: Step, earlier: Step, message: string): void =>
      void findings.push({ rule: 'PRP-02', severity: 'BLOCKING', message, eventIds: [later.entry.eventId, earlier.entry.eventId] });
    const gap = (a: Step, b: Step): number => timeOf(a.entry.occurredAt) - timeOf(b.entry.occurredAt);

    if (harvest && concentration && gap(concentration, harvest) < 0) {
      out(
        concentration,
        harvest,
        `The cell concentration is documented ${formatDuration(gap(concentration, harvest))} before the harvest.`,
      );
    }
    const preceding = concentration ?? harvest;
    for (const injection of injections) {
      if (preceding && gap(injection, preceding) < 0) {
        out(
          injection,
          preceding,
          `${capitalized(injection.name)} is documented ${formatDuration(gap(injection, preceding))} before ${preceding.name}.`,
        );
      }
    }
    const first = harvest ?? concentration;
    if (!first) return findings;
    const zone = timeZoneOf(config, record.facilityId);
    const dayOf = (step: Step): string => calendarDay(timeOf(step.entry.occurredAt), zone);
    const firstDay = dayOf(first);
    const later = [...(concentration && concentration !== first ? [concentration] : []), ...injections];
    for (const step of later) {
      const after = gap(step, first);
      // earlier steps are the order check's; messages name no date (dates of service identify patients)
      if (after > 0 && dayOf(step) !== firstDay) {
        out(
          step,
          first,
          `${capitalized(step.name)} is documented ${formatDuration(after)} after ${first.name}, on a later day in the facility's ` +
            `time zone (${zone}); harvest, concentration and injection must be on the same day.`,
        );
      }
    }
    return findings;
  },
};
