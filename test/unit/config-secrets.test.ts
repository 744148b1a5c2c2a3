/** Secrets from files (`*_FILE`, Docker secrets): read into configuration, and problems that never show the secret. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

describe('secrets from files', () => {
  let dir: string;
  const secretFile = (name: string, content: string, mode = 0o600): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content, { mode });
    return file;
  };
  const problemsOf = (env: Record<string, string>): string => {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('the configuration loaded');
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-secrets-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the JWT secret and the store URLs, credentials included, from files (one trailing newline dropped)', () => {
    const secret = 'f'.repeat(64);
    const eventStoreUrl = 'kurrentdb://admin:s3cr3t-pw@kurrentdb:2113?tls=true&tlsCAFile=/run/secrets/ca.crt';
    const mongodbUrl = 'mongodb://celltrail:an0ther-pw@mongodb:27017/celltrail?replicaSet=rs0&tls=true';
    const config = loadConfig({
      JWT_SECRET_FILE: secretFile('jwt-secret', `${secret}\n`),
      EVENTSTORE_URL_FILE: secretFile('eventstore-url', `${eventStoreUrl}\n`),
      MONGODB_URL_FILE: secretFile('mongodb-url', mongodbUrl),
    });

    expect(config.jwtSecret).toBe(secret);
    expect(config.eventStoreUrl).toBe(eventStoreUrl);
    expect(config.mongodbUrl).toBe(mongodbUrl);
  });

  it('validates a value from a file as it validates the variable, without echoing it', () => {
    const message = problemsOf({
      JWT_SECRET_FILE: secretFile('jwt-secret', 'too-short-secret'),
      MONGODB_URL_FILE: secretFile('mongodb-url', 'http://user:pw-in-url@mongodb/celltrail'),
    });

    expect(message).toContain('JWT_SECRET must be at least 32 characters');
    expect(message).toContain('MONGODB_URL must be a mongodb or mongodb+srv URL');
    expect(message).not.toContain('too-short-secret');
    expect(message).not.toContain('pw-in-url');
  });

  it('names the variable and the path of a missing, unreadable or empty file', () => {
    const missing = path.join(dir, 'nowhere');
    const unreadable = secretFile('mongodb-url', 'mongodb://u:hidden@mongodb/celltrail', 0o000);
    const empty = secretFile('jwt-secret', '\n');
    const message = problemsOf({ EVENTSTORE_URL_FILE: missing, MONGODB_URL_FILE: unreadable, JWT_SECRET_FILE: empty });

    expect(message).toContain(`EVENTSTORE_URL_FILE: cannot read ${missing} (ENOENT)`);
    expect(message).toContain(`JWT_SECRET_FILE: ${empty} is empty`);
    // root reads a file whatever its mode, so the unreadable case shows only for other users
    if (process.getuid?.() !== 0) expect(message).toContain(`MONGODB_URL_FILE: cannot read ${unreadable} (EACCES)`);
    expect(message).not.toContain('hidden');
  });

  it('refuses a secret given both inline and as a file', () => {
    const message = problemsOf({ JWT_SECRET: 'i'.repeat(40), JWT_SECRET_FILE: secretFile('jwt-secret', 'j'.repeat(40)) });

    expect(message).toContain('set JWT_SECRET or JWT_SECRET_FILE, not both');
    expect(message).not.toContain('i'.repeat(40));
    expect(message).not.toContain('j'.repeat(40));
  });

  it('checks that the export signing key file can be read, and leaves reading it to the exporter', () => {
    const message = problemsOf({ EXPORT_SIGNING_KEY_FILE: path.join(dir, 'export-signing-key.pem') });
    expect(message).toContain('EXPORT_SIGNING_KEY_FILE: cannot read');

    expect(() => loadConfig({ EXPORT_SIGNING_KEY_FILE: secretFile('key.pem', '-----BEGIN PRIVATE KEY-----\n') })).not.toThrow();
  });

  it('leaves the environment alone when no *_FILE variable is set', () => {
    expect(loadConfig({ JWT_SECRET: 'k'.repeat(32) }).jwtSecret).toBe('k'.repeat(32));
  });
});
