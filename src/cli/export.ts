/**
 * `npm run export -- --case <id> | --all [--out <file>] [--actor <user id>]`
 *   NDJSON of the envelopes (one event a line, in order), then a line with every stream's head hash,
 *   on stdout or into --out. Every patient and case exported is recorded in the access log, attributed
 *   to --actor, else CELLTRAIL_ACTOR, else "cli".
 * `npm run export -- --verify <file | ->`
 *   Checks an export offline: every chain, and the heads line. Prints a JSON report.
 * To redirect stdout, use --out or `npm run --silent export …` (npm prints its own header on stdout).
 * Exits 0 when all is well, 1 when a chain is broken (the export is still written), 2 on bad usage,
 * 3 when it could not run.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { openEventStore } from '../app';
import { createEventStoreAccessLog } from '../audit/event-store-access-log';
import { verifyExport } from '../audit/export-verification';
import { exportEvents, type ExportSelection, type ExportSummary } from '../audit/ndjson-export';
import { loadConfig } from '../config';
import type { EventStore } from '../eventstore/port';
import { createProgress } from './progress';

export interface ExportIo {
  stdout: Writable;
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  openStore?: () => Promise<EventStore>;
}

const USAGE =
  'usage: npm run export -- --case <id> | --all [--out <file>] [--actor <user id>]\n       npm run export -- --verify <file | ->\n';

const json = (value: unknown): string => JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);

async function verifyFile(file: string, io: ExportIo): Promise<number> {
  const input = file === '-' ? io.stdin : createReadStream(file, 'utf8');
  const report = await verifyExport(createInterface({ input, crlfDelay: Infinity }));
  io.stdout.write(`${json(report)}\n`);
  io.stderr.write(`${report.eventCount} events in ${report.streamCount} streams: ${report.valid ? 'export intact' : 'export BROKEN'}\n`);
  return report.valid ? 0 : 1;
}

async function writeExport(store: EventStore, selection: ExportSelection, out: Writable, io: ExportIo): Promise<ExportSummary> {
  const head = selection.kind === 'all' ? await store.headPosition() : 0n;
  const progress = selection.kind === 'all' ? createProgress('export', Number(head), { stream: io.stderr }) : null;
  const write = (line: string): Promise<void> | void => (out.write(line) ? undefined : once(out, 'drain').then(() => undefined));
  const summary = await exportEvents(store, selection, write, { onProgress: (_count, position) => progress?.update(Number(position)) });
  progress?.done();
  return summary;
}

export async function runExport(argv: string[], io: ExportIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        case: { type: 'string' },
        all: { type: 'boolean' },
        out: { type: 'string' },
        actor: { type: 'string' },
        verify: { type: 'string' },
      },
    }));
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const modes = [values.case !== undefined, values.all === true, values.verify !== undefined].filter(Boolean).length;
  if (modes !== 1) {
    io.stderr.write(USAGE);
    return 2;
  }
  if (values.verify !== undefined) return verifyFile(values.verify, io);

  const selection: ExportSelection = values.case !== undefined ? { kind: 'case', caseId: values.case } : { kind: 'all' };
  const actorId = values.actor ?? io.env.CELLTRAIL_ACTOR ?? 'cli';
  const actor = { id: actorId, name: actorId, role: 'CLI' };
  const correlationId = randomUUID();
  const store = await (io.openStore ?? (() => openEventStore(loadConfig(io.env))))();
  const accessLog = createEventStoreAccessLog({
    store,
    onError: (error) => io.stderr.write(`access log: ${error instanceof Error ? error.message : String(error)}\n`),
  });
  const out = values.out !== undefined ? createWriteStream(values.out) : io.stdout;
  try {
    let summary: ExportSummary;
    try {
      summary = await writeExport(store, selection, out, io);
    } catch (error) {
      const caseId = selection.kind === 'case' ? selection.caseId : null;
      await accessLog.record({ actor, operation: 'export', caseId, patientId: null, outcome: 'ERROR', correlationId });
      throw error;
    }
    await Promise.all(
      summary.subjects.map((subject) => accessLog.record({ actor, operation: 'export', ...subject, outcome: 'OK', correlationId })),
    );
    if (selection.kind === 'case' && summary.eventCount === 0) {
      await accessLog.record({
        actor,
        operation: 'export',
        caseId: selection.caseId,
        patientId: null,
        outcome: 'NOT_FOUND',
        correlationId,
      });
      io.stderr.write(`no case ${selection.caseId}\n`);
      return 1;
    }
    io.stderr.write(`exported ${summary.eventCount} events of ${summary.heads.length} streams\n`);
    for (const broken of summary.broken)
      io.stderr.write(`BROKEN ${broken.stream} at revision ${broken.firstInvalidRevision}: ${broken.reason}\n`);
    return summary.broken.length === 0 ? 0 : 1;
  } finally {
    if (out !== io.stdout) {
      out.end();
      await once(out, 'finish');
    }
    await accessLog.close();
    await store.close();
  }
}

if (require.main === module) {
  runExport(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`export failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
