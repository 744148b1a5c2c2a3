/** COD-01: the diagnosis laterality covers the treated leg(s). */
import type { Leg } from '../../domain/values';
import { diagnosisCodesOf, legName } from '../case-facts';
import { readDiagnosis } from '../diagnosis';
import type { Finding } from '../finding';
import type { CaseRule } from '../rule';

const legsInWords = (legs: readonly Leg[]): string => {
  const [only] = legs;
  if (legs.length > 1) return 'both legs';
  return only ? `the ${legName(only)}` : 'no leg';
};

export const cod01DiagnosisLaterality: CaseRule = {
  kind: 'case',
  id: 'COD-01',
  severity: 'BLOCKING',
  title: 'Diagnosis laterality matches the treated leg(s)',
  checks:
    'The ICD-10-CM diagnosis is a complete I70.22x–I70.26x code whose laterality covers every treated leg: I70.22x/I70.26x 6th character ' +
    '1 right, 2 left, 3 bilateral; I70.23x right and I70.24x left (6th character = ulcer site). Blocking when a treated leg is not covered, ' +
    'or when the code carries no laterality (other or unspecified extremity, missing character). ' +
    'A bilateral code covers a one-leg treatment: the diagnosis codes the disease, the CPT modifier (RT/LT) the leg treated. ' +
    'With several codes (e.g. a different presentation per leg), each treated leg needs one of them to cover it; codes for other ' +
    'conditions are documented without a finding.',
  window: () => '—',
  reason:
    "CPT 0263T/0264T are reported per leg (RT/LT); the claim's diagnosis must support the leg billed, and payers reject laterality " +
    'mismatches. Coding must be exact even though payers treat the therapy as investigational.',
  check(record) {
    const codes = diagnosisCodesOf(record);
    if (codes.length > 1) return checkSeveral(record.legs, codes, record.openedEventId);
    const diagnosis = readDiagnosis(record.diagnosisCode);
    const code = record.diagnosisCode || '(none)';
    if (diagnosis.problem !== null) {
      return [
        {
          rule: 'COD-01',
          severity: 'BLOCKING',
          message: `The diagnosis code ${code} ${diagnosis.problem}, so it does not support treating ${legsInWords(record.legs)}.`,
          eventIds: [record.openedEventId],
        },
      ];
    }
    const uncovered = record.legs.filter((leg) => !diagnosis.legs.includes(leg));
    if (uncovered.length === 0) return [];
    return [
      {
        rule: 'COD-01',
        severity: 'BLOCKING',
        message:
          `The diagnosis code ${code} documents ${legsInWords(diagnosis.legs)}, but the case treats ${legsInWords(record.legs)}: ` +
          `${uncovered.map((leg) => `the ${legName(leg)}`).join(' and ')} ${uncovered.length === 1 ? 'has' : 'have'} no diagnosis of matching laterality.`,
        eventIds: [record.openedEventId],
      },
    ];
  },
};

/** Several codes: each treated leg must be covered by one of them. */
function checkSeveral(legs: readonly Leg[], codes: readonly string[], openedEventId: string): Finding[] {
  const read = codes.map(readDiagnosis);
  const uncovered = legs.filter((leg) => !read.some((d) => d.legs.includes(leg)));
  if (uncovered.length === 0) return [];
  const whatEach = read.map((d) => `${d.code || '(none)'} ${d.problem ?? `documents ${legsInWords(d.legs)}`}`).join('; ');
  return [
    {
      rule: 'COD-01',
      severity: 'BLOCKING',
      message:
        `No diagnosis code of matching laterality supports treating ${uncovered.map((leg) => `the ${legName(leg)}`).join(' and ')} ` +
        `(${whatEach}).`,
      eventIds: [openedEventId],
    },
  ];
}
