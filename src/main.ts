/**
 * `npm start`: the server on the embedded default unless EVENTSTORE_URL / MONGODB_URL say otherwise.
 * Shutdown is owned here, and only here: SIGTERM or SIGINT stops the app (App.stop: stop accepting,
 * finish or cut what is in flight, write the access log out, close the stores) and exits 0, also when
 * it arrives during start-up; past SHUTDOWN_TIMEOUT_MS it exits 1; a second signal exits at once.
 */
import 'reflect-metadata';
import { constants } from 'node:os';
import { AppStartAbortedError, createApp, type App } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './logger';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

  let app: App | null = null;
  let shuttingDown = false;
  const startAborted = new AbortController();
  const stopApp = (running: App): void => {
    running.stop().then(
      () => {
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
    app = await createApp(config, { logger, abortStart: startAborted.signal });
  } catch (error) {
    if (!(error instanceof AppStartAbortedError)) throw error;
    logger.info({}, 'stopped during start-up');
    process.exit(0);
  }
  // A signal that came after the read models were ready but before the app was returned.
  if (shuttingDown) return stopApp(app);
  const url = await app.listen();
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

main().catch((error: unknown) => {
  process.stderr.write(`celltrail failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
