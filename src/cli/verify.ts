/**
 * `npm run verify -- [--all] [--prefix <streamPrefix>] [--case <id>] [--stream <name>]`
 * Recomputes hash chains: every stream (the default, with a progress bar on stderr), the streams under a
 * prefix, or one case / stream. Prints a JSON report on stdout; exits 0 when every chain is intact,
 * 1 on any break, 2 on bad usage, 3 when the check could not run. The store is the one the server uses (DATA_DIR or EVENTSTORE_URL).
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { openEventStore } from '../app';
import type { StreamIntegrity } from '../audit/chain-checker';
import { verifyStore, type StoreIntegrity } from '../audit/verify-store';
import { verifyStream } from '../audit/verify-stream';
import { loadConfig } from '../config';
import { caseStream } from '../domain/events';
import type { EventStore } from '../eventstore/port';
import { createProgress } from './progress';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Opens the configured store; tests pass their own. */
  openStore?: () => Promise<EventStore>;
}

const USAGE = 'usage: npm run verify -- [--all] [--prefix <streamPrefix>] [--case <id>] [--stream <name>]\n';

const json = (value: unknown): string => JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);

function describe(broken: StreamIntegrity): string {
  return `BROKEN ${broken.stream} at revision ${broken.firstInvalidRevision}: ${broken.reason}\n`;
}

async function verifyAll(store: EventStore, io: CliIo, streamPrefix: string | undefined): Promise<StoreIntegrity> {
  const progress = createProgress(streamPrefix ? `verify ${streamPrefix}*` : 'verify', 1, { stream: io.stderr });
  const report = await verifyStore(store, { streamPrefix, onProgress: (done, total) => progress.update(done / total) });
  progress.done();
  return report;
}

export async function runVerify(argv: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: { all: { type: 'boolean' }, prefix: { type: 'string' }, case: { type: 'string' }, stream: { type: 'string' } },
    }));
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const single = values.case !== undefined ? caseStream(values.case) : values.stream;
  if (single !== undefined && (values.all || values.prefix !== undefined || (values.case !== undefined && values.stream !== undefined))) {
    io.stderr.write(`choose one of --all, --prefix, --case, --stream\n${USAGE}`);
    return 2;
  }
  const store = await (io.openStore ?? (() => openEventStore(loadConfig(io.env))))();
  try {
    if (single !== undefined) {
      const report = await verifyStream(store, single);
      io.stdout.write(`${json(report)}\n`);
      if (report.eventCount === 0) io.stderr.write(`no events in stream ${single}\n`);
      if (!report.valid) io.stderr.write(describe(report));
      return report.valid && report.eventCount > 0 ? 0 : 1;
    }
    const report = await verifyAll(store, io, values.prefix);
    io.stdout.write(`${json(report)}\n`);
    for (const broken of report.broken) io.stderr.write(describe(broken));
    for (const range of report.unreadable) io.stderr.write(`UNREADABLE rows at positions after ${range.after} up to ${range.upTo}\n`);
    io.stderr.write(`${report.streamCount} streams, ${report.eventCount} events: ${report.valid ? 'every chain intact' : 'BROKEN'}\n`);
    return report.valid ? 0 : 1;
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  runVerify(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`verify failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
