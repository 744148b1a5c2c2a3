import { auditCase, complianceAt, followUpFindings } from '../../../src/compliance/audit';
import { DEFAULT_COMPLIANCE_CONFIG } from '../../../src/compliance/config';
import { CaseBuilder, ID, at, kinds } from './case-builder';

const audit = (builder: CaseBuilder) => auditCase(builder.record(), DEFAULT_COMPLIANCE_CONFIG);

describe('auditCase: scenarios a compliance officer sees', () => {
  it('a complete one-leg case has no finding and supports 0263T for that leg', () => {
    const result = audit(CaseBuilder.completeOneLeg('RIGHT'));
    expect(result.findings).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.supportedCodes.map(({ code, leg }) => [code, leg])).toEqual([['0263T', 'RIGHT']]);
  });

  it('harvest done elsewhere: complete, 0264T for the leg', () => {
    const result = audit(
      CaseBuilder.completeOneLeg()
        .patch(ID.opened, { data: { harvestPlanned: false } })
        .without(ID.harvest),
    );
    expect(result.findings).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.supportedCodes.map(({ code, leg }) => [code, leg])).toEqual([['0264T', 'LEFT']]);
  });

  it('harvest only: 0265T, not per leg, and incomplete because nothing was concentrated or injected', () => {
    const result = audit(CaseBuilder.completeOneLeg().without(ID.concentration, ID.injection('LEFT')));
    expect(result.supportedCodes.map(({ code, leg }) => [code, leg])).toEqual([['0265T', null]]);
    expect(result.complete).toBe(false);
    expect(kinds(result.findings)).toEqual([
      ['INJ-01', 'BLOCKING'],
      ['PRP-01', 'BLOCKING'],
    ]);
  });

  it('both legs from one harvest: 0263T for the leg injected first, 0264T for the other', () => {
    const result = audit(CaseBuilder.bothLegs());
    expect(result.findings).toEqual([]);
    expect(result.supportedCodes.map(({ code, leg }) => [code, leg])).toEqual([
      ['0263T', 'LEFT'],
      ['0264T', 'RIGHT'],
    ]);
  });

  it('angiography after the harvest is a blocking PRE-03 finding', () => {
    const result = audit(CaseBuilder.completeOneLeg().patch(ID.angiography('LEFT'), { occurredAt: at({ minutes: 10 }) }));
    expect(kinds(result.findings)).toEqual([['PRE-03', 'BLOCKING']]);
    expect(result.findings[0]?.message).toBe(
      'The angiography of the left leg was done only after the harvest (10 minutes after it); it must be done immediately before it.',
    );
    expect(result.findings[0]?.eventIds).toEqual([ID.angiography('LEFT'), ID.harvest]);
    expect(result.complete).toBe(false);
  });

  it('Doppler 200 days before the harvest is only a PRE-01 warning: the case stays complete', () => {
    const result = audit(CaseBuilder.completeOneLeg().patch(ID.doppler('LEFT'), { occurredAt: at({ days: -200 }) }));
    expect(kinds(result.findings)).toEqual([['PRE-01', 'WARNING']]);
    expect(result.findings[0]?.message).toContain('200 days before it; expected 60–120 days before the harvest');
    expect(result.complete).toBe(true);
    expect(result.supportedCodes.map((c) => c.code)).toEqual(['0263T']);
  });

  it('a single injection blocks (INJ-01) and supports no code', () => {
    const result = audit(CaseBuilder.completeOneLeg().patch(ID.injection('LEFT'), { data: { injectionCount: 1 } }));
    expect(kinds(result.findings)).toEqual([['INJ-01', 'BLOCKING']]);
    expect(result.findings[0]?.message).toBe(
      'Only 1 intramuscular injection is documented for the left leg; the procedure requires multiple injections (at least 2).',
    );
    expect(result.supportedCodes).toEqual([]);
    expect(result.complete).toBe(false);
  });

  it('an unsigned procedure blocks (INJ-04) but still supports its code', () => {
    const result = audit(CaseBuilder.completeOneLeg().without(ID.signature));
    expect(kinds(result.findings)).toEqual([['INJ-04', 'BLOCKING']]);
    expect(result.findings[0]?.message).toBe('The procedure is not signed by its operator.');
    expect(result.supportedCodes.map((c) => c.code)).toEqual(['0263T']);
    expect(result.complete).toBe(false);
  });

  it('a diagnosis for the other leg blocks (COD-01)', () => {
    const result = audit(CaseBuilder.completeOneLeg('LEFT').patch(ID.opened, { data: { diagnosisCode: 'I70.221' } }));
    expect(kinds(result.findings)).toEqual([['COD-01', 'BLOCKING']]);
    expect(result.findings[0]?.message).toBe(
      'The diagnosis code I70.221 documents the right leg, but the case treats the left leg: the left leg has no diagnosis of matching laterality.',
    );
    expect(result.complete).toBe(false);
  });

  it('sorts findings blocking first, then by rule id', () => {
    const result = audit(
      CaseBuilder.completeOneLeg()
        .patch(ID.doppler('LEFT'), { occurredAt: at({ days: -10 }) })
        .patch(ID.opened, { data: { amputationOnlyAlternative: false, diagnosisCode: 'I70.229' } })
        .patch(ID.injection('LEFT'), { data: { targetSegments: [] } }),
    );
    expect(kinds(result.findings)).toEqual([
      ['COD-01', 'BLOCKING'],
      ['IND-02', 'BLOCKING'],
      ['INJ-02', 'WARNING'],
      ['PRE-01', 'WARNING'],
    ]);
  });

  it('never names the patient in a finding', () => {
    const record = CaseBuilder.completeOneLeg().without(ID.signature, ID.doppler('LEFT')).record();
    for (const finding of auditCase(record).findings) {
      expect(finding.message).not.toContain(record.patientId);
      expect(finding.message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });
});

describe('follow-ups depend on the day they are asked', () => {
  const injectedAt = at({ hours: 1 });
  const base = CaseBuilder.completeOneLeg();

  it('lists every open follow-up from the injection date, 3 measures × 4 windows', () => {
    const { openFollowUps } = audit(base);
    expect(openFollowUps).toHaveLength(12);
    const due = (window: string, fromDays: number, byDays: number) => ({
      rule: 'POST-01',
      leg: 'LEFT',
      window,
      dueFrom: at({ days: fromDays }, injectedAt),
      dueBy: at({ days: byDays }, injectedAt),
      satisfied: false,
      eventIds: [ID.injection('LEFT')],
    });
    expect(openFollowUps.filter((d) => d.rule === 'POST-01')).toEqual([
      due('1 month', 16, 44),
      due('3 months', 61, 121),
      due('6 months', 152, 212),
      due('12 months', 335, 395),
    ]);
  });

  it('keeps only the follow-ups not yet documented', () => {
    const { openFollowUps } = audit(base.outcome('LEFT', { days: 30 }, { ulcerStatus: null }));
    expect(openFollowUps).toHaveLength(12 - 2);
    expect(openFollowUps.every((d) => !d.satisfied)).toBe(true);
    expect(openFollowUps.filter((d) => d.window === '1 month').map((d) => d.rule)).toEqual(['POST-03']);
  });

  it('warns only once a window has passed unsatisfied, and completeness never depends on the clock', () => {
    const result = audit(base.outcome('LEFT', { days: 30 }, {}, 'evt-1-month'));
    const beforeDue = complianceAt(result, new Date(at({ days: 120 }, injectedAt)));
    expect(beforeDue.findings).toEqual([]);
    const afterDue = complianceAt(result, new Date(at({ days: 121, minutes: 1 }, injectedAt)));
    expect(kinds(afterDue.findings)).toEqual([
      ['POST-01', 'WARNING'],
      ['POST-02', 'WARNING'],
      ['POST-03', 'WARNING'],
    ]);
    expect(afterDue.findings[0]?.message).toBe(
      'No ankle-brachial index is documented for the left leg at the follow-up at 3 months; its window has passed.',
    );
    expect(afterDue.complete).toBe(true);
    expect(afterDue.supportedCodes).toEqual(result.supportedCodes);
  });

  it('merges follow-up warnings after the blocking findings', () => {
    const result = audit(base.without(ID.signature));
    const status = complianceAt(result, new Date(at({ days: 400 }, injectedAt)));
    expect(status.findings[0]?.rule).toBe('INJ-04');
    expect(status.findings.slice(1).every((f) => f.severity === 'WARNING' && f.rule.startsWith('POST-'))).toBe(true);
    expect(status.findings).toHaveLength(1 + 12);
    expect(followUpFindings(result, new Date(at({ days: 400 }, injectedAt)))).toHaveLength(12);
  });
});
