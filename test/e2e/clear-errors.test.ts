/**
 * Filters with a closed set of values refuse an unknown one (BAD_USER_INPUT naming the field and where
 * the allowed values are listed, never the value sent) instead of answering an empty list; input
 * validation errors carry `locations`.
 */
import { operation, patientInput } from '../support/case-steps';
import { startTestApp, type TestApp } from '../support/test-app';

describe('clear errors for unknown filter values and bad input', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.stop());

  it('refuses an unknown compliance rule in the cases filter, naming filter.rule and the README list', async () => {
    const officer = await t.token({ roles: ['COMPLIANCE_OFFICER'], facilities: ['F1'] });
    const sent = 'XYZ-99';
    const answer = await t.gql(officer, operation('Cases'), { filter: { rule: sent }, first: 5 });
    expect(answer.data).toBeNull();
    const [error] = answer.errors ?? [];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.fields).toEqual([{ path: 'filter.rule', constraints: [expect.stringContaining('Compliance rules')] }]);
    expect(error).toHaveProperty('locations');
    expect(JSON.stringify(answer.errors)).not.toContain(sent);

    const known = await t.gql(officer, operation('Cases'), { filter: { rule: 'PRE-03' }, first: 5 });
    expect(known.errors).toBeUndefined();
  });

  it('refuses an unknown event type in the audit-log filter', async () => {
    const auditor = await t.token({ roles: ['AUDITOR'], facilities: ['F1'] });
    const sent = 'HarvestPerfomed';
    const answer = await t.gql(auditor, operation('AuditLog'), { filter: { types: ['HarvestPerformed', sent] }, first: 5 });
    const [error] = answer.errors ?? [];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.fields?.[0]?.path).toBe('filter.types');
    expect(JSON.stringify(answer.errors)).not.toContain(sent);
  });

  it('gives a mutation input error its field path and the location of the field in the document', async () => {
    const clinician = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'] });
    const answer = await t.gql(clinician, operation('RegisterPatient'), { input: { ...patientInput('F1'), mrn: '' } });
    const [error] = answer.errors ?? [];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.fields?.[0]?.path).toBe('input.mrn');
    expect((error as { locations?: Array<{ line: number; column: number }> }).locations?.[0]).toEqual({
      line: expect.any(Number),
      column: expect.any(Number),
    });
  });
});
