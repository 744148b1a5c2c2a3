/**
 * Verifying an NDJSON export offline (see ndjson-export.ts), line by line with memory O(streams):
 * - every stream's chain, and the heads line against the events before it (a removed tail shows);
 * - the signature line against the public keys given: the SHA-256 of every byte before it must be
 *   the one signed. Without it, or without a key to check it with, the file is not reported intact:
 *   a chain proves only that the file agrees with itself;
 * - the checkpoint line: each stream's head at the checkpoint must be in the file and proven in the
 *   checkpoint's Merkle tree; with a kept checkpoint, the export's must be that very one.
 */
import { createHash } from 'node:crypto';
import type { ExportCheckpointLine, ExportedEvent, ExportSignatureLine, ExportSignedPayload, ExportTrailer } from './ndjson-export';
import { createChainChecker, type ChainChecker, type CheckedEvent, type StreamIntegrity } from './chain-checker';
import { checkSignedCheckpoint, isSignedCheckpoint, type SignedCheckpoint } from './integrity-checkpoint';
import { leafHash, verifyInclusion } from './merkle';
import { verifyPayload, type PublicKey } from './signing-key';

export interface ExportSignatureReport {
  /** valid: made with a key given and unchanged since; invalid: it is not; unsigned: no signature line; unchecked: no key given. */
  status: 'valid' | 'invalid' | 'unsigned' | 'unchecked';
  keyId: string | null;
  /** What was signed, once the signature is valid. */
  signed?: Pick<ExportSignedPayload, 'selection' | 'exportedAt' | 'exportedBy' | 'eventCount'>;
}

export interface ExportCheckpointReport {
  /**
   * matches: every covered stream's head is in the file and proven; mismatch: one is not; uncovered:
   * no stream of the file existed at the checkpoint (nothing to prove); absent: no checkpoint line.
   */
  status: 'matches' | 'mismatch' | 'uncovered' | 'absent';
  /** Whether the checkpoint it was checked against is one the verifier kept (else: the one in the file). */
  against: 'kept' | 'embedded' | null;
  position: string | null;
  /** Streams whose head at the checkpoint was proven. */
  provenStreams: number;
}

export interface ExportVerification {
  valid: boolean;
  eventCount: number;
  streamCount: number;
  broken: StreamIntegrity[];
  /** Every reason the export is not intact, in words: malformed lines, heads, signature, checkpoint. */
  problems: string[];
  signature: ExportSignatureReport;
  checkpoint: ExportCheckpointReport;
}

export interface VerifyExportOptions {
  /** Public keys the auditor holds (signing-key.ts readPublicKeys). */
  keys?: readonly PublicKey[];
  /** A checkpoint the auditor kept: the export's proofs must be against it. */
  kept?: SignedCheckpoint;
}

function parseEvent(value: unknown): CheckedEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const e = value as Partial<ExportedEvent>;
  const ok =
    typeof e.id === 'string' &&
    typeof e.stream === 'string' &&
    typeof e.revision === 'number' &&
    typeof e.type === 'string' &&
    typeof e.position === 'string' &&
    /^\d+$/.test(e.position);
  if (!ok || typeof e.data !== 'object' || e.data === null || typeof e.metadata !== 'object' || e.metadata === null) return null;
  return {
    id: e.id!,
    stream: e.stream!,
    revision: e.revision!,
    type: e.type!,
    position: BigInt(e.position!),
    data: e.data,
    metadata: e.metadata,
  };
}

const kindOf = (value: unknown): unknown => (typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined);

/** Checks an export read line by line (see the module comment). */
export async function verifyExport(
  lines: AsyncIterable<string> | Iterable<string>,
  options: VerifyExportOptions = {},
): Promise<ExportVerification> {
  const checkers = new Map<string, ChainChecker>();
  const problems: string[] = [];
  const digest = createHash('sha256');
  let checkpointLine: ExportCheckpointLine | null = null;
  /** Streams with a head at the checkpoint: the revision and hash the file must hold, and whether it does. */
  const expected = new Map<string, { revision: number; hash: string; found: boolean }>();
  let trailer: ExportTrailer | null = null;
  let signatureLine: ExportSignatureLine | null = null;
  const firstPositions = new Map<string, bigint>();
  let eventCount = 0;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (signatureLine) {
      if (line.trim() !== '') {
        problems.push(`line ${lineNumber}: content after the signature line`);
        break;
      }
      continue;
    }
    let value: unknown = null;
    try {
      if (line.trim() !== '') value = JSON.parse(line);
    } catch {
      problems.push(`line ${lineNumber}: not JSON`);
    }
    const kind = kindOf(value);
    if (kind === 'signature') {
      signatureLine = value as ExportSignatureLine;
      continue;
    }
    // The bytes the signature covers: every line before it, each with its newline (as written).
    digest.update(`${line}\n`, 'utf8');
    if (value === null) continue;
    if (trailer) {
      problems.push(`line ${lineNumber}: content after the heads line`);
      break;
    }
    if (kind === 'heads') {
      trailer = value as ExportTrailer;
      continue;
    }
    if (kind === 'checkpoint') {
      if (lineNumber !== 1) problems.push(`line ${lineNumber}: a checkpoint line after the first line`);
      else checkpointLine = value as ExportCheckpointLine;
      for (const head of Array.isArray(checkpointLine?.heads) ? checkpointLine.heads : []) {
        expected.set(head.stream, { revision: head.revision, hash: head.hash, found: false });
      }
      continue;
    }
    const event = parseEvent(value);
    if (!event) {
      problems.push(`line ${lineNumber}: not an event envelope`);
      continue;
    }
    eventCount += 1;
    let checker = checkers.get(event.stream);
    if (!checker) {
      checkers.set(event.stream, (checker = createChainChecker(event.stream)));
      firstPositions.set(event.stream, event.position);
    }
    checker.add(event);
    const wanted = expected.get(event.stream);
    if (wanted && wanted.revision === event.revision && wanted.hash === event.metadata.hash) wanted.found = true;
  }
  const results = [...checkers.values()].map((c) => c.result());
  if (!trailer) problems.push('no heads line: the export is incomplete');
  else problems.push(...headProblems(trailer, results, eventCount));
  const signature = await checkSignature(signatureLine, digest.digest('hex'), eventCount, options.keys, problems);
  const checkpoint = await checkCheckpoint(checkpointLine, expected, firstPositions, options, problems);
  const broken = results.filter((r) => !r.valid);
  return {
    valid: broken.length === 0 && problems.length === 0,
    eventCount,
    streamCount: checkers.size,
    broken,
    problems,
    signature,
    checkpoint,
  };
}

async function checkSignature(
  line: ExportSignatureLine | null,
  sha256: string,
  eventCount: number,
  keys: readonly PublicKey[] | undefined,
  problems: string[],
): Promise<ExportSignatureReport> {
  if (!line) {
    problems.push('unsigned: no signature line, so nothing shows who made the file or that it was not re-hashed');
    return { status: 'unsigned', keyId: null };
  }
  const keyId = typeof line.keyId === 'string' ? line.keyId : null;
  if (!keys || keys.length === 0) {
    problems.push("signature not checked: give the server's public key (--key <file>)");
    return { status: 'unchecked', keyId };
  }
  const check = await verifyPayload(typeof line.jws === 'string' ? line.jws : '', keys);
  if (!check.valid) {
    problems.push(`signature: ${check.reason}`);
    return { status: 'invalid', keyId: check.keyId };
  }
  const payload = check.payload as Partial<ExportSignedPayload>;
  if (payload.kind !== 'celltrail-export') {
    problems.push('signature: it signs something other than an export');
    return { status: 'invalid', keyId: check.keyId };
  }
  if (payload.sha256 !== sha256) {
    problems.push('signature: the file was changed after it was signed (its SHA-256 is not the one signed)');
    return { status: 'invalid', keyId: check.keyId };
  }
  if (payload.eventCount !== eventCount)
    problems.push(`signature: it signs ${String(payload.eventCount)} events, the file holds ${eventCount}`);
  const { selection, exportedAt, exportedBy } = payload as ExportSignedPayload;
  return { status: 'valid', keyId: check.keyId, signed: { selection, exportedAt, exportedBy, eventCount: payload.eventCount! } };
}

async function checkCheckpoint(
  line: ExportCheckpointLine | null,
  expected: ReadonlyMap<string, { revision: number; hash: string; found: boolean }>,
  firstPositions: ReadonlyMap<string, bigint>,
  options: VerifyExportOptions,
  problems: string[],
): Promise<ExportCheckpointReport> {
  const { kept, keys } = options;
  if (!line) {
    if (kept) problems.push('the export holds no checkpoint to compare with the kept one');
    return { status: 'absent', against: null, position: null, provenStreams: 0 };
  }
  const embedded = line.checkpoint;
  const report: ExportCheckpointReport = {
    status: 'mismatch',
    against: kept ? 'kept' : 'embedded',
    position: isSignedCheckpoint(embedded) ? embedded.position : null,
    provenStreams: 0,
  };
  if (!isSignedCheckpoint(embedded) || !Array.isArray(line.heads)) {
    problems.push('checkpoint line: malformed');
    return report;
  }
  const before = problems.length;
  if (kept) {
    if (kept.root !== embedded.root || kept.position !== embedded.position) {
      problems.push(
        `checkpoint: the export's proofs are for the checkpoint at position ${embedded.position}, not the kept one at ${kept.position} (export again after the kept checkpoint is the latest, or keep this one)`,
      );
    }
    if (keys && keys.length > 0) problems.push(...(await checkSignedCheckpoint(kept, keys)));
  } else if (keys && keys.length > 0) {
    problems.push(...(await checkSignedCheckpoint(embedded, keys)));
  }
  const root = (kept ?? embedded).root;
  for (const head of line.heads) {
    if (!verifyInclusion(leafHash(head), head.proof, root)) {
      problems.push(`checkpoint: ${head.stream}'s head at revision ${head.revision} is not proven in the checkpoint's root`);
    } else if (!expected.get(head.stream)?.found) {
      problems.push(`checkpoint: ${head.stream} at revision ${head.revision} in the file is not the event the checkpoint holds`);
    } else report.provenStreams += 1;
  }
  // A stream the file holds from before the checkpoint must be covered by it.
  for (const [stream, first] of firstPositions) {
    if (!expected.has(stream) && first <= BigInt(embedded.position)) {
      problems.push(`checkpoint: ${stream} has events from before the checkpoint but no proof`);
    }
  }
  if (problems.length === before) report.status = report.provenStreams > 0 ? 'matches' : 'uncovered';
  return report;
}

function headProblems(trailer: ExportTrailer, results: StreamIntegrity[], eventCount: number): string[] {
  const problems: string[] = [];
  if (trailer.eventCount !== eventCount) problems.push(`the heads line counts ${trailer.eventCount} events, the file holds ${eventCount}`);
  const heads = new Map((Array.isArray(trailer.heads) ? trailer.heads : []).map((h) => [h.stream, h]));
  for (const result of results) {
    const head = heads.get(result.stream);
    heads.delete(result.stream);
    if (!head) problems.push(`${result.stream}: no head in the heads line`);
    else if (result.valid && (head.revision !== result.head?.revision || head.hash !== result.head?.hash)) {
      problems.push(`${result.stream}: the file ends at revision ${result.head?.revision ?? -1}, the heads line says ${head.revision}`);
    }
  }
  for (const stream of heads.keys()) problems.push(`${stream}: in the heads line but no event in the file`);
  return problems;
}
