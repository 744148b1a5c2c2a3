/**
 * An app on an ephemeral port over real HTTP, with real tokens: the embedded default (SQLite `:memory:`
 * unless a store is given), or the adapters named by EVENTSTORE_URL / MONGODB_URL when `useEnvStores`.
 */
import 'reflect-metadata';
import { createApp, type App, type AppOverrides } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import type { Role } from '../../src/domain/values';
import { signToken } from '../../src/graphql/auth/tokens';
import { createSqliteEventStore } from '../../src/eventstore/sqlite';
import { createLogger } from '../../src/logger';

export const TEST_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export interface TestApp {
  app: App;
  url: string;
  config: Config;
  token(claims: { roles: Role[]; facilities: string[]; sub?: string; name?: string }): Promise<string>;
  /** POSTs a GraphQL request; returns the parsed body (errors included, never thrown). */
  gql<T = Record<string, unknown>>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
  stop(): Promise<void>;
}

export interface GqlError {
  message: string;
  path?: string[];
  extensions?: { code?: string; rule?: string; fields?: Array<{ path: string; constraints: string[] }>; [k: string]: unknown };
}

export interface GqlResponse<T> {
  status: number;
  data?: T;
  errors?: GqlError[];
}

export interface StartOptions extends AppOverrides {
  env?: Record<string, string>;
}

export async function startTestApp(options: StartOptions = {}): Promise<TestApp> {
  const { env, ...overrides } = options;
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', JWT_SECRET: TEST_SECRET, DATA_DIR: '/tmp/celltrail-test-unused', LOG_LEVEL: 'silent', ...env });
  const app = await createApp(config, {
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    store: overrides.store ?? (config.eventStoreUrl ? undefined : createSqliteEventStore({ path: ':memory:' })),
    ...overrides,
  });
  const url = await app.listen();
  return {
    app,
    url,
    config,
    token: ({ roles, facilities, sub, name }) =>
      signToken(TEST_SECRET, { sub: sub ?? `user-${roles.join('-').toLowerCase()}`, name: name ?? 'Test User', roles, facilities }),
    async gql(token, query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: never; errors?: GqlError[] };
      return { status: response.status, ...body };
    },
    stop: () => app.stop(),
  };
}
