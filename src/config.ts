/** Environment → validated configuration. A bad value stops the start with a message naming the variable. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isTimeZone } from './compliance/config';
import { withSecretFiles } from './config-secrets';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** HS256 secret; when absent (and no JWKS URL) the embedded default keeps one in DATA_DIR. */
  jwtSecret: string | null;
  jwksUrl: string | null;
  eventStoreUrl: string | null;
  mongodbUrl: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  production: boolean;
  /** How long a mutation waits for the read models to show its write. */
  readYourWritesTimeoutMs: number;
  /** Clinical times up to this far in the future are accepted (clock drift between devices). */
  maxClockSkewMs: number;
  projectionBatchSize: number;
  /** Largest page `first` may ask for. */
  maxPageSize: number;
  introspection: boolean;
  /** Ed25519 PKCS#8 PEM signing exports and checkpoints; when absent, generated once in DATA_DIR (audit/signing-key.ts). */
  exportSigningKeyFile: string | null;
  /** How often the server records an integrity checkpoint; 0: never. */
  integrityCheckpointIntervalMs: number;
  /** IANA time zone by facility id (FACILITY_TIME_ZONES): the compliance audit's "same day" is a calendar day there; others: UTC. */
  facilityTimeZones: Record<string, string>;
  /** SIGTERM/SIGINT: how long a shutdown may take before the process gives up and exits 1. */
  shutdownTimeoutMs: number;
  /** CORS_ORIGINS: exact origins (scheme://host[:port]) a browser may call the API from; empty: CORS off. */
  corsOrigins: string[];
  /** CELLTRAIL_ROLES: serve the API (GraphQL, live updates), run the projections (under leases), or both (default). */
  roles: { api: boolean; projections: boolean };
  /** A projection lease's lifetime without renewal: the bound on a handover after its holder died. */
  leaseTtlMs: number;
  /** How often a lease holder renews, and the other instances try for the lease. */
  leaseRenewMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(processEnv: Env = process.env): Config {
  const problems: string[] = [];
  // JWT_SECRET_FILE, EVENTSTORE_URL_FILE, MONGODB_URL_FILE: secrets from files (Docker secrets).
  const env = withSecretFiles(processEnv, problems);
  const text = (name: string): string | null => {
    const value = env[name]?.trim();
    return value ? value : null;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const url = (name: string, schemes: string[]): string | null => {
    const raw = text(name);
    if (raw === null) return null;
    try {
      const parsed = new URL(raw);
      if (!schemes.includes(parsed.protocol.replace(/:$/, ''))) {
        problems.push(`${name} must be a ${schemes.join(' or ')} URL (got scheme "${parsed.protocol}")`);
      }
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = text(name);
    if (raw === null) return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  /** `F1=Europe/Berlin,F2=America/Chicago`. */
  const timeZones = (name: string): Record<string, string> => {
    const zones: Record<string, string> = {};
    for (const pair of (text(name) ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [facility, zone, extra] = pair.split('=').map((p) => p.trim());
      if (!facility || !zone || extra !== undefined) problems.push(`${name} must be a list of FACILITY=Time/Zone pairs (got "${pair}")`);
      else if (!isTimeZone(zone)) problems.push(`${name}: "${zone}" (facility ${facility}) is not an IANA time zone name`);
      else zones[facility] = zone;
    }
    return zones;
  };

  /** `https://app.example,http://localhost:5173`: exact origins, as a browser sends them in `Origin`. */
  const origins = (name: string): string[] => {
    const list = (text(name) ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    for (const origin of list) {
      let parsed: URL | null = null;
      try {
        parsed = new URL(origin);
      } catch {
        // reported below
      }
      if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
        problems.push(
          `${name} must list exact origins such as https://app.example or http://localhost:5173 (no path, no trailing slash, no wildcard)`,
        );
        break;
      }
    }
    return list;
  };

  const logLevel = (text('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  const jwtSecret = text('JWT_SECRET');
  if (jwtSecret !== null && jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters long'); // never echo a secret
  }
  const production = text('NODE_ENV') === 'production';
  const exportSigningKeyFile = text('EXPORT_SIGNING_KEY_FILE');
  if (exportSigningKeyFile !== null && !existsSync(exportSigningKeyFile)) {
    problems.push('EXPORT_SIGNING_KEY_FILE names no file that exists');
  }
  /** `api`, `projections` or `api,projections`. */
  const roles = (): Config['roles'] => {
    const listed = (text('CELLTRAIL_ROLES') ?? 'api,projections')
      .split(',')
      .map((r) => r.trim().toLowerCase())
      .filter(Boolean);
    const unknown = listed.filter((r) => r !== 'api' && r !== 'projections');
    if (unknown.length > 0 || listed.length === 0) problems.push('CELLTRAIL_ROLES must be api, projections or api,projections');
    return { api: listed.includes('api'), projections: listed.includes('projections') };
  };
  const config: Config = {
    port: int('PORT', 4000, 0, 65535),
    host: text('HOST') ?? '0.0.0.0',
    dataDir: path.resolve(text('DATA_DIR') ?? './data'),
    jwtSecret,
    jwksUrl: url('JWKS_URL', ['https', 'http']),
    eventStoreUrl: url('EVENTSTORE_URL', ['esdb', 'esdb+discover', 'kurrentdb', 'kurrentdb+discover', 'kdb', 'kdb+discover']),
    mongodbUrl: url('MONGODB_URL', ['mongodb', 'mongodb+srv']),
    logLevel: logLevel as Config['logLevel'],
    production,
    readYourWritesTimeoutMs: int('READ_YOUR_WRITES_TIMEOUT_MS', 2000, 0, 60000),
    maxClockSkewMs: int('MAX_CLOCK_SKEW_MS', 5 * 60 * 1000, 0, 24 * 60 * 60 * 1000),
    projectionBatchSize: int('PROJECTION_BATCH_SIZE', 1000, 1, 100000),
    maxPageSize: int('MAX_PAGE_SIZE', 100, 1, 10000),
    introspection: bool('GRAPHQL_INTROSPECTION', !production),
    exportSigningKeyFile: exportSigningKeyFile === null ? null : path.resolve(exportSigningKeyFile),
    integrityCheckpointIntervalMs: int('INTEGRITY_CHECKPOINT_INTERVAL_MS', 60 * 60 * 1000, 0, 7 * 24 * 60 * 60 * 1000),
    facilityTimeZones: timeZones('FACILITY_TIME_ZONES'),
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000),
    corsOrigins: origins('CORS_ORIGINS'),
    roles: roles(),
    leaseTtlMs: int('PROJECTION_LEASE_TTL_MS', 6000, 500, 600_000),
    leaseRenewMs: int('PROJECTION_LEASE_RENEW_MS', 2000, 100, 300_000),
  };
  if (config.leaseRenewMs * 2 > config.leaseTtlMs)
    problems.push('PROJECTION_LEASE_RENEW_MS must be at most half of PROJECTION_LEASE_TTL_MS');
  if (!config.roles.projections && !config.mongodbUrl) {
    problems.push('CELLTRAIL_ROLES without projections needs MONGODB_URL: the embedded read models live in each instance');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
