/**
 * CORS: off by default; with CORS_ORIGINS, a listed origin's preflight is answered (204, the allowed
 * headers) and its requests carry Access-Control-Allow-Origin; any other origin gets no CORS header.
 */
import http from 'node:http';
import { operation } from '../support/case-steps';
import { startTestApp, type TestApp } from '../support/test-app';

const FRONT_END = 'https://front.example';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** node:http, because fetch may not send an Origin header of the caller's choosing. */
function request(url: string, method: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/graphql`, { method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.once('error', reject);
    req.end(body);
  });
}

const preflight = (url: string, origin: string) =>
  request(url, 'OPTIONS', {
    origin,
    'access-control-request-method': 'POST',
    'access-control-request-headers': 'authorization,content-type,x-correlation-id,traceparent',
  });

const corsHeaders = (answer: Answer) => Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'));

describe('CORS with an allow-list', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ env: { CORS_ORIGINS: `${FRONT_END}, http://localhost:5173` } })));
  afterAll(() => t.stop());

  it('answers a listed origin’s preflight with 204 and the headers a front end sends', async () => {
    const answer = await preflight(t.url, FRONT_END);
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(FRONT_END);
    const allowed = String(answer.headers['access-control-allow-headers']).toLowerCase().split(',');
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'x-correlation-id', 'traceparent']));
    expect(String(answer.headers['access-control-allow-methods'])).toContain('POST');
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('lets the listed origin read the answer to its request', async () => {
    const token = await t.token({ roles: ['VIEWER'], facilities: ['F1'] });
    const answer = await request(
      t.url,
      'POST',
      { origin: FRONT_END, 'content-type': 'application/json', authorization: `Bearer ${token}` },
      JSON.stringify({ query: operation('Cases'), variables: { first: 1 } }),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(FRONT_END);
    expect(JSON.parse(answer.body)).toHaveProperty('data');
  });

  it('gives an origin not listed no CORS header at all, on the preflight and on the request', async () => {
    for (const origin of ['https://evil.example', 'https://front.example.evil.example', 'http://front.example']) {
      const answer = await preflight(t.url, origin);
      expect(corsHeaders(answer)).toEqual([]);
    }
    const answer = await request(
      t.url,
      'POST',
      { origin: 'https://evil.example', 'content-type': 'application/json' },
      JSON.stringify({ query: '{ __typename }' }),
    );
    expect(corsHeaders(answer)).toEqual([]);
  });

  it('keeps Apollo’s CSRF prevention: a simple cross-origin POST without a preflight is refused', async () => {
    const answer = await request(
      t.url,
      'POST',
      { origin: FRONT_END, 'content-type': 'text/plain' },
      JSON.stringify({ query: '{ __typename }' }),
    );
    expect(answer.status).toBe(400);
  });
});

describe('CORS by default', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.stop());

  it('is off: no origin gets a CORS header', async () => {
    const answer = await preflight(t.url, FRONT_END);
    expect(answer.status).not.toBe(204);
    expect(corsHeaders(answer)).toEqual([]);
  });
});
