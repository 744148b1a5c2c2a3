/**
 * autocannon against a GraphQL endpoint: POST bodies made per request, responses checked for GraphQL
 * errors (Apollo answers them with HTTP 200, so autocannon's non-2xx count alone would miss them).
 */
import autocannon from 'autocannon';
import { round } from './output';

export interface LoadOptions {
  /** Base URL; requests go to `${url}/graphql`. */
  url: string;
  connections: number;
  durationS: number;
  headers?: Record<string, string>;
  /** The JSON body of the next request (called once per request). */
  nextBody: () => string;
  /** Counts a response as an error beyond a GraphQL `errors` entry (e.g. `"case":null`). */
  isBadBody?: (body: string) => boolean;
}

export interface LoadResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses with GraphQL errors (or failing `isBadBody`), plus connection errors and timeouts. */
  errors: number;
  non2xx: number;
  requests: number;
  latencyAvgMs: number;
  p90Ms: number;
  p999Ms: number;
  maxMs: number;
  timeouts: number;
  /** Error codes seen in GraphQL errors, with counts. */
  errorCodes: Record<string, number>;
}

const CODE = /"code":"([A-Z_]+)"/;
const RULE = /"rule":"([A-Z_]+)"/;

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let badBodies = 0;
  const errorCodes: Record<string, number> = {};
  const result = await autocannon({
    url: `${options.url}/graphql`,
    connections: options.connections,
    duration: options.durationS,
    // Requests the server has not answered when time is up are not counted: no skew from a slow tail.
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', ...options.headers },
        setupRequest: (request) => ({ ...request, body: options.nextBody() }),
        onResponse: (status, body) => {
          if (status !== 200) return;
          const graphqlError = body.includes('"errors":');
          if (graphqlError || options.isBadBody?.(body)) {
            badBodies++;
            const code = graphqlError
              ? `${CODE.exec(body)?.[1] ?? 'UNKNOWN'}${RULE.test(body) ? `:${RULE.exec(body)?.[1]}` : ''}`
              : 'BAD_BODY';
            errorCodes[code] = (errorCodes[code] ?? 0) + 1;
          }
        },
      },
    ],
  });
  return {
    requestsPerSec: round(result.requests.average, 0),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: badBodies + result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
    latencyAvgMs: round(result.latency.average, 2),
    p90Ms: result.latency.p90,
    p999Ms: result.latency.p99_9,
    maxMs: result.latency.max,
    timeouts: result.timeouts,
    errorCodes,
  };
}
