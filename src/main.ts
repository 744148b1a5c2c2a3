/**
 * `npm start`: the server on the embedded default unless EVENTSTORE_URL / MONGODB_URL say otherwise.
 * Shutdown is owned here, and only here: SIGTERM or SIGINT stops the app (App.stop: stop accepting,
 * finish or cut what is in flight, write the access log out, close the stores) and exits 0, also when
 * it arrives during start-up; past SHUTDOWN_TIMEOUT_MS it exits 1; a second signal exits at once.
 * A start that fails (bad configuration, port in use, store unreachable) logs one JSON line,
 * "failed to start", with the reason, and exits non-zero (2 for configuration, else 1); nothing is
 * logged as listening, and the port is checked before the read models are built.
 */
import 'reflect-metadata';
import net from 'node:net';
import { constants } from 'node:os';
import { AppStartAbortedError, createApp, type App } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger, type Logger } from './logger';
import { startTracing } from './observability/tracing-setup';

/** Fails at once (EADDRINUSE, EACCES) when the port cannot be bound, before anything is built. */
function checkPort(config: Config): Promise<void> {
  if (config.port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(config.port, config.host, () => probe.close(() => resolve()));
  });
}

/** The one line a failed start leaves: JSON, the reason without a stack (and without any value sent). */
function failedToStart(logger: Logger, error: unknown, exitCode: number): never {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason =
    error instanceof ConfigError
      ? { problems: error.problems }
      : {
          err: {
            name: error instanceof Error ? error.name : typeof error,
            message: error instanceof Error ? error.message : String(error),
            ...(code ? { code } : {}),
          },
        };
  logger.fatal(reason, 'failed to start');
  process.exit(exitCode);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) failedToStart(createLogger('info'), error, 2);
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
  const tracing = startTracing(process.env);

  let app: App | null = null;
  let shuttingDown = false;
  const startAborted = new AbortController();
  const stopApp = (running: App): void => {
    running.stop().then(
      async () => {
        await tracing?.shutdown().catch(() => undefined); // export the spans still buffered
        logger.info({}, 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: errorText(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  const shutdown = (signal: NodeJS.Signals): void => {
    if (shuttingDown) {
      logger.warn({ signal }, 'second signal: exiting at once');
      process.exit(128 + constants.signals[signal]);
    }
    shuttingDown = true;
    logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down');
    // Holds the process open on purpose: a shutdown that hangs must still end, and end non-zero.
    setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown did not finish in time: exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    if (app) stopApp(app);
    else startAborted.abort(); // still starting: createApp stops what it started and rejects
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  try {
    await checkPort(config);
    app = await createApp(config, { logger, abortStart: startAborted.signal });
  } catch (error) {
    if (!(error instanceof AppStartAbortedError)) failedToStart(logger, error, 1);
    logger.info({}, 'stopped during start-up');
    process.exit(0);
  }
  // A signal that came after the read models were ready but before the app was returned.
  if (shuttingDown) return stopApp(app);
  let url: string;
  try {
    url = await app.listen();
  } catch (error) {
    // The port was taken after the check: the stores are open, but nothing was served.
    failedToStart(logger, error, 1);
  }
  logger.info(
    {
      url: `${url}/graphql`,
      eventStore: config.eventStoreUrl ? 'kurrentdb' : 'sqlite',
      readStore: config.mongodbUrl ? 'mongodb' : 'memory',
      dataDir: config.dataDir,
    },
    'celltrail listening',
  );
}

main().catch((error: unknown) => failedToStart(createLogger('info'), error, 1));
