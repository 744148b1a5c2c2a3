/**
 * docker-compose.yml and the Dockerfile, checked for what running them depends on (no Docker engine
 * here): pinned images, health checks gating start order, the API's environment as the API reads it,
 * durable volumes, a non-root production image.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config';

const root = path.resolve(__dirname, '../..');

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
  volumes?: (string | { source?: string; target?: string })[];
  ports?: (string | number)[];
  command?: string | string[];
}

interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as ComposeFile;
const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');

function environmentOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => [entry.split('=')[0] as string, entry.slice(entry.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

function service(name: string): Service {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

/** Named volumes mounted by a service: target path → volume name. */
function namedVolumes(s: Service): Map<string, string> {
  const mounts = new Map<string, string>();
  for (const volume of s.volumes ?? []) {
    const [source, target] = typeof volume === 'string' ? volume.split(':') : [volume.source, volume.target];
    if (source && target && !source.startsWith('.') && !source.startsWith('/')) mounts.set(target, source);
  }
  return mounts;
}

/** What `${NAME:?message}` / `${NAME:-default}` becomes when NAME is set to `value`. */
function interpolate(text: string, vars: Record<string, string>): string {
  return text.replace(/\$\{(\w+)(?::[?-][^}]*)?\}/g, (_m, name: string) => vars[name] ?? '');
}

describe('docker-compose.yml', () => {
  test('runs KurrentDB, MongoDB and the API', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'kurrentdb', 'mongodb']);
  });

  test.each(['kurrentdb', 'mongodb'])('%s uses an image pinned to an exact version', (name) => {
    const image = service(name).image ?? '';
    const tag = image.slice(image.lastIndexOf(':') + 1);
    expect(image).toContain(':');
    expect(tag).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('the API is built from the Dockerfile', () => {
    expect(service('api').build).toMatchObject({ context: '.', dockerfile: 'Dockerfile' });
  });

  test.each(['kurrentdb', 'mongodb', 'api'])('%s has a health check', (name) => {
    const check = service(name).healthcheck;
    expect(check?.disable).not.toBe(true);
    expect(check?.test).toBeDefined();
    expect([check?.test].flat().join(' ')).not.toMatch(/^NONE/);
  });

  test('MongoDB runs as a replica set that its health check initiates', () => {
    const mongo = service('mongodb');
    expect([mongo.command].flat().join(' ')).toMatch(/--replSet rs0/);
    expect([mongo.healthcheck?.test].flat().join(' ')).toMatch(/rs\.initiate/);
  });

  test('the API starts only once KurrentDB and MongoDB are healthy', () => {
    const dependsOn = service('api').depends_on;
    expect(Array.isArray(dependsOn)).toBe(false);
    expect(dependsOn).toEqual({
      kurrentdb: { condition: 'service_healthy' },
      mongodb: { condition: 'service_healthy' },
    });
  });

  test('the API environment sets every variable the API reads, the secret from the host environment', () => {
    const env = environmentOf(service('api'));
    for (const name of ['PORT', 'DATA_DIR', 'JWT_SECRET', 'EVENTSTORE_URL', 'MONGODB_URL', 'LOG_LEVEL']) {
      expect(env).toHaveProperty(name);
    }
    expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/);
  });

  test('the API configuration loads and points at the two services', () => {
    const secret = 'x'.repeat(40);
    const env = Object.fromEntries(
      Object.entries(environmentOf(service('api'))).map(([k, v]) => [k, interpolate(v, { JWT_SECRET: secret })]),
    );
    const config = loadConfig(env);

    expect(config.jwtSecret).toBe(secret);
    expect(new URL(config.eventStoreUrl ?? '').host).toBe('kurrentdb:2113');
    expect(new URL(config.eventStoreUrl ?? '').searchParams.get('tls')).toBe('false');
    expect(new URL(config.mongodbUrl ?? '').hostname).toBe('mongodb');
    expect(service('api').ports).toContain(`${config.port}:${config.port}`);
  });

  test('data lives in named volumes: the event log, the read models, the API data directory', () => {
    const declared = Object.keys(compose.volumes ?? {});
    const mounts = [
      namedVolumes(service('kurrentdb')).get('/var/lib/kurrentdb'),
      namedVolumes(service('mongodb')).get('/data/db'),
      namedVolumes(service('api')).get(environmentOf(service('api')).DATA_DIR ?? ''),
    ];
    for (const volume of mounts) {
      expect(volume).toBeDefined();
      expect(declared).toContain(volume);
    }
  });
});

describe('Dockerfile', () => {
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const last = stages[stages.length - 1] ?? '';

  test('builds in one stage with the dev dependencies and runs from another with production ones', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const build = stages[0] ?? '';
    expect(build).toMatch(/npm ci/);
    expect(build).toMatch(/npm run build/);
    expect(build).toMatch(/npm prune --omit=dev/);
    expect(last).toMatch(/COPY --from=build \/app\/node_modules/);
  });

  test('pins its base image', () => {
    const base = /^ARG NODE_IMAGE=(\S+)$/m.exec(dockerfile)?.[1] ?? '';
    expect(base).toMatch(/^node:\d+\.\d+\.\d+-/);
  });

  test('runs the compiled server as a non-root user', () => {
    expect(last).toMatch(/^USER node$/m);
    // with the GC setting `npm start` uses (README, "Start-up and memory")
    expect(last).toMatch(/^CMD \["node", "--max-semi-space-size=64", "dist\/src\/main\.js"\]$/m);
  });
});
