/**
 * docker-compose.yml as Compose v2 itself reads it: loaded by compose-go (the loader of `docker
 * compose`, built from tools/compose-check) into the resolved model, then held to what a hospital
 * needs before patient data goes on it: stores that authenticate and encrypt, nothing but the
 * proxy's HTTPS port beyond loopback, secrets only from files, pinned images the README lists, and
 * the secret files deploy/setup.sh writes wired to what each service reads.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { deployTool } from '../support/deploy-tools';

const root = path.resolve(__dirname, '../..');
const composeCheck = deployTool('compose-check');
const describeCompose = composeCheck.runs ? describe : describe.skip;

interface Port {
  host_ip?: string;
  target: number;
  published?: string;
}
interface Mount {
  type: string;
  source?: string;
  target: string;
  read_only?: boolean;
}
interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  entrypoint?: string[] | null;
  command?: string[] | null;
  environment?: Record<string, string | null>;
  ports?: Port[];
  secrets?: { source: string; target: string }[];
  volumes?: Mount[];
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  networks?: Record<string, unknown>;
  network_mode?: string;
  profiles?: string[];
}
interface Project {
  services: Record<string, Service>;
  secrets?: Record<string, { file?: string; environment?: string }>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, unknown>;
}

function load(options: { env?: Record<string, string>; profiles?: string[] } = {}): Project {
  const args = [
    ...Object.entries(options.env ?? {}).flatMap(([name, value]) => ['-env', `${name}=${value}`]),
    ...(options.profiles ?? []).flatMap((profile) => ['-profile', profile]),
    'docker-compose.yml',
  ];
  const result = composeCheck.run(args);
  if (result.status !== 0) throw new Error(`compose-go rejected docker-compose.yml:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Project;
}

const environmentOf = (service: Service): Record<string, string> =>
  Object.fromEntries(Object.entries(service.environment ?? {}).map(([name, value]) => [name, value ?? '']));

/** Everything a service's process is started with: entrypoint, command, environment, health check. */
const startupText = (service: Service): string =>
  [...(service.entrypoint ?? []), ...(service.command ?? []), ...(service.healthcheck?.test ?? [])].join(' ');

/** The container paths of the files a service gets: its secrets and its mounts. */
function mountedPaths(service: Service): string[] {
  return [...(service.secrets ?? []).map((s) => s.target), ...(service.volumes ?? []).map((v) => v.target)];
}

/** Which host file ends up at `containerPath` in `service` (a secret, or inside a bind mount). */
function hostFileFor(project: Project, service: Service, containerPath: string): string | null {
  const secret = (service.secrets ?? []).find((s) => s.target === containerPath);
  if (secret) return project.secrets?.[secret.source]?.file ?? null;
  for (const volume of service.volumes ?? []) {
    if (volume.type === 'bind' && volume.source && containerPath.startsWith(`${volume.target}/`)) {
      return path.join(volume.source, containerPath.slice(volume.target.length + 1));
    }
  }
  return null;
}

describeCompose(`docker-compose.yml, as compose-go (Compose v2) loads it${composeCheck.reason}`, () => {
  let project: Project;
  let withSetup: Project;
  const service = (name: string): Service => {
    const found = withSetup.services[name];
    if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
    return found;
  };

  beforeAll(() => {
    project = load();
    withSetup = load({ profiles: ['setup'] });
  });

  test('runs KurrentDB, MongoDB, the API and the proxy; the certificate generator only on request', () => {
    expect(Object.keys(project.services).sort()).toEqual(['api', 'kurrentdb', 'mongodb', 'proxy']);
    expect(Object.keys(withSetup.services).sort()).toEqual(['api', 'certs', 'kurrentdb', 'mongodb', 'proxy']);
    expect(service('certs').network_mode).toBe('none');
  });

  test("no port but the proxy's HTTPS port binds beyond loopback; the API publishes none", () => {
    const exposed: string[] = [];
    for (const [name, s] of Object.entries(withSetup.services)) {
      for (const port of s.ports ?? []) {
        if (!['127.0.0.1', '::1'].includes(port.host_ip ?? '')) exposed.push(`${name}:${port.target}`);
      }
    }
    expect(exposed).toEqual(['proxy:443']);
    expect(service('api').ports ?? []).toEqual([]);
  });

  test('KurrentDB runs in secure mode: its certificate, the CA it trusts, authentication on, checked over verified TLS', () => {
    const kurrentdb = service('kurrentdb');
    const env = environmentOf(kurrentdb);
    expect(Object.keys(env).filter((name) => /INSECURE|MEM_DB|DISABLE_HTTPS|ALLOW_ANONYMOUS/.test(name))).toEqual([]);
    for (const name of ['KURRENTDB_CERTIFICATE_FILE', 'KURRENTDB_CERTIFICATE_PRIVATE_KEY_FILE']) {
      expect(mountedPaths(kurrentdb)).toContain(env[name]);
    }
    const trusted = env.KURRENTDB_TRUSTED_ROOT_CERTIFICATES_PATH ?? '';
    expect(hostFileFor(withSetup, kurrentdb, `${trusted}/ca.crt`)).toMatch(/secrets\/tls\/ca\/ca\.crt$/);
    // the default admin and ops passwords come from secret files, read at start
    expect(startupText(kurrentdb)).toMatch(/KURRENTDB_DEFAULT_ADMIN_PASSWORD="\$\(cat \/run\/secrets\/kurrentdb-admin-password\)"/);
    expect(startupText(kurrentdb)).toMatch(/KURRENTDB_DEFAULT_OPS_PASSWORD="\$\(cat \/run\/secrets\/kurrentdb-ops-password\)"/);
    expect((kurrentdb.entrypoint ?? []).join(' ')).toMatch(/&& exec \/opt\/kurrentdb\/KurrentDB$/); // the image's own entrypoint
    const health = (kurrentdb.healthcheck?.test ?? []).join(' ');
    expect(health).toMatch(/https:\/\/localhost:2113\/health\/live/);
    expect(health).toMatch(/--cacert/);
    expect(health).not.toMatch(/--insecure|-k\b|http:\/\//);
  });

  test('MongoDB requires authentication (users and a replica-set key file) and TLS for every connection', () => {
    const mongodb = service('mongodb');
    const args = mongodb.command ?? [];
    const value = (flag: string) => args[args.indexOf(flag) + 1];
    expect(args).toEqual(expect.arrayContaining(['--auth', '--keyFile', '--replSet', '--tlsCertificateKeyFile', '--tlsCAFile']));
    expect(value('--tlsMode')).toBe('requireTLS');
    expect(args).not.toContain('--noauth');
    expect(args.join(' ')).not.toMatch(/tlsAllowInvalid|sslMode|tlsDisabledProtocols/);
    // the key file is copied owner-only before mongod starts (mongod refuses one others can read)
    expect(startupText(mongodb)).toMatch(
      new RegExp(`install -o mongodb -g mongodb -m 0400 /run/secrets/mongodb-keyfile ${value('--keyFile')}`),
    );
    expect(mountedPaths(mongodb)).toEqual(expect.arrayContaining([value('--tlsCertificateKeyFile'), value('--tlsCAFile')]));
    const env = environmentOf(mongodb);
    expect(env.MONGO_INITDB_ROOT_PASSWORD).toBeUndefined();
    expect(mountedPaths(mongodb)).toContain(env.MONGO_INITDB_ROOT_PASSWORD_FILE);
    const health = (mongodb.healthcheck?.test ?? []).join(' ');
    expect(health).toMatch(/--tls --tlsCAFile \/run\/secrets\/ca\.crt/);
    expect(health).toMatch(/--password "\$\(cat \/run\/secrets\/mongodb-root-password\)"/);
    expect(health).toMatch(/rs\.initiate/);
  });

  test("the API's MongoDB user may read and write its own database and nothing else", () => {
    const mongodb = service('mongodb');
    const initScript = (mongodb.volumes ?? []).find((v) => v.target.startsWith('/docker-entrypoint-initdb.d/'));
    expect(initScript?.read_only).toBe(true);
    // Run the script as mongosh would, against a recording stand-in for the database.
    const created: { database: string; user: unknown }[] = [];
    const read: string[] = [];
    const db = { getSiblingDB: (database: string) => ({ createUser: (user: unknown) => created.push({ database, user }) }) };
    const fakeRequire = (name: string) => {
      expect(name).toBe('fs');
      return { readFileSync: (file: string) => (read.push(file), 'app-password\n') };
    };
    new Function('db', 'require', fs.readFileSync(path.resolve(root, initScript?.source ?? ''), 'utf8'))(db, fakeRequire);

    const database = environmentOf(mongodb).MONGO_INITDB_DATABASE;
    expect(created).toEqual([{ database, user: { user: 'celltrail', pwd: 'app-password', roles: [{ role: 'readWrite', db: database }] } }]);
    expect(read).toEqual(['/run/secrets/mongodb-app-password']);
    expect(mountedPaths(mongodb)).toContain(read[0]);
  });

  test('the setup scripts parse', () => {
    for (const script of ['deploy/setup.sh', 'deploy/certs/generate.sh', '.ci/deploy-tools.sh']) {
      const checked = spawnSync('bash', ['-n', script], { cwd: root, encoding: 'utf8' });
      expect([script, checked.status, checked.stderr]).toEqual([script, 0, '']);
    }
    const certs = service('certs');
    expect(certs.entrypoint).toEqual(['/bin/bash', '/deploy/generate.sh']);
    expect((certs.volumes ?? []).find((v) => v.target === '/deploy/generate.sh')?.source).toMatch(/deploy\/certs\/generate\.sh$/);
  });

  test('no secret sits inline: secret-bearing variables name files the service mounts, and every secret is a file', () => {
    const inline: string[] = [];
    for (const [name, s] of Object.entries(withSetup.services)) {
      for (const [variable, value] of Object.entries(environmentOf(s))) {
        const secretName = /PASSWORD|SECRET|TOKEN|PRIVATE_KEY|SIGNING_KEY|CREDENTIAL|KEYFILE|(EVENTSTORE|MONGODB)_URL/.test(variable);
        if (secretName && !/_FILE$|_PATH$/.test(variable)) inline.push(`${name}.${variable}`);
        if (/_FILE$/.test(variable) && !mountedPaths(s).includes(value)) inline.push(`${name}.${variable} names an unmounted file`);
        if (/:\/\/[^/@\s]+:[^/@\s]+@/.test(value)) inline.push(`${name}.${variable} carries credentials`);
      }
    }
    expect(inline).toEqual([]);
    for (const [name, secret] of Object.entries(withSetup.secrets ?? {})) {
      expect([name, secret.file]).toEqual([name, expect.stringMatching(/secrets\//)]);
      expect(secret.environment).toBeUndefined();
    }
    expect(fs.readFileSync(path.join(root, '.gitignore'), 'utf8')).toMatch(/^secrets\/$/m);
    expect(fs.readFileSync(path.join(root, '.dockerignore'), 'utf8')).toMatch(/^secrets$/m);
  });

  test('tokens can come from a JWKS URL in the container, with no JWT secret', () => {
    const env = environmentOf(load({ env: { JWKS_URL: 'https://idp.example/jwks.json' } }).services.api as Service);
    expect(env.JWKS_URL).toBe('https://idp.example/jwks.json');
    const config = loadConfig({ ...env, JWT_SECRET_FILE: '', EVENTSTORE_URL_FILE: '', MONGODB_URL_FILE: '', EXPORT_SIGNING_KEY_FILE: '' });
    expect(config.jwksUrl).toBe('https://idp.example/jwks.json');
    expect(config.jwtSecret).toBeNull();
  });

  test('every image is pinned to an exact version, and the README version table lists exactly these', () => {
    const images = Object.values(withSetup.services)
      .filter((s) => !s.build)
      .map((s) => s.image ?? '');
    for (const image of images) expect(image).toMatch(/(:\d+\.\d+\.\d+[\w.-]*|@sha256:[0-9a-f]{64})$/);
    const dockerfileImages = [...fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8').matchAll(/^ARG NODE_\w*IMAGE=(\S+)$/gm)].map(
      (m) => m[1] ?? '',
    );
    for (const image of dockerfileImages) expect(image).toMatch(/^node:\d+\.\d+\.\d+-/);

    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = /^### Versions\n([\s\S]*?)(?=^#)/m.exec(readme)?.[1] ?? '';
    const rows = section.split('\n').filter((line) => line.startsWith('|'));
    const listed = rows.map((row) => /`([^`\s]+[:@][^`\s]+)`/.exec(row)?.[1]).filter((image): image is string => !!image);
    expect([...listed].sort()).toEqual([...images, ...dockerfileImages].sort());
    expect(section).toMatch(/checked on \d{4}-\d{2}-\d{2}/i);
  });

  test("the API's health check is the image's, which follows PORT, and the proxy forwards to that port", () => {
    const custom = load({ env: { CELLTRAIL_API_PORT: '5000' } });
    expect(custom.services.api?.healthcheck).toBeFalsy();
    expect(environmentOf(custom.services.api as Service).PORT).toBe('5000');
    expect(environmentOf(custom.services.proxy as Service).CELLTRAIL_API_PORT).toBe('5000');
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*process\.env\.PORT/m);
    // and the proxy forwards to CELLTRAIL_API_PORT: test/unit/caddyfile.test.ts
  });

  test('the proxy gets the certificate files its Caddyfile names, and publishes its metrics port on loopback only', () => {
    const proxy = service('proxy');
    const caddyfile = fs.readFileSync(path.join(root, 'deploy/caddy/Caddyfile'), 'utf8');
    const https = /^:443 \{\n([\s\S]*?)^\}/m.exec(caddyfile)?.[1] ?? '';
    const tls = /^\ttls (\S+) (\S+)/m.exec(https);
    expect(mountedPaths(proxy)).toEqual(expect.arrayContaining([tls?.[1], tls?.[2]]));
    // what Caddy makes of the rest of the Caddyfile: test/unit/caddyfile.test.ts
    expect(proxy.ports?.find((p) => p.target === 9464)?.host_ip).toBe('127.0.0.1');
    expect((proxy.volumes ?? []).find((v) => v.target === '/etc/caddy/Caddyfile')?.read_only).toBe(true);
  });

  test('start order: the API waits for healthy stores, the proxy for a healthy API; the proxy cannot reach the stores', () => {
    expect(service('api').depends_on).toMatchObject({
      kurrentdb: { condition: 'service_healthy' },
      mongodb: { condition: 'service_healthy' },
    });
    expect(service('proxy').depends_on).toMatchObject({ api: { condition: 'service_healthy' } });
    expect(Object.keys(service('proxy').networks ?? {})).toEqual(['edge']);
    for (const store of ['kurrentdb', 'mongodb']) expect(Object.keys(service(store).networks ?? {})).toEqual(['stores']);
  });

  test('data lives in named volumes, and every declared volume is used', () => {
    const named = (s: Service) => (s.volumes ?? []).filter((v) => v.type === 'volume');
    expect(named(service('kurrentdb')).map((v) => v.target)).toContain('/var/lib/kurrentdb');
    expect(named(service('mongodb')).map((v) => v.target)).toContain('/data/db');
    const used = new Set(Object.values(withSetup.services).flatMap((s) => named(s).map((v) => v.source)));
    expect(Object.keys(withSetup.volumes ?? {}).filter((volume) => !used.has(volume))).toEqual([]);
  });

  describe('with the secret files deploy/setup.sh writes', () => {
    let dir: string;

    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-setup-'));
      const result = spawnSync('bash', ['deploy/setup.sh', '--secrets-only'], {
        cwd: root,
        env: { ...process.env, CELLTRAIL_SECRETS_DIR: dir },
        encoding: 'utf8',
      });
      if (result.status !== 0) throw new Error(`deploy/setup.sh failed:\n${result.stderr}`);
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    test('the API configuration loads from the files alone and reaches both stores with credentials over verified TLS', () => {
      const loaded = load({ env: { CELLTRAIL_SECRETS_DIR: dir } });
      const api = loaded.services.api as Service;
      const env = environmentOf(api);
      for (const [variable, value] of Object.entries(env)) {
        if (variable.endsWith('_FILE')) env[variable] = hostFileFor(loaded, api, value) ?? `${value} (not mounted)`;
      }
      const config = loadConfig(env);

      expect(config.jwtSecret).toBe(fs.readFileSync(path.join(dir, 'jwt-secret'), 'utf8').trim());
      const eventStore = new URL(config.eventStoreUrl ?? '');
      expect(eventStore.host).toBe('kurrentdb:2113');
      expect(eventStore.username).toBe('admin');
      expect(eventStore.password).toBe(fs.readFileSync(path.join(dir, 'kurrentdb-admin-password'), 'utf8').trim());
      expect(eventStore.searchParams.get('tls')).toBe('true');
      expect(eventStore.searchParams.get('tlsVerifyCert')).not.toBe('false');
      expect(mountedPaths(api)).toContain(eventStore.searchParams.get('tlsCAFile'));

      const mongodb = new URL(config.mongodbUrl ?? '');
      expect(mongodb.hostname).toBe('mongodb');
      expect([mongodb.username, mongodb.pathname, mongodb.searchParams.get('authSource')]).toEqual([
        'celltrail',
        '/celltrail',
        'celltrail',
      ]);
      expect(mongodb.password).toBe(fs.readFileSync(path.join(dir, 'mongodb-app-password'), 'utf8').trim());
      expect(mongodb.searchParams.get('tls')).toBe('true');
      expect(mountedPaths(api)).toContain(mongodb.searchParams.get('tlsCAFile'));
      expect(mongodb.searchParams.get('replicaSet')).toBe('rs0');
    });

    test('the stores get the passwords the API uses, from the same files', () => {
      const loaded = load({ env: { CELLTRAIL_SECRETS_DIR: dir } });
      const kurrentdb = loaded.services.kurrentdb as Service;
      const mongodb = loaded.services.mongodb as Service;
      expect(hostFileFor(loaded, kurrentdb, '/run/secrets/kurrentdb-admin-password')).toBe(path.join(dir, 'kurrentdb-admin-password'));
      expect(hostFileFor(loaded, mongodb, '/run/secrets/mongodb-app-password')).toBe(path.join(dir, 'mongodb-app-password'));
      const keyfile = fs.readFileSync(path.join(dir, 'mongodb-keyfile'), 'utf8').replace(/\s/g, '');
      expect(keyfile).toMatch(/^[A-Za-z0-9+/=]{1000,1024}$/); // MongoDB: 6 to 1024 base64 characters
      expect(fs.readFileSync(path.join(dir, 'export-signing-key.pem'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    });

    test('running it again keeps every secret', () => {
      const before = Object.fromEntries(
        fs.readdirSync(dir).map((f) => [f, fs.statSync(path.join(dir, f)).isFile() ? fs.readFileSync(path.join(dir, f), 'utf8') : '']),
      );
      const again = spawnSync('bash', ['deploy/setup.sh', '--secrets-only'], {
        cwd: root,
        env: { ...process.env, CELLTRAIL_SECRETS_DIR: dir },
        encoding: 'utf8',
      });
      expect(again.status).toBe(0);
      const after = Object.fromEntries(
        fs.readdirSync(dir).map((f) => [f, fs.statSync(path.join(dir, f)).isFile() ? fs.readFileSync(path.join(dir, f), 'utf8') : '']),
      );
      expect(after).toEqual(before);
    });
  });

  test('compose-go rejects what Compose v2 rejects (so its acceptance above means something)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-compose-'));
    try {
      const file = path.join(dir, 'docker-compose.yml');
      fs.writeFileSync(file, 'services:\n  api:\n    image: x:1.0.0\n    ports: ["4000:4000"]\n    healthcheck: { interval: often }\n');
      const result = composeCheck.run([file]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/interval/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
