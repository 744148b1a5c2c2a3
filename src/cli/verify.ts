/**
 * `npm run verify -- [--all] [--prefix <streamPrefix>] [--case <id>] [--stream <name>]`
 *   Recomputes hash chains: every stream (the default, with a progress bar on stderr), the streams
 *   under a prefix, or one case / stream.
 * `npm run verify -- --checkpoint <kept.json> --key <public key file>`
 *   Every chain, and the Merkle root of every stream's head at the kept checkpoint's position against
 *   the kept root: history at or before the checkpoint rewritten since (even re-hashed) shows.
 * `npm run verify -- --checkpoint-out <file>`
 *   Saves the latest signed integrity checkpoint as JSON, to keep outside the system.
 * Prints a JSON report on stdout; exits 0 when every chain is intact (and the checkpoint matches),
 * 1 on any break, 2 on bad usage, 3 when the check could not run (no store at DATA_DIR), 4 when the
 * case, stream or prefix asked for holds nothing. The store is the one the server uses (DATA_DIR or EVENTSTORE_URL).
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { StreamIntegrity } from '../audit/chain-checker';
import { latestCheckpoint, parseCheckpoint, verifyCheckpointAgainstStore } from '../audit/integrity-checkpoint';
import { readPublicKeys } from '../audit/signing-key';
import { verifyStore, type StoreIntegrity } from '../audit/verify-store';
import { verifyStream } from '../audit/verify-stream';
import { loadConfig } from '../config';
import { caseStream } from '../domain/events';
import type { EventStore } from '../eventstore/port';
import { openExistingStore } from './open-store';
import { createProgress } from './progress';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Opens the configured store; tests pass their own. */
  openStore?: () => Promise<EventStore>;
}

const USAGE =
  'usage: npm run verify -- [--all] [--prefix <streamPrefix>] [--case <id>] [--stream <name>]\n' +
  '       npm run verify -- --checkpoint <kept checkpoint.json> --key <public key file>\n' +
  '       npm run verify -- --checkpoint-out <file>\n' +
  '\n' +
  'Recomputes the hash chains of the store the server uses (DATA_DIR/events.sqlite or EVENTSTORE_URL): every stream\n' +
  '(--all, the default), the streams under a prefix, or one case or stream; prints a JSON report on stdout.\n' +
  '  --checkpoint, --key   also checks every stream head against a kept signed checkpoint, with the public key\n' +
  '  --checkpoint-out      saves the latest signed integrity checkpoint as JSON (never overwrites a file)\n' +
  '  -h, --help            this text\n' +
  'Exit codes: 0 intact, 1 a break, 2 bad usage, 3 could not run (no store), 4 nothing at the case, stream or prefix.\n';

/** Exit code: the case or stream asked for does not exist. */
export const NOT_FOUND = 4;

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

async function saveCheckpoint(store: EventStore, file: string, io: CliIo): Promise<number> {
  const latest = await latestCheckpoint(store);
  if (!latest) {
    io.stderr.write(
      'not found: no integrity checkpoint recorded yet (the server records one at start and every INTEGRITY_CHECKPOINT_INTERVAL_MS)\n',
    );
    return NOT_FOUND;
  }
  writeFileSync(file, `${json(latest.checkpoint)}\n`, { flag: 'wx' });
  io.stdout.write(`${json(latest.checkpoint)}\n`);
  io.stderr.write(`saved the checkpoint at position ${latest.checkpoint.position} (${latest.checkpoint.streamCount} streams) to ${file}\n`);
  return 0;
}

export async function runVerify(argv: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        all: { type: 'boolean' },
        prefix: { type: 'string' },
        case: { type: 'string' },
        stream: { type: 'string' },
        checkpoint: { type: 'string' },
        key: { type: 'string' },
        'checkpoint-out': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const single = values.case !== undefined ? caseStream(values.case) : values.stream;
  if (single !== undefined && (values.all || values.prefix !== undefined || (values.case !== undefined && values.stream !== undefined))) {
    io.stderr.write(`choose one of --all, --prefix, --case, --stream\n${USAGE}`);
    return 2;
  }
  const checkpointMode = values.checkpoint !== undefined || values.key !== undefined;
  const outMode = values['checkpoint-out'] !== undefined;
  if (
    (checkpointMode && (values.checkpoint === undefined || values.key === undefined)) ||
    ((checkpointMode || outMode) && (single !== undefined || values.prefix !== undefined || (checkpointMode && outMode)))
  ) {
    io.stderr.write(`--checkpoint needs --key, and neither goes with --checkpoint-out, --prefix, --case or --stream\n${USAGE}`);
    return 2;
  }
  // Read before the store is opened: a bad file is a usage error, not a broken store.
  const kept = values.checkpoint === undefined ? undefined : parseCheckpoint(readFileSync(values.checkpoint, 'utf8'), values.checkpoint);
  const keys = values.key === undefined ? [] : await readPublicKeys(readFileSync(values.key, 'utf8'));
  const store = await (io.openStore ?? (() => openExistingStore(loadConfig(io.env))))();
  try {
    if (outMode) return await saveCheckpoint(store, values['checkpoint-out']!, io);
    if (single !== undefined) {
      const report = await verifyStream(store, single);
      if (report.eventCount === 0) {
        io.stdout.write(`${json({ stream: single, found: false })}\n`);
        io.stderr.write(`not found: no events in stream ${single}\n`);
        return NOT_FOUND;
      }
      io.stdout.write(`${json(report)}\n`);
      if (!report.valid) io.stderr.write(describe(report));
      return report.valid ? 0 : 1;
    }
    const report = await verifyAll(store, io, values.prefix);
    if (values.prefix !== undefined && report.streamCount === 0) {
      io.stdout.write(`${json({ prefix: values.prefix, found: false })}\n`);
      io.stderr.write(`not found: no stream under the prefix ${values.prefix}\n`);
      return NOT_FOUND;
    }
    const checkpoint = kept ? await verifyCheckpointAgainstStore(store, kept, keys) : undefined;
    io.stdout.write(`${json(checkpoint ? { ...report, checkpoint } : report)}\n`);
    for (const broken of report.broken) io.stderr.write(describe(broken));
    for (const range of report.unreadable) io.stderr.write(`UNREADABLE rows at positions after ${range.after} up to ${range.upTo}\n`);
    for (const problem of checkpoint?.problems ?? []) io.stderr.write(`CHECKPOINT ${problem}\n`);
    io.stderr.write(`${report.streamCount} streams, ${report.eventCount} events: ${report.valid ? 'every chain intact' : 'BROKEN'}\n`);
    if (checkpoint?.valid) io.stderr.write(`the store matches the kept checkpoint at position ${checkpoint.position}\n`);
    return report.valid && (checkpoint?.valid ?? true) ? 0 : 1;
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
