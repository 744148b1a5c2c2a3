import { supportedCodes } from '../../../src/compliance/codes';
import { CaseBuilder, ID, at, injectionData } from './case-builder';

const codesOf = (builder: CaseBuilder) => supportedCodes(builder.record()).map(({ code, leg }) => [code, leg]);
const elsewhere = (builder: CaseBuilder) => builder.patch(ID.opened, { data: { harvestPlanned: false } }).without(ID.harvest);

describe('supportedCodes: the CPT codes the documentation supports', () => {
  it('harvest + concentration + ≥ 2 IM injections in one leg: 0263T for that leg, with a plain reason', () => {
    expect(supportedCodes(CaseBuilder.completeOneLeg('LEFT').record())).toEqual([
      {
        code: '0263T',
        leg: 'LEFT',
        reason:
          'Harvest, concentration and 20 intramuscular injections into the left leg are documented in this case: the complete procedure including the bone marrow harvest.',
      },
    ]);
  });

  it('sums the injection counts of a leg across entries', () => {
    const builder = CaseBuilder.completeOneLeg()
      .patch(ID.injection('LEFT'), { data: { injectionCount: 1 } })
      .add('InjectionGiven', injectionData('LEFT', { injectionCount: 1 }), at({ hours: 1, minutes: 5 }));
    expect(codesOf(builder)).toEqual([['0263T', 'LEFT']]);
    expect(supportedCodes(builder.record())[0]?.reason).toContain('2 intramuscular injections');
  });

  it('both legs, one harvest: 0263T for the leg injected first and 0264T for the other', () => {
    expect(codesOf(CaseBuilder.bothLegs())).toEqual([
      ['0263T', 'LEFT'],
      ['0264T', 'RIGHT'],
    ]);
    const rightFirst = CaseBuilder.bothLegs().patch(ID.injection('RIGHT'), { occurredAt: at({ minutes: 45 }) });
    expect(codesOf(rightFirst)).toEqual([
      ['0263T', 'RIGHT'],
      ['0264T', 'LEFT'],
    ]);
  });

  it('the first leg follows an amendment of the injection times', () => {
    const amended = CaseBuilder.bothLegs().amend(ID.injection('LEFT'), { occurredAt: at({ hours: 2 }) });
    expect(codesOf(amended)).toEqual([
      ['0263T', 'RIGHT'],
      ['0264T', 'LEFT'],
    ]);
  });

  it('both legs, one of them with a single injection: 0263T only for the other leg', () => {
    const builder = CaseBuilder.bothLegs().patch(ID.injection('LEFT'), { data: { injectionCount: 1 } });
    expect(codesOf(builder)).toEqual([['0263T', 'RIGHT']]);
  });

  it('harvest done elsewhere: 0264T per leg', () => {
    expect(codesOf(elsewhere(CaseBuilder.completeOneLeg('RIGHT')))).toEqual([['0264T', 'RIGHT']]);
    expect(codesOf(elsewhere(CaseBuilder.bothLegs()))).toEqual([
      ['0264T', 'LEFT'],
      ['0264T', 'RIGHT'],
    ]);
    expect(supportedCodes(elsewhere(CaseBuilder.completeOneLeg()).record())[0]?.reason).toBe(
      'The harvest was done elsewhere; concentration and 20 intramuscular injections into the left leg are documented in this case: the complete procedure excluding the harvest.',
    );
  });

  it('harvest only, no injection in this case: 0265T, not per leg', () => {
    expect(codesOf(CaseBuilder.completeOneLeg().without(ID.injection('LEFT')))).toEqual([['0265T', null]]);
    expect(codesOf(CaseBuilder.completeOneLeg().without(ID.injection('LEFT'), ID.concentration))).toEqual([['0265T', null]]);
  });

  it('fewer than 2 injections: none of the three, not even 0265T', () => {
    expect(codesOf(CaseBuilder.completeOneLeg().patch(ID.injection('LEFT'), { data: { injectionCount: 1 } }))).toEqual([]);
  });

  it('a route other than intramuscular: none of the three for that leg', () => {
    const builder = CaseBuilder.completeOneLeg().add(
      'InjectionGiven',
      injectionData('LEFT', { route: 'INTRA_ARTERIAL' as never }),
      at({ hours: 1 }),
    );
    expect(codesOf(builder)).toEqual([]);
  });

  it('injections without a documented concentration: none', () => {
    expect(codesOf(CaseBuilder.completeOneLeg().without(ID.concentration))).toEqual([]);
  });

  it('a planned harvest that is not documented: none (neither 0263T nor 0264T)', () => {
    expect(codesOf(CaseBuilder.completeOneLeg().without(ID.harvest))).toEqual([]);
  });

  it('never reports 0264T or 0265T for a leg where 0263T applies', () => {
    for (const builder of [CaseBuilder.completeOneLeg('LEFT'), CaseBuilder.completeOneLeg('RIGHT'), CaseBuilder.bothLegs()]) {
      const codes = supportedCodes(builder.record());
      const with0263T = codes.filter((c) => c.code === '0263T').map((c) => c.leg);
      expect(codes.filter((c) => c.code !== '0263T' && (c.leg === null || with0263T.includes(c.leg)))).toEqual([]);
    }
  });
});
