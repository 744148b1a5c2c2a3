/** GraphQL over HTTP: the graphql-http conformance audit (no MUST may fail), and the limits on what one request may ask. */
import { auditServer } from 'graphql-http';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { MAX_ALIASES } from '../../src/graphql/common/max-aliases';
import { startTestApp, type TestApp } from '../support/test-app';

describe('GraphQL over HTTP conformance', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { GRAPHQL_INTROSPECTION: 'true' } });
  });
  afterAll(() => t.stop());

  it('passes every MUST of the graphql-http audit', async () => {
    const results = await auditServer({ url: `${t.url}/graphql`, fetchFn: fetch });
    const failedMusts = results
      .filter((r) => r.status === 'error')
      .map((r) => `${r.id} ${r.name}: ${'reason' in r ? String(r.reason) : ''}`);
    expect(failedMusts).toEqual([]);
    expect(results.filter((r) => r.status === 'ok').length).toBeGreaterThan(20);
  });

  it('marks every answer not to be stored by a browser or a proxy, and sends no entity tag of it', async () => {
    const token = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'] });
    for (const init of [
      { method: 'POST', body: JSON.stringify({ query: '{ cases(first: 1) { totalCount } }' }) },
      { method: 'GET', body: undefined },
    ]) {
      const url =
        init.method === 'GET' ? `${t.url}/graphql?query=${encodeURIComponent('{ cases(first: 1) { totalCount } }')}` : `${t.url}/graphql`;
      const response = await fetch(url, {
        method: init.method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
        body: init.body,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('etag')).toBeNull();
    }
  });

  it(`refuses an operation with more than ${MAX_ALIASES} aliases before reading anything, and answers one with ${MAX_ALIASES}`, async () => {
    const token = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'] });
    const reads = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `c${i}: case(id: "case-${i}") { id }`).join(' ')} }`;

    const refused = await t.gql(token, reads(MAX_ALIASES + 1));
    expect(refused.status).toBe(400);
    expect(refused.data).toBeUndefined();
    expect(refused.errors).toEqual([
      expect.objectContaining({
        message: `An operation may use at most ${MAX_ALIASES} aliases.`,
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
      }),
    ]);

    const answered = await t.gql<Record<string, null>>(token, reads(MAX_ALIASES));
    expect(answered.status).toBe(200);
    expect(Object.values(answered.data ?? {})).toEqual(Array(MAX_ALIASES).fill(null));
  });

  it(`holds subscriptions to the same alias limit`, async () => {
    const token = await t.token({ roles: ['CLINICIAN'], facilities: ['F1'] });
    const client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    const fields = Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `r${i}: revision`).join(' ');
    try {
      const outcome = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: `subscription { caseUpdated(caseId: "case-1") { ${fields} } }` },
          { next: () => resolve('accepted'), error: resolve, complete: () => resolve('completed') },
        );
      });
      expect(outcome).toEqual([expect.objectContaining({ message: `An operation may use at most ${MAX_ALIASES} aliases.` })]);
    } finally {
      await client.dispose();
    }
  });

  it('answers no introspection when it is switched off (the production default)', async () => {
    const closed = await startTestApp({ env: { GRAPHQL_INTROSPECTION: 'false' } });
    try {
      const token = await closed.token({ roles: ['CLINICIAN'], facilities: ['F1'] });
      const response = await closed.gql(token, '{ __schema { types { name } } }');
      expect(response.status).toBe(400);
      expect(response.data).toBeUndefined();
      expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await closed.stop();
    }
  });
});
