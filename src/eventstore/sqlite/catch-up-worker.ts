/**
 * The worker side of catch-up-reader.ts: its own read-only connection to the store's file, answering
 * each cursor it is sent with the page after it, as rows. Decoding stays with the subscriber: decoded
 * events would cost as much to copy across as to decode.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { EventFilter } from '../port';
import { planFilteredRead } from './filtered-reads';
import { readPageRows, type PageRows } from './pages';
import { prepareStatements } from './statements';

export interface CatchUpWorkerData {
  path: string;
  /** Null: every event. */
  filter: EventFilter | null;
  pageSize: number;
}

export type CatchUpReply = { ok: true; page: PageRows } | { ok: false; error: string };

const { path, filter, pageSize } = workerData as CatchUpWorkerData;
const db = new Database(path, { readonly: true, fileMustExist: true });
const statements = prepareStatements(db);
const readFiltered = filter === null ? null : planFilteredRead(filter);

parentPort?.on('message', (cursor: bigint) => {
  let reply: CatchUpReply;
  try {
    reply = { ok: true, page: readPageRows(statements, cursor, pageSize, readFiltered) };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
