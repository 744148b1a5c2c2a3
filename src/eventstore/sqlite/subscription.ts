/**
 * Catch-up subscription over the SQLite store. Catching up and live delivery are the same loop (read
 * the next page after the cursor), so nothing can be lost or repeated at the switch; live pages are
 * read when an append commits in this process, with a slow poll for writers in other processes.
 * Pages are read only when the consumer asks for the next message, so a slow consumer holds one page.
 * A filtered page is a filtered read (filtered-reads.ts): up to `pageSize` matches through the
 * indexes, so catching up on a narrow filter costs its matches, not the store.
 */
import type { SubscribeOptions, Subscription, SubscriptionMessage } from '../port';
import { planFilteredRead, type FilteredRead } from './filtered-reads';
import { afterOf, headPosition, isFiltered } from './reads';
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
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

export function createSubscription(deps: SubscriptionDeps, options: SubscribeOptions = {}): Subscription {
  // Planned here, so that a malformed filter fails the call rather than the first read.
  const readFiltered: FilteredRead | null = isFiltered(options.filter) ? planFilteredRead(options.filter) : null;

  let cursor: bigint = afterOf(options.after);
  let live = false;
  let closed = false;
  let buffer: SubscriptionMessage[] = [];
  let wakeUp: (() => void) | null = null;
  // Calls to next() are served one at a time, in order.
  let turn: Promise<unknown> = Promise.resolve();
  let waiting = 0;

  /** The next page after the cursor: messages to deliver, and the new cursor. */
  function readPage(st: Statements): SubscriptionMessage[] {
    if (!readFiltered) {
      const events = decodeRows(st.all.all(cursor, deps.pageSize));
      const last = events[events.length - 1];
      if (last) cursor = last.position;
      return events.map((event) => ({ kind: 'event', event }));
    }
    // The head is read first: a short page then holds every match up to it, even if appends land in between.
    const head = headPosition(st);
    if (head <= cursor) return [];
    const events = readFiltered(st, cursor, deps.pageSize);
    const messages: SubscriptionMessage[] = events.map((event) => ({ kind: 'event', event }));
    const last = events[events.length - 1]?.position ?? cursor;
    if (events.length === deps.pageSize || last >= head) {
      cursor = last;
      return messages;
    }
    // Skipped events still move the subscriber's checkpoint, so a restart does not look at them again.
    cursor = head;
    messages.push({ kind: 'checkpoint', position: head });
    return messages;
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
      const st = deps.statements();
      if (!st) return DONE;
      buffer = readPage(st);
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
      if (!closed) {
        closed = true;
        buffer = [];
        wakeUp?.();
        deps.onClose(subscription);
      }
      return Promise.resolve();
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
