/**
 * The worker side of catch-up-reader.ts: its own read-only connection to the store's file, answering
 * each cursor it is sent with the page after it, as rows; when asked, with their metadata parsed and
 * packed (packed-metadata.ts), the larger part of decoding them. The rest stays with the subscriber:
 * decoded events would cost as much to copy across as to decode.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { EventFilter } from '../port';
import { planFilteredRead } from './filtered-reads';
import { packMetadata } from './packed-metadata';
import { readPageRows, type PageRows } from './pages';
import { prepareStatements } from './statements';

export interface CatchUpWorkerData {
  path: string;
  /** Null: every event. */
  filter: EventFilter | null;
  pageSize: number;
}

/** The page after `cursor`; `pack`: with its metadata parsed and packed. */
export interface CatchUpRequest {
  cursor: bigint;
  pack: boolean;
}

export type CatchUpReply = { ok: true; page: PageRows } | { ok: false; error: string };

const { path, filter, pageSize } = workerData as CatchUpWorkerData;
const db = new Database(path, { readonly: true, fileMustExist: true });
const statements = prepareStatements(db);
const readFiltered = filter === null ? null : planFilteredRead(filter);

parentPort?.on('message', ({ cursor, pack }: CatchUpRequest) => {
  let reply: CatchUpReply;
  try {
    const page = readPageRows(statements, cursor, pageSize, readFiltered);
    if (pack) for (const row of page.rows) row[6] = packMetadata(row[6] as string);
    reply = { ok: true, page };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
