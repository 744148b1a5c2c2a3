/** Bounded exponential backoff, for transient failures and resubscriptions. */

export interface BackoffPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

/** About 3.5 s of retries: rides out a server restart without holding a request for long. */
export const DEFAULT_RETRY: BackoffPolicy = { attempts: 8, initialDelayMs: 50, maxDelayMs: 1000 };

export function backoffDelay(policy: BackoffPolicy, failures: number): number {
  const exponential = policy.initialDelayMs * 2 ** Math.max(0, failures - 1);
  return Math.min(policy.maxDelayMs, exponential);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `operation` until it succeeds, fails with a non-retryable error, or runs out of attempts. */
export async function withRetry<T>(operation: () => Promise<T>, policy: BackoffPolicy, retryable: (err: unknown) => boolean): Promise<T> {
  for (let failures = 1; ; failures++) {
    try {
      return await operation();
    } catch (err) {
      if (failures >= policy.attempts || !retryable(err)) throw err;
      await sleep(backoffDelay(policy, failures));
    }
  }
}
