import { cod01DiagnosisLaterality } from '../../../src/compliance/rules/coding';
import { CaseBuilder, ID } from './case-builder';
import { check } from './check';

const withCode = (builder: CaseBuilder, diagnosisCode: string) => builder.patch(ID.opened, { data: { diagnosisCode } });

describe('COD-01 diagnosis laterality matches the treated leg(s)', () => {
  it.each(['I70.222', 'I70.242', 'I70.262', 'I70.223'])('accepts %s for a left-leg treatment', (code) => {
    expect(check(cod01DiagnosisLaterality, withCode(CaseBuilder.completeOneLeg('LEFT'), code))).toEqual([]);
  });

  it.each(['I70.221', 'I70.231', 'I70.261'])('blocks %s (right leg) for a left-leg treatment', (code) => {
    const findings = check(cod01DiagnosisLaterality, withCode(CaseBuilder.completeOneLeg('LEFT'), code));
    expect(findings).toEqual([
      {
        rule: 'COD-01',
        severity: 'BLOCKING',
        message: `The diagnosis code ${code} documents the right leg, but the case treats the left leg: the left leg has no diagnosis of matching laterality.`,
        eventIds: [ID.opened],
      },
    ]);
  });

  it('needs a bilateral code when both legs are treated', () => {
    expect(check(cod01DiagnosisLaterality, CaseBuilder.bothLegs())).toEqual([]);
    expect(check(cod01DiagnosisLaterality, withCode(CaseBuilder.bothLegs(), 'I70.241')).map((f) => f.message)).toEqual([
      'The diagnosis code I70.241 documents the left leg, but the case treats both legs: the right leg has no diagnosis of matching laterality.',
    ]);
  });

  it('blocks a code without laterality', () => {
    expect(check(cod01DiagnosisLaterality, withCode(CaseBuilder.completeOneLeg('LEFT'), 'I70.229')).map((f) => f.message)).toEqual([
      'The diagnosis code I70.229 documents an unspecified extremity (no laterality), so it does not support treating the left leg.',
    ]);
    expect(check(cod01DiagnosisLaterality, withCode(CaseBuilder.completeOneLeg('LEFT'), 'I70.22')).map((f) => f.message)).toEqual([
      'The diagnosis code I70.22 lacks the laterality character, so it does not support treating the left leg.',
    ]);
  });

  it('follows an amendment that corrects the diagnosis', () => {
    const wrong = withCode(CaseBuilder.completeOneLeg('LEFT'), 'I70.221');
    expect(check(cod01DiagnosisLaterality, wrong)).toHaveLength(1);
    expect(check(cod01DiagnosisLaterality, wrong.amend(ID.opened, { diagnosisCode: 'I70.222' }))).toEqual([]);
  });
});
