/**
 * An app on an ephemeral port over real HTTP, with real tokens. Stores: the embedded default (SQLite
 * `:memory:`, in-memory read models) unless a test passes its own, or unless the whole e2e suite is run
 * against other adapters:
 *   CELLTRAIL_TEST_READ_STORE=mongodb            a fresh database on the server named by MONGODB_URL
 *   CELLTRAIL_TEST_EVENT_STORE=esdb-test-server  the KurrentDB adapter on a fresh EventStoreDB test server
 * and CELLTRAIL_TEST_COMPILE_FIRST_USE=1 runs every operation compiled by graphql-jit from its first use
 * (by default a document's first use runs on graphql-js, so most test requests would never run compiled).
 */
import 'reflect-metadata';
import { createApp, type App, type AppOverrides } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import type { Role } from '../../src/domain/values';
import { signToken } from '../../src/graphql/auth/tokens';
import { createKurrentDbEventStore } from '../../src/eventstore/kurrentdb';
import type { EventStore } from '../../src/eventstore/port';
import { createSqliteEventStore } from '../../src/eventstore/sqlite';
import type { ReadStore } from '../../src/readstore/port';
import { createMongoReadStore } from '../../src/readstore/mongodb';
import { quickToConnect } from './esdb-test-server/adapter-fixture';
import { startEsdbTestServer } from './esdb-test-server';
import { dropDatabase, MONGODB_SKIP_REASON, mongoTestUrl, uniqueDatabaseName } from './mongo-test-database';
import { createLogger } from '../../src/logger';
import { leftLegCase, operation, patientInput } from './case-steps';

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

interface Backend {
  store: EventStore;
  readStore?: ReadStore;
  release(): Promise<void>;
}

/** The stores the suite runs against (see the header); released after the app has stopped. */
async function backendFor(overrides: AppOverrides): Promise<Backend> {
  const cleanups: Array<() => Promise<void>> = [];
  let store = overrides.store;
  let readStore = overrides.readStore;
  if (!store && process.env.CELLTRAIL_TEST_EVENT_STORE === 'esdb-test-server') {
    const server = await startEsdbTestServer();
    store = createKurrentDbEventStore({ url: quickToConnect(server.url) });
    cleanups.push(() => server.stop());
  }
  if (!readStore && process.env.CELLTRAIL_TEST_READ_STORE === 'mongodb') {
    const url = mongoTestUrl();
    if (!url) throw new Error(`CELLTRAIL_TEST_READ_STORE=mongodb needs a server: ${MONGODB_SKIP_REASON}`);
    const database = uniqueDatabaseName('e2e');
    readStore = await createMongoReadStore({ url, database });
    cleanups.push(() => dropDatabase(url, database));
  }
  return {
    store: store ?? createSqliteEventStore({ path: ':memory:' }),
    readStore,
    release: async () => {
      for (const cleanup of cleanups) await cleanup();
    },
  };
}

export async function startTestApp(options: StartOptions = {}): Promise<TestApp> {
  const { env, ...overrides } = options;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    JWT_SECRET: TEST_SECRET,
    DATA_DIR: '/tmp/celltrail-test-unused',
    LOG_LEVEL: 'silent',
    // no checkpoint events in the tests' stores unless a test asks for them
    INTEGRITY_CHECKPOINT_INTERVAL_MS: '0',
    ...env,
  });
  const backend = await backendFor(overrides);
  const app = await createApp(config, {
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    ...(process.env.CELLTRAIL_TEST_COMPILE_FIRST_USE === '1' ? { execution: { compileFromUse: 1 } } : {}),
    ...overrides,
    store: backend.store,
    readStore: backend.readStore,
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
    stop: async () => {
      await app.stop();
      await backend.release();
    },
  };
}

/** Registers a patient in `facilityId` and opens a left-leg case for them, as the clinician of `token`; the ids it answered with. */
export async function openTestCase(
  t: TestApp,
  token: string,
  now: Date,
  facilityId = 'F1',
): Promise<{ patientId: string; caseId: string }> {
  const p = await t.gql<{ registerPatient: { patient: { id: string } } }>(token, operation('RegisterPatient'), {
    input: patientInput(facilityId),
  });
  const patientId = p.data!.registerPatient.patient.id;
  const c = await t.gql<{ openCase: { case: { id: string } } }>(token, operation('OpenCase'), {
    input: { ...leftLegCase('', patientId, now).open, caseId: undefined },
  });
  return { patientId, caseId: c.data!.openCase.case.id };
}
