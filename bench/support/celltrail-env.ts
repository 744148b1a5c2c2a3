/** How the benchmarks configure and authenticate against a celltrail server child. */
import { signToken } from '../../src/graphql/auth/tokens';
import type { Role } from '../../src/domain/values';
import { FACILITIES } from './case-plans';

/** A throw-away HS256 secret, only for the servers a benchmark starts itself. */
export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-0123';

export interface CelltrailEnvOptions {
  dataDir: string;
  eventStoreUrl?: string;
  mongodbUrl?: string;
  extra?: Record<string, string>;
}

/** The environment `npm start` would be given in production, pointed at the benchmark's data. */
export function celltrailEnv(options: CelltrailEnvOptions): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_SECRET: BENCH_SECRET,
    DATA_DIR: options.dataDir,
    ...(options.eventStoreUrl ? { EVENTSTORE_URL: options.eventStoreUrl } : {}),
    ...(options.mongodbUrl ? { MONGODB_URL: options.mongodbUrl } : {}),
    ...options.extra,
  };
}

export async function benchToken(roles: Role[]): Promise<string> {
  return signToken(BENCH_SECRET, {
    sub: `bench-${roles.join('-').toLowerCase()}`,
    name: 'Bench User',
    roles,
    facilities: [...FACILITIES],
    expiresIn: '12h',
  });
}
