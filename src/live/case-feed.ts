/**
 * Live case updates from the shared log and read model, on every API instance alike: the instance
 * tails the event store (a catch-up subscription to the case summary's event types, from the head at
 * start, resuming after its last event when the subscription drops), and for each changed case that
 * someone here watches, waits until the read model has reached that event (whoever projected it), then
 * publishes the stored summary to the local subscribers. Updates of one case are conflated while the
 * read model catches up; the latest state always arrives, also after the process was paused.
 */
import type { CaseSummary } from '../../projections/case-summary';
import type { EventStore, Position, Subscription } from '../eventstore/port';
import { CASE_UPDATED, type CaseEvents } from '../graphql/case/case-events';
import type { Projection } from '../projection/projection';
import type { ProjectionRunner, RunnerLogger } from '../projection/runner';
import type { ReadStore, StoredDocument } from '../readstore/port';

export interface CaseFeed {
  /** The updates of one case, each the stored summary at or after a change (see watch-case.ts for who may see them). */
  watch(caseId: string): AsyncIterableIterator<CaseSummary>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface CaseFeedOptions {
  store: EventStore;
  readStore: ReadStore;
  /** The case summary projection: its event types and keys name the changed cases; its name the collection. */
  projection: Projection;
  /** Knows when the read model has reached a position (the shared checkpoints). */
  runner: Pick<ProjectionRunner, 'waitFor'>;
  caseEvents: CaseEvents;
  logger?: RunnerLogger;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createCaseFeed(options: CaseFeedOptions): CaseFeed {
  const { store, readStore, projection, runner, caseEvents } = options;
  const logger = options.logger;
  /** Subscribers per case on this instance: only their cases are read back. */
  const watchers = new Map<string, number>();
  /** Changed cases not yet published, with the position of their latest change. */
  const changed = new Map<string, Position>();
  /** The position of the summary last published per watched case: never an older one after it. */
  const published = new Map<string, string>();
  let last: Position | null = null;
  let subscription: Subscription | null = null;
  let loop: Promise<void> | null = null;
  let draining: Promise<void> | null = null;
  let stopping = false;

  async function drain(): Promise<void> {
    while (changed.size > 0 && !stopping) {
      let upTo: Position = -1n;
      for (const position of changed.values()) if (position > upTo) upTo = position;
      // Whoever runs the projection, the read model shows these changes once its checkpoint passes them.
      if (!(await runner.waitFor(upTo, 5000))) continue;
      const batch = [...changed].filter(([, position]) => position <= upTo);
      for (const [caseId] of batch) changed.delete(caseId);
      const watched = batch.filter(([caseId]) => watchers.has(caseId));
      if (watched.length === 0) continue;
      try {
        const docs = await readStore.getMany<StoredDocument>(
          projection.name,
          watched.map(([caseId]) => caseId),
        );
        for (const doc of docs) {
          const seen = published.get(doc._id);
          if (seen !== undefined && doc._position <= seen) continue;
          if (watchers.has(doc._id)) published.set(doc._id, doc._position);
          caseEvents.publish(CASE_UPDATED, doc._id, doc as unknown as CaseSummary);
        }
      } catch (error) {
        // Read again at the next round: the changes go back unless newer ones came meanwhile.
        for (const [caseId, position] of watched) if (!changed.has(caseId)) changed.set(caseId, position);
        logger?.warn({ error: errorText(error) }, 'live updates: reading summaries failed, retrying');
        await sleep(500);
      }
    }
  }

  function kick(): void {
    if (draining || stopping) return;
    draining = drain().finally(() => {
      draining = null;
      if (changed.size > 0) kick();
    });
  }

  async function run(): Promise<void> {
    for (let attempt = 0; !stopping; attempt++) {
      subscription = store.subscribeToAll({
        ...(last !== null && last >= 0n ? { after: last } : {}),
        filter: { types: projection.eventTypes },
      });
      try {
        for await (const message of subscription) {
          if (message.kind !== 'event') continue;
          attempt = 0;
          const event = message.event;
          last = event.position;
          const caseId = projection.key(event);
          if (caseId === null || !watchers.has(caseId)) continue;
          changed.set(caseId, event.position);
          kick();
        }
      } catch (error) {
        if (stopping) return;
        logger?.warn({ error: errorText(error) }, 'live updates: subscription dropped, resubscribing');
        await sleep(Math.min(5000, 100 * 2 ** attempt));
      } finally {
        await subscription.close().catch(() => {});
      }
    }
  }

  return {
    watch(caseId) {
      watchers.set(caseId, (watchers.get(caseId) ?? 0) + 1);
      const updates = caseEvents.subscribe(CASE_UPDATED, caseId)[Symbol.asyncIterator]();
      let done = false;
      const unwatch = (): void => {
        if (done) return;
        done = true;
        const left = (watchers.get(caseId) ?? 1) - 1;
        if (left > 0) watchers.set(caseId, left);
        else {
          watchers.delete(caseId);
          published.delete(caseId);
        }
      };
      return {
        next: () => updates.next() as Promise<IteratorResult<CaseSummary>>,
        return: async (value?: unknown) => {
          unwatch();
          await updates.return?.();
          return { done: true, value: value as CaseSummary };
        },
        throw: async (error?: unknown) => {
          unwatch();
          await updates.return?.();
          throw error;
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    },
    async start() {
      last = await store.headPosition();
      loop = run();
    },
    async stop() {
      stopping = true;
      await subscription?.close().catch(() => {});
      await loop?.catch(() => {});
      await draining?.catch(() => {});
    },
  };
}
