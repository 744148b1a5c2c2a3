/** Front ends read fresh summaries: paging, filters, facility scoping, live updates. */
import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { leftLegCase, operation, patientInput } from '../support/case-steps';
import { startTestApp, type GqlResponse, type TestApp } from '../support/test-app';

type CasesPage = {
  cases: {
    totalCount: number;
    edges: Array<{ cursor: string; node: { id: string; status: string; compliance: { complete: boolean } } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describe('read side over HTTP', () => {
  let t: TestApp;
  let clinician: string;
  let patientId: string;
  const caseIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    clinician = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'] });
    const registered = await t.gql<{ registerPatient: { patient: { id: string } } }>(clinician, operation('RegisterPatient'), {
      input: patientInput('F1'),
    });
    patientId = registered.data!.registerPatient.patient.id;
    // 25 clinicians' front ends at a time: realistic, and quick on a slow read store (FerretDB)
    for (let chunk = 0; chunk < 10; chunk++) {
      const ids = Array.from({ length: 25 }, () => randomUUID());
      caseIds.push(...ids);
      const results = await Promise.all(
        ids.map((caseId) => t.gql(clinician, operation('OpenCase'), { input: leftLegCase(caseId, patientId, new Date()).open })),
      );
      expect(results.map((r) => r.errors)).toEqual(ids.map(() => undefined));
    }
    await Promise.all(
      caseIds.slice(0, 30).map((caseId) => t.gql(clinician, operation('CloseCase'), { input: { caseId, reason: 'CANCELLED' } })),
    );
  }, 120_000);
  afterAll(() => t.stop());

  async function pageThrough(token: string, filter?: object): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: GqlResponse<CasesPage> = await t.gql<CasesPage>(token, operation('Cases'), { filter, first: 50, after });
      expect(page.errors).toBeUndefined();
      seen.push(...page.data!.cases.edges.map((e) => e.node.id));
      if (!page.data!.cases.pageInfo.hasNextPage) return seen;
      after = page.data!.cases.pageInfo.endCursor;
    }
  }

  it('pages through 250 cases, 50 at a time, without a gap or a duplicate', async () => {
    const seen = await pageThrough(clinician);
    expect(seen).toHaveLength(250);
    expect(new Set(seen)).toEqual(new Set(caseIds));
    const first = await t.gql<CasesPage>(clinician, operation('Cases'), { first: 50 });
    expect(first.data!.cases.totalCount).toBe(250);
  });

  it('filters by status and completeness', async () => {
    expect(new Set(await pageThrough(clinician, { status: 'CLOSED' }))).toEqual(new Set(caseIds.slice(0, 30)));
    expect(await pageThrough(clinician, { status: 'OPEN' })).toHaveLength(220);
    expect(await pageThrough(clinician, { complete: true })).toHaveLength(0); // none is documented completely
    expect(await pageThrough(clinician, { complete: false, rule: 'HAR-01' })).toHaveLength(250);
  });

  it('refuses a page larger than the maximum and a forged cursor', async () => {
    const big = await t.gql(clinician, operation('Cases'), { first: 10_000 });
    // Refused before it runs: by the cost limit, which counts the page asked for.
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(big.errors![0]!.extensions!.code);
    const forged = await t.gql(clinician, operation('Cases'), { first: 5, after: 'not-a-cursor' });
    expect(forged.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('shows nothing of another facility, in any query', async () => {
    const other = await t.token({ roles: ['COMPLIANCE_OFFICER', 'AUDITOR', 'VIEWER'], facilities: ['F2'] });
    const cases = await t.gql<CasesPage>(other, operation('Cases'), { first: 50 });
    expect(cases.data!.cases).toMatchObject({ totalCount: 0, edges: [] });
    expect((await t.gql<{ case: unknown }>(other, operation('CaseSummary'), { id: caseIds[0] })).data!.case).toBeNull();
    expect((await t.gql<{ patient: unknown }>(other, operation('PatientSummary'), { id: patientId })).data!.patient).toBeNull();
    const report = await t.gql<{ complianceReport: { caseCount: number } }>(other, operation('ComplianceReport'), {});
    expect(report.data!.complianceReport.caseCount).toBe(0);
    const sneaky = await t.gql<CasesPage>(other, operation('Cases'), { filter: { facilityId: 'F1' }, first: 5 });
    expect(sneaky.data!.cases.totalCount).toBe(0);
  });

  it('lists a patient with their cases', async () => {
    const patient = await t.gql<{ patient: { mrn: string; cases: Array<{ id: string; compliance: { complete: boolean } }> } }>(
      clinician,
      operation('PatientSummary'),
      { id: patientId },
    );
    expect(patient.errors).toBeUndefined();
    expect(patient.data!.patient.mrn).toBe('MRN-0001');
    expect(patient.data!.patient.cases).toHaveLength(250);
  });

  it('pushes each change of a case to its subscribers, only within their facilities', async () => {
    const caseId = caseIds[100]!;
    const url = t.url.replace('http', 'ws') + '/graphql';
    const subscribe = (token: string) => {
      const client = createClient({
        url,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
      });
      const received: Array<{ revision: number; outcomes: unknown[] }> = [];
      const done = new Promise<void>((resolve, reject) => {
        client.subscribe<{ caseUpdated: { revision: number; outcomes: unknown[] } }>(
          { query: `subscription($id: ID!) { caseUpdated(caseId: $id) { revision outcomes { eventId } } }`, variables: { id: caseId } },
          {
            next: (msg) => {
              if (msg.data) received.push(msg.data.caseUpdated);
            },
            error: reject,
            complete: resolve,
          },
        );
      });
      return { client, received, done };
    };
    const mine = subscribe(clinician);
    const stranger = subscribe(await t.token({ roles: ['CLINICIAN'], facilities: ['F2'] }));
    await new Promise((r) => setTimeout(r, 200)); // let both subscriptions register
    const written = await t.gql<{ recordOutcome: { revision: number } }>(clinician, operation('RecordOutcome'), {
      input: leftLegCase(caseId, patientId, new Date()).outcome,
    });
    expect(written.errors).toBeUndefined();
    for (let i = 0; i < 50 && mine.received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(mine.received).toEqual([
      expect.objectContaining({ revision: written.data!.recordOutcome.revision, outcomes: [expect.anything()] }),
    ]);
    expect(stranger.received).toEqual([]);
    await Promise.all([mine.client.dispose(), stranger.client.dispose()]);
  });
});
