/** The GraphQL-over-HTTP conformance audit (graphql-http) against the running server: no MUST may fail. */
import { auditServer } from 'graphql-http';
import { startTestApp, type TestApp } from '../support/test-app';

describe('GraphQL over HTTP conformance', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { GRAPHQL_INTROSPECTION: 'true' } });
  });
  afterAll(() => t.stop());

  it('passes every MUST of the graphql-http audit', async () => {
    const results = await auditServer({ url: `${t.url}/graphql`, fetchFn: fetch });
    const failedMusts = results.filter((r) => r.status === 'error').map((r) => `${r.id} ${r.name}: ${"reason" in r ? String(r.reason) : ""}`);
    expect(failedMusts).toEqual([]);
    expect(results.filter((r) => r.status === 'ok').length).toBeGreaterThan(20);
  });
});
