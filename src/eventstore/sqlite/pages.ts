/**
 * One subscription page, as rows not yet decoded: read on the subscription's thread, or, while a
 * subscription catches up on a large backlog, one page ahead of it in a worker (catch-up-reader.ts).
 */
import type { FilteredRead } from './filtered-reads';
import { headPosition } from './reads';
import type { EventRow, Statements } from './statements';

export interface PageRows {
  rows: EventRow[];
  /** The subscription's cursor after this page. */
  cursor: bigint;
  /**
   * Set when a filtered page ends short of a full page: every event up to the head (read before the
   * page) is accounted for, so the subscriber's checkpoint moves there, past the skipped events.
   */
  checkpoint: bigint | null;
}

/** The page after `cursor`: up to `pageSize` events, of the filter when there is one. */
export function readPageRows(st: Statements, cursor: bigint, pageSize: number, readFiltered: FilteredRead | null): PageRows {
  if (!readFiltered) {
    const rows = st.all.all(cursor, pageSize) as EventRow[];
    const last = rows[rows.length - 1];
    return { rows, cursor: last ? BigInt(last[0]) : cursor, checkpoint: null };
  }
  // The head is read first: a short page then holds every match up to it, even if appends land in between.
  const head = headPosition(st);
  if (head <= cursor) return { rows: [], cursor, checkpoint: null };
  const rows = readFiltered(st, cursor, pageSize);
  const lastRow = rows[rows.length - 1];
  const last = lastRow ? BigInt(lastRow[0]) : cursor;
  if (rows.length === pageSize || last >= head) return { rows, cursor: last, checkpoint: null };
  return { rows, cursor: head, checkpoint: head };
}
