/** Over HTTP: bad input is field-addressed and writes nothing; retries are idempotent; stale revisions conflict; access is per facility. */
import { randomUUID } from 'node:crypto';
import { leftLegCase, operation, patientInput } from '../support/case-steps';
import { signToken } from '../../src/graphql/auth/tokens';
import { CASE_EVENT_TYPES } from '../../src/domain/events';
import { startTestApp, TEST_SECRET, type GqlResponse, type TestApp } from '../support/test-app';

describe('write rules over HTTP', () => {
  let t: TestApp;
  let clinician: string;
  let patientId: string;
  const caseId = randomUUID();
  let steps: ReturnType<typeof leftLegCase>;

  // The position of the last clinical event: answers are logged reads, access records that record no clinical fact.
  const headPosition = async () =>
    (await t.app.services.store.readAll({ filter: { types: [...CASE_EVENT_TYPES, 'PatientRegistered'] } })).at(-1)?.position ?? 0n;
  const send = (name: string, input: object, token = clinician) =>
    t.gql<Record<string, { revision: number; eventIds: string[]; case: { id: string; revision: number } | null }>>(token, operation(name), {
      input,
    });
  const codes = (r: GqlResponse<unknown>) => (r.errors ?? []).map((e) => e.extensions?.code);

  beforeAll(async () => {
    t = await startTestApp();
    clinician = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'], sub: 'dr-1' });
    const registered = await t.gql<{ registerPatient: { patient: { id: string } } }>(clinician, operation('RegisterPatient'), {
      input: patientInput('F1'),
    });
    patientId = registered.data!.registerPatient.patient.id;
    steps = leftLegCase(caseId, patientId, new Date());
    expect((await send('OpenCase', steps.open)).errors).toBeUndefined();
  });
  afterAll(() => t.stop());

  describe('input validation', () => {
    const cases: Array<[string, string, object, string]> = [
      ['a pressure above 300 mmHg', 'RecordDopplerAssessment', { dorsalisPedisMmHg: 301 }, 'input.dorsalisPedisMmHg'],
      ['a negative pressure', 'RecordDopplerAssessment', { brachialLeftMmHg: -1 }, 'input.brachialLeftMmHg'],
      ['an ABI above 2.00', 'RecordDopplerAssessment', { abi: 2.01 }, 'input.abi'],
      ['a concentrate not below the aspirate', 'RecordCellConcentration', { concentrateVolumeMl: 240 }, 'input.concentrateVolumeMl'],
      ['a zero aspirate volume', 'RecordHarvest', { aspirateVolumeMl: 0 }, 'input.aspirateVolumeMl'],
      ['a rest pain score above 10', 'RecordOutcome', { restPainScore: 11 }, 'input.restPainScore'],
      ['a Wagner grade above 5', 'RecordOutcome', { wagnerGrade: 6 }, 'input.wagnerGrade'],
      [
        'an angiography finding without a segment',
        'RecordAngiography',
        { findings: [{ segment: ' ', kind: 'STENOSIS' }] },
        'input.findings.0.segment',
      ],
      [
        'a severity above 100 %',
        'RecordAngiography',
        { findings: [{ segment: 'popliteal', kind: 'STENOSIS', severityPercent: 120 }] },
        'input.findings.0.severityPercent',
      ],
      ['zero injections', 'RecordInjection', { injectionCount: 0 }, 'input.injectionCount'],
    ];
    const base: Record<string, object> = {};
    beforeAll(() => {
      Object.assign(base, {
        RecordDopplerAssessment: steps.doppler,
        RecordCellConcentration: steps.concentration,
        RecordHarvest: steps.harvest,
        RecordOutcome: steps.outcome,
        RecordAngiography: steps.angiography,
        RecordInjection: steps.injection,
      });
    });

    it.each(cases)('rejects %s with BAD_USER_INPUT at its field, writing nothing', async (_what, name, change, path) => {
      const before = await headPosition();
      const result = await send(name, { ...base[name], ...change });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.extensions!.fields!.map((f) => f.path)).toContain(path);
      expect(await headPosition()).toBe(before);
    });

    it('rejects an unknown enum value and a malformed date without echoing the value back', async () => {
      const reg = await t.gql(clinician, operation('RegisterPatient'), { input: { ...patientInput('F1'), birthDate: '1948-13-45' } });
      expect(codes(reg)).toEqual(['BAD_USER_INPUT']);
      expect(JSON.stringify(reg.errors)).not.toContain('1948-13-45');
      expect(reg.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ path: 'input.birthDate' })]);
      const leg = await send('RecordInjection', { ...steps.injection, leg: 'MIDDLE_LEG_SECRET' });
      expect(codes(leg)).toEqual(['BAD_USER_INPUT']);
      expect(JSON.stringify(leg.errors)).not.toContain('MIDDLE_LEG_SECRET');
    });

    it("validates an amendment's changes as the target entry's input", async () => {
      const harvested = await send('RecordHarvest', steps.harvest);
      const target = harvested.data!.recordHarvest!.eventIds[0]!;
      const before = await headPosition();
      const bad = await send('AmendEntry', { caseId, targetEventId: target, reason: 'fix', changes: { aspirateVolumeMl: -5 } });
      expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
      expect(bad.errors![0]!.extensions!.fields!.map((f) => f.path)).toEqual(['input.changes.aspirateVolumeMl']);
      const unknown = await send('AmendEntry', { caseId, targetEventId: target, reason: 'fix', changes: { leg: 'LEFT' } });
      expect(unknown.errors![0]!.extensions!.fields!.map((f) => f.path)).toEqual(['input.changes.leg']);
      expect(await headPosition()).toBe(before);
    });
  });

  it('answers a domain invariant with DOMAIN_RULE_VIOLATION and its rule code, writing nothing', async () => {
    const before = await headPosition();
    const result = await send('RecordInjection', { ...steps.injection, leg: 'RIGHT' });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'DOMAIN_RULE_VIOLATION', rule: 'LEG_NOT_TREATED' });
    expect(await headPosition()).toBe(before);
  });

  it('records a retried command once and answers with the first result', async () => {
    const commandId = randomUUID();
    const first = await send('RecordDopplerAssessment', { ...steps.doppler, commandId });
    const before = await headPosition();
    const retry = await send('RecordDopplerAssessment', { ...steps.doppler, commandId });
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.recordDopplerAssessment!.eventIds).toEqual(first.data!.recordDopplerAssessment!.eventIds);
    expect(retry.data!.recordDopplerAssessment!.revision).toBe(first.data!.recordDopplerAssessment!.revision);
    expect(await headPosition()).toBe(before);
  });

  it('retries concurrent writes without a revision, and refuses a stale expectedRevision with the current one', async () => {
    const writes = await Promise.all(Array.from({ length: 8 }, () => send('RecordOutcome', steps.outcome)));
    expect(writes.map((w) => w.errors)).toEqual(Array(8).fill(undefined));
    const revisions = writes.map((w) => w.data!.recordOutcome!.revision).sort((a, b) => a - b);
    expect(new Set(revisions).size).toBe(8);
    const current = revisions[revisions.length - 1]!;
    const stale = await send('RecordOutcome', { ...steps.outcome, expectedRevision: current - 1 });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONCURRENCY_CONFLICT', currentRevision: current });
    const fresh = await send('RecordOutcome', { ...steps.outcome, expectedRevision: current });
    expect(fresh.data!.recordOutcome!.revision).toBe(current + 1);
  });

  describe('access', () => {
    it('needs a token', async () => {
      expect(codes(await send('RecordOutcome', steps.outcome, ''))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(null, operation('CaseSummary'), { id: caseId }))).toEqual(['UNAUTHENTICATED']);
    });

    it('rejects a token signed with another secret, or expired', async () => {
      const forged = await signToken('another-secret-another-secret-another', {
        sub: 'x',
        name: 'x',
        roles: ['CLINICIAN'],
        facilities: ['F1'],
      });
      expect(codes(await send('RecordOutcome', steps.outcome, forged))).toEqual(['UNAUTHENTICATED']);
      const expired = await signToken(TEST_SECRET, { sub: 'x', name: 'x', roles: ['CLINICIAN'], facilities: ['F1'], expiresIn: '-1m' });
      expect(codes(await send('RecordOutcome', steps.outcome, expired))).toEqual(['UNAUTHENTICATED']);
    });

    it('lets only clinicians write', async () => {
      for (const role of ['AUDITOR', 'COMPLIANCE_OFFICER', 'VIEWER', 'ADMIN'] as const) {
        const token = await t.token({ roles: [role], facilities: ['F1'] });
        expect(codes(await send('RecordOutcome', steps.outcome, token))).toEqual(['FORBIDDEN']);
      }
    });

    it('treats a case of another facility exactly like a case that does not exist', async () => {
      const other = await t.token({ roles: ['CLINICIAN'], facilities: ['F2'] });
      const before = await headPosition();
      const foreign = await send('RecordOutcome', steps.outcome, other);
      const missing = await send('RecordOutcome', { ...steps.outcome, caseId: randomUUID() }, other);
      expect(codes(foreign)).toEqual(['NOT_FOUND']);
      expect(foreign.errors![0]!.message).toBe(missing.errors![0]!.message);
      expect(await headPosition()).toBe(before);
      const read = await t.gql<{ case: unknown }>(other, operation('CaseSummary'), { id: caseId });
      expect(read.data!.case).toBeNull();
      const openForeign = await send('OpenCase', { ...steps.open, caseId: randomUUID() }, other);
      expect(codes(openForeign)).toEqual(['NOT_FOUND']);
      const registerForeign = await t.gql(other, operation('RegisterPatient'), { input: patientInput('F1') });
      expect(codes(registerForeign)).toEqual(['NOT_FOUND']);
    });
  });
});
