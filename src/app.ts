/** Composition root: configuration → adapters → projections → GraphQL → HTTP. */
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { caseSummaryProjection } from '../projections/case-summary';
import { patientSummaryProjection } from '../projections/patient-summary';
import { appendAccessDay, type AccessDayWriter } from './audit/access-day';
import { createEventStoreAccessLog } from './audit/event-store-access-log';
import { createSecurityEvents } from './audit/security-events';
import { startWorkerAccessWriter } from './audit/worker-access-writer';
import { startIntegrityCheckpointer } from './audit/integrity-checkpointer';
import { loadSigningKey } from './audit/signing-key';
import { complianceConfigFrom, type ComplianceConfig } from './compliance';
import type { Config } from './config';
import type { EventStore } from './eventstore/port';
import { createKurrentDbEventStore } from './eventstore/kurrentdb/kurrentdb-event-store';
import { createSqliteEventStore } from './eventstore/sqlite';
import { createTokenVerifier, localSecret } from './graphql/auth/tokens';
import { createStreamStates } from './commands/stream-states';
import { createCaseEvents } from './graphql/case/case-events';
import type { Services } from './services';
import { appSchema } from './graphql/schema';
import { createHttpServer, type HttpServer } from './http/server';
import type { CompiledExecutionOptions } from './http/compiled-execution';
import { createLogger, type Logger } from './logger';
import type { Projection } from './projection/projection';
import { readiness } from './http/health';
import { instrumentAccessWriter, instrumentEventStore, traceReadStore } from './observability/instrumented-ports';
import { createMetrics, type Metrics } from './observability/metrics';
import { tracingActive } from './observability/tracing';
import { createOwnedProjections } from './projection/ownership';
import { createCaseFeed } from './live/case-feed';
import type { ReadStore } from './readstore/port';
import { createMemoryReadStore } from './readstore/memory';
import { createMongoReadStore } from './readstore/mongodb';

export interface AppOverrides {
  store?: EventStore;
  readStore?: ReadStore;
  clock?: () => Date;
  logger?: Logger;
  compliance?: ComplianceConfig;
  /** How operations are executed (tests run every operation compiled from its first use too). */
  execution?: CompiledExecutionOptions;
  /**
   * Aborted while the read models are being built (a shutdown signal during a long catch-up or
   * rebuild): the runner stops, the stores close and createApp rejects with AppStartAbortedError.
   */
  abortStart?: AbortSignal;
}

export class AppStartAbortedError extends Error {
  constructor() {
    super('stopped during start-up');
    this.name = 'AppStartAbortedError';
  }
}

/** Waits for `starting`, unless `signal` is aborted first: then runs `abort` and rejects. */
async function unlessAborted(starting: Promise<void>, signal: AbortSignal | undefined, abort: () => Promise<void>): Promise<void> {
  if (!signal) return starting;
  let onAbort = (): void => {};
  const aborted = new Promise<true>((resolve) => {
    onAbort = () => resolve(true);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    if ((await Promise.race([starting.then(() => false), aborted])) === false) return;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  starting.catch(() => {}); // it fails once its stores are closed under it: nobody waits for it any more
  await abort();
  throw new AppStartAbortedError();
}

export interface App {
  services: Services;
  http: HttpServer;
  /** Listens on config.port (0 = ephemeral); resolves with the base URL. */
  listen(): Promise<string>;
  stop(): Promise<void>;
}

/** The compliance audit's configuration: the defaults with the environment's facility time zones. */
export const complianceConfigOf = (config: Config): ComplianceConfig =>
  complianceConfigFrom({ facilityTimeZones: config.facilityTimeZones });

export function projectionsFor(compliance: ComplianceConfig): Projection[] {
  return [caseSummaryProjection(compliance), patientSummaryProjection];
}

/** The embedded store's file (when no EventStoreDB is configured). */
const sqliteFile = (config: Config): string => path.join(config.dataDir, 'events.sqlite');

export async function openEventStore(config: Config): Promise<EventStore> {
  if (config.eventStoreUrl) return createKurrentDbEventStore({ url: config.eventStoreUrl });
  return createSqliteEventStore({ path: sqliteFile(config) });
}

export async function openReadStore(config: Config): Promise<ReadStore> {
  return config.mongodbUrl
    ? createMongoReadStore({ url: config.mongodbUrl })
    : createMemoryReadStore({ freezeDocuments: !config.production });
}

export interface ServiceParts {
  store: EventStore;
  readStore: ReadStore;
  logger: Logger;
  clock: () => Date;
  compliance: ComplianceConfig;
  /** Where access records are written (default: appended to `store` in this thread). */
  writeAccessDay?: AccessDayWriter;
  /** The app's metrics (a CLI's services get a registry of their own, never scraped). */
  metrics?: Metrics;
}

/**
 * The services every path to data is composed of: the server's, and a CLI's that reads as its caller
 * through the same seam (src/access/). Nothing is started here.
 */
export function createServices(config: Config, parts: ServiceParts): Services {
  const { store, readStore, logger, clock, compliance } = parts;
  const metrics = parts.metrics ?? createMetrics();
  const writeDay = instrumentAccessWriter(
    parts.writeAccessDay ?? ((stream, records) => appendAccessDay(store, stream, records)),
    metrics,
    tracingActive(),
  );
  const caseEvents = createCaseEvents();
  const projections = projectionsFor(compliance);
  // With a shared read store, each projection is run by the one instance holding its lease (projection/ownership.ts).
  const runner = createOwnedProjections({
    store,
    readStore,
    projections,
    batchSize: config.projectionBatchSize,
    logger,
    clock,
    runProjections: config.roles.projections,
    leaseTtlMs: config.leaseTtlMs,
    leaseRenewMs: config.leaseRenewMs,
  });
  const caseSummaries = projections.find((p) => p.name === caseSummaryProjection(compliance).name) as Projection;
  const caseFeed = createCaseFeed({ store, readStore, projection: caseSummaries, runner, caseEvents, logger });
  const logged = (what: string) => (error: unknown) =>
    logger.error({ err: error instanceof Error ? error.message : String(error) }, `${what} write failed`);
  return {
    config,
    compliance,
    store,
    readStore,
    runner,
    accessLog: createEventStoreAccessLog({ store, writeDay, clock, onError: logged('access log') }),
    securityEvents: createSecurityEvents({ store, clock, onError: logged('security event') }),
    caseEvents,
    caseFeed,
    clock,
    logger,
    streamStates: createStreamStates(),
    metrics,
  };
}

export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? (() => new Date());
  const compliance = overrides.compliance ?? complianceConfigOf(config);
  // Append metrics always; spans at the port boundary only when a tracer provider is registered (main.ts).
  const metrics = createMetrics();
  const traced = tracingActive();
  const store = instrumentEventStore(
    overrides.store ?? (await openEventStore(config)),
    metrics,
    config.eventStoreUrl ? 'kurrentdb' : 'sqlite',
    traced,
  );
  const openedReadStore = overrides.readStore ?? (await openReadStore(config));
  const readStore = traced ? traceReadStore(openedReadStore) : openedReadStore;
  // On the embedded store's file, the access log is written from a worker thread (worker-access-writer.ts).
  const accessWriter = !overrides.store && !config.eventStoreUrl ? startWorkerAccessWriter(sqliteFile(config)) : null;
  const services = createServices(config, { store, readStore, logger, clock, compliance, writeAccessDay: accessWriter?.writeDay, metrics });
  metrics.setSources({
    projections: async () => {
      const r = await readiness(services.store, services.runner, services.clock());
      return { ready: r.ready, lagEvents: r.lag.events, lagSeconds: r.lag.seconds, projections: r.projections };
    },
    securityEvents: () => services.securityEvents.counts(),
  });
  const { runner, accessLog, securityEvents } = services;
  const verifyToken = createTokenVerifier({
    secret: config.jwksUrl ? null : (config.jwtSecret ?? localSecret(config.dataDir)),
    jwksUrl: config.jwksUrl,
  });

  // Before anything starts: a key file that cannot be read stops the start here.
  const signingKey =
    config.integrityCheckpointIntervalMs > 0
      ? await loadSigningKey({ keyFile: config.exportSigningKeyFile, dataDir: config.dataDir })
      : null;
  // Shutdown, from the inside out: nothing reads or writes once its store is closed.
  const closeStores = async (): Promise<void> => {
    await services.caseFeed.stop();
    await runner.stop();
    await accessLog.close();
    await securityEvents.close();
    await accessWriter?.close();
    await readStore.close();
    await store.close();
  };

  const started = Date.now();
  logger.info({}, 'building read models');
  await unlessAborted(runner.start(), overrides.abortStart, closeStores);
  logger.info({ ms: Date.now() - started, position: String(runner.status().position) }, 'read models built');
  // Live updates for subscribers here, whichever instance projected the change.
  if (config.roles.api) await services.caseFeed.start();
  const http = await createHttpServer({ schema: await appSchema(), services, verifyToken, execution: overrides.execution });
  const checkpointer = signingKey
    ? startIntegrityCheckpointer({ store, key: signingKey, intervalMs: config.integrityCheckpointIntervalMs, clock, logger })
    : null;

  let stopping: Promise<void> | null = null;
  return {
    services,
    http,
    listen: () =>
      new Promise((resolve, reject) => {
        http.server.once('error', reject);
        http.server.listen(config.port, config.host, () => {
          const { port } = http.server.address() as AddressInfo;
          const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
          resolve(`http://${host}:${port}`);
        });
      }),
    /** Stops accepting, finishes (or after a grace, cuts) requests and subscriptions, then writes the access log out and closes the stores. */
    stop() {
      stopping ??= (async () => {
        await http.stop();
        await checkpointer?.stop();
        await closeStores();
      })();
      return stopping;
    },
  };
}
