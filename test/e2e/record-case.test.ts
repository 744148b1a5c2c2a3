/** A clinician records a whole case over HTTP with the contract's own operations. */
import { randomUUID } from 'node:crypto';
import { leftLegCase, operation, patientInput } from '../support/case-steps';
import { startTestApp, type TestApp } from '../support/test-app';

describe('recording a full case over HTTP', () => {
  let t: TestApp;
  let clinician: string;
  beforeAll(async () => {
    t = await startTestApp();
    clinician = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'], sub: 'dr-1', name: 'Dr One' });
  });
  afterAll(() => t.stop());

  it('records every step, answers with the case after each write, and the next query shows it', async () => {
    const registered = await t.gql<{ registerPatient: { patient: { id: string }; eventIds: string[]; revision: number } }>(
      clinician,
      operation('RegisterPatient'),
      { input: patientInput('F1') },
    );
    expect(registered.errors).toBeUndefined();
    const patientId = registered.data!.registerPatient.patient.id;
    const caseId = randomUUID();
    const steps = leftLegCase(caseId, patientId, new Date());

    const opened = await t.gql<{ openCase: { case: { id: string; status: string; legs: string[]; revision: number }; revision: number } }>(
      clinician,
      operation('OpenCase'),
      { input: steps.open },
    );
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.openCase).toMatchObject({ case: { id: caseId, status: 'OPEN', legs: ['LEFT'], revision: 0 }, revision: 0 });

    const sequence: Array<[string, string, object]> = [
      ['RecordDopplerAssessment', 'recordDopplerAssessment', steps.doppler],
      ['RecordAngiography', 'recordAngiography', steps.angiography],
      ['RecordHarvest', 'recordHarvest', steps.harvest],
      ['RecordCellConcentration', 'recordCellConcentration', steps.concentration],
      ['RecordInjection', 'recordInjection', steps.injection],
      ['RecordOutcome', 'recordOutcome', steps.outcome],
    ];
    let revision = 0;
    for (const [name, field, input] of sequence) {
      const result = await t.gql<Record<string, { case: { id: string; revision: number }; eventIds: string[]; revision: number }>>(
        clinician,
        operation(name),
        { input },
      );
      expect(result.errors).toBeUndefined();
      revision += 1;
      expect(result.data![field]).toMatchObject({ case: { id: caseId, revision }, revision });
      expect(result.data![field]!.eventIds).toHaveLength(1);
    }

    const summary = await t.gql<{ case: Record<string, unknown> }>(clinician, operation('CaseSummary'), { id: caseId });
    expect(summary.errors).toBeUndefined();
    const c = summary.data!.case as {
      dopplerAssessments: Array<{ abi: number }>;
      harvest: { aspirateVolumeMl: number; eventId: string };
      injections: Array<{ injectionCount: number }>;
      outcomes: unknown[];
      revision: number;
    };
    expect(c.revision).toBe(6);
    expect(c.dopplerAssessments[0]!.abi).toBe(0.35); // 45 / 130, computed by the server
    expect(c.harvest.aspirateVolumeMl).toBe(240);
    expect(c.injections[0]!.injectionCount).toBe(30);
    expect(c.outcomes).toHaveLength(1);
    // A document's first use runs on graphql-js, later ones on its compiled form: the same answer, to the byte.
    const fresh = `${operation('CaseSummary')}\n# ${caseId}`;
    const [once, compiled] = [await t.gql(clinician, fresh, { id: caseId }), await t.gql(clinician, fresh, { id: caseId })];
    expect(JSON.stringify(compiled)).toBe(JSON.stringify(once));
    expect(once).toEqual(summary);

    const amended = await t.gql<{ amendEntry: { revision: number } }>(clinician, operation('AmendEntry'), {
      input: { caseId, targetEventId: c.harvest.eventId, reason: 'volume misread from the syringe', changes: { aspirateVolumeMl: 200 } },
    });
    expect(amended.errors).toBeUndefined();
    const signed = await t.gql<{ signProcedure: { revision: number } }>(clinician, operation('SignProcedure'), {
      input: { caseId, meaning: 'AUTHORSHIP' },
    });
    expect(signed.errors).toBeUndefined();
    const closed = await t.gql<{ closeCase: { case: { status: string }; revision: number } }>(clinician, operation('CloseCase'), {
      input: { caseId, reason: 'COMPLETED' },
    });
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeCase).toMatchObject({ case: { status: 'CLOSED' }, revision: 9 });

    const after = await t.gql<{
      case: {
        harvest: { aspirateVolumeMl: number };
        amendments: Array<{ reason: string; actor: { id: string } }>;
        signatures: Array<{ signerName: string; meaning: string }>;
      };
    }>(clinician, operation('CaseSummary'), { id: caseId });
    expect(after.data!.case.harvest.aspirateVolumeMl).toBe(200);
    expect(after.data!.case.amendments).toEqual([
      expect.objectContaining({ reason: 'volume misread from the syringe', actor: expect.objectContaining({ id: 'dr-1' }) }),
    ]);
    expect(after.data!.case.signatures).toEqual([expect.objectContaining({ signerName: 'Dr One', meaning: 'AUTHORSHIP' })]);
  });
});
