/**
 * Runs the EventStoreDB test server on its own (in memory; stops on Ctrl-C), for trying the API against
 * the KurrentDB adapter without Docker:
 *   node dist/scripts/esdb-test-server.js [--port 2113] [--host 127.0.0.1]
 * then start the API with EVENTSTORE_URL set to the URL it prints.
 */
import { parseArgs } from 'node:util';
import { startEsdbTestServer } from '../test/support/esdb-test-server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '2113' }, host: { type: 'string', default: '127.0.0.1' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535 (got "${values.port}")`);
  const server = await startEsdbTestServer({ port, host: values.host });
  process.stdout.write(`${server.url}\n`);
  const stop = (): void => {
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`esdb-test-server: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
