/** The embedded EventStore adapter: one SQLite file (or `:memory:`) through better-sqlite3. */
import type { EventStore, Subscription } from '../port';
import { toRows, validateExpected } from './append-rules';
import { createGroupCommitWriter } from './group-commit';
import { headPosition, readAll, readStream } from './reads';
import { openDatabase, readSettings, type SynchronousMode } from './schema';
import { prepareStatements, type Statements } from './statements';
import { createCommitSignal, createSubscription } from './subscription';

export interface SqliteEventStoreOptions {
  /** A file path (its directory is created) or ':memory:'. */
  path: string;
  /** Positions read per subscription page (default 2000). */
  pageSize?: number;
  /** How often a live subscription looks for appends made by other processes (default 1000 ms). */
  livePollMs?: number;
}

export interface SqliteEventStore extends EventStore {
  /** The durability settings as SQLite reports them now. */
  settings(): { journalMode: string; synchronous: SynchronousMode };
  /** Write transactions committed since open: concurrent appends share one (group commit). */
  commitCount(): number;
}

export function createSqliteEventStore(options: SqliteEventStoreOptions): SqliteEventStore {
  const db = openDatabase(options.path);
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
        return writer.append({ stream, expected, rows: toRows(events) });
      } catch (err) {
        return Promise.reject(err);
      }
    },
    readStream: (stream, readOptions) => later(() => readStream(open(), stream, readOptions)),
    readAll: (readOptions) => later(() => readAll(open(), readOptions)),
    headPosition: () => later(() => headPosition(open())),
    subscribeToAll(subscribeOptions) {
      const subscription = createSubscription(
        {
          statements: () => statements,
          commits,
          pageSize: options.pageSize ?? 2000,
          pollMs: options.livePollMs ?? 1000,
          onClose: (sub) => subscriptions.delete(sub),
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
