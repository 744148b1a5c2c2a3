/**
 * The worker side of worker-access-writer.ts: its own connection to the SQLite store, appending each
 * day of access records it is sent (appendAccessDay), one request at a time, in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createSqliteEventStore } from '../eventstore/sqlite';
import { appendAccessDay, type TimedAccessRecord } from './access-day';

export type AccessWriterRequest =
  { kind: 'write'; id: number; stream: string; records: TimedAccessRecord[] } | { kind: 'close'; id: number };
export type AccessWriterReply = { id: number; ok: true } | { id: number; ok: false; error: string };

const store = createSqliteEventStore({ path: (workerData as { path: string }).path, catchUpWorkerFrom: false });
let turn: Promise<void> = Promise.resolve();

parentPort?.on('message', (request: AccessWriterRequest) => {
  turn = turn.then(async () => {
    let reply: AccessWriterReply;
    try {
      if (request.kind === 'write') await appendAccessDay(store, request.stream, request.records);
      else await store.close();
      reply = { id: request.id, ok: true };
    } catch (error) {
      reply = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort?.postMessage(reply);
  });
});
