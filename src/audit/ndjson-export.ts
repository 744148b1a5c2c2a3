/**
 * NDJSON export of envelopes, verifiable offline:
 * - first, when the store has an integrity checkpoint, a `checkpoint` line: the latest checkpoint
 *   (signed) and, for each stream the export holds that it covers, the stream's head then with its
 *   Merkle inclusion proof (integrity-checkpoint.ts), so the export can be held against a kept checkpoint;
 * - one event per line in order (a case's stream by revision, or the whole store in global order);
 * - a `heads` line with each stream's head (last revision and hash), so truncation and edits show;
 * - when signed, a last `signature` line: a JWS (signing-key.ts) over the SHA-256 of every byte before
 *   it, what was selected, when and by whom. The chains alone prove only that the file agrees with
 *   itself (anyone can re-hash an edited file); the signature proves the server's key made it.
 */
import { createHash } from 'node:crypto';
import { caseStream } from '../domain/events';
import type { EventMetadata, EventStore, JsonObject, RecordedEvent, StreamHead } from '../eventstore/port';
import { createChainChecker, type ChainChecker, type StreamIntegrity } from './chain-checker';
import { latestCheckpoint, proofsAt, type SignedCheckpoint } from './integrity-checkpoint';
import type { InclusionProof } from './merkle';
import { signPayload, type SigningKey } from './signing-key';
import { collectSubjects, type Subject } from './subjects';

export type ExportSelection = { kind: 'case'; caseId: string } | { kind: 'all' };

/** An event line: the envelope with its position as a decimal string. */
export interface ExportedEvent {
  id: string;
  stream: string;
  revision: number;
  position: string;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
}

export interface ExportedHead {
  stream: string;
  revision: number;
  hash: string;
  position: string;
}

/** The last line. */
export interface ExportTrailer {
  kind: 'heads';
  exportedAt: string;
  eventCount: number;
  heads: ExportedHead[];
}

/** The first line, when the store has a checkpoint. Heads' positions are decimal strings. */
export interface ExportCheckpointLine {
  kind: 'checkpoint';
  checkpoint: SignedCheckpoint;
  heads: Array<{ stream: string; revision: number; hash: string; position: string; proof: InclusionProof }>;
}

/** What the signature line's JWS signs. */
export interface ExportSignedPayload {
  kind: 'celltrail-export';
  /** SHA-256 (hex) of every byte of the file before the signature line. */
  sha256: string;
  selection: ExportSelection;
  exportedAt: string;
  exportedBy: string;
  eventCount: number;
  keyId: string;
}

/** The last line of a signed export. */
export interface ExportSignatureLine {
  kind: 'signature';
  keyId: string;
  jws: string;
}

export interface ExportSummary {
  eventCount: number;
  heads: ExportedHead[];
  /** Whose data was exported (for the access log). */
  subjects: Subject[];
  /** Streams whose stored chain was already broken (the export still holds what is stored). */
  broken: StreamIntegrity[];
}

export interface ExportOptions {
  pageSize?: number;
  now?: () => Date;
  /** After each page: events written so far and the position of the last one. */
  onProgress?: (eventCount: number, lastPosition: bigint) => void;
  /** Signs the export with the server's key, naming who exported it. */
  signing?: { key: SigningKey; exportedBy: string };
}

export const exportLine = (e: RecordedEvent): string =>
  JSON.stringify({
    id: e.id,
    stream: e.stream,
    revision: e.revision,
    position: e.position.toString(),
    type: e.type,
    data: e.data,
    metadata: e.metadata,
  } satisfies ExportedEvent);

async function* pages(store: EventStore, selection: ExportSelection, pageSize: number): AsyncGenerator<RecordedEvent[]> {
  if (selection.kind === 'case') {
    for (let from = 0; ;) {
      const page = await store.readStream(caseStream(selection.caseId), { fromRevision: from, maxCount: pageSize });
      if (page.length > 0) yield page;
      if (page.length < pageSize) return;
      from = (page[page.length - 1] as RecordedEvent).revision + 1;
    }
  }
  for (let after: bigint | undefined; ;) {
    const page = await store.readAll({ after, maxCount: pageSize });
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = (page[page.length - 1] as RecordedEvent).position;
  }
}

/** Writes the export line by line through `write` (which may wait for the sink to drain). */
export async function exportEvents(
  store: EventStore,
  selection: ExportSelection,
  write: (line: string) => Promise<void> | void,
  options: ExportOptions = {},
): Promise<ExportSummary> {
  const digest = createHash('sha256');
  const emit = (line: string): Promise<void> | void => {
    digest.update(line, 'utf8');
    return write(line);
  };
  // Read before the events: its position is then at or before every event the export reads.
  const checkpoint = await checkpointLine(store, selection);
  if (checkpoint) await emit(`${JSON.stringify(checkpoint)}\n`);
  const checkers = new Map<string, ChainChecker>();
  const heads = new Map<string, ExportedHead>();
  const subjects = new Map<string, Subject>();
  let eventCount = 0;
  for await (const page of pages(store, selection, options.pageSize ?? 1000)) {
    for (const event of page) {
      await emit(`${exportLine(event)}\n`);
      let checker = checkers.get(event.stream);
      if (!checker) checkers.set(event.stream, (checker = createChainChecker(event.stream)));
      checker.add(event);
      heads.set(event.stream, {
        stream: event.stream,
        revision: event.revision,
        hash: event.metadata.hash,
        position: event.position.toString(),
      });
      eventCount += 1;
    }
    collectSubjects(page, subjects);
    options.onProgress?.(eventCount, (page[page.length - 1] as RecordedEvent).position);
  }
  const trailer: ExportTrailer = {
    kind: 'heads',
    exportedAt: (options.now ?? (() => new Date()))().toISOString(),
    eventCount,
    heads: [...heads.values()],
  };
  await emit(`${JSON.stringify(trailer)}\n`);
  if (options.signing) {
    const { key, exportedBy } = options.signing;
    const payload: ExportSignedPayload = {
      kind: 'celltrail-export',
      sha256: digest.digest('hex'),
      selection,
      exportedAt: trailer.exportedAt,
      exportedBy,
      eventCount,
      keyId: key.keyId,
    };
    const signature: ExportSignatureLine = { kind: 'signature', keyId: key.keyId, jws: await signPayload(key, payload) };
    await write(`${JSON.stringify(signature)}\n`);
  }
  const broken = [...checkers.values()].map((c) => c.result()).filter((r) => !r.valid);
  return { eventCount, heads: trailer.heads, subjects: [...subjects.values()], broken };
}

/** The latest checkpoint with the proofs of the selected streams it covers; null when none was recorded. */
async function checkpointLine(store: EventStore, selection: ExportSelection): Promise<ExportCheckpointLine | null> {
  const latest = await latestCheckpoint(store);
  if (!latest) return null;
  const { checkpoint } = latest;
  const position = BigInt(checkpoint.position);
  const streams = selection.kind === 'case' ? new Set([caseStream(selection.caseId)]) : null;
  const proven = await proofsAt(store, position, streams);
  return {
    kind: 'checkpoint',
    checkpoint,
    heads: proven.map((h: StreamHead & { proof: InclusionProof }) => ({
      stream: h.stream,
      revision: h.revision,
      hash: h.hash,
      position: h.position.toString(),
      proof: h.proof,
    })),
  };
}
