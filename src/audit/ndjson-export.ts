/**
 * NDJSON export of envelopes, verifiable offline: one event per line in order (a case's stream by
 * revision, or the whole store in global order), then one line with each stream's head (last revision
 * and hash), so truncation and edits show, and the heads can be compared with the live store.
 */
import { caseStream } from '../domain/events';
import type { EventMetadata, EventStore, JsonObject, RecordedEvent } from '../eventstore/port';
import { createChainChecker, type ChainChecker, type StreamIntegrity } from './chain-checker';
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
  const checkers = new Map<string, ChainChecker>();
  const heads = new Map<string, ExportedHead>();
  const subjects = new Map<string, Subject>();
  let eventCount = 0;
  for await (const page of pages(store, selection, options.pageSize ?? 1000)) {
    for (const event of page) {
      await write(`${exportLine(event)}\n`);
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
  await write(`${JSON.stringify(trailer)}\n`);
  const broken = [...checkers.values()].map((c) => c.result()).filter((r) => !r.valid);
  return { eventCount, heads: trailer.heads, subjects: [...subjects.values()], broken };
}
