/** Configuration from the environment: defaults, and a clear message naming each bad variable (never a secret's value). */
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

describe('configuration', () => {
  it('defaults to the embedded store on port 4000 with ./data', () => {
    expect(loadConfig({})).toMatchObject({
      port: 4000,
      dataDir: path.resolve('data'),
      eventStoreUrl: null,
      mongodbUrl: null,
      logLevel: 'info',
      readYourWritesTimeoutMs: 2000,
    });
  });

  it('names every bad variable at once, without echoing a secret', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', MONGODB_URL: 'http://x', JWT_SECRET: 'short-secret-value' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT must be an integer');
      expect(message).toContain('LOG_LEVEL must be one of');
      expect(message).toContain('MONGODB_URL must be a mongodb or mongodb+srv URL');
      expect(message).toContain('JWT_SECRET must be at least 32 characters');
      expect(message).not.toContain('short-secret-value');
    }
  });

  it('reads CORS origins (none by default: CORS off) and refuses anything but exact origins', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example, http://localhost:5173' }).corsOrigins).toEqual([
      'https://app.example',
      'http://localhost:5173',
    ]);
    for (const bad of ['*', 'https://app.example/', 'app.example', 'https://app.example/path', 'ftp://app.example']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow('CORS_ORIGINS must list exact origins');
    }
  });

  it('serves the API and runs projections by default; an API-only instance needs a shared read store; leases renew well within their TTL', () => {
    expect(loadConfig({})).toMatchObject({ roles: { api: true, projections: true }, leaseTtlMs: 6000, leaseRenewMs: 2000 });
    expect(loadConfig({ CELLTRAIL_ROLES: 'api', MONGODB_URL: 'mongodb://db/celltrail' }).roles).toEqual({ api: true, projections: false });
    expect(loadConfig({ CELLTRAIL_ROLES: ' projections ' }).roles).toEqual({ api: false, projections: true });
    expect(() => loadConfig({ CELLTRAIL_ROLES: 'api' })).toThrow(/CELLTRAIL_ROLES without projections needs MONGODB_URL/);
    expect(() => loadConfig({ CELLTRAIL_ROLES: 'api,worker' })).toThrow(/CELLTRAIL_ROLES must be api, projections or api,projections/);
    expect(() => loadConfig({ PROJECTION_LEASE_TTL_MS: '3000', PROJECTION_LEASE_RENEW_MS: '2000' })).toThrow(/at most half/);
  });

  it('reads facility time zones (none by default: UTC) and names a bad one', () => {
    expect(loadConfig({}).facilityTimeZones).toEqual({});
    expect(loadConfig({ FACILITY_TIME_ZONES: 'F1=Europe/Berlin, F2=America/Chicago' }).facilityTimeZones).toEqual({
      F1: 'Europe/Berlin',
      F2: 'America/Chicago',
    });
    expect(() => loadConfig({ FACILITY_TIME_ZONES: 'F1=Europe/Atlantis' })).toThrow(
      'FACILITY_TIME_ZONES: "Europe/Atlantis" (facility F1) is not an IANA time zone name',
    );
    expect(() => loadConfig({ FACILITY_TIME_ZONES: 'F1' })).toThrow('FACILITY_TIME_ZONES must be a list of FACILITY=Time/Zone pairs');
  });

  it('accepts the EventStoreDB and MongoDB URLs it supports', () => {
    const config = loadConfig({
      EVENTSTORE_URL: 'kurrentdb://127.0.0.1:2113?tls=false',
      MONGODB_URL: 'mongodb://127.0.0.1:27017/celltrail',
    });
    expect(config).toMatchObject({
      eventStoreUrl: 'kurrentdb://127.0.0.1:2113?tls=false',
      mongodbUrl: 'mongodb://127.0.0.1:27017/celltrail',
    });
    expect(loadConfig({ EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' }).eventStoreUrl).toContain('esdb://');
  });

  it('signs with a key file that exists, and checkpoints hourly unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ exportSigningKeyFile: null, integrityCheckpointIntervalMs: 3_600_000 });
    expect(loadConfig({ EXPORT_SIGNING_KEY_FILE: __filename, INTEGRITY_CHECKPOINT_INTERVAL_MS: '0' })).toMatchObject({
      exportSigningKeyFile: __filename,
      integrityCheckpointIntervalMs: 0,
    });
    expect(() => loadConfig({ EXPORT_SIGNING_KEY_FILE: '/nonexistent/key.pem' })).toThrow(
      'EXPORT_SIGNING_KEY_FILE names no file that exists',
    );
    expect(() => loadConfig({ INTEGRITY_CHECKPOINT_INTERVAL_MS: '-1' })).toThrow('INTEGRITY_CHECKPOINT_INTERVAL_MS must be an integer');
  });
});
