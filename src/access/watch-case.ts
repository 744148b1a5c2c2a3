/**
 * A live view of one case: the read model's updates (from the shared log, src/live/case-feed.ts), only while the case is in the caller's scope,
 * each delivery logged (durably, before it is sent) like a query, and ending when the caller's token
 * expires: a subscription never outlives the authority it was opened with.
 */
import type { CaseSummary } from '../../projections/case-summary';
import type { User } from '../graphql/auth/user';
import type { Services } from '../services';

export interface WatchCaseOptions {
  services: Pick<Services, 'caseFeed'>;
  caseId: string;
  user: User;
  visible(summary: CaseSummary): boolean;
  log(summary: CaseSummary): Promise<void>;
  now?: () => number;
}

const EXPIRED = Symbol('expired');
/** Tries of a delivery's access record before the subscription ends with its error. */
const LOG_ATTEMPTS = 3;

export function watchCase(options: WatchCaseOptions): AsyncIterableIterator<CaseSummary> {
  const updates = options.services.caseFeed.watch(options.caseId);
  const now = options.now ?? Date.now;
  let timer: NodeJS.Timeout | null = null;
  const expired = new Promise<typeof EXPIRED>((resolve) => {
    const remaining = (options.user.expiresAt ?? Number.POSITIVE_INFINITY) - now();
    if (remaining <= 0) resolve(EXPIRED);
    // setTimeout holds at most 2^31 - 1 ms; a longer token is checked again on each delivery.
    else if (Number.isFinite(remaining)) timer = setTimeout(() => resolve(EXPIRED), Math.min(remaining, 2 ** 31 - 1)).unref();
  });

  /**
   * The delivery's access record, tried again when it failed: a record whose wait timed out while this
   * process was paused (SIGSTOP, a long GC) would otherwise end the subscription before its case's final
   * state. Nothing is delivered without a record: after the last try the error ends the subscription.
   */
  async function logged(summary: CaseSummary): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await options.log(summary);
      } catch (error) {
        if (attempt >= LOG_ATTEMPTS) throw error;
      }
    }
  }

  async function* deliveries(): AsyncGenerator<CaseSummary> {
    try {
      for (;;) {
        const next = await Promise.race([updates.next(), expired]);
        if (next === EXPIRED || next.done) return;
        if ((options.user.expiresAt ?? Number.POSITIVE_INFINITY) <= now()) return;
        const summary = next.value as CaseSummary;
        if (!options.visible(summary)) continue;
        await logged(summary);
        yield summary;
      }
    } finally {
      if (timer) clearTimeout(timer);
      await updates.return?.();
    }
  }
  return deliveries();
}
