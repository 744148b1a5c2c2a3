/** The embedded EventStore adapter: one SQLite file (or `:memory:`) through better-sqlite3. */
import { resolve } from 'node:path';
import type { EventStore, Subscription } from '../port';
import { toRows, validateExpected } from './append-rules';
import { createGroupCommitWriter } from './group-commit';
import { headPosition, readAll, readStream, streamHeads } from './reads';
import { openDatabase, readSettings, type SynchronousMode } from './schema';
import { prepareStatements, type Statements } from './statements';
import { createCommitSignal, createSubscription, type SubscriptionDeps } from './subscription';
import { startCatchUpReader } from './catch-up-reader';

export interface SqliteEventStoreOptions {
  /** A file path (its directory is created) or ':memory:'. */
  path: string;
  /** Positions read per subscription page (default 2000). */
  pageSize?: number;
  /** How often a live subscription looks for appends made by other processes (default 1000 ms). */
  livePollMs?: number;
  /**
   * A subscription with at least this many positions to catch up on reads them one page ahead in a
   * worker thread (catch-up-reader.ts; default 20,000; false: never). Not for ':memory:'.
   */
  catchUpWorkerFrom?: number | false;
}

export interface SqliteEventStore extends EventStore {
  /** The durability settings as SQLite reports them now. */
  settings(): { journalMode: string; synchronous: SynchronousMode };
  /** Write transactions committed since open: concurrent appends share one (group commit). */
  commitCount(): number;
}

const DEFAULT_CATCH_UP_WORKER_FROM = 20_000;

export function createSqliteEventStore(options: SqliteEventStoreOptions): SqliteEventStore {
  const db = openDatabase(options.path);
  const pageSize = options.pageSize ?? 2000;
  const catchUpWorkerFrom = options.catchUpWorkerFrom ?? DEFAULT_CATCH_UP_WORKER_FROM;
  const catchUpReader: SubscriptionDeps['catchUpReader'] =
    options.path === ':memory:' || catchUpWorkerFrom === false
      ? undefined
      : (st, after, filter) =>
          headPosition(st) - after < BigInt(catchUpWorkerFrom)
            ? null
            : startCatchUpReader({ path: resolve(options.path), filter, pageSize, after });
  let statements: Statements | null = prepareStatements(db);
  const commits = createCommitSignal();
  const writer = createGroupCommitWriter(db, statements, () => commits.fire());
  const subscriptions = new Set<Subscription>();
  let closing: Promise<void> | undefined;

  function open(): Statements {
    if (!statements) throw new Error('event store is closed');
    return statements;
  }

  // The port is asynchronous; better-sqlite3 is not. Errors surface as rejections either way.
  const later = <T>(read: () => T): Promise<T> => new Promise((resolve) => resolve(read()));

  return {
    append(stream, events, expected) {
      try {
        validateExpected(expected);
        return writer.append({ stream, expected, rows: toRows(stream, events) });
      } catch (err) {
        return Promise.reject(err);
      }
    },
    readStream: (stream, readOptions) => later(() => readStream(open(), stream, readOptions)),
    readAll: (readOptions) => later(() => readAll(open(), readOptions)),
    headPosition: () => later(() => headPosition(open())),
    streamHeads: (upTo) => later(() => streamHeads(open(), upTo)),
    subscribeToAll(subscribeOptions) {
      const subscription = createSubscription(
        {
          statements: () => statements,
          commits,
          pageSize,
          pollMs: options.livePollMs ?? 1000,
          onClose: (sub) => subscriptions.delete(sub),
          catchUpReader,
        },
        subscribeOptions,
      );
      subscriptions.add(subscription);
      return subscription;
    },
    settings: () => readSettings(db),
    commitCount: () => writer.commitCount(),
    close() {
      closing ??= (async () => {
        writer.close();
        await Promise.all([...subscriptions].map((sub) => sub.close()));
        statements = null;
        db.close();
      })();
      return closing;
    },
  };
}
