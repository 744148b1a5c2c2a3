/**
 * An auditor replays, time-travels and verifies a full case over HTTP, on a SQLite file that the test
 * then tampers with; every read of patient data shows up in the access log, attributed.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { createSqliteEventStore } from '../../src/eventstore/sqlite';
import { leftLegCase, operation, patientInput } from '../support/case-steps';
import { makeTempDir } from '../support/sqlite-temp';
import { startTestApp, type GqlResponse, type TestApp } from '../support/test-app';

interface HistoryNode {
  id: string;
  type: string;
  revision: number;
  position: string;
  recordedAt: string;
  occurredAt: string;
  actor: { id: string; name: string; role: string };
  commandId: string;
  correlationId: string;
  data: Record<string, unknown>;
  prevHash: string | null;
  hash: string;
}
type History = {
  caseHistory: { edges: Array<{ cursor: string; node: HistoryNode }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
};
type Snapshot = {
  caseAsOf: {
    id: string;
    status: string;
    revision: number;
    harvest: { eventId: string } | null;
    injections: unknown[];
    compliance: { complete: boolean; findings: Array<{ rule: string; severity: string }> };
  } | null;
};
type Integrity = {
  verifyCaseIntegrity: { valid: boolean; eventCount: number; firstInvalidRevision: number | null; reason: string | null };
};
type AccessLog = {
  accessLog: {
    edges: Array<{
      node: { actor: { id: string; role: string }; patientId: string | null; caseId: string | null; operation: string; accessedAt: string };
    }>;
    pageInfo: { hasNextPage: boolean };
  };
};

const PART11 = `query Part11($caseId: ID!) {
  caseHistory(caseId: $caseId) { edges { node { type data
    signature { signerName signedAt meaning }
    amendment { targetEventId reason recordedAt previous changes actor { id name } } } } }
}`;

const codeOf = (response: GqlResponse<unknown>): string | undefined => response.errors?.[0]?.extensions?.code;

describe('auditing a case over HTTP', () => {
  const temp = makeTempDir('celltrail-audit-e2e');
  const file = temp.file();
  let t: TestApp;
  let now = Date.now();
  const tick = (): void => void (now += 60_000);
  let clinician: string;
  let auditor: string;
  let caseId: string;
  let patientId: string;
  const recordedAfter: Record<string, string> = {};
  let complianceBeforeHarvest: unknown;

  beforeAll(async () => {
    t = await startTestApp({ store: createSqliteEventStore({ path: file }), clock: () => new Date(now) });
    clinician = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'], sub: 'dr-1', name: 'Dr One' });
    auditor = await t.token({ roles: ['AUDITOR'], facilities: ['F1'], sub: 'aud-1', name: 'Ann Auditor' });

    const registered = await t.gql<{ registerPatient: { patient: { id: string } } }>(clinician, operation('RegisterPatient'), {
      input: patientInput('F1'),
    });
    patientId = registered.data!.registerPatient.patient.id;
    caseId = randomUUID();
    const steps = leftLegCase(caseId, patientId, new Date(now));
    const record = async (name: string, input: object): Promise<void> => {
      tick();
      const result = await t.gql(clinician, operation(name), { input });
      expect(result.errors).toBeUndefined();
      recordedAfter[name] = new Date(now).toISOString();
    };
    await record('OpenCase', steps.open);
    await record('RecordDopplerAssessment', steps.doppler);
    await record('RecordAngiography', steps.angiography);
    const before = await t.gql<{ case: { compliance: unknown } }>(clinician, operation('CaseSummary'), { id: caseId });
    complianceBeforeHarvest = before.data!.case.compliance;
    await record('RecordHarvest', steps.harvest);
    await record('RecordCellConcentration', steps.concentration);
    await record('RecordInjection', steps.injection);
    await record('RecordOutcome', steps.outcome);
    const harvest = await t.gql<{ case: { harvest: { eventId: string } } }>(clinician, operation('CaseSummary'), { id: caseId });
    await record('AmendEntry', {
      caseId,
      targetEventId: harvest.data!.case.harvest.eventId,
      reason: 'volume misread from the syringe',
      changes: { aspirateVolumeMl: 200 },
    });
    await record('SignProcedure', { caseId, meaning: 'AUTHORSHIP' });
    await record('CloseCase', { caseId, reason: 'COMPLETED' });
  });

  afterAll(async () => {
    await t.stop();
    temp.remove();
  });

  it('lists every event of the case in order, with the actor and both times, page by page', async () => {
    const nodes: HistoryNode[] = [];
    let after: string | null = null;
    do {
      const page: GqlResponse<History> = await t.gql<History>(auditor, operation('CaseHistory'), { caseId, first: 4, after });
      expect(page.errors).toBeUndefined();
      nodes.push(...page.data!.caseHistory.edges.map((e) => e.node));
      after = page.data!.caseHistory.pageInfo.hasNextPage ? page.data!.caseHistory.pageInfo.endCursor : null;
    } while (after !== null);

    expect(nodes.map((n) => n.type)).toEqual([
      'CaseOpened',
      'DopplerAssessmentRecorded',
      'AngiographyRecorded',
      'HarvestPerformed',
      'CellsConcentrated',
      'InjectionGiven',
      'OutcomeMeasured',
      'EntryAmended',
      'ProcedureSigned',
      'CaseClosed',
    ]);
    expect(nodes.map((n) => n.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const [i, node] of nodes.entries()) {
      expect(node.actor).toEqual({ id: 'dr-1', name: 'Dr One', role: 'CLINICIAN' });
      expect(Date.parse(node.recordedAt)).not.toBeNaN();
      expect(Date.parse(node.occurredAt)).not.toBeNaN();
      expect(node.prevHash).toBe(i === 0 ? null : nodes[i - 1]!.hash);
    }
    // recording time and clinical time are kept apart: the harvest happened ten days before it was recorded
    const harvest = nodes[3]!;
    expect(Date.parse(harvest.recordedAt) - Date.parse(harvest.occurredAt)).toBeGreaterThan(9 * 24 * 3600_000);
  });

  it('shows signatures and amendments as Part 11 expects, the original values still readable', async () => {
    const response = await t.gql<{
      caseHistory: {
        edges: Array<{
          node: {
            type: string;
            data: Record<string, unknown>;
            signature: Record<string, unknown> | null;
            amendment: Record<string, unknown> | null;
          };
        }>;
      };
    }>(auditor, PART11, { caseId });
    expect(response.errors).toBeUndefined();
    const byType = new Map(response.data!.caseHistory.edges.map((e) => [e.node.type, e.node]));
    expect(byType.get('HarvestPerformed')!.data.aspirateVolumeMl).toBe(240);
    expect(byType.get('EntryAmended')!.amendment).toMatchObject({
      reason: 'volume misread from the syringe',
      previous: { aspirateVolumeMl: 240 },
      changes: { aspirateVolumeMl: 200 },
      actor: { id: 'dr-1', name: 'Dr One' },
    });
    expect(byType.get('ProcedureSigned')!.signature).toMatchObject({
      signerName: 'Dr One',
      meaning: 'AUTHORSHIP',
      signedAt: expect.any(String),
    });
    expect(byType.get('CaseOpened')!.signature).toBeNull();
    expect(byType.get('CaseOpened')!.amendment).toBeNull();
  });

  it('shows the case and its compliance as they stood before the harvest, and the original value before the amendment', async () => {
    const before = await t.gql<Snapshot>(auditor, operation('CaseAsOf'), { caseId, at: recordedAfter.RecordAngiography });
    expect(before.errors).toBeUndefined();
    const snapshot = before.data!.caseAsOf!;
    expect(snapshot).toMatchObject({ id: caseId, status: 'OPEN', revision: 2, harvest: null, injections: [] });
    expect(snapshot.compliance.complete).toBe(false);
    expect(snapshot.compliance.findings).toContainEqual({ rule: 'HAR-01', severity: 'BLOCKING' });
    // exactly what the live case answered at that moment
    const then = complianceBeforeHarvest as { complete: boolean; findings: Array<{ rule: string; severity: string }> };
    expect(snapshot.compliance.findings).toEqual(then.findings.map(({ rule, severity }) => ({ rule, severity })));

    const query = 'query($caseId: ID!, $at: DateTime!) { caseAsOf(caseId: $caseId, at: $at) { revision harvest { aspirateVolumeMl } } }';
    const unamended = await t.gql<{ caseAsOf: { revision: number; harvest: { aspirateVolumeMl: number } } }>(auditor, query, {
      caseId,
      at: recordedAfter.RecordOutcome,
    });
    expect(unamended.data!.caseAsOf).toEqual({ revision: 6, harvest: { aspirateVolumeMl: 240 } });
    const amended = await t.gql<{ caseAsOf: { revision: number; harvest: { aspirateVolumeMl: number } } }>(auditor, query, {
      caseId,
      at: recordedAfter.AmendEntry,
    });
    expect(amended.data!.caseAsOf).toEqual({ revision: 7, harvest: { aspirateVolumeMl: 200 } });

    const beforeOpening = await t.gql<Snapshot>(auditor, operation('CaseAsOf'), {
      caseId,
      at: new Date(Date.parse(recordedAfter.OpenCase!) - 60_000).toISOString(),
    });
    expect(beforeOpening.data!.caseAsOf).toBeNull();
  });

  it('lists the whole store in the audit log, filtered and paged by position', async () => {
    const harvests = await t.gql<{ auditLog: { edges: Array<{ node: { type: string; stream: string; actor: { id: string } } }> } }>(
      auditor,
      operation('AuditLog'),
      { filter: { types: ['HarvestPerformed'] } },
    );
    expect(harvests.errors).toBeUndefined();
    expect(harvests.data!.auditLog.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ type: 'HarvestPerformed', stream: `case-${caseId}`, actor: { id: 'dr-1', role: 'CLINICIAN' } }),
    ]);

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: GqlResponse<{
        auditLog: { edges: Array<{ node: { type: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      }> = await t.gql(auditor, operation('AuditLog'), { filter: { actorId: 'dr-1', streamPrefix: 'case-' }, first: 3, after });
      seen.push(...page.data!.auditLog.edges.map((e) => e.node.type));
      after = page.data!.auditLog.pageInfo.hasNextPage ? page.data!.auditLog.pageInfo.endCursor : null;
    } while (after !== null);
    expect(seen).toHaveLength(10);
    expect(seen[0]).toBe('CaseOpened');
  });

  it('verifies the chain, then reports the exact revision after the SQLite file is tampered with', async () => {
    const intact = await t.gql<Integrity>(auditor, operation('VerifyCaseIntegrity'), { caseId });
    expect(intact.data!.verifyCaseIntegrity).toEqual({ valid: true, eventCount: 10, firstInvalidRevision: null, reason: null });

    const db = new Database(file);
    db.prepare(`UPDATE events SET data = json_set(data, '$.aspirateVolumeMl', 120) WHERE stream = ? AND revision = 3`).run(
      `case-${caseId}`,
    );
    db.close();

    const tampered = await t.gql<Integrity>(auditor, operation('VerifyCaseIntegrity'), { caseId });
    expect(tampered.data!.verifyCaseIntegrity).toEqual({ valid: false, eventCount: 10, firstInvalidRevision: 3, reason: 'hash mismatch' });
  });

  it('keeps readers to their roles and facilities', async () => {
    const elsewhere = await t.token({ roles: ['CLINICIAN'], facilities: ['F2'], sub: 'dr-2' });
    const viewer = await t.token({ roles: ['VIEWER'], facilities: ['F1'] });
    expect(codeOf(await t.gql(clinician, operation('AuditLog'), {}))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(clinician, operation('AccessLog'), {}))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(viewer, operation('CaseHistory'), { caseId }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(auditor, operation('RegisterPatient'), { input: patientInput('F1') }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(auditor, operation('SignProcedure'), { input: { caseId, meaning: 'REVIEW' } }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(elsewhere, operation('CaseHistory'), { caseId }))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(elsewhere, operation('VerifyCaseIntegrity'), { caseId }))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(auditor, operation('CaseHistory'), { caseId: randomUUID() }))).toBe('NOT_FOUND');
    const hidden = await t.gql<Snapshot>(elsewhere, operation('CaseAsOf'), { caseId, at: new Date(now).toISOString() });
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data!.caseAsOf).toBeNull();
    // a clinician of the case's facility may replay it
    expect((await t.gql<History>(clinician, operation('CaseHistory'), { caseId, first: 1 })).data!.caseHistory.edges).toHaveLength(1);
  });

  it('shows the reads made in this test in the access log, attributed, and logs reading it', async () => {
    await t.app.services.accessLog.flush();
    const read = await t.gql<AccessLog>(auditor, operation('AccessLog'), { filter: { caseId }, first: 100 });
    expect(read.errors).toBeUndefined();
    const entries = read.data!.accessLog.edges.map((e) => e.node);
    const auditorReads = entries.filter((e) => e.actor.id === 'aud-1');
    expect(new Set(auditorReads.map((e) => e.operation))).toEqual(
      new Set(['caseHistory', 'caseAsOf', 'auditLog', 'verifyCaseIntegrity', 'amendment']),
    );
    expect(auditorReads.every((e) => e.actor.role === 'AUDITOR' && e.caseId === caseId)).toBe(true);
    expect(auditorReads.find((e) => e.operation === 'caseHistory')!.patientId).toBe(patientId);
    expect(entries.filter((e) => e.actor.id === 'dr-1').map((e) => e.operation)).toContain('case');
    expect(entries.filter((e) => e.actor.id === 'dr-2').map((e) => e.operation)).toEqual(
      expect.arrayContaining(['caseHistory', 'caseAsOf']),
    );
    expect(entries.every((e) => Object.keys(e).sort().join() === 'accessedAt,actor,caseId,operation,patientId')).toBe(true);

    await t.app.services.accessLog.flush();
    const ownReads = await t.gql<AccessLog>(auditor, operation('AccessLog'), {
      filter: { actorId: 'aud-1', from: new Date(now).toISOString() },
    });
    expect(ownReads.data!.accessLog.edges.map((e) => e.node)).toContainEqual(expect.objectContaining({ operation: 'accessLog', caseId }));
  });
});
