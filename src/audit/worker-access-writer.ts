/**
 * Writing the access log from a worker thread, for the embedded SQLite store: sealing a day's records
 * (canonical JSON, SHA-256) and committing them (inserts, fsync) was about a sixth of the main
 * thread's time under a read load. The worker opens the same file (SQLite serializes the two writers;
 * a command's write may wait for an access-log commit in progress, up to the busy timeout).
 * The worker starts with the first write and again after a failure; the access log keeps and retries
 * what a failed write did not store, as with any store failure.
 */
import type { Worker } from 'node:worker_threads';
import { errorText, startModuleWorker } from '../module-worker';
import type { AccessDayWriter } from './access-day';
import type { AccessWriterReply, AccessWriterRequest } from './access-writer-worker';

export interface WorkerAccessWriter {
  writeDay: AccessDayWriter;
  /** Waits for the writes sent, closes the worker's connection and stops it. */
  close(): Promise<void>;
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

interface Running {
  worker: Worker;
  waiting: Map<number, { resolve: () => void; reject: (error: Error) => void }>;
}

export function startWorkerAccessWriter(path: string): WorkerAccessWriter {
  let running: Running | null = null;
  let nextId = 0;

  function start(): Running {
    const worker = startModuleWorker(require.resolve('./access-writer-worker'), { path });
    const current: Running = { worker, waiting: new Map() };
    const fail = (error: Error): void => {
      for (const { reject } of current.waiting.values()) reject(error);
      current.waiting.clear();
      if (running === current) running = null;
    };
    worker.on('message', (reply: AccessWriterReply) => {
      const waiter = current.waiting.get(reply.id);
      current.waiting.delete(reply.id);
      if (reply.ok) waiter?.resolve();
      else waiter?.reject(new Error(reply.error));
    });
    worker.on('error', (error: unknown) => fail(new Error(`access-log writer failed: ${errorText(error)}`)));
    worker.on('exit', (code) => fail(new Error(`access-log writer stopped (exit code ${code})`)));
    return current;
  }

  function send(request: WithoutId<AccessWriterRequest>, on: Running): Promise<void> {
    const id = nextId++;
    return new Promise<void>((resolve, reject) => {
      on.waiting.set(id, { resolve, reject });
      on.worker.postMessage({ ...request, id } as AccessWriterRequest);
    });
  }

  return {
    writeDay(stream, records) {
      running ??= start();
      return send({ kind: 'write', stream, records: [...records] }, running);
    },
    async close() {
      const current = running;
      running = null;
      if (!current) return;
      try {
        await send({ kind: 'close' }, current);
      } finally {
        await current.worker.terminate();
      }
    },
  };
}
