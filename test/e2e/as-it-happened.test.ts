/**
 * Issue #17 over HTTP: clinicians document what happened (another route, a performer other than the
 * recorder, a harvest-only case, a procedure across midnight in the facility's time zone), with the
 * client contract's own operations; compliance officers see what the record lacks.
 */
import { randomUUID } from 'node:crypto';
import { at, leftLegCase, operation, patientInput } from '../support/case-steps';
import { startTestApp, type TestApp } from '../support/test-app';

type Finding = { rule: string; severity: string; message: string; eventIds: string[] };
type Compliance = { complete: boolean; findings: Finding[]; supportedCodes: Array<{ code: string; leg: string | null }> };
type Actor = { id: string; name: string; role: string };
type Steps = ReturnType<typeof leftLegCase>;

/** What this issue adds to a case, read with a query of its own (the contract's CaseSummary stays as written). */
const CASE_FACTS = `query CaseFacts($id: ID!) {
  case(id: $id) {
    harvestOnly
    harvest { aspirateVolumeMl operator { id name } performedBy { id } recordedBy { id name } }
    injections { route ultrasoundGuided performer { id name } recordedBy { id } }
    signatures { signerId signedAt attestedAt lateEntry }
  }
}`;

describe('documenting what happened, over HTTP', () => {
  let t: TestApp;
  let surgeon: string;
  let nurse: string;
  let officer: string;
  const patients: Record<string, string> = {};

  beforeAll(async () => {
    // F1 is in Chicago; F2 is named nowhere, so its "same day" is UTC's
    t = await startTestApp({ env: { FACILITY_TIME_ZONES: 'F1=America/Chicago' } });
    surgeon = await t.token({ roles: ['CLINICIAN'], facilities: ['F1', 'F2'], sub: 'dr-1', name: 'Dr One' });
    nurse = await t.token({ roles: ['CLINICIAN'], facilities: ['F1', 'F2'], sub: 'rn-1', name: 'Nurse One' });
    officer = await t.token({ roles: ['COMPLIANCE_OFFICER'], facilities: ['F1', 'F2'], sub: 'co-1' });
    for (const facility of ['F1', 'F2']) {
      const registered = await t.gql<{ registerPatient: { patient: { id: string } } }>(surgeon, operation('RegisterPatient'), {
        input: patientInput(facility),
      });
      expect(registered.errors).toBeUndefined();
      patients[facility] = registered.data!.registerPatient.patient.id;
    }
  });
  afterAll(() => t.stop());

  async function send(token: string, name: string, input: object): Promise<void> {
    const result = await t.gql(token, operation(name), { input });
    expect(result.errors).toBeUndefined();
  }

  /** Records the steps of a left-leg case in order (`only` leaves the others out), as `by` for each step. */
  async function recordCase(
    options: {
      facility?: string;
      now?: Date;
      change?: (s: Steps) => void;
      only?: Array<'doppler' | 'angiography' | 'harvest' | 'concentration' | 'injection'>;
      by?: (step: string) => string;
    } = {},
  ): Promise<string> {
    const caseId = randomUUID();
    const steps = leftLegCase(caseId, patients[options.facility ?? 'F1']!, options.now ?? new Date());
    options.change?.(steps);
    await send(surgeon, 'OpenCase', steps.open);
    const mutations = {
      doppler: 'RecordDopplerAssessment',
      angiography: 'RecordAngiography',
      harvest: 'RecordHarvest',
      concentration: 'RecordCellConcentration',
      injection: 'RecordInjection',
    } as const;
    for (const step of options.only ?? (Object.keys(mutations) as Array<keyof typeof mutations>)) {
      await send(options.by?.(step) ?? surgeon, mutations[step], steps[step]);
    }
    return caseId;
  }

  async function complianceOf(caseId: string): Promise<Compliance> {
    const summary = await t.gql<{ case: { compliance: Compliance } }>(officer, operation('CaseSummary'), { id: caseId });
    expect(summary.errors).toBeUndefined();
    return summary.data!.case.compliance;
  }

  async function factsOf(caseId: string) {
    const result = await t.gql<{
      case: {
        harvestOnly: boolean;
        harvest: { aspirateVolumeMl: number | null; operator: Actor; performedBy: Actor | null; recordedBy: Actor } | null;
        injections: Array<{ route: string; ultrasoundGuided: boolean | null; performer: Actor; recordedBy: Actor }>;
        signatures: Array<{ signerId: string; signedAt: string; attestedAt: string | null; lateEntry: boolean }>;
      };
    }>(officer, CASE_FACTS, { id: caseId });
    expect(result.errors).toBeUndefined();
    return result.data!.case;
  }

  const blocking = (c: Compliance) => c.findings.filter((f) => f.severity === 'BLOCKING').map((f) => f.rule);

  it('records an intra-arterial injection as given: INJ-01 blocks and no code is supported', async () => {
    const caseId = await recordCase({ change: (s) => void (s.injection = { ...s.injection, route: 'INTRA_ARTERIAL' }) });
    await send(surgeon, 'SignProcedure', { caseId, meaning: 'AUTHORSHIP' });
    expect((await factsOf(caseId)).injections.map((i) => i.route)).toEqual(['INTRA_ARTERIAL']);
    const compliance = await complianceOf(caseId);
    expect(blocking(compliance)).toEqual(['INJ-01', 'INJ-01']);
    expect(compliance.findings[0]?.message).toBe(
      'Injections into the left leg are documented with a route other than intramuscular (intra-arterial).',
    );
    expect(compliance.supportedCodes).toEqual([]);
    expect(compliance.complete).toBe(false);
  });

  it('records unknown volume and guidance as unknown: HAR-01 and INJ-03 warn', async () => {
    const caseId = await recordCase({
      change: (s) => {
        const { aspirateVolumeMl: _volume, ...harvest } = s.harvest;
        s.harvest = harvest as typeof s.harvest;
        s.injection = { ...s.injection, ultrasoundGuided: null as unknown as boolean };
      },
    });
    await send(surgeon, 'SignProcedure', { caseId, meaning: 'AUTHORSHIP' });
    const facts = await factsOf(caseId);
    expect(facts.harvest?.aspirateVolumeMl).toBeNull();
    expect(facts.injections[0]?.ultrasoundGuided).toBeNull();
    const compliance = await complianceOf(caseId);
    expect(compliance.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['HAR-01:WARNING', 'INJ-03:WARNING']);
    expect(compliance.complete).toBe(true);
  });

  it("a nurse documents for the surgeon: the surgeon's signature completes the case, the nurse's does not", async () => {
    const performer = { id: 'dr-1', name: 'Dr One' };
    const caseId = await recordCase({
      change: (s) => {
        s.harvest = { ...s.harvest, performer } as typeof s.harvest;
        s.injection = { ...s.injection, performer } as typeof s.injection;
      },
      by: (step) => (step === 'harvest' || step === 'injection' ? nurse : surgeon),
    });
    await send(nurse, 'SignProcedure', { caseId, meaning: 'AUTHORSHIP' });
    const unsigned = await complianceOf(caseId);
    expect(blocking(unsigned)).toEqual(['INJ-04']);
    expect(unsigned.findings[0]?.message).toBe(
      "The procedure is signed only by someone who neither harvested nor injected; the operator's signature is missing.",
    );

    await send(surgeon, 'SignProcedure', { caseId, meaning: 'AUTHORSHIP' });
    const signed = await complianceOf(caseId);
    expect(signed.findings).toEqual([]);
    expect(signed.complete).toBe(true);
    const facts = await factsOf(caseId);
    expect(facts.harvest).toMatchObject({
      operator: { id: 'dr-1', name: 'Dr One' },
      performedBy: { id: 'dr-1' },
      recordedBy: { id: 'rn-1', name: 'Nurse One' },
    });
    expect(facts.injections[0]).toMatchObject({ performer: { id: 'dr-1' }, recordedBy: { id: 'rn-1' } });
  });

  it('a late signature states when the procedure was attested and shows as a late entry', async () => {
    let attestedAt = '';
    const caseId = await recordCase({ change: (s) => void (attestedAt = at(new Date(s.harvest.occurredAt), 0, 3)) });
    await send(surgeon, 'SignProcedure', { caseId, meaning: 'AUTHORSHIP', attestedAt });
    expect((await factsOf(caseId)).signatures).toEqual([expect.objectContaining({ signerId: 'dr-1', attestedAt, lateEntry: true })]);
    expect((await complianceOf(caseId)).findings).toEqual([]);
  });

  it('a harvest-only case is complete with its harvest documented and signed, and supports 0265T', async () => {
    const caseId = await recordCase({
      change: (s) => void (s.open = { ...s.open, harvestOnly: true } as typeof s.open),
      only: ['harvest'],
    });
    expect(blocking(await complianceOf(caseId))).toEqual(['INJ-04']);
    await send(surgeon, 'SignProcedure', { caseId, meaning: 'AUTHORSHIP' });
    const compliance = await complianceOf(caseId);
    expect(compliance).toMatchObject({ complete: true, findings: [], supportedCodes: [{ code: '0265T', leg: null }] });
    expect((await factsOf(caseId)).harvestOnly).toBe(true);
  });

  it('refuses a harvest-only case that says the harvest is done elsewhere', async () => {
    const steps = leftLegCase(randomUUID(), patients.F1!, new Date());
    const result = await t.gql(surgeon, operation('OpenCase'), { input: { ...steps.open, harvestOnly: true, harvestPlanned: false } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ rule: 'HARVEST_ONLY_NOT_PLANNED' });
  });

  it("judges the same day in the facility's time zone: past midnight in Chicago, the same day in UTC", async () => {
    // harvest 04:30 UTC = 22:30 in Chicago (CST) the day before; injection two hours later, 00:30 in Chicago
    const times = (s: Steps) => {
      s.angiography = { ...s.angiography, occurredAt: '2026-01-15T02:00:00.000Z' };
      s.harvest = { ...s.harvest, occurredAt: '2026-01-15T04:30:00.000Z' };
      s.concentration = { ...s.concentration, occurredAt: '2026-01-15T05:30:00.000Z' };
      s.injection = { ...s.injection, occurredAt: '2026-01-15T06:30:00.000Z' };
    };
    const sameDayFindings = async (facility: string) => {
      const caseId = await recordCase({ facility, now: new Date('2026-01-25T00:00:00.000Z'), change: times });
      await send(surgeon, 'SignProcedure', { caseId, meaning: 'AUTHORSHIP' });
      return (await complianceOf(caseId)).findings.filter((f) => f.rule === 'PRP-02');
    };
    expect(await sameDayFindings('F1')).toEqual([
      expect.objectContaining({
        severity: 'BLOCKING',
        message:
          "The injection into the left leg is documented 2 hours after the harvest, on a later day in the facility's time zone " +
          '(America/Chicago); harvest, concentration and injection must be on the same day.',
      }),
    ]);
    expect(await sameDayFindings('F2')).toEqual([]);
  });

  it('takes several diagnosis codes and per-leg Rutherford categories for a bilateral case', async () => {
    const caseId = randomUUID();
    const steps = leftLegCase(caseId, patients.F1!, new Date());
    await send(surgeon, 'OpenCase', {
      ...steps.open,
      legs: ['LEFT', 'RIGHT'],
      diagnosisCode: 'I70.222',
      additionalDiagnosisCodes: ['I70.245'],
      rutherfordCategory: null,
      legRutherfordCategories: [
        { leg: 'LEFT', category: 4 },
        { leg: 'RIGHT', category: 5 },
      ],
    });
    const findings = (await complianceOf(caseId)).findings.map((f) => f.rule);
    expect(findings).not.toContain('IND-01');
    const twice = await t.gql(surgeon, operation('OpenCase'), {
      input: { ...steps.open, caseId: randomUUID(), legRutherfordCategories: [1, 2].map((category) => ({ leg: 'LEFT', category })) },
    });
    expect(twice.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.legRutherfordCategories', constraints: ['legRutherfordCategories must name each leg at most once'] }],
    });
    // I70.245 is the left leg's ulcer: the right leg has no code of its own
    expect(findings).toContain('COD-01');
    const opened = await t.gql<{ case: { additionalDiagnosisCodes: string[]; legRutherfordCategories: unknown[] } }>(
      officer,
      'query ($id: ID!) { case(id: $id) { additionalDiagnosisCodes legRutherfordCategories { leg category } } }',
      { id: caseId },
    );
    expect(opened.data?.case).toEqual({
      additionalDiagnosisCodes: ['I70.245'],
      legRutherfordCategories: [
        { leg: 'LEFT', category: 4 },
        { leg: 'RIGHT', category: 5 },
      ],
    });
  });
});
