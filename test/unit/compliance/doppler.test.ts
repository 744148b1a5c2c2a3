import { complianceConfigFrom } from '../../../src/compliance/config';
import { pre01DopplerBeforeHarvest, pre02AbiAgreesWithPressures } from '../../../src/compliance/rules/doppler';
import { CaseBuilder, ID, at, dopplerData, kinds } from './case-builder';
import { check } from './check';

const doppler = ID.doppler('LEFT');
const dopplerAt = (offset: Parameters<typeof at>[0]) => CaseBuilder.completeOneLeg().patch(doppler, { occurredAt: at(offset) });

describe('PRE-01 Doppler pressures of each treated leg before the harvest', () => {
  it.each([60, 90, 120])('accepts Doppler pressures exactly %i days before the harvest', (days) => {
    expect(check(pre01DopplerBeforeHarvest, dopplerAt({ days: -days }))).toEqual([]);
  });

  it.each([
    [59, '59 days'],
    [121, '121 days'],
  ])('warns when the last Doppler before the harvest is %i days before it', (days, said) => {
    expect(check(pre01DopplerBeforeHarvest, dopplerAt({ days: -days }))).toEqual([
      {
        rule: 'PRE-01',
        severity: 'WARNING',
        message: `The last Doppler pressures of the left leg before the harvest were taken ${said} before it; expected 60–120 days before the harvest (inclusive).`,
        eventIds: [doppler, ID.harvest],
      },
    ]);
  });

  it('warns one minute outside the window (elapsed time, not calendar days)', () => {
    expect(kinds(check(pre01DopplerBeforeHarvest, dopplerAt({ days: -120, minutes: -1 })))).toEqual([['PRE-01', 'WARNING']]);
    expect(kinds(check(pre01DopplerBeforeHarvest, dopplerAt({ days: -60, minutes: 1 })))).toEqual([['PRE-01', 'WARNING']]);
  });

  it('blocks when the Doppler pressures were taken only after the harvest', () => {
    expect(check(pre01DopplerBeforeHarvest, dopplerAt({ hours: 3 }))).toEqual([
      {
        rule: 'PRE-01',
        severity: 'BLOCKING',
        message:
          'The Doppler pressures of the left leg were taken only after the harvest (3 hours after it); they must be taken before it.',
        eventIds: [doppler, ID.harvest],
      },
    ]);
  });

  it('blocks when the treated leg has no Doppler pressures, even if the other leg has', () => {
    const builder = CaseBuilder.completeOneLeg().patch(doppler, { data: { leg: 'RIGHT' } });
    expect(check(pre01DopplerBeforeHarvest, builder)).toEqual([
      { rule: 'PRE-01', severity: 'BLOCKING', message: 'No Doppler segmental pressures are documented for the left leg.', eventIds: [] },
    ]);
  });

  it('blocks when the dorsalis pedis pressure is missing', () => {
    const findings = check(pre01DopplerBeforeHarvest, CaseBuilder.completeOneLeg().amend(doppler, { dorsalisPedisMmHg: null }));
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ['BLOCKING', 'The Doppler assessment of the left leg lacks the dorsalis pedis, posterior tibial or brachial pressures.'],
    ]);
  });

  it('is satisfied when one of several Doppler assessments falls in the window', () => {
    const builder = dopplerAt({ days: -200 }).add('DopplerAssessmentRecorded', dopplerData('LEFT'), at({ days: -100 }));
    expect(check(pre01DopplerBeforeHarvest, builder)).toEqual([]);
  });

  it('follows an amendment that moves the Doppler into the window', () => {
    const builder = dopplerAt({ days: -200 }).amend(doppler, { occurredAt: at({ days: -95 }) });
    expect(check(pre01DopplerBeforeHarvest, builder)).toEqual([]);
  });

  it('follows an amendment that moves the Doppler out of the window', () => {
    const builder = CaseBuilder.completeOneLeg().amend(doppler, { occurredAt: at({ days: -130 }) });
    expect(kinds(check(pre01DopplerBeforeHarvest, builder))).toEqual([['PRE-01', 'WARNING']]);
  });

  it('measures from the harvest as amended', () => {
    const builder = CaseBuilder.completeOneLeg().amend(ID.harvest, { occurredAt: at({ days: -40 }) });
    const findings = check(pre01DopplerBeforeHarvest, builder);
    expect(kinds(findings)).toEqual([['PRE-01', 'WARNING']]);
    expect(findings[0]?.message).toContain('50 days before it');
  });

  it('measures from the concentration when the harvest was done elsewhere', () => {
    const elsewhere = CaseBuilder.completeOneLeg()
      .patch(ID.opened, { data: { harvestPlanned: false } })
      .without(ID.harvest);
    expect(check(pre01DopplerBeforeHarvest, elsewhere)).toEqual([]);
    const findings = check(pre01DopplerBeforeHarvest, elsewhere.patch(doppler, { occurredAt: at({ hours: 2 }) }));
    expect(findings[0]?.message).toBe(
      'The Doppler pressures of the left leg were taken only after the cell concentration (harvest done elsewhere) (1 hour 30 minutes after it); they must be taken before it.',
    );
    expect(findings[0]?.eventIds).toEqual([doppler, ID.concentration]);
  });

  it('does not judge timing while the planned harvest is not documented', () => {
    expect(check(pre01DopplerBeforeHarvest, dopplerAt({ days: -5 }).without(ID.harvest))).toEqual([]);
  });

  it('uses the configured window', () => {
    const config = complianceConfigFrom({ dopplerWindowDays: { max: 210 } });
    expect(check(pre01DopplerBeforeHarvest, dopplerAt({ days: -200 }), config)).toEqual([]);
  });
});

describe('PRE-02 documented ABI agrees with the pressures', () => {
  it('is satisfied when the ABI is the computed one', () => {
    expect(check(pre02AbiAgreesWithPressures, CaseBuilder.completeOneLeg())).toEqual([]);
  });

  it('accepts a difference of exactly the tolerance (0.38 against 0.36)', () => {
    const builder = CaseBuilder.completeOneLeg().patch(doppler, { data: { abi: 0.38, abiSource: 'GIVEN' } });
    expect(check(pre02AbiAgreesWithPressures, builder)).toEqual([]);
  });

  it('warns beyond the tolerance', () => {
    const builder = CaseBuilder.completeOneLeg().patch(doppler, { data: { abi: 0.39, abiSource: 'GIVEN' } });
    expect(check(pre02AbiAgreesWithPressures, builder)).toEqual([
      {
        rule: 'PRE-02',
        severity: 'WARNING',
        message:
          'The ABI documented with the Doppler assessment of the left leg (0.39) differs from the ABI its pressures give (0.36) by more than 0.02.',
        eventIds: [doppler],
      },
    ]);
  });

  it('compares a documented ABI with pressures corrected by an amendment', () => {
    const builder = CaseBuilder.completeOneLeg()
      .patch(doppler, { data: { abiSource: 'GIVEN' } })
      .amend(doppler, { posteriorTibialMmHg: 80 });
    expect(check(pre02AbiAgreesWithPressures, builder)[0]?.message).toContain('(0.36) differs from the ABI its pressures give (0.64)');
  });

  it('stays satisfied when corrected pressures carry a computed ABI along', () => {
    expect(check(pre02AbiAgreesWithPressures, CaseBuilder.completeOneLeg().amend(doppler, { posteriorTibialMmHg: 80 }))).toEqual([]);
  });

  it('uses the configured tolerance', () => {
    const builder = CaseBuilder.completeOneLeg().patch(doppler, { data: { abi: 0.39, abiSource: 'GIVEN' } });
    expect(check(pre02AbiAgreesWithPressures, builder, complianceConfigFrom({ abiAgreementTolerance: 0.05 }))).toEqual([]);
  });

  it('warns when the ABI cannot be computed because both brachial pressures are 0', () => {
    const builder = CaseBuilder.completeOneLeg().patch(doppler, { data: { brachialLeftMmHg: 0, brachialRightMmHg: 0 } });
    expect(kinds(check(pre02AbiAgreesWithPressures, builder))).toEqual([['PRE-02', 'WARNING']]);
  });
});
