import {
  inj01IntramuscularInjections,
  inj02TargetsAngiographicSites,
  inj03UltrasoundGuidance,
} from '../../../src/compliance/rules/injection';
import { CaseBuilder, ID, angiographyFindings, at, injectionData, kinds } from './case-builder';
import { check } from './check';

const injection = ID.injection('LEFT');

describe('INJ-01 multiple intramuscular injections into each treated leg', () => {
  it('is satisfied by exactly 2 injections', () => {
    expect(check(inj01IntramuscularInjections, CaseBuilder.completeOneLeg().patch(injection, { data: { injectionCount: 2 } }))).toEqual([]);
  });

  it('adds up counts across injection entries of the leg', () => {
    const builder = CaseBuilder.completeOneLeg()
      .patch(injection, { data: { injectionCount: 1 } })
      .add('InjectionGiven', injectionData('LEFT', { injectionCount: 1 }), at({ hours: 1, minutes: 10 }));
    expect(check(inj01IntramuscularInjections, builder)).toEqual([]);
  });

  it('blocks a single injection', () => {
    expect(check(inj01IntramuscularInjections, CaseBuilder.completeOneLeg().patch(injection, { data: { injectionCount: 1 } }))).toEqual([
      {
        rule: 'INJ-01',
        severity: 'BLOCKING',
        message: 'Only 1 intramuscular injection is documented for the left leg; the procedure requires multiple injections (at least 2).',
        eventIds: [injection],
      },
    ]);
  });

  it('blocks a treated leg without any injection', () => {
    const findings = check(inj01IntramuscularInjections, CaseBuilder.bothLegs().without(ID.injection('RIGHT')));
    expect(findings.map((f) => f.message)).toEqual(['No intramuscular injection into the right leg is documented.']);
  });

  it('blocks an injection whose route an amendment changed to another route', () => {
    const findings = check(inj01IntramuscularInjections, CaseBuilder.completeOneLeg().amend(injection, { route: 'INTRA_ARTERIAL' }));
    expect(findings.map((f) => f.message)).toEqual([
      'Injections into the left leg are documented with a route other than intramuscular (intra-arterial).',
      'No intramuscular injection into the left leg is documented.',
    ]);
  });

  it('blocks an injection into a leg the case does not treat', () => {
    const builder = CaseBuilder.completeOneLeg().add('InjectionGiven', injectionData('RIGHT'), at({ hours: 1 }), { id: 'evt-wrong-leg' });
    expect(check(inj01IntramuscularInjections, builder)).toEqual([
      {
        rule: 'INJ-01',
        severity: 'BLOCKING',
        message: 'An injection is documented into the right leg, which the case does not treat.',
        eventIds: ['evt-wrong-leg'],
      },
    ]);
  });
});

describe('INJ-02 injection targets are angiographic stenosis/occlusion sites', () => {
  it('is satisfied when every target is an angiographic finding of the leg', () => {
    expect(check(inj02TargetsAngiographicSites, CaseBuilder.completeOneLeg())).toEqual([]);
  });

  it('matches site names ignoring case, spacing and punctuation', () => {
    const builder = CaseBuilder.completeOneLeg().patch(injection, { data: { targetSegments: ['Superficial-Femoral  Artery'] } });
    expect(check(inj02TargetsAngiographicSites, builder)).toEqual([]);
  });

  it('warns when the injection names no target', () => {
    const findings = check(inj02TargetsAngiographicSites, CaseBuilder.completeOneLeg().patch(injection, { data: { targetSegments: [] } }));
    expect(findings).toEqual([
      {
        rule: 'INJ-02',
        severity: 'WARNING',
        message: 'The target sites of the injection into the left leg are not documented.',
        eventIds: [injection],
      },
    ]);
  });

  it('warns about targets the angiography did not locate, naming them', () => {
    const builder = CaseBuilder.completeOneLeg().patch(injection, {
      data: { targetSegments: ['superficial femoral artery', 'gastrocnemius'] },
    });
    expect(check(inj02TargetsAngiographicSites, builder)).toEqual([
      {
        rule: 'INJ-02',
        severity: 'WARNING',
        message:
          'Target sites of the injection into the left leg not found as stenosis or occlusion by the angiography of that leg: "gastrocnemius".',
        eventIds: [injection, ID.angiography('LEFT')],
      },
    ]);
  });

  it('locates targets across every earlier angiography of the leg', () => {
    const builder = CaseBuilder.completeOneLeg()
      .patch(injection, { data: { targetSegments: ['superficial femoral artery', 'Anterior tibial artery'] } })
      .add(
        'AngiographyRecorded',
        { leg: 'LEFT', findings: [{ segment: 'anterior-tibial artery', kind: 'STENOSIS', severityPercent: 70 }] },
        at({ minutes: 30 }),
      );
    expect(check(inj02TargetsAngiographicSites, builder)).toEqual([]);
  });

  it('does not count an angiography of the other leg or one done after the injection', () => {
    const builder = CaseBuilder.completeOneLeg()
      .patch(ID.angiography('LEFT'), { occurredAt: at({ hours: 5 }) })
      .add('AngiographyRecorded', { leg: 'RIGHT', findings: angiographyFindings() }, at({ hours: -1 }));
    expect(check(inj02TargetsAngiographicSites, builder)[0]?.message).toBe(
      'No angiography of the left leg before the injection into the left leg locates its target sites.',
    );
  });
});

describe('INJ-03 ultrasound guidance documented yes or no', () => {
  it('is satisfied by "yes" and by "no"', () => {
    expect(check(inj03UltrasoundGuidance, CaseBuilder.completeOneLeg())).toEqual([]);
    expect(check(inj03UltrasoundGuidance, CaseBuilder.completeOneLeg().patch(injection, { data: { ultrasoundGuided: false } }))).toEqual(
      [],
    );
  });

  it('warns when it is not documented', () => {
    const findings = check(inj03UltrasoundGuidance, CaseBuilder.completeOneLeg().amend(injection, { ultrasoundGuided: null }));
    expect(kinds(findings)).toEqual([['INJ-03', 'WARNING']]);
    expect(findings[0]?.message).toBe('Whether ultrasound guidance was used is not documented for the injection into the left leg.');
  });
});
