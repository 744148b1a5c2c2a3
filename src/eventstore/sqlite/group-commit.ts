/**
 * Group commit: appends called in the same turn of the event loop share one write transaction (one
 * fsync), each inside its own savepoint so that one call's conflict does not undo the others.
 */
import type Database from 'better-sqlite3';
import { StoreUnavailableError, type AppendResult } from '../port';
import { applyAppend, type AppendCall } from './append-rules';
import { isStorageFailure } from './errors';
import type { Statements } from './statements';

interface QueuedAppend extends AppendCall {
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

export interface GroupCommitWriter {
  append(call: AppendCall): Promise<AppendResult>;
  /** Write transactions committed since open. */
  commitCount(): number;
  /** Set once a storage failure has stopped writes. */
  failure(): StoreUnavailableError | null;
  /** Runs the queued appends now and refuses any later ones. */
  close(): void;
}

export function createGroupCommitWriter(db: Database.Database, st: Statements, onCommitted: () => void): GroupCommitWriter {
  const tx = {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    savepoint: db.prepare('SAVEPOINT one_append'),
    release: db.prepare('RELEASE one_append'),
    rollbackTo: db.prepare('ROLLBACK TO one_append'),
  };
  let queue: QueuedAppend[] = [];
  let scheduled = false;
  let closed = false;
  let stopped: StoreUnavailableError | null = null;
  let commits = 0;

  function runBatch(batch: readonly QueuedAppend[]): Outcome[] {
    const outcomes: Outcome[] = [];
    tx.begin.run();
    for (const call of batch) {
      tx.savepoint.run();
      try {
        outcomes.push({ ok: true, result: applyAppend(st, call) });
        tx.release.run();
      } catch (error) {
        if (isStorageFailure(error)) throw error;
        tx.rollbackTo.run();
        tx.release.run();
        outcomes.push({ ok: false, error });
      }
    }
    tx.commit.run();
    return outcomes;
  }

  function flush(): void {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    if (stopped) {
      for (const call of batch) call.reject(stopped);
      return;
    }
    let outcomes: Outcome[];
    try {
      outcomes = runBatch(batch);
    } catch (error) {
      if (db.inTransaction) {
        try {
          db.exec('ROLLBACK');
        } catch {
          // The connection may already have rolled back on the I/O error; writes stop below either way.
        }
      }
      // The batch's outcome is unknown (a failed COMMIT may still be on disk): callers must retry
      // with the same event ids, which the idempotency check then recognises.
      const rejection = isStorageFailure(error)
        ? (stopped = new StoreUnavailableError('event store stopped accepting writes after a storage failure', { cause: error }))
        : error;
      for (const call of batch) call.reject(rejection);
      return;
    }
    commits++;
    batch.forEach((call, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.ok) call.resolve(outcome.result);
      else call.reject(outcome.error);
    });
    if (outcomes.some((o) => o.ok)) onCommitted();
  }

  return {
    append(call) {
      if (closed) return Promise.reject(new StoreUnavailableError('event store is closed'));
      if (stopped) return Promise.reject(stopped);
      return new Promise<AppendResult>((resolve, reject) => {
        queue.push({ ...call, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    commitCount: () => commits,
    failure: () => stopped,
    close() {
      flush();
      closed = true;
    },
  };
}
