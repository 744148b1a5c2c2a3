/**
 * Callers waiting until the read models have applied a position (read-your-writes), each with its own
 * timeout: shared by the single runner and the lease-owning runner of a shared read store.
 */
import type { Position } from '../eventstore/port';

export interface PositionWaiters {
  /** True once `settle` reaches `position`; false after `timeoutMs` or when abandoned. */
  wait(position: Position, timeoutMs: number): Promise<boolean>;
  /** Resolves every waiter whose position is at or below `applied`. */
  settle(applied: Position): void;
  /** Resolves every waiter with false (the runner stops). */
  abandon(): void;
  readonly size: number;
}

interface Waiter {
  position: Position;
  resolve: (reached: boolean) => void;
  timer: NodeJS.Timeout;
}

export function createPositionWaiters(): PositionWaiters {
  const waiters = new Set<Waiter>();
  const finish = (waiter: Waiter, reached: boolean): void => {
    clearTimeout(waiter.timer);
    waiters.delete(waiter);
    waiter.resolve(reached);
  };
  return {
    wait(position, timeoutMs) {
      return new Promise((resolve) => {
        const waiter: Waiter = { position, resolve, timer: setTimeout(() => finish(waiter, false), timeoutMs) };
        waiters.add(waiter);
      });
    },
    settle(applied) {
      for (const waiter of waiters) if (waiter.position <= applied) finish(waiter, true);
    },
    abandon() {
      for (const waiter of waiters) finish(waiter, false);
    },
    get size() {
      return waiters.size;
    },
  };
}
