/** IND-01, IND-02: the documented indication for the therapy. */
import { diagnosisCodesOf, legName, rutherfordOf } from '../case-facts';
import { readDiagnosis } from '../diagnosis';
import type { Finding } from '../finding';
import type { CaseRule } from '../rule';

const CLI_RUTHERFORD = { min: 4, max: 6 };
const noWindow = (): string => '—';

const rutherfordIsCli = (category: number | null): boolean =>
  typeof category === 'number' && category >= CLI_RUTHERFORD.min && category <= CLI_RUTHERFORD.max;

export const ind01CliDiagnosis: CaseRule = {
  kind: 'case',
  id: 'IND-01',
  severity: 'BLOCKING',
  title: 'Critical limb ischemia diagnosis of each treated leg',
  checks:
    "Each treated leg has a critical limb ischemia diagnosis: one of the case's ICD-10-CM codes is an I70.22x–I70.26x code " +
    "(rest pain, ulceration, gangrene) that names that leg, or the leg's Rutherford category (its own, else the case's) is 4–6. " +
    'Blocking when a treated leg has neither.',
  window: noWindow,
  reason:
    'The therapy is indicated only for peripheral artery disease with critical (chronic limb-threatening) ischemia of the treated leg ' +
    '(rest pain ≥ 2 weeks, non-healing ulcer or gangrene; Rutherford 4–6 / Fontaine III–IV); payers review medical necessity against it.',
  check(record) {
    const codes = diagnosisCodesOf(record);
    const diagnosed = new Set(codes.flatMap((code) => readDiagnosis(code).legs));
    const findings: Finding[] = [];
    for (const leg of record.legs) {
      const category = rutherfordOf(record, leg);
      if (diagnosed.has(leg) || rutherfordIsCli(category)) continue;
      const rutherford = category === null ? 'not documented' : `${category}`;
      const ownCategory = (record.legRutherfordCategories ?? []).some((r) => r.leg === leg);
      const byCode =
        codes.length === 1
          ? `the diagnosis code ${record.diagnosisCode || '(none)'} does not name`
          : `none of the diagnosis codes ${codes.map((c) => c || '(none)').join(', ')} names`;
      findings.push({
        rule: 'IND-01',
        severity: 'BLOCKING',
        message:
          `No critical limb ischemia diagnosis is documented for the ${legName(leg)}: ${byCode} rest pain, ulceration or gangrene of that leg, ` +
          `and the Rutherford category${ownCategory ? ' of that leg' : ''} is ${rutherford} (4–6 needed).`,
        eventIds: [record.openedEventId],
      });
    }
    return findings;
  },
};

export const ind02NoAlternative: CaseRule = {
  kind: 'case',
  id: 'IND-02',
  severity: 'BLOCKING',
  title: 'No revascularization possible, amputation the only alternative',
  checks:
    'The case attests both that revascularization is not possible and that amputation is the only alternative. Blocking when either is missing.',
  window: noWindow,
  reason:
    'The procedure is offered only to patients for whom revascularization is not possible and amputation is the only other option; ' +
    'payers treat it as investigational and look for this attestation.',
  check(record) {
    const missing: string[] = [];
    if (record.revascularizationNotPossible !== true) missing.push('that revascularization is not possible');
    if (record.amputationOnlyAlternative !== true) missing.push('that amputation is the only alternative');
    return missing.map((what) => ({
      rule: 'IND-02' as const,
      severity: 'BLOCKING' as const,
      message: `The case does not attest ${what}.`,
      eventIds: [record.openedEventId],
    }));
  },
};
