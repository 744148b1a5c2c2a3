import { complianceConfigFrom } from '../../../src/compliance/config';
import { har01Harvest } from '../../../src/compliance/rules/harvest';
import { CaseBuilder, ID, kinds } from './case-builder';
import { check } from './check';

describe('HAR-01 bone marrow harvest documentation', () => {
  it('is satisfied by a harvest at the anterior superior iliac spine with sides, operator, time and volume', () => {
    expect(check(har01Harvest, CaseBuilder.completeOneLeg())).toEqual([]);
  });

  it('blocks a harvest at a site the configuration does not accept', () => {
    const builder = CaseBuilder.completeOneLeg().patch(ID.harvest, { data: { site: 'POSTERIOR_ILIAC_CREST' } });
    expect(check(har01Harvest, builder)).toEqual([
      {
        rule: 'HAR-01',
        severity: 'BLOCKING',
        message: 'The harvest site is documented as posterior iliac crest; expected anterior superior iliac spine.',
        eventIds: [ID.harvest],
      },
    ]);
    const config = complianceConfigFrom({ harvestSites: ['ANTERIOR_SUPERIOR_ILIAC_SPINE', 'POSTERIOR_ILIAC_CREST'] });
    expect(check(har01Harvest, builder, config)).toEqual([]);
  });

  it('blocks when an amendment removes the side(s)', () => {
    const findings = check(har01Harvest, CaseBuilder.completeOneLeg().amend(ID.harvest, { sides: null }));
    expect(findings.map((f) => [f.severity, f.message])).toEqual([['BLOCKING', 'The side(s) of the harvest are not documented.']]);
  });

  it('only warns when the aspirate volume is missing', () => {
    const findings = check(har01Harvest, CaseBuilder.completeOneLeg().amend(ID.harvest, { aspirateVolumeMl: null }));
    expect(findings.map((f) => [f.severity, f.message])).toEqual([['WARNING', 'The aspirate volume of the harvest is not documented.']]);
  });

  it('blocks when the case plans the harvest and none is documented', () => {
    expect(kinds(check(har01Harvest, CaseBuilder.completeOneLeg().without(ID.harvest)))).toEqual([['HAR-01', 'BLOCKING']]);
  });

  it('does not apply when the harvest was done elsewhere', () => {
    const builder = CaseBuilder.completeOneLeg()
      .patch(ID.opened, { data: { harvestPlanned: false } })
      .without(ID.harvest);
    expect(check(har01Harvest, builder)).toEqual([]);
  });
});
