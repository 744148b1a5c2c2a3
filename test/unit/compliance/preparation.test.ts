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

  it('accepts an injection at the last minute of the harvest day and blocks one at midnight (UTC by default)', () => {
    // the harvest is at 08:00 UTC
    expect(check(prp02OrderAndDay, CaseBuilder.completeOneLeg().patch(injection, { occurredAt: at({ hours: 15, minutes: 59 }) }))).toEqual(
      [],
    );
    const findings = check(prp02OrderAndDay, CaseBuilder.completeOneLeg().patch(injection, { occurredAt: at({ hours: 16 }) }));
    expect(findings.map((f) => f.message)).toEqual([
      "The injection into the left leg is documented 16 hours after the harvest, on a later day in the facility's time zone (UTC); " +
        'harvest, concentration and injection must be on the same day.',
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

  // The harvest is at 08:00 UTC on 2025-03-10: 17:00 in Tokyo, 03:00 in Chicago (daylight saving time began on 9 March).
  describe("the same day is a calendar day in the facility's time zone", () => {
    const chicago = complianceConfigFrom({ facilityTimeZones: { 'facility-1': 'America/Chicago' } });
    const tokyo = complianceConfigFrom({ facilityTimeZones: { 'facility-1': 'Asia/Tokyo', 'facility-2': 'UTC' } });

    it('17 hours later is the next day in UTC (the default) but the same day in Chicago', () => {
      const builder = CaseBuilder.completeOneLeg().patch(injection, { occurredAt: at({ hours: 17 }) });
      const [finding] = check(prp02OrderAndDay, builder);
      expect(finding).toMatchObject({ rule: 'PRP-02', severity: 'BLOCKING', eventIds: [injection, ID.harvest] });
      expect(finding?.message).toBe(
        "The injection into the left leg is documented 17 hours after the harvest, on a later day in the facility's time zone (UTC); " +
          'harvest, concentration and injection must be on the same day.',
      );
      expect(check(prp02OrderAndDay, builder, chicago)).toEqual([]);
    });

    it('8 hours later is the same day in UTC but past midnight in Tokyo', () => {
      const builder = CaseBuilder.completeOneLeg().patch(injection, { occurredAt: at({ hours: 8 }) });
      expect(check(prp02OrderAndDay, builder)).toEqual([]);
      expect(check(prp02OrderAndDay, builder, tokyo)).toEqual([
        expect.objectContaining({ rule: 'PRP-02', message: expect.stringContaining('(Asia/Tokyo)') }),
      ]);
    });

    it('a facility the setting does not name is judged in the default time zone', () => {
      const builder = CaseBuilder.completeOneLeg().patch(injection, { occurredAt: at({ hours: 8 }) });
      const elsewhere = complianceConfigFrom({ facilityTimeZones: { 'facility-9': 'Asia/Tokyo' } });
      expect(check(prp02OrderAndDay, builder, elsewhere)).toEqual([]);
      expect(check(prp02OrderAndDay, builder, complianceConfigFrom({ defaultTimeZone: 'Asia/Tokyo' }))).toHaveLength(1);
    });
  });
});
