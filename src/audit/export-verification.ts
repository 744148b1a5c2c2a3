/**
 * Verifying an NDJSON export offline (see ndjson-export.ts): every stream's chain, line by line with
 * memory O(streams), then the heads line against the events before it, so a removed tail shows too.
 */
import type { ExportedEvent, ExportTrailer } from './ndjson-export';
import { createChainChecker, type ChainChecker, type CheckedEvent, type StreamIntegrity } from './chain-checker';

export interface ExportVerification {
  valid: boolean;
  eventCount: number;
  streamCount: number;
  broken: StreamIntegrity[];
  /** Problems with the file itself: malformed lines, a missing or disagreeing heads line. */
  problems: string[];
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

/** Checks an export read line by line: every stream's chain, and the heads line against the events before it. */
export async function verifyExport(lines: AsyncIterable<string> | Iterable<string>): Promise<ExportVerification> {
  const checkers = new Map<string, ChainChecker>();
  const problems: string[] = [];
  let trailer: ExportTrailer | null = null;
  let eventCount = 0;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    if (trailer) {
      problems.push(`line ${lineNumber}: content after the heads line`);
      break;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`line ${lineNumber}: not JSON`);
      continue;
    }
    if ((value as { kind?: unknown } | null)?.kind === 'heads') {
      trailer = value as ExportTrailer;
      continue;
    }
    const event = parseEvent(value);
    if (!event) {
      problems.push(`line ${lineNumber}: not an event envelope`);
      continue;
    }
    eventCount += 1;
    let checker = checkers.get(event.stream);
    if (!checker) checkers.set(event.stream, (checker = createChainChecker(event.stream)));
    checker.add(event);
  }
  const results = [...checkers.values()].map((c) => c.result());
  if (!trailer) problems.push('no heads line: the export is incomplete');
  else problems.push(...headProblems(trailer, results, eventCount));
  const broken = results.filter((r) => !r.valid);
  return { valid: broken.length === 0 && problems.length === 0, eventCount, streamCount: checkers.size, broken, problems };
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
