import { ind01CliDiagnosis, ind02NoAlternative } from '../../../src/compliance/rules/indication';
import { CaseBuilder, ID } from './case-builder';
import { check } from './check';

describe('IND-01 critical limb ischemia diagnosis of each treated leg', () => {
  const oneLeg = CaseBuilder.completeOneLeg('LEFT');

  it('is satisfied by an I70.22x–I70.26x code for the treated leg alone', () => {
    for (const code of ['I70.222', 'I70.242', 'I70.262', 'I70.223']) {
      expect(check(ind01CliDiagnosis, oneLeg.patch(ID.opened, { data: { diagnosisCode: code, rutherfordCategory: null } }))).toEqual([]);
    }
  });

  it('is satisfied by Rutherford 4–6 whatever the code says', () => {
    for (const rutherfordCategory of [4, 5, 6]) {
      expect(check(ind01CliDiagnosis, oneLeg.patch(ID.opened, { data: { diagnosisCode: 'I73.9', rutherfordCategory } }))).toEqual([]);
    }
  });

  it('blocks when neither the code names the leg nor Rutherford is 4–6', () => {
    const findings = check(ind01CliDiagnosis, oneLeg.patch(ID.opened, { data: { diagnosisCode: 'I70.221', rutherfordCategory: 3 } }));
    expect(findings).toEqual([
      {
        rule: 'IND-01',
        severity: 'BLOCKING',
        message:
          'No critical limb ischemia diagnosis is documented for the left leg: the diagnosis code I70.221 does not name rest pain, ' +
          'ulceration or gangrene of that leg, and the Rutherford category is 3 (4–6 needed).',
        eventIds: [ID.opened],
      },
    ]);
  });

  it('checks each treated leg: a right-leg code leaves only the left leg of a bilateral case without a diagnosis', () => {
    const findings = check(
      ind01CliDiagnosis,
      CaseBuilder.bothLegs().patch(ID.opened, { data: { diagnosisCode: 'I70.231', rutherfordCategory: null } }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('for the left leg');
    expect(findings[0]?.message).toContain('Rutherford category is not documented');
  });

  it('follows an amendment of the case opening', () => {
    const amended = oneLeg.patch(ID.opened, { data: { rutherfordCategory: null } }).amend(ID.opened, { diagnosisCode: 'I70.229' });
    expect(check(ind01CliDiagnosis, amended)).toHaveLength(1);
    expect(check(ind01CliDiagnosis, amended.amend(ID.opened, { rutherfordCategory: 5 }))).toEqual([]);
  });
});

describe('IND-02 no revascularization possible, amputation the only alternative', () => {
  it('is satisfied when both are attested', () => {
    expect(check(ind02NoAlternative, CaseBuilder.completeOneLeg())).toEqual([]);
  });

  it('blocks for each missing attestation', () => {
    const findings = check(
      ind02NoAlternative,
      CaseBuilder.completeOneLeg().patch(ID.opened, { data: { revascularizationNotPossible: false, amputationOnlyAlternative: false } }),
    );
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ['BLOCKING', 'The case does not attest that revascularization is not possible.'],
      ['BLOCKING', 'The case does not attest that amputation is the only alternative.'],
    ]);
    expect(findings[0]?.eventIds).toEqual([ID.opened]);
  });

  it('blocks when an amendment withdraws the attestation', () => {
    const findings = check(ind02NoAlternative, CaseBuilder.completeOneLeg().amend(ID.opened, { amputationOnlyAlternative: false }));
    expect(findings.map((f) => f.message)).toEqual(['The case does not attest that amputation is the only alternative.']);
  });
});
