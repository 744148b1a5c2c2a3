import { auditCase, followUpFindings } from '../../../src/compliance/audit';
import { complianceConfigFrom } from '../../../src/compliance/config';
import type { FollowUpDue } from '../../../src/compliance/rule';
import { FOLLOW_UP_RULES } from '../../../src/compliance/rules';
import { openFollowUps, post01AbiFollowUp, post02RestPainFollowUp, post03UlcerFollowUp } from '../../../src/compliance/rules/follow-up';
import { CaseBuilder, ID, at } from './case-builder';

const injection = ID.injection('LEFT');
const injectedAt = at({ hours: 1 });
const base = CaseBuilder.completeOneLeg();
const config = complianceConfigFrom({});

const dues = (builder: CaseBuilder, rule = post01AbiFollowUp): FollowUpDue[] => rule.followUps(builder.record(), config);
const satisfiedWindows = (builder: CaseBuilder, rule = post01AbiFollowUp): string[] =>
  dues(builder, rule)
    .filter((d) => d.satisfied)
    .map((d) => d.window);

describe('POST-01..03 follow-up at 1, 3, 6 and 12 months', () => {
  it('counts an outcome exactly at the start and at the end of a window', () => {
    expect(satisfiedWindows(base.outcome('LEFT', { days: 16 }))).toEqual(['1 month']);
    expect(satisfiedWindows(base.outcome('LEFT', { days: 44 }))).toEqual(['1 month']);
  });

  it('does not count an outcome a minute outside the window', () => {
    expect(satisfiedWindows(base.outcome('LEFT', { days: 16, minutes: -1 }))).toEqual([]);
    expect(satisfiedWindows(base.outcome('LEFT', { days: 44, minutes: 1 }))).toEqual([]);
  });

  it('names the satisfying outcome, or the injection the window counts from', () => {
    const [oneMonth, threeMonths] = dues(base.outcome('LEFT', { days: 30 }, {}, 'evt-visit'));
    expect(oneMonth?.eventIds).toEqual(['evt-visit']);
    expect(threeMonths?.eventIds).toEqual([injection]);
  });

  it('counts only outcomes documenting the measure of the rule', () => {
    const builder = base.outcome('LEFT', { days: 30 }, { abi: null, ulcerStatus: null });
    expect(satisfiedWindows(builder, post01AbiFollowUp)).toEqual([]);
    expect(satisfiedWindows(builder, post02RestPainFollowUp)).toEqual(['1 month']);
    expect(satisfiedWindows(builder, post03UlcerFollowUp)).toEqual([]);
  });

  it('counts only outcomes of the same leg', () => {
    const builder = CaseBuilder.bothLegs().outcome('RIGHT', { days: 30 });
    const byLeg = dues(builder)
      .filter((d) => d.window === '1 month')
      .map((d) => [d.leg, d.satisfied]);
    expect(byLeg).toEqual([
      ['LEFT', false],
      ['RIGHT', true],
    ]);
  });

  it('follows an amendment that moves a visit into a window', () => {
    const builder = base.outcome('LEFT', { days: 50 }, {}, 'evt-visit');
    expect(satisfiedWindows(builder)).toEqual([]);
    expect(satisfiedWindows(builder.amend('evt-visit', { occurredAt: at({ days: 40 }, injectedAt) }))).toEqual(['1 month']);
  });

  it('expects nothing of a leg that received no intramuscular injection', () => {
    expect(dues(base.without(injection))).toEqual([]);
  });

  it('stops expecting the windows still open at a major amputation of the leg, but keeps those already missed', () => {
    const builder = base.outcome('LEFT', { days: 100 }, { amputation: 'MAJOR', abi: null });
    expect(dues(builder).map((d) => [d.window, d.satisfied])).toEqual([['1 month', false]]);
  });

  it('keeps a window satisfied before the amputation', () => {
    const builder = base.outcome('LEFT', { days: 70 }).outcome('LEFT', { days: 100 }, { amputation: 'MAJOR' });
    expect(dues(builder).map((d) => [d.window, d.satisfied])).toEqual([
      ['1 month', false],
      ['3 months', true],
    ]);
  });

  it('stops expecting follow-ups of every leg after death, whether documented as an outcome or by closing the case', () => {
    const died = CaseBuilder.bothLegs().outcome('LEFT', { days: 10 }, { deceased: true, abi: null });
    expect(dues(died)).toEqual([]);
    const closed = base.add('CaseClosed', { reason: 'DECEASED' }, at({ days: 50 }, injectedAt));
    expect(dues(closed).map((d) => d.window)).toEqual(['1 month']);
  });

  it('a minor amputation does not end the follow-up', () => {
    expect(dues(base.outcome('LEFT', { days: 10 }, { amputation: 'MINOR' }))).toHaveLength(4);
  });

  it('gives in one pass the open dues the follow-up rules give one by one', () => {
    const records = [
      base,
      base.outcome('LEFT', { days: 30 }, { abi: null }).outcome('LEFT', { days: 100 }, { amputation: 'MAJOR' }),
      CaseBuilder.bothLegs().outcome('RIGHT', { days: 90 }, { ulcerStatus: null }),
    ].map((builder) => builder.record());
    const oneByOne = records.map((record) => FOLLOW_UP_RULES.flatMap((rule) => rule.followUps(record, config)));
    expect(oneByOne.flat().filter((d) => d.satisfied).length).toBeGreaterThan(2);
    records.forEach((record, i) => expect(openFollowUps(record, config)).toEqual(oneByOne[i]!.filter((d) => !d.satisfied)));
  });

  it('uses the configured windows', () => {
    const custom = complianceConfigFrom({ followUpWindows: [{ label: '6 weeks', afterDays: 42, toleranceDays: 7 }] });
    const found = post01AbiFollowUp.followUps(base.record(), custom);
    expect(found.map((d) => [d.window, d.dueFrom, d.dueBy])).toEqual([
      ['6 weeks', at({ days: 35 }, injectedAt), at({ days: 49 }, injectedAt)],
    ]);
  });

  it('turns a missed window into a warning only after its end', () => {
    const audit = auditCase(base.record(), config);
    const oneMonthDueBy = new Date(at({ days: 44 }, injectedAt));
    expect(followUpFindings(audit, oneMonthDueBy)).toEqual([]);
    const dayAfter = new Date(at({ days: 45 }, injectedAt));
    expect(followUpFindings(audit, dayAfter)).toEqual([
      {
        rule: 'POST-01',
        severity: 'WARNING',
        message: 'No ankle-brachial index is documented for the left leg at the follow-up at 1 month; its window has passed.',
        eventIds: [injection],
      },
      {
        rule: 'POST-02',
        severity: 'WARNING',
        message: 'No rest pain score (0–10) is documented for the left leg at the follow-up at 1 month; its window has passed.',
        eventIds: [injection],
      },
      {
        rule: 'POST-03',
        severity: 'WARNING',
        message: 'No ulcer status is documented for the left leg at the follow-up at 1 month; its window has passed.',
        eventIds: [injection],
      },
    ]);
  });
});
