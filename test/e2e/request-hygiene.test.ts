/**
 * The findings of the PHI-API review, each as a user or an attacker meets it, in production mode:
 * command ids as idempotency keys, both transports under one pipeline, no value echoed, our own answer
 * to a broken body, bounded input, security headers, writers racing, failed access in the trail.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { signToken } from '../../src/graphql/auth/tokens';
import { leftLegCase, operation, patientInput } from '../support/case-steps';
import { openTestCase, startTestApp, TEST_SECRET, type TestApp } from '../support/test-app';
import { wsRequest, wsUrl } from '../support/ws-request';

jest.setTimeout(60_000);

const codes = (r: { errors?: Array<{ extensions?: { code?: unknown } }> }) => (r.errors ?? []).map((e) => e.extensions?.code);

describe('request hygiene in production mode', () => {
  let t: TestApp;
  let dr1: string;
  let caseId: string;
  let patientId: string;
  const now = new Date();

  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production' } });
    dr1 = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'], sub: 'dr-1' });
    ({ patientId, caseId } = await openTestCase(t, dr1, now));
  });
  afterAll(() => t.stop());

  describe('command ids', () => {
    it('a retry with the same id and payload answers the first result; another payload is IDEMPOTENCY_KEY_REUSED and writes nothing', async () => {
      const input = { ...leftLegCase(caseId, patientId, now).outcome, commandId: 'outcome-once' };
      const first = await t.gql<{ recordOutcome: { eventIds: string[]; revision: number } }>(dr1, operation('RecordOutcome'), { input });
      const again = await t.gql<{ recordOutcome: { eventIds: string[]; revision: number } }>(dr1, operation('RecordOutcome'), { input });
      expect(again.data!.recordOutcome).toEqual(first.data!.recordOutcome);
      const changed = await t.gql(dr1, operation('RecordOutcome'), { input: { ...input, restPainScore: 9 } });
      expect(codes(changed)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
      const history = await t.gql<{ caseHistory: { edges: unknown[] } }>(dr1, operation('CaseHistory'), { caseId, first: 100 });
      expect(history.data!.caseHistory.edges).toHaveLength(first.data!.recordOutcome.revision + 1);
    });

    it('eight writers racing on one case without expectedRevision all succeed', async () => {
      const input = leftLegCase(caseId, patientId, now).outcome;
      const results = await Promise.all(Array.from({ length: 8 }, () => t.gql(dr1, operation('RecordOutcome'), { input })));
      expect(results.map(codes)).toEqual(Array.from({ length: 8 }, () => []));
    });
  });

  describe('input', () => {
    it('refuses a birth date in the future, field-addressed, without the value', async () => {
      const r = await t.gql(dr1, operation('RegisterPatient'), { input: { ...patientInput('F1'), birthDate: '2099-03-04' } });
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0]!.extensions!.fields!.map((f) => f.path)).toEqual(['input.birthDate']);
      expect(JSON.stringify(r)).not.toContain('2099-03-04');
    });

    it('refuses amendment changes nested 2,000 levels deep as BAD_USER_INPUT', async () => {
      let changes: Record<string, unknown> = { leaf: 1 };
      for (let i = 0; i < 2000; i++) changes = { nested: changes };
      const r = await t.gql(dr1, operation('AmendEntry'), { input: { caseId, targetEventId: randomUUID(), reason: 'deep', changes } });
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0]!.extensions!.fields!.map((f) => f.path)).toEqual(['input.changes']);
    });

    it.each([
      ['a date-time typed into the query', (id: string) => `query { caseAsOf(caseId: "${id}", at: "Zenobia Quillfeather") { id } }`],
      ['an enum typed into the query', () => `mutation { closeCase(input: { caseId: "${randomUUID()}", reason: ZENOBIA }) { revision } }`],
      ['a number typed into the query', () => `query { cases(first: "Quillfeather") { totalCount } }`],
      ['a syntax error at a value', () => `query { case(id: Zenobia Quillfeather) { id } }`],
    ])('never echoes %s', async (_what, query) => {
      const r = await t.gql(dr1, query(caseId));
      expect(r.errors?.length).toBeGreaterThan(0);
      const text = JSON.stringify(r);
      expect(text).not.toMatch(/Zenobia|ZENOBIA|Quillfeather/);
      expect(text).not.toContain('Did you mean');
    });

    it('answers a malformed JSON body with its own JSON error, quoting nothing of the body', async () => {
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${dr1}` },
        body: '{"query": "mutation { x }", "variables": {"givenName": "Zenobia", "mrn": "MRN-1234',
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
      });
    });

    it('sends standard security headers', async () => {
      const response = await fetch(`${t.url}/health`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    });
  });

  describe('the WebSocket transport, under the same pipeline', () => {
    it('refuses a connection without a valid token (4403), introspection included', async () => {
      const introspection = '{ __schema { types { name } } }';
      expect(await wsRequest(t.url, null, introspection)).toMatchObject({ closed: { code: 4403 } });
      expect(await wsRequest(t.url, 'not-a-token', introspection)).toMatchObject({ closed: { code: 4403 } });
    });

    it('refuses introspection, hints and echoed values for an authenticated connection in production', async () => {
      const introspection = await wsRequest(t.url, dr1, '{ __schema { types { name } } }');
      expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
      const hint = await wsRequest(t.url, dr1, '{ cas(id: "x") { id } }');
      expect(JSON.stringify(hint)).not.toContain('Did you mean');
      const echoed = await wsRequest(t.url, dr1, `query { caseAsOf(caseId: "${caseId}", at: "Zenobia") { id } }`);
      expect(JSON.stringify(echoed)).not.toContain('Zenobia');
      const costly = await wsRequest(
        t.url,
        dr1,
        `query { ${Array.from({ length: 15 }, (_, i) => `a${i}: caseAsOf(caseId: "${caseId}", at: "2026-01-01T00:00:00Z") { id }`).join(' ')} }`,
      );
      expect(costly.errors?.[0]?.message).toMatch(/costs too much/);
    });

    it('closes a connection that sends a message larger than the request limit', async () => {
      const socket = new WebSocket(wsUrl(t.url), 'graphql-transport-ws');
      await new Promise((resolve) => socket.once('open', resolve));
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      socket.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(2 * 1024 * 1024) } }));
      expect(await closed).toBe(1009);
    });

    it('delivers caseUpdated with an access record per delivery, and ends the subscription when the token expires', async () => {
      const expiresIn = 4;
      const token = await signToken(TEST_SECRET, {
        sub: 'watcher',
        name: 'Watcher',
        roles: ['CLINICIAN'],
        facilities: ['F1'],
        expiresIn: `${expiresIn}s`,
      });
      const received: unknown[] = [];
      let onClosed: (code: number) => void = () => undefined;
      // The subscription and the connection both end at expiry, in either order: wait for each.
      const closedWith = new Promise<number>((resolve) => (onClosed = resolve));
      const client = createClient({
        url: wsUrl(t.url),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        // Not lazy: the client must not close the connection itself once the subscription has ended.
        lazy: false,
        onNonLazyError: () => undefined,
        connectionParams: { authorization: `Bearer ${token}` },
        on: { closed: (event) => onClosed((event as { code: number }).code) },
      });
      const done = new Promise<void>((resolve) => {
        client.subscribe(
          { query: `subscription { caseUpdated(caseId: "${caseId}") { id revision } }` },
          { next: (value) => received.push(value), error: () => resolve(), complete: () => resolve() },
        );
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await t.gql(dr1, operation('RecordOutcome'), { input: leftLegCase(caseId, patientId, now).outcome });
      await done;
      expect(received.length).toBeGreaterThanOrEqual(1);
      expect(await closedWith).toBe(4401);
      const auditor = await t.token({ roles: ['AUDITOR'], facilities: ['F1'] });
      const log = await t.gql<{ accessLog: { edges: Array<{ node: { operation: string; actor: { id: string } } }> } }>(
        auditor,
        operation('AccessLog'),
        { filter: { caseId, actorId: 'watcher' }, first: 100 },
      );
      expect(log.data!.accessLog.edges.filter((e) => e.node.operation === 'caseUpdated').length).toBe(received.length);
      await client.dispose();
    });
  });

  describe('failed access in the trail', () => {
    it('records a refused and an expired token and a refused role as security events an auditor of the facility can query, and counts them', async () => {
      const expired = await signToken(TEST_SECRET, {
        sub: 'dr-late',
        name: 'Dr Late',
        roles: ['CLINICIAN'],
        facilities: ['F1'],
        expiresIn: '-1m',
      });
      const viewer = await t.token({ roles: ['VIEWER'], facilities: ['F1'], sub: 'viewer-1' });
      expect(codes(await t.gql(expired, operation('CaseSummary'), { id: caseId }))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql('garbage.token.value', operation('CaseSummary'), { id: caseId }))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(viewer, operation('AuditLog'), { first: 1 }))).toContain('FORBIDDEN');
      await new Promise((resolve) => setTimeout(resolve, 300)); // security events are written after the refusal is answered
      const auditor = await t.token({ roles: ['AUDITOR'], facilities: ['F1'] });
      const seen = await t.gql<{ auditLog: { edges: Array<{ node: { actor: { id: string }; data: Record<string, unknown> } }> } }>(
        auditor,
        `query { auditLog(filter: { types: ["SecurityEventRecorded"] }, first: 100) { edges { node { actor { id } data } } } }`,
      );
      const events: Array<Record<string, unknown>> = seen.data!.auditLog.edges.map((e) => ({ actor: e.node.actor.id, ...e.node.data }));
      expect(events).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ actor: 'dr-late', kind: 'AUTHENTICATION_FAILED', reason: 'TOKEN_EXPIRED' }),
          expect.objectContaining({ actor: 'viewer-1', kind: 'ACCESS_DENIED', action: 'auditLog' }),
        ]),
      );
      // A forged or malformed token names no facility: it is an administrator's to see, not F1's auditors'.
      expect(events.some((e) => e.reason === 'MALFORMED_TOKEN')).toBe(false);
      const metrics = await (await fetch(`${t.url}/metrics`)).text();
      expect(metrics).toMatch(/celltrail_security_events_total\{kind="AUTHENTICATION_FAILED",reason="MALFORMED_TOKEN"\} [1-9]/);
      expect(metrics).toMatch(/celltrail_security_events_total\{kind="ACCESS_DENIED",reason="ROLE"\} [1-9]/);
    });
  });
});
