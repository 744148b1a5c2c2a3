/** The token CLI signs with the server's secret, found by the server's configuration, and never makes one of its own. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runToken } from '../../../src/cli/token';
import { createTokenVerifier, localSecret } from '../../../src/graphql/auth/tokens';

function run(argv: string[], env: Record<string, string | undefined>) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env };
  return runToken(argv, io).then((code) => ({ code, stdout, stderr }));
}

describe('npm run token', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-token-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("signs with the server's generated secret in DATA_DIR, naming the file it used", async () => {
    const serverSecret = localSecret(dir); // what the server does on its first start
    const result = await run(['--role', 'AUDITOR', '--facility', 'F1', '--sub', 'a-1'], { DATA_DIR: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`secret from ${path.join(dir, 'jwt-secret')}`);
    expect(result.stderr).not.toContain(serverSecret);
    const user = await createTokenVerifier({ secret: serverSecret })(result.stdout.trim());
    expect(user).toMatchObject({ id: 'a-1', roles: ['AUDITOR'], facilities: ['F1'] });
  });

  it('refuses, with exit 3, where the server has no secret, and creates none', async () => {
    const elsewhere = path.join(dir, 'not-the-servers');
    const result = await run(['--role', 'CLINICIAN'], { DATA_DIR: elsewhere });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(path.join(elsewhere, 'jwt-secret'));
    expect(fs.existsSync(path.join(elsewhere, 'jwt-secret'))).toBe(false);
  });

  it('names JWT_SECRET_FILE and its path, never the secret', async () => {
    const secret = 's'.repeat(40);
    const file = path.join(dir, 'jwt-secret-file');
    fs.writeFileSync(file, `${secret}\n`);
    const result = await run([], { DATA_DIR: dir, JWT_SECRET_FILE: file });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`JWT_SECRET_FILE (${file})`);
    expect(result.stderr).not.toContain(secret);
    await expect(createTokenVerifier({ secret })(result.stdout.trim())).resolves.toMatchObject({ id: 'dev-user' });
  });

  it('names JWT_SECRET when the secret comes from the environment', async () => {
    const result = await run([], { DATA_DIR: dir, JWT_SECRET: 'e'.repeat(40) });
    expect(result.stderr).toMatch(/secret from JWT_SECRET\n/);
    expect(result.stderr).not.toContain('e'.repeat(40));
  });

  it('refuses under JWKS_URL: the server trusts only the identity provider', async () => {
    const result = await run([], { DATA_DIR: dir, JWT_SECRET: 'e'.repeat(40), JWKS_URL: 'https://idp.example/jwks' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });

  it('documents itself with --help, --expires included, and answers an unknown option with the usage', async () => {
    const help = await run(['--help'], { DATA_DIR: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--expires');
    expect(help.stdout).toContain('--facility');
    const unknown = await run(['--nope'], { DATA_DIR: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('usage: npm run -s token');
  });

  it('sets the lifetime from --expires and refuses a malformed one', async () => {
    const secret = localSecret(dir);
    const result = await run(['--expires', '30m'], { DATA_DIR: dir });
    const user = await createTokenVerifier({ secret })(result.stdout.trim());
    expect(user.expiresAt! - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(user.expiresAt! - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    const bad = await run(['--expires', 'soon'], { DATA_DIR: dir });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
  });
});
