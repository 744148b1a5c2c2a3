/**
 * The authorization matrix: every operation of the client contract, over HTTP and over WebSocket, sent
 * about facility F1's patient and case by callers who may not see them — every role of facility F2, a
 * token of F2 and F3, a wrong role, an expired token, no token — and, for the mutations, replaying F1's
 * own command ids. No answer, error or log line may carry F1's data, and an answer about F1's case is
 * exactly the answer about a case that does not exist.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { Role } from '../../src/domain/values';
import { signToken } from '../../src/graphql/auth/tokens';
import { leftLegCase, operation } from '../support/case-steps';
import { startTestApp, TEST_SECRET, type TestApp } from '../support/test-app';
import { wsRequest } from '../support/ws-request';

jest.setTimeout(120_000);

/** F1's patient data: none of it may reach an outsider. */
const PATIENT = {
  facilityId: 'F1',
  mrn: 'MRN-F1-77319',
  givenName: 'Zenobia',
  familyName: 'Quillfeather',
  birthDate: '1941-02-03',
  sex: 'FEMALE',
};
const AMENDED_VOLUME = 237;
const AMEND_REASON = 'F1 transcription slip 4471';
const SECRETS = [
  PATIENT.mrn,
  PATIENT.givenName,
  PATIENT.familyName,
  PATIENT.birthDate,
  `aspirateVolumeMl":${AMENDED_VOLUME}`,
  AMEND_REASON,
];

const F1_COMMANDS = { register: 'f1-register', open: 'f1-open', outcome: 'f1-outcome', amend: 'f1-amend' };

type Ids = { caseId: string; patientId: string; targetEventId: string };
type Vars = (ids: Ids) => Record<string, unknown>;

/**
 * Paths to patient data beyond the shared contract (schema/operations.graphql is its copy): the FHIR
 * exports (schema/fhir-operations.graphql), the console's patient search and the audit log paged backwards.
 */
const EXTRA_OPERATIONS: Record<string, string> = {
  CaseFhirBundle: 'query CaseFhirBundle($caseId: ID!, $asOf: DateTime) { caseFhirBundle(caseId: $caseId, asOf: $asOf) }',
  CaseFhirAuditBundle: 'query CaseFhirAuditBundle($caseId: ID!) { caseFhirAuditBundle(caseId: $caseId) }',
  FindPatients:
    'query FindPatients($mrn: String, $name: String) { searchPatients(mrn: $mrn, name: $name) { id facilityId mrn givenName familyName birthDate } }',
  AuditLogNewest:
    'query AuditLogNewest($last: Int) { auditLog(last: $last) { edges { cursor node { id type stream revision recordedAt actor { id role } } } pageInfo { hasPreviousPage startCursor } } }',
};
const documentOf = (name: string): string => EXTRA_OPERATIONS[name] ?? operation(name);

/**
 * Every operation of schema/operations.graphql and EXTRA_OPERATIONS, with variables naming F1's patient/case
 * and F1's own command ids (a search names F1's MRN or name when asked about F1's ids, another one else).
 */
function operationsFor(now: Date, f1: Ids): Array<{ name: string; vars: Vars }> {
  const aboutF1 = (ids: Ids) => ids.patientId === f1.patientId;
  const steps = (caseId: string) => leftLegCase(caseId, '00000000-0000-4000-8000-000000000000', now);
  return [
    {
      name: 'RegisterPatient',
      vars: () => ({
        input: {
          facilityId: 'F2',
          mrn: 'F2-1',
          givenName: 'Probe',
          familyName: 'Person',
          birthDate: '1950-01-01',
          sex: 'MALE',
          commandId: F1_COMMANDS.register,
        },
      }),
    },
    {
      name: 'OpenCase',
      vars: ({ caseId, patientId }) => ({ input: { ...steps(caseId).open, caseId: undefined, patientId, commandId: F1_COMMANDS.open } }),
    },
    { name: 'RecordDopplerAssessment', vars: ({ caseId }) => ({ input: { ...steps(caseId).doppler, expectedRevision: 3 } }) },
    { name: 'RecordAngiography', vars: ({ caseId }) => ({ input: steps(caseId).angiography }) },
    { name: 'RecordHarvest', vars: ({ caseId }) => ({ input: steps(caseId).harvest }) },
    { name: 'RecordCellConcentration', vars: ({ caseId }) => ({ input: steps(caseId).concentration }) },
    { name: 'RecordInjection', vars: ({ caseId }) => ({ input: steps(caseId).injection }) },
    { name: 'RecordOutcome', vars: ({ caseId }) => ({ input: { ...steps(caseId).outcome, commandId: F1_COMMANDS.outcome } }) },
    {
      name: 'AmendEntry',
      vars: ({ caseId, targetEventId }) => ({
        input: { caseId, targetEventId, reason: 'probe', changes: { noSuchField: 1 }, commandId: F1_COMMANDS.amend },
      }),
    },
    { name: 'SignProcedure', vars: ({ caseId }) => ({ input: { caseId, meaning: 'AUTHORSHIP' } }) },
    { name: 'CloseCase', vars: ({ caseId }) => ({ input: { caseId, reason: 'COMPLETED', expectedRevision: 99 } }) },
    { name: 'CaseSummary', vars: ({ caseId }) => ({ id: caseId }) },
    { name: 'PatientSummary', vars: ({ patientId }) => ({ id: patientId }) },
    { name: 'Cases', vars: ({ patientId }) => ({ filter: { facilityId: 'F1', patientId }, first: 50 }) },
    { name: 'ComplianceReport', vars: () => ({ filter: { facilityId: 'F1' } }) },
    { name: 'CaseHistory', vars: ({ caseId }) => ({ caseId, first: 50 }) },
    { name: 'AuditLog', vars: () => ({ first: 100 }) },
    { name: 'CaseAsOf', vars: ({ caseId }) => ({ caseId, at: now.toISOString() }) },
    { name: 'VerifyCaseIntegrity', vars: ({ caseId }) => ({ caseId }) },
    { name: 'AccessLog', vars: ({ caseId }) => ({ filter: { caseId }, first: 100 }) },
    { name: 'CaseFhirBundle', vars: ({ caseId }) => ({ caseId }) },
    { name: 'CaseFhirAuditBundle', vars: ({ caseId }) => ({ caseId }) },
    { name: 'FindPatients', vars: (ids) => ({ mrn: aboutF1(ids) ? PATIENT.mrn : `MRN-${ids.patientId}` }) },
    { name: 'FindPatients', vars: (ids) => ({ name: aboutF1(ids) ? PATIENT.familyName : 'Nobodyknows' }) },
    { name: 'AuditLogNewest', vars: () => ({ last: 100 }) },
  ];
}

describe('authorization matrix: every operation, every transport, callers outside facility F1', () => {
  let t: TestApp;
  const logLines: string[] = [];
  const ids = { caseId: '', patientId: '', targetEventId: '' };
  const now = new Date();

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    t = await startTestApp({ logger: pino({ level: 'trace' }, sink) });
    const dr1 = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'], sub: 'dr-f1', name: 'Dr F1' });
    const registered = await t.gql<{ registerPatient: { patient: { id: string } } }>(dr1, operation('RegisterPatient'), {
      input: { ...PATIENT, commandId: F1_COMMANDS.register },
    });
    ids.patientId = registered.data!.registerPatient.patient.id;
    const steps = leftLegCase('', ids.patientId, now);
    const opened = await t.gql<{ openCase: { case: { id: string } } }>(dr1, operation('OpenCase'), {
      input: { ...steps.open, caseId: undefined, commandId: F1_COMMANDS.open },
    });
    ids.caseId = opened.data!.openCase.case.id;
    const s = leftLegCase(ids.caseId, ids.patientId, now);
    await t.gql(dr1, operation('RecordDopplerAssessment'), { input: s.doppler });
    await t.gql(dr1, operation('RecordAngiography'), { input: s.angiography });
    const harvest = await t.gql<{ recordHarvest: { eventIds: string[] } }>(dr1, operation('RecordHarvest'), { input: s.harvest });
    ids.targetEventId = harvest.data!.recordHarvest.eventIds[0]!;
    await t.gql(dr1, operation('RecordCellConcentration'), { input: s.concentration });
    await t.gql(dr1, operation('RecordInjection'), { input: s.injection });
    await t.gql(dr1, operation('RecordOutcome'), { input: { ...s.outcome, commandId: F1_COMMANDS.outcome } });
    const amended = await t.gql(dr1, operation('AmendEntry'), {
      input: {
        caseId: ids.caseId,
        targetEventId: ids.targetEventId,
        reason: AMEND_REASON,
        changes: { aspirateVolumeMl: AMENDED_VOLUME },
        commandId: F1_COMMANDS.amend,
      },
    });
    expect(amended.errors).toBeUndefined();
    // The setup itself is F1's: its data must be readable by F1 (the matrix below would pass vacuously otherwise).
    const own = await t.gql<{ case: { id: string } | null }>(dr1, operation('CaseSummary'), { id: ids.caseId });
    expect(own.data?.case?.id).toBe(ids.caseId);
  });
  afterAll(() => t.stop());

  const outsiders: Array<{ who: string; roles: Role[]; facilities: string[] }> = [
    { who: 'F2 clinician', roles: ['CLINICIAN'], facilities: ['F2'] },
    { who: 'F2 auditor', roles: ['AUDITOR'], facilities: ['F2'] },
    { who: 'F2 compliance officer', roles: ['COMPLIANCE_OFFICER'], facilities: ['F2'] },
    { who: 'F2 viewer', roles: ['VIEWER'], facilities: ['F2'] },
    { who: 'F2+F3 auditor and clinician', roles: ['AUDITOR', 'CLINICIAN'], facilities: ['F2', 'F3'] },
  ];

  /** The answer with the ids that differ between the two probes replaced, so the two can be compared. */
  const normalized = (answer: unknown, ...idsToHide: string[]): string => {
    let text = JSON.stringify(answer);
    for (const id of idsToHide) text = text.split(id).join('<id>');
    return text.replace(/"(eventIds|revision|accessedAt|cursor|endCursor)":("[^"]*"|\[[^\]]*\]|\d+)/g, '"$1":…');
  };

  async function ask(transport: 'http' | 'ws', token: string | null, name: string, variables: Record<string, unknown>) {
    if (transport === 'http') {
      const { data, errors } = await t.gql(token, documentOf(name), variables);
      return { data, errors };
    }
    return wsRequest(t.url, token, documentOf(name), variables);
  }

  for (const transport of ['http', 'ws'] as const) {
    describe(`over ${transport === 'http' ? 'HTTP' : 'WebSocket'}`, () => {
      for (const outsider of outsiders) {
        it(`${outsider.who}: no operation reveals F1's data, and F1's case answers exactly like a missing one`, async () => {
          const token = await t.token({ roles: outsider.roles, facilities: outsider.facilities, sub: `probe-${randomUUID()}` });
          for (const op of operationsFor(now, ids)) {
            const aboutF1 = await ask(transport, token, op.name, op.vars(ids));
            const text = JSON.stringify(aboutF1);
            for (const secret of SECRETS) expect({ op: op.name, leaked: text.includes(secret) }).toEqual({ op: op.name, leaked: false });
            // F1's own command ids replayed by an outsider never answer with F1's result.
            if (op.name === 'RegisterPatient' || op.name === 'OpenCase') {
              expect({ op: op.name, text: text.includes(ids.patientId) || text.includes(ids.caseId) }).toEqual({
                op: op.name,
                text: false,
              });
              continue;
            }
            // The global audit log names no case: it must simply hold none of F1's streams (it grows between two probes).
            if (op.name === 'AuditLog' || op.name === 'AuditLogNewest') {
              expect({ op: op.name, f1: text.includes(ids.caseId) || text.includes(ids.patientId) }).toEqual({ op: op.name, f1: false });
              continue;
            }
            const missing = { caseId: randomUUID(), patientId: randomUUID(), targetEventId: randomUUID() };
            const aboutNothing = await ask(transport, token, op.name, op.vars(missing));
            expect({ op: op.name, answer: normalized(aboutF1, ids.caseId, ids.patientId, ids.targetEventId) }).toEqual({
              op: op.name,
              answer: normalized(aboutNothing, missing.caseId, missing.patientId, missing.targetEventId),
            });
          }
        });
      }

      it('no token, an expired token, a forged token and a wrong role: refused, nothing of F1 in the answer', async () => {
        const expired = await signToken(TEST_SECRET, {
          sub: 'dr-f1',
          name: 'Dr F1',
          roles: ['CLINICIAN'],
          facilities: ['F1'],
          expiresIn: '-1m',
        });
        const forged = await signToken('another-secret-that-is-at-least-32-characters', {
          sub: 'dr-f1',
          name: 'Dr F1',
          roles: ['ADMIN'],
          facilities: ['F1'],
        });
        const viewer = await t.token({ roles: ['VIEWER'], facilities: ['F1'] });
        for (const op of operationsFor(now, ids)) {
          for (const token of [null, expired, forged]) {
            const answer = await ask(transport, token, op.name, op.vars(ids));
            const text = JSON.stringify(answer);
            for (const secret of [...SECRETS, ids.patientId])
              expect({ op: op.name, leaked: text.includes(secret) }).toEqual({ op: op.name, leaked: false });
            if (transport === 'ws') expect(answer).toMatchObject({ closed: { code: 4403 } });
            else expect((answer.errors ?? []).map((e) => e.extensions?.code)).toContain('UNAUTHENTICATED');
          }
          if (['AuditLog', 'AccessLog', 'RecordHarvest', 'CaseHistory'].includes(op.name)) {
            const answer = await ask(transport, viewer, op.name, op.vars(ids));
            expect((answer.errors ?? []).map((e) => e.extensions?.code)).toContain('FORBIDDEN');
            for (const secret of SECRETS) expect(JSON.stringify(answer).includes(secret)).toBe(false);
          }
        }
      });
    });
  }

  it("the whole run's log lines carry none of F1's patient data", () => {
    expect(logLines.length).toBeGreaterThan(0);
    const log = logLines.join('');
    for (const secret of [PATIENT.mrn, PATIENT.givenName, PATIENT.familyName, PATIENT.birthDate, AMEND_REASON]) {
      expect({ secret, inLog: log.includes(secret) }).toEqual({ secret, inLog: false });
    }
  });

  it('F1 itself still sees its case, history and access records (the matrix is not vacuous)', async () => {
    const auditor = await t.token({ roles: ['AUDITOR'], facilities: ['F1'] });
    const history = await t.gql<{ caseHistory: { edges: unknown[] } }>(auditor, operation('CaseHistory'), {
      caseId: ids.caseId,
      first: 50,
    });
    expect(history.data!.caseHistory.edges.length).toBeGreaterThan(5);
    const log = await t.gql<{ auditLog: { edges: Array<{ node: { stream: string } }> } }>(auditor, operation('AuditLog'), { first: 100 });
    expect(log.data!.auditLog.edges.some((e) => e.node.stream === `case-${ids.caseId}`)).toBe(true);
  });
});
