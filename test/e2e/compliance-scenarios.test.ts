/** Compliance officers see what each case lacks and the codes it supports: scenarios over HTTP. */
import { randomUUID } from 'node:crypto';
import { at, leftLegCase, operation, patientInput } from '../support/case-steps';
import { startTestApp, type TestApp } from '../support/test-app';

type Compliance = {
  complete: boolean;
  findings: Array<{ rule: string; severity: string; message: string; eventIds: string[] }>;
  supportedCodes: Array<{ code: string; leg: string | null; reason: string }>;
};
type Steps = ReturnType<typeof leftLegCase>;
type Step = 'doppler' | 'angiography' | 'harvest' | 'concentration' | 'injection';

const MUTATION: Record<Step, string> = {
  doppler: 'RecordDopplerAssessment',
  angiography: 'RecordAngiography',
  harvest: 'RecordHarvest',
  concentration: 'RecordCellConcentration',
  injection: 'RecordInjection',
};

describe('compliance scenarios over HTTP', () => {
  let t: TestApp;
  let clinician: string;
  let officer: string;
  let patientId: string;

  beforeAll(async () => {
    t = await startTestApp();
    clinician = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'], sub: 'dr-1', name: 'Dr One' });
    officer = await t.token({ roles: ['COMPLIANCE_OFFICER'], facilities: ['F1'], sub: 'co-1' });
    const registered = await t.gql<{ registerPatient: { patient: { id: string } } }>(clinician, operation('RegisterPatient'), {
      input: patientInput('F1'),
    });
    patientId = registered.data!.registerPatient.patient.id;
  });
  afterAll(() => t.stop());

  /** Records a case step by step; `change` edits the inputs, `skip` leaves steps out, `extra` adds more. */
  async function recordCase(
    options: {
      change?: (s: Steps) => void;
      skip?: Step[];
      extra?: (s: Steps) => Array<[Step, object]>;
      sign?: boolean;
      daysAgo?: number;
    } = {},
  ): Promise<Compliance> {
    const caseId = randomUUID();
    const steps = leftLegCase(caseId, patientId, new Date(Date.now() - (options.daysAgo ?? 0) * 24 * 3600_000));
    options.change?.(steps);
    const send = async (name: string, input: object) => {
      const result = await t.gql(clinician, operation(name), { input });
      expect(result.errors).toBeUndefined();
    };
    await send('OpenCase', steps.open);
    for (const step of ['doppler', 'angiography', 'harvest', 'concentration', 'injection'] as const) {
      if (!options.skip?.includes(step)) await send(MUTATION[step], steps[step]);
    }
    for (const [step, input] of options.extra?.(steps) ?? []) await send(MUTATION[step], input);
    if (options.sign !== false) await send('SignProcedure', { caseId, meaning: 'AUTHORSHIP' });
    const summary = await t.gql<{ case: { compliance: Compliance } }>(officer, operation('CaseSummary'), { id: caseId });
    expect(summary.errors).toBeUndefined();
    return summary.data!.case.compliance;
  }

  const rules = (c: Compliance) => c.findings.map((f) => `${f.rule}:${f.severity}`);
  const codes = (c: Compliance) => c.supportedCodes.map((s) => `${s.code}${s.leg ? `-${s.leg}` : ''}`);

  it('a complete one-leg case: complete, 0263T for the leg', async () => {
    const c = await recordCase();
    expect(rules(c)).toEqual([]);
    expect(c.complete).toBe(true);
    expect(codes(c)).toEqual(['0263T-LEFT']);
  });

  it('harvest done elsewhere: 0264T', async () => {
    const c = await recordCase({
      change: (s) => {
        s.open = { ...s.open, harvestPlanned: false } as typeof s.open;
      },
      skip: ['harvest'],
    });
    expect(codes(c)).toEqual(['0264T-LEFT']);
  });

  it('harvest only: 0265T', async () => {
    const c = await recordCase({ skip: ['concentration', 'injection'] });
    expect(codes(c)).toEqual(['0265T']);
  });

  it('both legs with one harvest: 0263T for the first leg, 0264T for the second', async () => {
    const c = await recordCase({
      change: (s) => {
        s.open = { ...s.open, legs: ['LEFT', 'RIGHT'], diagnosisCode: 'I70.223' };
      },
      extra: (s) => [
        ['doppler', { ...s.doppler, leg: 'RIGHT' }],
        ['angiography', { ...s.angiography, leg: 'RIGHT' }],
        ['injection', { ...s.injection, leg: 'RIGHT', occurredAt: at(new Date(s.injection.occurredAt), 0, 1) }],
      ],
    });
    expect(codes(c).sort()).toEqual(['0263T-LEFT', '0264T-RIGHT']);
  });

  it('angiography after the harvest: blocking PRE-03', async () => {
    const c = await recordCase({
      change: (s) => {
        s.angiography.occurredAt = at(new Date(s.harvest.occurredAt), 0, 1);
      },
    });
    expect(rules(c)).toContain('PRE-03:BLOCKING');
    expect(c.complete).toBe(false);
  });

  it('Doppler 200 days before the harvest: a PRE-01 warning only, still complete', async () => {
    const c = await recordCase({
      change: (s) => {
        s.doppler.occurredAt = at(new Date(s.harvest.occurredAt), -200);
      },
    });
    expect(rules(c)).toEqual(['PRE-01:WARNING']);
    expect(c.complete).toBe(true);
  });

  it('a single injection: blocking INJ-01 and no code', async () => {
    const c = await recordCase({
      change: (s) => {
        s.injection.injectionCount = 1;
      },
    });
    expect(rules(c)).toContain('INJ-01:BLOCKING');
    expect(codes(c)).toEqual([]);
  });

  it('an unsigned procedure: blocking INJ-04', async () => {
    const c = await recordCase({ sign: false });
    expect(rules(c)).toEqual(['INJ-04:BLOCKING']);
    expect(c.complete).toBe(false);
  });

  it('a diagnosis for the wrong leg: blocking COD-01', async () => {
    const c = await recordCase({
      change: (s) => {
        s.open.diagnosisCode = 'I70.221';
      },
    });
    expect(rules(c)).toContain('COD-01:BLOCKING');
  });

  it('the worklist and the report count what the cases show', async () => {
    const report = await t.gql<{
      complianceReport: {
        caseCount: number;
        completeCount: number;
        incompleteCount: number;
        byRule: Array<{ rule: string; severity: string; caseCount: number }>;
      };
    }>(officer, operation('ComplianceReport'), {});
    expect(report.errors).toBeUndefined();
    const r = report.data!.complianceReport;
    expect(r.caseCount).toBe(9);
    expect(r.completeCount + r.incompleteCount).toBe(9);
    expect(r.completeCount).toBe(4); // complete, harvest elsewhere, both legs, late Doppler (a warning)
    expect(r.byRule).toEqual(
      expect.arrayContaining([
        { rule: 'INJ-04', severity: 'BLOCKING', caseCount: 1 },
        { rule: 'PRE-01', severity: 'WARNING', caseCount: 1 },
      ]),
    );
    const worklist = await t.gql<{ cases: { totalCount: number } }>(officer, operation('Cases'), { filter: { rule: 'PRE-03' }, first: 10 });
    expect(worklist.data!.cases.totalCount).toBe(1);
    const incomplete = await t.gql<{ cases: { totalCount: number } }>(officer, operation('Cases'), {
      filter: { complete: false },
      first: 10,
    });
    expect(incomplete.data!.cases.totalCount).toBe(5);
  });

  it("a follow-up window passed without its measurements: POST warnings, and the case is on that rule's worklist", async () => {
    const before = await t.gql<{ cases: { totalCount: number } }>(officer, operation('Cases'), { filter: { rule: 'POST-01' }, first: 10 });
    expect(before.data!.cases.totalCount).toBe(0);
    const c = await recordCase({ daysAgo: 50 }); // injected 60 days ago: the 1-month window (16–44 days) has passed
    expect(rules(c)).toEqual(['POST-01:WARNING', 'POST-02:WARNING', 'POST-03:WARNING']);
    expect(c.complete).toBe(true);
    const worklist = await t.gql<{ cases: { totalCount: number } }>(officer, operation('Cases'), {
      filter: { rule: 'POST-01' },
      first: 10,
    });
    expect(worklist.data!.cases.totalCount).toBe(1);
  });

  it('is hidden from viewers', async () => {
    const viewer = await t.token({ roles: ['VIEWER'], facilities: ['F1'] });
    const report = await t.gql(viewer, operation('ComplianceReport'), {});
    expect(report.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
