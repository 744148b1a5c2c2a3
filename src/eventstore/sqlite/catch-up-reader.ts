/**
 * Reading a subscription's backlog one page ahead, in a worker thread (catch-up-worker.ts): while the
 * subscriber decodes and applies a page, the worker reads the next. SQLite reads are synchronous, so
 * on the subscriber's thread they would stop everything else for the time of each page.
 */
import type { Worker } from 'node:worker_threads';
import { errorText, startModuleWorker } from '../../module-worker';
import type { CatchUpReply, CatchUpRequest, CatchUpWorkerData } from './catch-up-worker';
import type { PageRows } from './pages';

export interface CatchUpReader {
  /** The page after the previous one (after `after`, first); the page after it is read meanwhile. Rejects when the worker fails. */
  next(): Promise<PageRows>;
  close(): Promise<void>;
}

export function startCatchUpReader(options: CatchUpWorkerData & { after: bigint }): CatchUpReader {
  const data: CatchUpWorkerData = { path: options.path, filter: options.filter, pageSize: options.pageSize };
  const worker: Worker = startModuleWorker(require.resolve('./catch-up-worker'), { ...data });
  // An open subscription does not keep the process alive by its reader alone.
  worker.unref();
  let waiting: { resolve: (page: PageRows) => void; reject: (error: Error) => void } | null = null;
  let failure: Error | null = null;
  let closed = false;
  /** Whether the page in flight had arrived before it was asked for: the worker has time to spare. */
  let arrived = false;

  const fail = (error: Error): void => {
    failure ??= error;
    waiting?.reject(failure);
    waiting = null;
  };
  worker.on('message', (reply: CatchUpReply) => {
    arrived = true;
    if (reply.ok) waiting?.resolve(reply.page);
    else fail(new Error(`catch-up read failed: ${reply.error}`));
    waiting = null;
  });
  worker.on('error', (error: unknown) => fail(new Error(`catch-up worker failed: ${errorText(error)}`)));
  worker.on('exit', (code) => {
    if (!closed) fail(new Error(`catch-up worker stopped (exit code ${code})`));
  });

  function request(cursor: bigint, pack: boolean): Promise<PageRows> {
    if (failure) return Promise.reject(failure);
    arrived = false;
    const page = new Promise<PageRows>((resolve, reject) => {
      waiting = { resolve, reject };
      worker.postMessage({ cursor, pack } satisfies CatchUpRequest);
    });
    // Observed by next(); a failure nobody awaits any more (closed) is not an unhandled rejection.
    page.catch(() => {});
    return page;
  }

  let ahead = request(options.after, false);
  return {
    async next() {
      // Work is shared by how the last page went: a worker that was ready first also parses the next
      // page's metadata (packed-metadata.ts), one that kept this thread waiting only reads it.
      const pack = arrived;
      const page = await ahead;
      // An empty page is the end of the backlog: the subscriber goes live and reads on its own thread.
      if (page.rows.length > 0 || page.checkpoint !== null) ahead = request(page.cursor, pack);
      return page;
    },
    async close() {
      if (closed) return;
      closed = true;
      // A next() still waiting ends now: its subscription is closing.
      fail(new Error('catch-up reader closed'));
      await worker.terminate();
    },
  };
}
