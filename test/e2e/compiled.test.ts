/**
 * The compiled program as the Docker image runs it: `node dist/src/main.js` with every secret from a
 * file (JWT_SECRET_FILE, EXPORT_SIGNING_KEY_FILE; no secret in the environment), and the operating
 * commands run from dist/ as `docker compose exec api node dist/src/cli/… ` runs them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signToken } from '../../src/graphql/auth/tokens';
import { operation, patientInput } from '../support/case-steps';

const ROOT = path.resolve(__dirname, '../..');

describe('the compiled server and CLIs, secrets from files only', () => {
  let dir: string;
  let env: Record<string, string>;
  let server: ChildProcess;
  let url: string;
  let secret: string;

  const node = (script: string, args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, script), ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  const gql = async (token: string, query: string, variables: unknown) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as {
      data?: Record<string, { patient?: { id: string } }>;
      errors?: { extensions?: { code?: string } }[];
    };
  };

  beforeAll(async () => {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-if-stale.js')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr}`);

    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-compiled-'));
    secret = randomBytes(32).toString('hex');
    fs.writeFileSync(path.join(dir, 'jwt-secret'), `${secret}\n`, { mode: 0o600 });
    const { privateKey } = generateKeyPairSync('ed25519');
    fs.writeFileSync(path.join(dir, 'export-signing-key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    // Only what a container would have: no secret in the environment, none inherited from this shell.
    env = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: path.join(dir, 'data'),
      JWT_SECRET_FILE: path.join(dir, 'jwt-secret'),
      EXPORT_SIGNING_KEY_FILE: path.join(dir, 'export-signing-key.pem'),
      LOG_LEVEL: 'info',
    };

    server = spawn(process.execPath, [path.join(ROOT, 'dist/src/main.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
      server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      server.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      server.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${output}`));
      });
    });
  }, 360_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('accepts tokens signed with the secret from the file, refuses others, and keeps no secret of its own', async () => {
    const minted = node('dist/src/cli/token.js', ['--role', 'CLINICIAN', '--facility', 'F1', '--sub', 'dr-1']);
    expect(minted.status).toBe(0);
    const written = await gql(minted.stdout.trim(), operation('RegisterPatient'), { input: patientInput('F1') });
    expect(written.errors).toBeUndefined();
    expect(written.data?.registerPatient?.patient?.id).toEqual(expect.any(String));

    const forged = await signToken(randomBytes(32).toString('hex'), { sub: 'dr-1', name: 'x', roles: ['CLINICIAN'], facilities: ['F1'] });
    const refused = await gql(forged, operation('RegisterPatient'), { input: patientInput('F1') });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    expect(fs.existsSync(path.join(env.DATA_DIR!, 'jwt-secret'))).toBe(false);
  });

  it('refuses to start when a secret file is missing, naming the file and nothing else', () => {
    const started = spawnSync(process.execPath, [path.join(ROOT, 'dist/src/main.js')], {
      cwd: ROOT,
      env: { ...env, JWT_SECRET_FILE: path.join(dir, 'no-such-secret') },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(started.status).toBe(2);
    // one JSON log line, naming the variable and the file
    const lines = started.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as { msg: string; problems: string[] };
    expect(line.msg).toBe('failed to start');
    expect(line.problems).toContain(`JWT_SECRET_FILE: cannot read ${path.join(dir, 'no-such-secret')} (ENOENT)`);
  });

  it('runs verify and export from the compiled output against the server’s store', async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;

    const verified = node('dist/src/cli/verify.js', ['--all']);
    expect(verified.stderr).not.toMatch(/tsc|compil/i);
    expect(verified.status).toBe(0);
    const report = JSON.parse(verified.stdout) as { valid: boolean; eventCount: number };
    expect(report.valid).toBe(true);
    expect(report.eventCount).toBeGreaterThan(0);

    const exported = node('dist/src/cli/export.js', ['--all']);
    expect(exported.status).toBe(0);
    const lines = exported.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('answers `npm run -s token` from the compiled code, compiling nothing when nothing changed', () => {
    const result = spawnSync('npm', ['run', '-s', 'token', '--', '--role', 'VIEWER', '--facility', 'F1'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).not.toContain('compiling');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });
});
