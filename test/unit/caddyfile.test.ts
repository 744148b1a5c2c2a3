/**
 * deploy/caddy/Caddyfile as Caddy itself reads it: adapted to Caddy's JSON configuration by Caddy's
 * own Caddyfile adapter (tools/caddy-adapt, the proxy image's version), then held to what the proxy
 * is for: TLS with certificates from the mounted files, /metrics never on the HTTPS port, the API
 * reached on the port it listens on.
 */
import path from 'node:path';
import { deployTool } from '../support/deploy-tools';

const caddy = deployTool('caddy-adapt');
const describeCaddy = caddy.runs ? describe : describe.skip;
const CADDYFILE = path.join('deploy', 'caddy', 'Caddyfile');

interface Route {
  match?: { path?: string[] }[];
  handle: Handler[];
}
interface Handler {
  handler: string;
  status_code?: number;
  upstreams?: { dial: string }[];
  routes?: Route[];
}
interface Server {
  listen: string[];
  routes: Route[];
  tls_connection_policies?: { protocol_min?: string; certificate_selection?: { any_tag?: string[] } }[];
  automatic_https?: { disable?: boolean };
}
interface CaddyConfig {
  admin?: { disabled?: boolean };
  apps: {
    http: { servers: Record<string, Server> };
    tls?: { certificates?: { load_files?: { certificate: string; key: string; tags?: string[] }[] }; automation?: unknown };
  };
}

function adapt(apiPort = '4000'): CaddyConfig {
  const result = caddy.run(['-env', `CELLTRAIL_API_PORT=${apiPort}`, CADDYFILE]);
  if (result.status !== 0) throw new Error(`Caddy rejected the Caddyfile:\n${result.stderr}`);
  return JSON.parse(result.stdout) as CaddyConfig;
}

const serverOn = (config: CaddyConfig, listen: string): Server => {
  const found = Object.values(config.apps.http.servers).find((s) => s.listen.includes(listen));
  if (!found) throw new Error(`no server listens on ${listen}`);
  return found;
};

/** Where a request for `requestPath` ends up: the first route whose path matcher (if any) accepts it. */
function handlerFor(routes: Route[], requestPath: string): Handler | undefined {
  for (const route of routes) {
    const paths = route.match?.flatMap((m) => m.path ?? []);
    const matches = !paths || paths.some((p) => (p.endsWith('*') ? requestPath.startsWith(p.slice(0, -1)) : requestPath === p));
    if (!matches) continue;
    const terminal = route.handle.find((h) => h.handler !== 'headers');
    if (!terminal) continue; // header-only routes fall through to the next
    return terminal.handler === 'subroute' ? handlerFor(terminal.routes ?? [], requestPath) : terminal;
  }
  return undefined;
}

describeCaddy(`deploy/caddy/Caddyfile, as Caddy adapts it${caddy.reason}`, () => {
  test('serves HTTPS on 443 with the certificate from the mounted secret files, TLS 1.2 or later, and nothing automatic', () => {
    const config = adapt();
    const https = serverOn(config, ':443');
    const files = config.apps.tls?.certificates?.load_files ?? [];
    expect(files).toEqual([{ certificate: '/run/secrets/proxy-tls-cert', key: '/run/secrets/proxy-tls-key', tags: [expect.any(String)] }]);
    expect(https.tls_connection_policies).toEqual([
      expect.objectContaining({ protocol_min: 'tls1.2', certificate_selection: { any_tag: files[0]?.tags } }),
    ]);
    expect(https.automatic_https?.disable).toBe(true); // no ACME, no redirect listener on port 80
    expect(config.apps.tls?.automation).toBeUndefined();
    expect(config.admin?.disabled).toBe(true);
    expect(
      Object.values(config.apps.http.servers)
        .flatMap((s) => s.listen)
        .sort(),
    ).toEqual([':443', ':9464']);
  });

  test('proxies everything but /metrics to the API on HTTPS; /metrics only on the metrics port', () => {
    const config = adapt();
    const https = serverOn(config, ':443').routes;
    expect(handlerFor(https, '/graphql')).toMatchObject({ handler: 'reverse_proxy', upstreams: [{ dial: 'api:4000' }] });
    expect(handlerFor(https, '/health')).toMatchObject({ handler: 'reverse_proxy' });
    expect(handlerFor(https, '/metrics')).toEqual({ handler: 'static_response', status_code: 404 });
    expect(handlerFor(https, '/metrics/anything')).toEqual({ handler: 'static_response', status_code: 404 });

    const metrics = serverOn(config, ':9464');
    expect(metrics.tls_connection_policies).toBeUndefined();
    expect(handlerFor(metrics.routes, '/metrics')).toMatchObject({ handler: 'reverse_proxy', upstreams: [{ dial: 'api:4000' }] });
    expect(handlerFor(metrics.routes, '/graphql')).toEqual({ handler: 'static_response', status_code: 404 });
  });

  test('forwards to the port the API listens on (CELLTRAIL_API_PORT, as docker-compose.yml passes it)', () => {
    const config = adapt('5000');
    expect(handlerFor(serverOn(config, ':443').routes, '/graphql')?.upstreams).toEqual([{ dial: 'api:5000' }]);
    expect(handlerFor(serverOn(config, ':9464').routes, '/metrics')?.upstreams).toEqual([{ dial: 'api:5000' }]);
  });
});
