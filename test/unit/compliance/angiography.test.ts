import { complianceConfigFrom } from '../../../src/compliance/config';
import { pre03AngiographyBeforeHarvest } from '../../../src/compliance/rules/angiography';
import { CaseBuilder, ID, angiographyFindings, at, kinds } from './case-builder';
import { check } from './check';

const angiography = ID.angiography('LEFT');
const angiographyAt = (offset: Parameters<typeof at>[0]) => CaseBuilder.completeOneLeg().patch(angiography, { occurredAt: at(offset) });

describe('PRE-03 angiography of each treated leg immediately before the harvest', () => {
  it('accepts an angiography exactly 24 hours before the harvest', () => {
    expect(check(pre03AngiographyBeforeHarvest, angiographyAt({ hours: -24 }))).toEqual([]);
  });

  it('accepts an angiography at the very moment of the harvest', () => {
    expect(check(pre03AngiographyBeforeHarvest, angiographyAt({}))).toEqual([]);
  });

  it('warns when the angiography is 24 hours and 1 minute before the harvest', () => {
    expect(check(pre03AngiographyBeforeHarvest, angiographyAt({ hours: -24, minutes: -1 }))).toEqual([
      {
        rule: 'PRE-03',
        severity: 'WARNING',
        message:
          'The last angiography of the left leg before the harvest was done 24 hours 1 minute before it; expected within 24 hours before the harvest (inclusive).',
        eventIds: [angiography, ID.harvest],
      },
    ]);
  });

  it('blocks when the angiography was done after the harvest', () => {
    expect(kinds(check(pre03AngiographyBeforeHarvest, angiographyAt({ minutes: 1 })))).toEqual([['PRE-03', 'BLOCKING']]);
  });

  it('blocks when no angiography of the treated leg is documented', () => {
    expect(check(pre03AngiographyBeforeHarvest, CaseBuilder.completeOneLeg().without(angiography))).toEqual([
      { rule: 'PRE-03', severity: 'BLOCKING', message: 'No angiography of the left leg is documented.', eventIds: [] },
    ]);
  });

  it('is satisfied by a recent angiography even when an older one exists', () => {
    const builder = CaseBuilder.completeOneLeg().add(
      'AngiographyRecorded',
      { leg: 'LEFT', findings: angiographyFindings() },
      at({ days: -3 }),
    );
    expect(check(pre03AngiographyBeforeHarvest, builder)).toEqual([]);
  });

  it('follows an amendment that moves the angiography into the window', () => {
    const late = angiographyAt({ hours: 30 });
    expect(kinds(check(pre03AngiographyBeforeHarvest, late))).toEqual([['PRE-03', 'BLOCKING']]);
    expect(check(pre03AngiographyBeforeHarvest, late.amend(angiography, { occurredAt: at({ hours: -3 }) }))).toEqual([]);
  });

  it('follows an amendment that moves the angiography out of the window', () => {
    const builder = CaseBuilder.completeOneLeg().amend(angiography, { occurredAt: at({ days: -2 }) });
    expect(kinds(check(pre03AngiographyBeforeHarvest, builder))).toEqual([['PRE-03', 'WARNING']]);
  });

  it('uses the configured window', () => {
    const config = complianceConfigFrom({ angiographyWindowHours: 48 });
    expect(check(pre03AngiographyBeforeHarvest, angiographyAt({ hours: -30 }), config)).toEqual([]);
  });
});
