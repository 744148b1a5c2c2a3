/**
 * A catch-up subscription to $all that survives dropped connections.
 *
 * The client's subscription is a stream of events plus side channels (`checkpointReached`, `caughtUp`,
 * `fellBehind`). A checkpoint or caught-up message may be signalled while the events that precede it
 * on the wire are still in the stream's buffer, so each one first drains that buffer: the port never
 * sees a checkpoint ahead of an undelivered event.
 *
 * The exact $all position of the last event or checkpoint received (commit and prepare) is kept; after
 * a drop the subscription resubscribes from it, with backoff. The server's start position is
 * exclusive, so nothing is delivered twice and nothing is skipped.
 *
 * An event whose facility needs its stream's first event read (filters.ts) is settled when that read
 * answers; events, checkpoints and caughtUp received after it wait for it, so the order never changes.
 */
import type { AllStreamResolvedEvent, AllStreamSubscription, CaughtUp, KurrentDBClient } from '@kurrent/kurrentdb-client';
import { START } from '@kurrent/kurrentdb-client';
import type { Position, SubscribeOptions, Subscription, SubscriptionMessage } from '../port';
import { isTransient } from './errors';
import { toRecordedEvent } from './event-conversion';
import { planFilter } from './filters';
import { createMessageQueue } from './message-queue';
import type { StreamFacilities } from './stream-facilities';
import { allPositionOf, compareAllPositions, isEventPosition, type AllPosition } from './positions';
import { backoffDelay, type BackoffPolicy } from './retry';

export interface SubscriptionDeps {
  client: KurrentDBClient;
  resubscribe: BackoffPolicy;
  /** For a filter with `facilities` (filters.ts). */
  streamFacilities: StreamFacilities;
  /** Position of the last event before `position` (any stream), or null: turns a page-boundary checkpoint into an event position. */
  lastEventBefore(position: AllPosition): Promise<Position | null>;
  /** The store's head, to derive caughtUp from servers that do not send it. */
  headPosition(): Promise<Position>;
  onClose(subscription: Subscription): void;
}

/** Messages buffered before the client's stream is left to apply backpressure to the server. */
const HIGH_WATER = 256;

export function createKurrentDbSubscription(deps: SubscriptionDeps, options: SubscribeOptions = {}): Subscription {
  const plan = planFilter(options.filter, deps.streamFacilities);
  const queue = createMessageQueue<SubscriptionMessage>();
  const startPosition: Position = options.after ?? 0n;

  /** Where to resubscribe from: the last event or checkpoint the server sent, exactly. */
  let resume: AllPosition | typeof START = options.after === undefined ? START : allPositionOf(options.after);
  /** The highest position handed to the port (events, checkpoints, caughtUp never go back). */
  let reported: Position | null = null;
  /** The highest event position received, delivered or refused by the client-side filter (filters.ts). */
  let seen: Position | null = null;
  let live = false;
  let closed = false;
  let failures = 0;
  let generation = 0;
  let current: AllStreamSubscription | null = null;
  let reconnectTimer: NodeJS.Timeout | null = null;
  /** Servers before 23.10 send no CaughtUp: caught up once the head seen at subscription is reported. */
  let derivedTarget: Position | null = null;
  /** Steps waiting for an earlier event's facility (see the module comment), and the last of them. */
  let pending = 0;
  let tail: Promise<void> = Promise.resolve();

  /** Runs `step` now when nothing waits, else after everything that does. */
  const inOrder = (step: () => void | Promise<void>): void => {
    if (pending === 0) {
      const done = step();
      if (!(done instanceof Promise)) return;
      pending++;
      tail = done.catch(fail).finally(() => pending--);
      return;
    }
    pending++;
    tail = tail
      .then(step)
      .catch(fail)
      .finally(() => pending--);
  };

  const advanceResume = (position: AllPosition): boolean => {
    if (resume !== START && compareAllPositions(position, resume) <= 0) return false;
    resume = position;
    return true;
  };

  const report = (message: SubscriptionMessage, position: Position): void => {
    if (reported === null || position > reported) reported = position;
    queue.push(message);
  };

  /** How far the subscription has got: events refused here count, the server sends no checkpoint for them. */
  const progress = (): Position | null => (seen !== null && (reported === null || seen > reported) ? seen : reported);

  const goLive = (position: Position): void => {
    if (live) return;
    live = true;
    derivedTarget = null;
    const got = progress();
    const at = got !== null && got > position ? got : position;
    report({ kind: 'caughtUp', position: at }, at);
  };

  const checkDerivedCaughtUp = (): void => {
    const got = progress();
    if (!live && derivedTarget !== null && got !== null && got >= derivedTarget) goLive(got);
  };

  const fail = (err: unknown): void => {
    queue.fail(err);
    void shutdown();
  };

  const settle = (event: NonNullable<AllStreamResolvedEvent['event']>, matched: boolean): void => {
    if (closed) return;
    seen = event.position.commit;
    if (!matched) {
      checkDerivedCaughtUp();
      return;
    }
    try {
      const recorded = toRecordedEvent(event);
      report({ kind: 'event', event: recorded }, recorded.position);
      checkDerivedCaughtUp();
    } catch (err) {
      fail(err);
    }
  };

  const onEvent = (resolved: AllStreamResolvedEvent): void => {
    const event = resolved.event;
    if (!event?.position || !advanceResume(event.position)) return;
    failures = 0;
    const verdict = plan.matches(event);
    if (typeof verdict === 'boolean' && pending === 0) {
      settle(event, verdict);
      return;
    }
    // Awaited in its turn; a failed read before then is not an unhandled rejection.
    if (verdict instanceof Promise) verdict.catch(() => undefined);
    inOrder(async () => settle(event, await verdict));
  };

  const drain = (sub: AllStreamSubscription, force: boolean): void => {
    while (force || queue.size + pending < HIGH_WATER) {
      const resolved = sub.read() as AllStreamResolvedEvent | null;
      if (resolved === null) return;
      onEvent(resolved);
    }
  };

  /** The port position a server checkpoint stands for, or null when there is nothing to report. */
  const portPositionOf = async (position: AllPosition): Promise<Position | null> => {
    if (isEventPosition(position)) return position.commit;
    try {
      return await deps.lastEventBefore(position);
    } catch {
      // Only progress information is lost; `resume` already holds the exact checkpoint.
      return null;
    }
  };

  const connect = (): void => {
    const gen = ++generation;
    const isCurrent = (): boolean => gen === generation && !closed;
    const sub = deps.client.subscribeToAll({
      fromPosition: resume,
      filter: plan.server(async (_subscription, position) => {
        if (!isCurrent()) return;
        drain(sub, true);
        // Not ahead of the events before it that still wait for their facility.
        if (pending > 0) await tail;
        if (!isCurrent() || !advanceResume(position)) return;
        failures = 0;
        const portPosition = await portPositionOf(position);
        if (!isCurrent() || portPosition === null || (reported !== null && portPosition <= reported)) return;
        report({ kind: 'checkpoint', position: portPosition }, portPosition);
        checkDerivedCaughtUp();
      }),
    });
    current = sub;
    sub.on('readable', () => {
      if (isCurrent()) drain(sub, false);
    });
    sub.on('caughtUp', (info: CaughtUp) => {
      if (!isCurrent()) return;
      drain(sub, true);
      failures = 0;
      inOrder(() => {
        if (!isCurrent()) return;
        const position = info.position && isEventPosition(info.position) ? info.position.commit : (progress() ?? startPosition);
        goLive(position);
      });
    });
    sub.on('fellBehind', () => {
      if (isCurrent()) live = false;
    });
    sub.on('error', (err: unknown) => dropped(gen, sub, err));
    sub.on('end', () => dropped(gen, sub, null));
    deps.headPosition().then(
      (head) => {
        if (!isCurrent() || live) return;
        derivedTarget = head;
        if (head <= (progress() ?? startPosition)) goLive(progress() ?? startPosition);
      },
      () => undefined,
    );
  };

  const dropped = (gen: number, sub: AllStreamSubscription, err: unknown): void => {
    if (gen !== generation || closed) return;
    generation++;
    current = null;
    live = false;
    derivedTarget = null;
    void sub.unsubscribe().catch(() => undefined);
    if (err !== null && !isTransient(err)) {
      fail(err);
      return;
    }
    failures++;
    reconnectTimer = setTimeout(
      () => {
        reconnectTimer = null;
        if (!closed) connect();
      },
      backoffDelay(deps.resubscribe, failures),
    );
  };

  async function shutdown(): Promise<void> {
    if (closed) return;
    closed = true;
    generation++;
    if (reconnectTimer) clearTimeout(reconnectTimer);
    const sub = current;
    current = null;
    deps.onClose(subscription);
    if (sub) await sub.unsubscribe().catch(() => undefined);
  }

  const subscription: Subscription = {
    [Symbol.asyncIterator]() {
      return {
        next: async () => {
          const result = await queue.pull();
          if (current && queue.size + pending < HIGH_WATER / 2) drain(current, false);
          return result;
        },
        return: async () => {
          await subscription.close();
          return { done: true, value: undefined };
        },
      };
    },
    async close() {
      queue.clear();
      await shutdown();
    },
  };

  connect();
  return subscription;
}
