import { complianceConfigFrom } from '../../../src/compliance/config';
import { prp01Concentration, prp02OrderAndDay } from '../../../src/compliance/rules/preparation';
import { CaseBuilder, ID, at, kinds } from './case-builder';
import { check } from './check';

const injection = ID.injection('LEFT');

describe('PRP-01 centrifugal concentration with volumes', () => {
  it('is satisfied by a centrifugation of 240 mL into 40 mL', () => {
    expect(check(prp01Concentration, CaseBuilder.completeOneLeg())).toEqual([]);
  });

  it('blocks when no concentration is documented', () => {
    expect(check(prp01Concentration, CaseBuilder.completeOneLeg().without(ID.concentration))).toEqual([
      { rule: 'PRP-01', severity: 'BLOCKING', message: 'No concentration of the harvested cells is documented.', eventIds: [] },
    ]);
  });

  it('blocks a method other than centrifugation', () => {
    const findings = check(prp01Concentration, CaseBuilder.completeOneLeg().amend(ID.concentration, { method: 'FILTRATION' }));
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ['BLOCKING', 'The cells were concentrated by filtration, not by centrifugation.'],
    ]);
  });

  it('warns about missing volumes', () => {
    const findings = check(
      prp01Concentration,
      CaseBuilder.completeOneLeg().amend(ID.concentration, { inputVolumeMl: null, concentrateVolumeMl: null }),
    );
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ['WARNING', 'The volume of aspirate put into the concentration is not documented.'],
      ['WARNING', 'The volume of the concentrate is not documented.'],
    ]);
  });

  it('warns when the concentrate is not smaller than what was concentrated', () => {
    const findings = check(
      prp01Concentration,
      CaseBuilder.completeOneLeg().patch(ID.concentration, { data: { inputVolumeMl: 40, concentrateVolumeMl: 40 } }),
    );
    expect(findings.map((f) => f.message)).toEqual(['The concentrate volume (40 mL) is not smaller than the volume concentrated (40 mL).']);
  });

  it('warns when more was concentrated than the harvest aspirated', () => {
    const findings = check(prp01Concentration, CaseBuilder.completeOneLeg().patch(ID.concentration, { data: { inputVolumeMl: 300 } }));
    expect(findings).toEqual([
      {
        rule: 'PRP-01',
        severity: 'WARNING',
        message: 'More was concentrated (300 mL) than the harvest aspirated (240 mL).',
        eventIds: [ID.concentration, ID.harvest],
      },
    ]);
  });
});

describe('PRP-02 harvest ≤ concentration ≤ injection, same day', () => {
  it('is satisfied by harvest, concentration 30 minutes later and injection 1 hour after the harvest', () => {
    expect(check(prp02OrderAndDay, CaseBuilder.completeOneLeg())).toEqual([]);
  });

  it('accepts steps at the same instant', () => {
    const builder = CaseBuilder.completeOneLeg()
      .patch(ID.concentration, { occurredAt: at({}) })
      .patch(injection, { occurredAt: at({}) });
    expect(check(prp02OrderAndDay, builder)).toEqual([]);
  });

  it('blocks a concentration documented before the harvest', () => {
    expect(check(prp02OrderAndDay, CaseBuilder.completeOneLeg().patch(ID.concentration, { occurredAt: at({ minutes: -10 }) }))).toEqual([
      {
        rule: 'PRP-02',
        severity: 'BLOCKING',
        message: 'The cell concentration is documented 10 minutes before the harvest.',
        eventIds: [ID.concentration, ID.harvest],
      },
    ]);
  });

  it('blocks an injection documented before the concentration', () => {
    const findings = check(prp02OrderAndDay, CaseBuilder.completeOneLeg().patch(injection, { occurredAt: at({ minutes: 20 }) }));
    expect(findings.map((f) => f.message)).toEqual([
      'The injection into the left leg is documented 10 minutes before the cell concentration.',
    ]);
    expect(findings[0]?.eventIds).toEqual([injection, ID.concentration]);
  });

  it('accepts an injection exactly 24 hours after the harvest and blocks one a minute later', () => {
    expect(check(prp02OrderAndDay, CaseBuilder.completeOneLeg().patch(injection, { occurredAt: at({ hours: 24 }) }))).toEqual([]);
    const findings = check(prp02OrderAndDay, CaseBuilder.completeOneLeg().patch(injection, { occurredAt: at({ hours: 24, minutes: 1 }) }));
    expect(findings.map((f) => f.message)).toEqual([
      'The injection into the left leg is documented 24 hours 1 minute after the harvest; harvest, concentration and injection must be on the same day (within 24 hours).',
    ]);
  });

  it('follows an amendment that moves the injection to a later day', () => {
    const builder = CaseBuilder.completeOneLeg().amend(injection, { occurredAt: at({ days: 3 }) });
    expect(kinds(check(prp02OrderAndDay, builder))).toEqual([['PRP-02', 'BLOCKING']]);
  });

  it('checks concentration before injection when the harvest was done elsewhere', () => {
    const elsewhere = CaseBuilder.completeOneLeg()
      .patch(ID.opened, { data: { harvestPlanned: false } })
      .without(ID.harvest);
    expect(check(prp02OrderAndDay, elsewhere)).toEqual([]);
    expect(kinds(check(prp02OrderAndDay, elsewhere.patch(injection, { occurredAt: at({ minutes: 5 }) })))).toEqual([
      ['PRP-02', 'BLOCKING'],
    ]);
  });

  it('uses the configured span', () => {
    const builder = CaseBuilder.completeOneLeg().patch(injection, { occurredAt: at({ hours: 30 }) });
    expect(check(prp02OrderAndDay, builder, complianceConfigFrom({ procedureSpanHours: 36 }))).toEqual([]);
  });
});
