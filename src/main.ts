/** `npm start`: the server on the embedded default unless EVENTSTORE_URL / MONGODB_URL say otherwise. */
import 'reflect-metadata';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';

async function main(): Promise<void> {
  let config;
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
  const app = await createApp(config, { logger });
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
  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error instanceof Error ? error.message : String(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`celltrail failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
