/**
 * Catch-up subscription over the SQLite store. Catching up and live delivery are the same loop (read
 * the next page after the cursor), so nothing can be lost or repeated at the switch; live pages are
 * read when an append commits in this process, with a slow poll for writers in other processes.
 * Pages are read only when the consumer asks for the next message, so a slow consumer holds one page.
 * A filtered page is a filtered read (filtered-reads.ts): up to `pageSize` matches through the
 * indexes, so catching up on a narrow filter costs its matches, not the store.
 * A large backlog is read one page ahead in a worker thread (catch-up-reader.ts), when the store
 * offers one; the same pages in the same order, so the switch to live reads is the same as without.
 */
import type { EventFilter, SubscribeOptions, Subscription, SubscriptionMessage } from '../port';
import type { CatchUpReader } from './catch-up-reader';
import { planFilteredRead, type FilteredRead } from './filtered-reads';
import { readPageRows, type PageRows } from './pages';
import { afterOf, isFiltered } from './reads';
import { decodeRows, type Statements } from './statements';

export interface CommitSignal {
  /** Resolves at the next commit (or when `abort` is called). */
  next(): { promise: Promise<void>; abort: () => void };
}

export interface SubscriptionDeps {
  statements: () => Statements | null;
  commits: CommitSignal;
  pageSize: number;
  pollMs: number;
  onClose: (sub: Subscription) => void;
  /** A reader of the backlog after `after` in a worker, or null to read it here (a small backlog, an in-memory store). */
  catchUpReader?: (st: Statements, after: bigint, filter: EventFilter | null) => CatchUpReader | null;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

export function createSubscription(deps: SubscriptionDeps, options: SubscribeOptions = {}): Subscription {
  const filter = isFiltered(options.filter) ? options.filter : null;
  // Planned here, so that a malformed filter fails the call rather than the first read.
  const readFiltered: FilteredRead | null = filter ? planFilteredRead(filter) : null;

  let cursor: bigint = afterOf(options.after);
  let live = false;
  let closed = false;
  let buffer: SubscriptionMessage[] = [];
  let wakeUp: (() => void) | null = null;
  /** Undefined until the first read decides whether the backlog is read in a worker. */
  let reader: CatchUpReader | null | undefined;
  // Calls to next() are served one at a time, in order.
  let turn: Promise<unknown> = Promise.resolve();
  let waiting = 0;

  /** The page's messages; moves the cursor past it. */
  function messagesOf(page: PageRows): SubscriptionMessage[] {
    cursor = page.cursor;
    const messages: SubscriptionMessage[] = decodeRows(page.rows).map((event) => ({ kind: 'event', event }));
    // Skipped events still move the subscriber's checkpoint, so a restart does not look at them again.
    if (page.checkpoint !== null) messages.push({ kind: 'checkpoint', position: page.checkpoint });
    return messages;
  }

  /** The next page of the backlog from the worker; null when there is none or it failed (then read here, from the cursor). */
  async function readAhead(st: Statements): Promise<PageRows | null> {
    if (reader === undefined) reader = deps.catchUpReader?.(st, cursor, filter) ?? null;
    if (!reader) return null;
    try {
      const page = await reader.next();
      if (page.rows.length > 0 || page.checkpoint !== null) return page;
    } catch {
      // The worker failed: nothing past the cursor was delivered, so reading on here loses nothing.
    }
    void reader.close();
    reader = null;
    return null;
  }

  async function waitForCommit(): Promise<void> {
    const { promise, abort } = deps.commits.next();
    let timer: NodeJS.Timeout | undefined;
    const poll = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, deps.pollMs);
      timer.unref();
    });
    const closing = new Promise<void>((resolve) => (wakeUp = resolve));
    await Promise.race([promise, poll, closing]);
    clearTimeout(timer);
    abort();
    wakeUp = null;
  }

  async function pull(): Promise<IteratorResult<SubscriptionMessage>> {
    for (;;) {
      if (closed) return DONE;
      const message = buffer.shift();
      if (message) return { done: false, value: message };
      let st = deps.statements();
      if (!st) return DONE;
      const ahead = live ? null : await readAhead(st);
      if (closed) return DONE;
      if (ahead) {
        buffer = messagesOf(ahead);
        continue;
      }
      st = deps.statements();
      if (!st) return DONE;
      buffer = messagesOf(readPageRows(st, cursor, deps.pageSize, readFiltered));
      if (buffer.length > 0) continue;
      if (!live) {
        live = true;
        return { done: false, value: { kind: 'caughtUp', position: cursor } };
      }
      await waitForCommit();
    }
  }

  const subscription: Subscription = {
    [Symbol.asyncIterator]() {
      return {
        next: () => {
          // Nothing pending ahead of this call: a buffered message can be served at once, in order.
          if (waiting === 0 && !closed) {
            const message = buffer.shift();
            if (message) return Promise.resolve({ done: false, value: message });
          }
          waiting++;
          const result = turn.then(pull).finally(() => waiting--);
          turn = result.catch(() => undefined);
          return result;
        },
        return: async () => {
          await subscription.close();
          return DONE;
        },
      };
    },
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      buffer = [];
      wakeUp?.();
      deps.onClose(subscription);
      return reader ? reader.close() : Promise.resolve();
    },
  };
  return subscription;
}

/** What the store fires after each commit; subscriptions wait on it. */
export function createCommitSignal(): CommitSignal & { fire(): void } {
  let waiters = new Set<() => void>();
  return {
    next() {
      let resolveWaiter!: () => void;
      const promise = new Promise<void>((resolve) => (resolveWaiter = resolve));
      waiters.add(resolveWaiter);
      return { promise, abort: () => waiters.delete(resolveWaiter) };
    },
    fire() {
      const current = waiters;
      waiters = new Set();
      for (const resolve of current) resolve();
    },
  };
}
