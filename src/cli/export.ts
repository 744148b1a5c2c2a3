/**
 * `npm run export -- --case <id> | --all [--out <file>] [--actor <user id>] [--facility <id>]…`
 *   NDJSON of the envelopes (one event a line, in order) after the latest integrity checkpoint's proofs,
 *   then a line with every stream's head hash and a line signing it all with the server's key
 *   (ndjson-export.ts), on stdout or into --out. It reads through the same seam as the API, as --actor
 *   (else CELLTRAIL_ACTOR, else "cli"): with --facility, an auditor of those facilities (a case elsewhere
 *   is not found, --all is refused); without, the store's operator (ADMIN). A case's read is recorded in
 *   the access log before a line is written; a whole-store export's patients and cases as it ends.
 * `npm run export -- --case <id> --fhir [--as-of <ISO time>] [--out <file>] [--actor <user id>] [--facility <id>]…`
 *   The case as a FHIR R4 Bundle (JSON, src/fhir/), as it stood at --as-of when given, read through the same
 *   seam and recorded in the access log (operation fhirExport) before it is written. Exit 4 when not found.
 * `npm run export -- --verify <file | -> --key <public key file> [--checkpoint <kept checkpoint.json>]`
 *   Checks an export offline: the signature, every chain, the heads line and the checkpoint proofs.
 *   Prints a JSON report. Without --key the signature cannot be checked and the export is not intact.
 * `npm run export -- --public-key`
 *   Prints the server's public key (SPKI PEM), for auditors to keep outside the system.
 * To redirect stdout, use --out or `npm run --silent export …` (npm prints its own header on stdout).
 * Exits 0 when all is well, 1 when a chain is broken (the export is still written) or an export is
 * not intact, 2 on bad usage, 3 when it could not run (no store, no key), 4 when the case does not exist.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { patientDataFor, type Caller, type PatientData } from '../access/patient-data';
import { complianceConfigOf, createServices } from '../app';
import { verifyExport } from '../audit/export-verification';
import { parseCheckpoint } from '../audit/integrity-checkpoint';
import type { ExportSelection, ExportSummary } from '../audit/ndjson-export';
import { loadSigningKey, readPublicKeys, type PublicKey, type SigningKey } from '../audit/signing-key';
import { loadConfig, type Config } from '../config';
import type { EventStore } from '../eventstore/port';
import type { User } from '../graphql/auth/user';
import { createLogger } from '../logger';
import { createMemoryReadStore } from '../readstore/memory';
import { openExistingStore } from './open-store';
import { createProgress } from './progress';

export interface ExportIo {
  stdout: Writable;
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  openStore?: () => Promise<EventStore>;
}

const USAGE =
  'usage: npm run export -- --case <id> | --all [--out <file>] [--actor <user id>] [--facility <id>]...\n' +
  '       npm run export -- --case <id> --fhir [--as-of <ISO time>] [--out <file>] [--actor <user id>] [--facility <id>]...\n' +
  '       npm run export -- --verify <file | -> --key <public key file> [--checkpoint <kept checkpoint.json>]\n' +
  '       npm run export -- --public-key\n' +
  '\n' +
  'Writes a signed NDJSON export of the events (one case, or --all) on stdout or into --out, read through the\n' +
  'same authorized, access-logged path as the API: with --facility as an auditor of those facilities, without it as\n' +
  "the store's operator (ADMIN). --actor names who exports (default CELLTRAIL_ACTOR, else cli).\n" +
  '  --verify <file | ->   checks an export offline: signature (--key), chains, heads, proofs (--checkpoint)\n' +
  "  --public-key          prints the server's public signing key (PEM)\n" +
  '  -h, --help            this text\n' +
  'Use `npm run -s export` (or --out) so that npm prints nothing of its own on stdout.\n' +
  'Exit codes: 0 well, 1 a broken chain or an export not intact, 2 bad usage, 3 could not run, 4 no such case.\n';

/** Exit code: the case asked for does not exist. */
export const NOT_FOUND = 4;

const json = (value: unknown): string => JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);

async function verifyFile(file: string, keyFile: string | undefined, checkpointFile: string | undefined, io: ExportIo): Promise<number> {
  const keys: PublicKey[] = keyFile === undefined ? [] : await readPublicKeys(readFileSync(keyFile, 'utf8'));
  const kept = checkpointFile === undefined ? undefined : parseCheckpoint(readFileSync(checkpointFile, 'utf8'), checkpointFile);
  const input = file === '-' ? io.stdin : createReadStream(file, 'utf8');
  const report = await verifyExport(createInterface({ input, crlfDelay: Infinity }), { keys, kept });
  io.stdout.write(`${json(report)}\n`);
  for (const problem of report.problems) io.stderr.write(`${problem}\n`);
  for (const broken of report.broken)
    io.stderr.write(`BROKEN ${broken.stream} at revision ${broken.firstInvalidRevision}: ${broken.reason}\n`);
  const verdict = report.valid
    ? `export intact, signed by key ${report.signature.keyId}` +
      (report.checkpoint.status === 'matches'
        ? `, matching the ${report.checkpoint.against} checkpoint at position ${report.checkpoint.position}`
        : report.checkpoint.status === 'uncovered'
          ? `; none of its streams existed at the checkpoint at position ${report.checkpoint.position}, so that proves nothing about them`
          : '')
    : 'export NOT intact';
  io.stderr.write(`${report.eventCount} events in ${report.streamCount} streams: ${verdict}\n`);
  return report.valid ? 0 : 1;
}

/** The export, written through the caller's seam (src/access/): in scope, and recorded in the access log. */
async function writeExport(
  data: PatientData,
  store: EventStore,
  selection: ExportSelection,
  out: Writable,
  io: ExportIo,
  signing: { key: SigningKey; exportedBy: string },
): Promise<ExportSummary | null> {
  const head = selection.kind === 'all' ? await store.headPosition() : 0n;
  const progress = selection.kind === 'all' ? createProgress('export', Number(head), { stream: io.stderr }) : null;
  const write = (line: string): Promise<void> | void => (out.write(line) ? undefined : once(out, 'drain').then(() => undefined));
  const summary = await data.exportEvents(selection, write, {
    onProgress: (_count, position) => progress?.update(Number(position)),
    signing,
  });
  progress?.done();
  return summary;
}

/**
 * Who the CLI reads as: with `--facility`, an auditor of those facilities; without, the operator of the
 * whole store (an administrator: whoever runs it holds the store's files).
 */
function cliCaller(actorId: string, facilities: readonly string[]): Caller {
  const user: User = { id: actorId, name: actorId, roles: facilities.length > 0 ? ['AUDITOR'] : ['ADMIN'], facilities: [...facilities] };
  return { user, correlationId: randomUUID() };
}

/** `--fhir`: the case's FHIR R4 bundle, through the caller's seam (no signing key needed: FHIR carries its own Provenance). */
async function writeFhirBundle(
  caseId: string,
  asOf: string | undefined,
  values: { out?: string; actor?: string; facility?: string[] },
  config: Config,
  store: EventStore,
  io: ExportIo,
): Promise<number> {
  if (asOf !== undefined && Number.isNaN(Date.parse(asOf))) {
    await store.close();
    io.stderr.write(`--as-of must be an ISO-8601 time\n${USAGE}`);
    return 2;
  }
  const services = createServices(config, {
    store,
    readStore: createMemoryReadStore(),
    logger: createLogger('silent'),
    clock: () => new Date(),
    compliance: complianceConfigOf(config),
  });
  const data = patientDataFor(services, cliCaller(values.actor ?? io.env.CELLTRAIL_ACTOR ?? 'cli', values.facility ?? []));
  try {
    const bundle = await data.caseFhirBundle(caseId, asOf);
    if (bundle === null) {
      io.stderr.write(`not found: no case ${caseId} in the facilities given${asOf === undefined ? '' : ' as of that time'}\n`);
      return NOT_FOUND;
    }
    const text = `${JSON.stringify(bundle, null, 2)}\n`;
    if (values.out !== undefined) writeFileSync(values.out, text);
    else io.stdout.write(text);
    io.stderr.write(`exported a FHIR R4 bundle of ${bundle.entry?.length ?? 0} resources\n`);
    return 0;
  } finally {
    await services.accessLog.close();
    await services.securityEvents.close();
    await store.close();
  }
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
        facility: { type: 'string', multiple: true },
        verify: { type: 'string' },
        key: { type: 'string' },
        checkpoint: { type: 'string' },
        'public-key': { type: 'boolean' },
        fhir: { type: 'boolean' },
        'as-of': { type: 'string' },
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
  const modes = [values.case !== undefined, values.all === true, values.verify !== undefined, values['public-key'] === true].filter(
    Boolean,
  ).length;
  const verifyOnly = (values.key !== undefined || values.checkpoint !== undefined) && values.verify === undefined;
  const fhirMisused = (values.fhir === true && values.case === undefined) || (values['as-of'] !== undefined && values.fhir !== true);
  if (modes !== 1 || verifyOnly || fhirMisused) {
    io.stderr.write(USAGE);
    return 2;
  }
  if (values.verify !== undefined) return verifyFile(values.verify, values.key, values.checkpoint, io);
  const config = loadConfig(io.env);
  // The store first: a DATA_DIR that holds none is not the server's, and gets no key of its own.
  const store = await (io.openStore ?? (() => openExistingStore(config)))();
  if (values.fhir === true && values.case !== undefined) return writeFhirBundle(values.case, values['as-of'], values, config, store, io);
  let key: SigningKey;
  try {
    key = await loadSigningKey({ keyFile: config.exportSigningKeyFile, dataDir: config.dataDir });
  } catch (error) {
    await store.close();
    throw error;
  }
  if (values['public-key']) {
    await store.close();
    io.stdout.write(key.publicPem);
    io.stderr.write(`key id ${key.keyId}\n`);
    return 0;
  }

  const selection: ExportSelection = values.case !== undefined ? { kind: 'case', caseId: values.case } : { kind: 'all' };
  const actorId = values.actor ?? io.env.CELLTRAIL_ACTOR ?? 'cli';
  const services = createServices(config, {
    store,
    readStore: createMemoryReadStore(),
    logger: createLogger('silent'),
    clock: () => new Date(),
    compliance: complianceConfigOf(config),
  });
  const data = patientDataFor(services, cliCaller(actorId, values.facility ?? []));
  const out = values.out !== undefined ? createWriteStream(values.out) : io.stdout;
  try {
    if (selection.kind === 'all' && (values.facility ?? []).length > 0) {
      io.stderr.write("an export of the whole store is the operator's: run it without --facility\n");
      return 2;
    }
    const summary = await writeExport(data, store, selection, out, io, { key, exportedBy: actorId });
    if (summary === null) {
      io.stderr.write(`not found: no case ${values.case} in the facilities given\n`);
      return NOT_FOUND;
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
    await services.accessLog.close();
    await services.securityEvents.close();
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
