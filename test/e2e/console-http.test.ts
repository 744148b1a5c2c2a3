/**
 * The console's and GraphiQL's pages over HTTP: served with a CSP that allows this origin only, GraphiQL for a
 * browser's GET /graphql outside production and a plain refusal in production, and Apollo's CSRF prevention
 * unchanged for every other GET.
 */
import { ensureConsoleBuilt } from '../browser/support/console-build';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(300_000);

const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

function expectSelfOnlyCsp(response: Response): void {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https:|http:/);
}

describe('the console and GraphiQL over HTTP', () => {
  let t: TestApp;
  let production: TestApp;

  beforeAll(async () => {
    ensureConsoleBuilt();
    t = await startTestApp();
    production = await startTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(async () => {
    await t?.stop();
    await production?.stop();
  });

  it('serves the console at /console, and its client-side routes, with a self-only CSP and no inline script', async () => {
    for (const page of ['/console', '/console/', '/console/cases/abc/history']) {
      const response = await fetch(`${t.url}${page}`, { headers: BROWSER });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expectSelfOnlyCsp(response);
      const html = await response.text();
      expect(html).toContain('<div id="root">');
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // every script is a file
      expect(html).not.toMatch(/https?:\/\//); // nothing from another origin
    }
  });

  it("serves the console's scripts from this server", async () => {
    const html = await (await fetch(`${t.url}/console`)).text();
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const response = await fetch(`${t.url}${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${t.url}/console/assets/missing.js`)).status).toBe(404);
  });

  it('serves GraphiQL to a browser opening /graphql outside production', async () => {
    const response = await fetch(`${t.url}/graphql`, { headers: BROWSER });
    expect(response.status).toBe(200);
    expectSelfOnlyCsp(response);
    const html = await response.text();
    expect(html).toContain('<div id="graphiql">');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('refuses GraphiQL in production, plainly', async () => {
    const response = await fetch(`${production.url}/graphql`, { headers: BROWSER });
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/not served in production/);
    expect((await fetch(`${production.url}/console/graphiql.html`, { headers: BROWSER })).status).toBe(404);
    expect((await fetch(`${production.url}/console/worklist`, { headers: BROWSER })).status).toBe(200); // the console is
  });

  it("keeps Apollo's CSRF prevention for GET queries, from a browser too", async () => {
    const response = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: BROWSER });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|preflight/i);
    const json = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(json.status).toBe(200);
  });
});
