/** Finding a patient by MRN or name: only in the caller's facilities, each patient found a logged read, not for VIEWER. */
import { Writable } from 'node:stream';
import pino from 'pino';
import { operation, patientInput } from '../support/case-steps';
import { startTestApp, type GqlResponse, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

type Found = { searchPatients: Array<{ id: string; facilityId: string; mrn: string; givenName: string; familyName: string }> };
type AccessLog = {
  accessLog: { edges: Array<{ node: { actor: { id: string }; patientId: string | null; operation: string } }> };
};

/** As the console sends it (console/src/operations/patients.graphql); schema/operations.graphql is the shared contract, unchanged. */
const SEARCH = `query SearchPatients($mrn: String, $name: String, $facilityId: ID, $first: Int) {
  searchPatients(mrn: $mrn, name: $name, facilityId: $facilityId, first: $first) { id facilityId mrn givenName familyName }
}`;

const codeOf = (response: GqlResponse<unknown>): string | undefined => response.errors?.[0]?.extensions?.code;

describe('patient search over HTTP', () => {
  let t: TestApp;
  let clinicianF1: string;
  let clinicianF2: string;
  const ids: Record<string, string> = {};
  // Everything the server logs, at every level and unredacted: a search term must never reach a log call.
  let logged = '';
  const logger = pino(
    { level: 'trace' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged += chunk.toString();
        done();
      },
    }),
  );

  async function register(token: string, key: string, input: Record<string, unknown>): Promise<void> {
    const r = await t.gql<{ registerPatient: { patient: { id: string } } }>(token, operation('RegisterPatient'), { input });
    expect(r.errors).toBeUndefined();
    ids[key] = r.data!.registerPatient.patient.id;
  }

  const search = (token: string | null, variables: Record<string, unknown>) => t.gql<Found>(token, SEARCH, variables);

  beforeAll(async () => {
    t = await startTestApp({ logger });
    clinicianF1 = await t.token({ sub: 'dr-1', roles: ['CLINICIAN'], facilities: ['F1'] });
    clinicianF2 = await t.token({ sub: 'dr-2', roles: ['CLINICIAN'], facilities: ['F2'] });
    await register(clinicianF1, 'ada', patientInput('F1'));
    await register(clinicianF1, 'adam', { ...patientInput('F1'), mrn: 'MRN-0002', givenName: 'Adam', familyName: 'Smith' });
    // The same MRN and name at another facility: a different patient, never shown to F1.
    await register(clinicianF2, 'adaF2', patientInput('F2'));
  });
  afterAll(() => t.stop());

  it('finds a patient of your facility by exact MRN, and not the same MRN at another facility', async () => {
    const r = await search(clinicianF1, { mrn: 'MRN-0001' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.searchPatients.map((p) => p.id)).toEqual([ids.ada]);
    expect((await search(clinicianF1, { mrn: 'MRN-000' })).data!.searchPatients).toEqual([]);
  });

  it('finds by the start of a name, in any case, given or family name first', async () => {
    const names = async (name: string) => (await search(clinicianF1, { name })).data!.searchPatients.map((p) => p.id);
    expect(await names('EXAMP')).toEqual([ids.ada]);
    expect(await names('ada')).toEqual([ids.ada, ids.adam]); // family name order: Example, Smith
    expect(await names('ada ex')).toEqual([ids.ada]);
    expect(await names('smith ad')).toEqual([ids.adam]);
    expect(await names('xample')).toEqual([]);
  });

  it('finds nothing of another facility, even when asked for it by name', async () => {
    expect((await search(clinicianF2, { name: 'smith' })).data!.searchPatients).toEqual([]);
    expect((await search(clinicianF2, { name: 'ada' })).data!.searchPatients.map((p) => p.id)).toEqual([ids.adaF2]);
    expect((await search(clinicianF1, { name: 'ada', facilityId: 'F2' })).data!.searchPatients).toEqual([]);
  });

  it('leaves an access record for each patient found', async () => {
    const officer = await t.token({ sub: 'co-1', roles: ['COMPLIANCE_OFFICER'], facilities: ['F1'] });
    expect((await search(officer, { name: 'ada' })).data!.searchPatients).toHaveLength(2);
    await t.app.services.accessLog.flush();
    const auditor = await t.token({ sub: 'aud-1', roles: ['AUDITOR'], facilities: ['F1'] });
    const log = await t.gql<AccessLog>(auditor, operation('AccessLog'), { filter: { actorId: 'co-1' }, first: 100 });
    expect(log.errors).toBeUndefined();
    const found = log.data!.accessLog.edges.map((e) => e.node).filter((e) => e.operation === 'searchPatients');
    expect(found.map((e) => e.patientId).sort()).toEqual([ids.ada, ids.adam].sort());
  });

  it('refuses a VIEWER and an anonymous caller', async () => {
    const viewer = await t.token({ roles: ['VIEWER'], facilities: ['F1'] });
    expect(codeOf(await search(viewer, { mrn: 'MRN-0001' }))).toBe('FORBIDDEN');
    expect(codeOf(await search(null, { mrn: 'MRN-0001' }))).toBe('UNAUTHENTICATED');
  });

  it('asks for exactly one of MRN and name, without repeating what was sent', async () => {
    for (const variables of [{}, { mrn: 'MRN-0001', name: 'Example' }, { name: 'E' }]) {
      const r = await search(clinicianF1, variables);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(r.errors)).not.toMatch(/MRN-0001|Example/);
    }
  });

  it('logs no search term, found or not, valid or not', () => {
    expect(logged.length).toBeGreaterThan(0); // the server did log (so the absence below means something)
    for (const term of ['MRN-0001', 'MRN-000', 'EXAMP', 'xample', 'smith ad', 'ada ex']) expect(logged).not.toContain(term);
  });
});
