/** The role matrix the README shows is the one the API enforces: every role against one operation per permission. */
import { PERMISSIONS, type Action } from '../../src/access/permissions';
import { ROLES } from '../../src/domain/values';
import { leftLegCase, operation } from '../support/case-steps';
import { openTestCase, startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('the role matrix, enforced', () => {
  let t: TestApp;
  let caseId: string;
  let patientId: string;
  const now = new Date();

  beforeAll(async () => {
    t = await startTestApp();
    const dr = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'] });
    ({ patientId, caseId } = await openTestCase(t, dr, now));
  });
  afterAll(() => t.stop());

  /** One operation that needs exactly this permission. */
  const probes: Record<Action, () => [string, Record<string, unknown>]> = {
    record: () => [operation('RecordOutcome'), { input: leftLegCase(caseId, patientId, now).outcome }],
    readSummaries: () => [`query($id: ID!) { case(id: $id) { id status } }`, { id: caseId }],
    searchPatients: () => [`query($mrn: String) { searchPatients(mrn: $mrn) { id } }`, { mrn: 'MRN-0001' }],
    readCompliance: () => [`query($id: ID!) { case(id: $id) { id compliance { complete } } }`, { id: caseId }],
    readCaseHistory: () => [operation('CaseHistory'), { caseId, first: 5 }],
    readAuditLog: () => [operation('AuditLog'), { first: 5 }],
    readAccessLog: () => [operation('AccessLog'), { first: 5 }],
  };

  for (const action of Object.keys(PERMISSIONS) as Action[]) {
    it(`${action}: allowed to ${PERMISSIONS[action].roles.join(', ')}; FORBIDDEN to the others`, async () => {
      const outcome: Record<string, string> = {};
      for (const role of ROLES) {
        const token = await t.token({ roles: [role], facilities: ['F1'] });
        const [query, variables] = probes[action]();
        const r = await t.gql(token, query, variables);
        outcome[role] = (r.errors ?? []).some((e) => e.extensions?.code === 'FORBIDDEN') ? 'forbidden' : r.errors ? 'error' : 'allowed';
      }
      const expected = Object.fromEntries(
        ROLES.map((role) => [role, (PERMISSIONS[action].roles as readonly string[]).includes(role) ? 'allowed' : 'forbidden']),
      );
      expect(outcome).toEqual(expected);
    });
  }
});
