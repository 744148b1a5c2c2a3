/**
 * Catch-up subscription over the SQLite store. Catching up and live delivery are the same loop (read
 * the next page after the cursor), so nothing can be lost or repeated at the switch; live pages are
 * read when an append commits in this process, with a slow poll for writers in other processes.
 * Pages are read only when the consumer asks for the next message, so a slow consumer holds one page.
 */
import type { EventFilter, RecordedEvent, SubscribeOptions, Subscription, SubscriptionMessage } from '../port';
import { afterOf, headPosition, prefixRange } from './reads';
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
  const filter: EventFilter = options.filter ?? {};
  const filtered = filter.types !== undefined || filter.streamPrefix !== undefined;
  const typesJson = filter.types === undefined ? null : JSON.stringify(filter.types);
  const range = prefixRange(filter.streamPrefix);

  let cursor: bigint = afterOf(options.after);
  let live = false;
  let closed = false;
  let buffer: SubscriptionMessage[] = [];
  let wakeUp: (() => void) | null = null;
  // Calls to next() are served one at a time, in order.
  let turn: Promise<unknown> = Promise.resolve();

  /** The next page after the cursor: messages to deliver, and the new cursor. */
  function readPage(st: Statements): SubscriptionMessage[] {
    if (!filtered) {
      const events = decodeRows(st.all.all(cursor, deps.pageSize));
      const last = events[events.length - 1];
      if (last) cursor = last.position;
      return events.map((event) => ({ kind: 'event', event }));
    }
    const head = headPosition(st);
    if (head <= cursor) return [];
    const endRow = st.windowEnd.get(cursor, deps.pageSize - 1) as { position: number | bigint } | undefined;
    const end = endRow ? BigInt(endRow.position) : head;
    const events: RecordedEvent[] = decodeRows(st.window.all({ after: cursor, end, types: typesJson, ...range }));
    cursor = end;
    const messages: SubscriptionMessage[] = events.map((event) => ({ kind: 'event', event }));
    // Skipped events still move the subscriber's checkpoint, so a restart does not rescan them.
    if (events[events.length - 1]?.position !== end) messages.push({ kind: 'checkpoint', position: end });
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
          const result = turn.then(pull);
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
