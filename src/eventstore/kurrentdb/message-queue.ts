/** The buffer between the client's callbacks (push) and the port's async iterator (pull). */

export interface MessageQueue<T> {
  push(message: T): void;
  /** Ends the iteration: pending and later pulls resolve as done, once the buffer is empty. */
  end(): void;
  /** Pending and later pulls reject with `err`, once the buffer is empty. */
  fail(err: unknown): void;
  /** Drops what is buffered and ends. */
  clear(): void;
  pull(): Promise<IteratorResult<T, undefined>>;
  readonly size: number;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

export function createMessageQueue<T>(): MessageQueue<T> {
  const buffer: T[] = [];
  const waiters: { resolve: (r: IteratorResult<T, undefined>) => void; reject: (err: unknown) => void }[] = [];
  let ended = false;
  let failure: { err: unknown } | null = null;

  const settleWaiters = (): void => {
    while (waiters.length > 0) {
      const next = buffer.shift();
      if (next !== undefined) waiters.shift()?.resolve({ done: false, value: next });
      else if (failure) waiters.shift()?.reject(failure.err);
      else if (ended) waiters.shift()?.resolve(DONE);
      else return;
    }
  };

  return {
    get size() {
      return buffer.length;
    },
    push(message) {
      if (ended || failure) return;
      buffer.push(message);
      settleWaiters();
    },
    end() {
      ended = true;
      settleWaiters();
    },
    fail(err) {
      if (ended || failure) return;
      failure = { err };
      settleWaiters();
    },
    clear() {
      buffer.length = 0;
      ended = true;
      settleWaiters();
    },
    pull() {
      const next = buffer.shift();
      if (next !== undefined) return Promise.resolve({ done: false, value: next });
      if (failure) return Promise.reject(failure.err);
      if (ended) return Promise.resolve(DONE);
      return new Promise((resolve, reject) => {
        waiters.push({ resolve, reject });
      });
    },
  };
}
