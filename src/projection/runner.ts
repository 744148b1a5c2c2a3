/**
 * The projection runner: one catch-up subscription to all events from the lowest checkpoint, natural
 * batching (events arriving while a batch is written form the next one, up to `batchSize`), documents
 * written position-guarded, then checkpoints. At-least-once and idempotent.
 */
import type { EventStore, Position, RecordedEvent, Subscription } from '../eventstore/port';
import { positionKey, type ReadStore, type StoredDocument } from '../readstore/port';
import { foldBatch, handOver, writeFolded, type DeadLetter, type PendingDocuments } from './apply-batch';
import { isOwnershipLost, LeaseLostError, type Fence } from './lease';
import type { Projection } from './projection';
import { checkpointName, DEAD_LETTERS } from './names';
import { rebuildProjection } from './rebuild';
import { createPositionWaiters } from './position-waiters';

export interface RunnerLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface ProjectionRunnerOptions {
  store: EventStore;
  readStore: ReadStore;
  projections: readonly Projection[];
  /** Most events in one batch (rebuild throughput vs. memory). */
  batchSize?: number;
  /** While catching up, a projection's documents are folded across batches and written once this many are pending (or when caught up). */
  maxPendingDocuments?: number;
  logger?: RunnerLogger;
  clock?: () => Date;
  /** Called after each batch is durable in the read store, with the documents written per projection. */
  onApplied?: (written: ReadonlyMap<string, readonly StoredDocument[]>) => void;
  /**
   * The event types to subscribe to (default: those of `projections`). A runner of one projection among
   * several (ownership.ts) subscribes to all of theirs, so that its checkpoint passes the others' events
   * as the single runner's does: positions, lag and read-your-writes waits stay comparable across them.
   */
  subscriptionTypes?: readonly string[];
  /** Called after each batch with the position every projection has applied (its checkpoint). */
  onPosition?: (position: Position) => void;
  /**
   * Run as a lease holder (ownership.ts): documents and checkpoints are written with the fence's token,
   * `holdsLease` is asked before each batch (false: stop), `verifyLease` before a rebuild's swap, and
   * `onOwnershipLost` is told when the runner stopped because the lease is gone or a write was fenced.
   */
  lease?: {
    fence: Fence;
    holdsLease(): boolean;
    verifyLease(): Promise<boolean>;
    onOwnershipLost(error: Error): void;
  };
}

export interface ProjectionStatus {
  name: string;
  version: number;
  position: Position;
  deadLetters: number;
  /** With shared stores: whether this instance holds the projection's lease and runs it. */
  owner?: boolean;
}

export interface RunnerStatus {
  state: 'starting' | 'catching-up' | 'live' | 'retrying' | 'failed' | 'stopped';
  /** Everything up to here is applied by every projection. */
  position: Position;
  /** Recording time of the last applied event. */
  lastEventRecordedAt: string | null;
  caughtUp: boolean;
  lastError: string | null;
  projections: ProjectionStatus[];
}

const silent: RunnerLogger = { info: () => {}, warn: () => {}, error: () => {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ProjectionRunner {
  /** The event types some projection handles: the only ones the runner reads, and the only ones lag counts. */
  readonly eventTypes: readonly string[];
  /** Subscribes from the lowest checkpoint; resolves once caught up with the store's head. */
  start(): Promise<void>;
  /** Resolves true once every projection has applied `position`, false after `timeoutMs`. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean>;
  status(): RunnerStatus;
  deadLetters(): readonly DeadLetter[];
  stop(): Promise<void>;
}

export function createProjectionRunner(options: ProjectionRunnerOptions): ProjectionRunner {
  const { store, readStore, projections } = options;
  const batchSize = options.batchSize ?? 1000;
  // Only the events some projection handles are read (and decoded): not the access log, for one.
  const handledTypes = [...new Set(options.subscriptionTypes ?? projections.flatMap((p) => p.eventTypes))];
  const logger = options.logger ?? silent;
  // A memory read store holds every document anyway: fold the whole catch-up before writing once.
  const maxPendingDocuments = options.maxPendingDocuments ?? (readStore.durable ? 50_000 : Number.POSITIVE_INFINITY);
  /** Written and checkpointed, per projection. */
  const positions = new Map<string, Position>();
  /** Folded into `pending` (ahead of `positions` while catching up), per projection. */
  const folded = new Map<string, Position>();
  const pending = new Map<string, PendingDocuments>();
  const pendingFor = (projection: Projection): PendingDocuments => {
    let docs = pending.get(projection.name);
    if (!docs) pending.set(projection.name, (docs = new Map()));
    return docs;
  };
  const deadLetterCounts = new Map<string, number>();
  const recentDeadLetters: DeadLetter[] = [];
  const waiters = createPositionWaiters();
  let state: RunnerStatus['state'] = 'starting';
  let applied: Position = -1n;
  let lastEventRecordedAt: string | null = null;
  let lastError: string | null = null;
  let caughtUp = false;
  let stopping = false;
  let subscription: Subscription | null = null;
  let loop: Promise<void> | null = null;
  let resolveCaughtUp: (() => void) | null = null;
  let rejectCaughtUp: ((error: unknown) => void) | null = null;

  const minPosition = (): Position => {
    let min: Position | null = null;
    for (const p of projections) {
      const at = positions.get(p.name) ?? -1n;
      if (min === null || at < min) min = at;
    }
    return min ?? -1n;
  };

  function settleWaiters(): void {
    waiters.settle(applied);
  }

  async function recordDeadLetters(letters: DeadLetter[]): Promise<void> {
    if (letters.length === 0) return;
    for (const letter of letters) {
      logger.error(
        {
          projection: letter.projection,
          eventId: letter.eventId,
          eventType: letter.eventType,
          position: String(letter.position),
          error: letter.error,
        },
        'projection dead letter',
      );
      deadLetterCounts.set(letter.projection, (deadLetterCounts.get(letter.projection) ?? 0) + 1);
      recentDeadLetters.push(letter);
      if (recentDeadLetters.length > 100) recentDeadLetters.shift();
    }
    await readStore.upsertMany(
      DEAD_LETTERS,
      letters.map((l) => ({
        _id: `${l.projection}:${l.eventId}`,
        _position: positionKey(l.position),
        projection: l.projection,
        eventId: l.eventId,
        eventType: l.eventType,
        stream: l.stream,
        position: String(l.position),
        error: l.error,
        recordedAt: (options.clock?.() ?? new Date()).toISOString(),
      })),
    );
  }

  /**
   * Folds one batch into every projection; writes the folded documents and then the checkpoints when
   * live, when asked (caught up), or when too many documents are pending. Retried with backoff while
   * the read store fails: events already folded are not folded twice.
   */
  async function flush(events: RecordedEvent[], upTo: Position, write: boolean): Promise<void> {
    // Handed over once, before any projection folds: a retry must not hand another projection an event a first one changed.
    const handed = handOver(projections, events);
    const fence = options.lease?.fence;
    for (let attempt = 0; ; attempt++) {
      try {
        if (options.lease && !options.lease.holdsLease()) throw new LeaseLostError('projection batch');
        const written = new Map<string, StoredDocument[]>();
        for (const projection of projections) {
          const from = folded.get(projection.name) ?? positions.get(projection.name) ?? -1n;
          const docs = pendingFor(projection);
          if (upTo > from) {
            const own = handed.get(projection) ?? [];
            const fresh = from < 0n ? own : own.filter((e) => e.position > from);
            const deadLetters = await foldBatch(readStore, projection, projection.name, fresh, caughtUp ? 'dead-letter' : 'throw', docs);
            await recordDeadLetters(deadLetters);
            folded.set(projection.name, upTo);
          }
          const writeNow = write || caughtUp || docs.size >= maxPendingDocuments;
          if (!writeNow || (positions.get(projection.name) ?? -1n) >= upTo) continue;
          const docsWritten = await writeFolded(readStore, projection, projection.name, docs, fence);
          await readStore.setCheckpoint(checkpointName(projection), upTo, fence);
          positions.set(projection.name, upTo);
          if (docsWritten.length > 0) written.set(projection.name, docsWritten);
        }
        applied = minPosition();
        const last = events[events.length - 1];
        if (last) lastEventRecordedAt = last.metadata.recordedAt;
        if (state === 'retrying') {
          state = caughtUp ? 'live' : 'catching-up';
          logger.info({}, 'read store writable again');
        }
        lastError = null;
        settleWaiters();
        options.onPosition?.(applied);
        if (written.size > 0) options.onApplied?.(written);
        return;
      } catch (error) {
        if (error instanceof Error && error.name === 'ProjectionFailedError') throw error;
        if (isOwnershipLost(error)) throw error;
        if (stopping) throw error;
        state = 'retrying';
        lastError = error instanceof Error ? error.message : String(error);
        const delay = Math.min(5000, 100 * 2 ** attempt);
        logger.warn({ attempt, delayMs: delay, error: lastError }, 'projection batch failed, retrying');
        await sleep(delay);
      }
    }
  }

  async function run(): Promise<void> {
    for (let attempt = 0; !stopping; attempt++) {
      const from = minPosition();
      subscription = store.subscribeToAll({ ...(from >= 0n ? { after: from } : {}), filter: { types: handledTypes } });
      let batch: RecordedEvent[] = [];
      let upTo: Position = from;
      let inFlight: Promise<void> | null = null;
      // A batch written in the background records its failure here; the loop rethrows it.
      let failure: unknown = null;
      const flushNow = async (write = false): Promise<void> => {
        // One batch in flight at a time: whoever finds the slot free after waiting takes it.
        while (inFlight) await inFlight;
        if (failure) throw failure;
        if (batch.length === 0 && (upTo <= minPosition() || (!write && !caughtUp))) return;
        const events = batch;
        batch = [];
        inFlight = flush(events, upTo, write)
          .catch((error: unknown) => {
            failure = error;
          })
          .finally(() => {
            inFlight = null;
            // Events that arrived while this batch was written must not wait for the next arrival.
            if (!failure && !stopping && (batch.length > 0 || (caughtUp && upTo > minPosition()))) void flushNow().catch(() => {});
          });
        await inFlight;
        if (failure) throw failure;
      };

      try {
        for await (const message of subscription) {
          if (message.kind === 'event') {
            batch.push(message.event);
            upTo = message.event.position;
            // Catching up: full batches. Live: natural batching (while one batch is written, the next fills up).
            if (batch.length >= batchSize) await flushNow();
            else if (caughtUp && !inFlight) void flushNow().catch(() => {});
          } else {
            if (message.position > upTo) upTo = message.position;
            if (message.kind === 'caughtUp') {
              await flushNow(true);
              if (!caughtUp) {
                caughtUp = true;
                state = 'live';
                logger.info({ position: String(applied) }, 'projections caught up');
                resolveCaughtUp?.();
              }
            } else if (caughtUp && !inFlight) {
              void flushNow().catch(() => {});
            }
          }
          if (failure) throw failure;
          attempt = 0;
        }
        await flushNow();
      } catch (error) {
        if (inFlight) await (inFlight as Promise<void>).catch(() => {});
        if (stopping) return;
        if (isOwnershipLost(error)) {
          // Not the owner any more: stop writing at once; the lease keeper decides what comes next.
          stopping = true;
          state = 'stopped';
          logger.warn({ error: (error as Error).message }, 'projections stopped: lease lost');
          rejectCaughtUp?.(error);
          options.lease?.onOwnershipLost(error as Error);
          return;
        }
        if (error instanceof Error && error.name === 'ProjectionFailedError') {
          state = 'failed';
          lastError = error.message;
          logger.error({ error: error.message }, 'projection rebuild failed');
          rejectCaughtUp?.(error);
          return;
        }
        lastError = error instanceof Error ? error.message : String(error);
        state = 'retrying';
        const delay = Math.min(5000, 100 * 2 ** attempt);
        logger.warn({ error: lastError, delayMs: delay }, 'subscription dropped, resubscribing');
        await sleep(delay);
      } finally {
        await subscription.close().catch(() => {});
      }
    }
  }

  return {
    eventTypes: handledTypes,
    async start() {
      const head = await store.headPosition();
      for (const projection of projections) {
        if (projection.indexes) await readStore.ensureIndexes(projection.name, projection.indexes);
        if (!readStore.durable) {
          positions.set(projection.name, -1n);
          continue;
        }
        const checkpoint = await readStore.getCheckpoint(checkpointName(projection));
        // No checkpoint for this version (new or changed projection), or a read model restored from a
        // backup newer than the event store: rebuild beside the serving collection, then swap.
        if (checkpoint === null || checkpoint > head) {
          logger.info(
            { projection: projection.name, version: projection.version, checkpoint: String(checkpoint) },
            'rebuilding projection',
          );
          const lease = options.lease;
          positions.set(
            projection.name,
            await rebuildProjection({
              store,
              readStore,
              projection,
              batchSize,
              ...(lease ? { fence: lease.fence, verifyLease: () => lease.verifyLease() } : {}),
            }),
          );
        } else {
          // A new owner claims the checkpoint it resumes from: from now on a deposed owner's is refused.
          if (options.lease) await readStore.setCheckpoint(checkpointName(projection), checkpoint, options.lease.fence);
          positions.set(projection.name, checkpoint);
        }
      }
      applied = minPosition();
      state = 'catching-up';
      const ready = new Promise<void>((resolve, reject) => {
        resolveCaughtUp = resolve;
        rejectCaughtUp = reject;
      });
      loop = run();
      await ready;
    },
    waitFor(position, timeoutMs) {
      if (position <= applied) return Promise.resolve(true);
      return waiters.wait(position, timeoutMs);
    },
    status() {
      return {
        state,
        position: applied,
        lastEventRecordedAt,
        caughtUp,
        lastError,
        projections: projections.map((p) => ({
          name: p.name,
          version: p.version,
          position: positions.get(p.name) ?? -1n,
          deadLetters: deadLetterCounts.get(p.name) ?? 0,
        })),
      };
    },
    deadLetters: () => recentDeadLetters,
    async stop() {
      stopping = true;
      state = 'stopped';
      await subscription?.close();
      await loop?.catch(() => {});
      waiters.abandon();
    },
  };
}
