/** Verifying one stream's hash chain through the port, page by page in revision order. */
import type { EventStore, RecordedEvent } from '../eventstore/port';
import { createChainChecker, type StreamIntegrity } from './chain-checker';

export interface VerifyStreamOptions {
  pageSize?: number;
  /**
   * A revision known to have been recorded (e.g. the last one a read model applied). The chain cannot
   * show that its own tail was cut off; a stream ending before this revision was.
   */
  knownRevision?: number | null;
}

/** A row the adapter cannot decode (its JSON was edited by hand) fails the read with a SyntaxError. */
export const isUnreadableRow = (error: unknown): boolean => error instanceof SyntaxError;

export async function verifyStream(store: EventStore, stream: string, options: VerifyStreamOptions = {}): Promise<StreamIntegrity> {
  const pageSize = options.pageSize ?? 1000;
  const checker = createChainChecker(stream);
  let from = 0;
  let lastRevision = -1;
  // After an unreadable row, read one event at a time so the failing revision is known exactly.
  let single = false;
  for (;;) {
    let page: RecordedEvent[];
    try {
      page = await store.readStream(stream, { fromRevision: from, maxCount: single ? 1 : pageSize });
    } catch (error) {
      if (!isUnreadableRow(error)) throw error;
      if (!single) {
        single = true;
        continue;
      }
      checker.fail(from, 'unreadable event');
      return checker.result();
    }
    let intact = true;
    for (const event of page) {
      // Events after a break are still counted, so eventCount is the stream's length.
      intact = checker.add(event) && intact;
      lastRevision = Math.max(lastRevision, event.revision);
    }
    if (page.length < (single ? 1 : pageSize)) break;
    if (single && !intact) return checker.result();
    from = lastRevision + 1;
  }
  const known = options.knownRevision;
  if (known !== undefined && known !== null && known > lastRevision) {
    checker.fail(lastRevision + 1, `stream truncated: it ends at revision ${lastRevision}, revision ${known} was recorded`);
  }
  return checker.result();
}
