/**
 * Projections over shared stores: any number of instances, one owner per projection at a time.
 *
 * Each instance that runs projections keeps trying for each projection's lease (lease.ts); the holder
 * runs that projection (a runner of its own, rebuilding first when the read model is missing or of an
 * older version), renews the lease, and stops the moment it is lost. Every instance, owner or not,
 * follows the shared checkpoints, so that read-your-writes, readiness and the live feed see what the
 * owner wrote, whichever instance that is. The embedded (non-durable) read store is never shared: there
 * the plain runner runs every projection in this process, as it always did.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';

import type { EventStore, Position } from '../eventstore/port';
import type { ReadStore } from '../readstore/port';
import type { DeadLetter } from './apply-batch';
import { isOwnershipLost, leaseName, type LeaseGrant } from './lease';
import { checkpointName } from './names';
import type { Projection } from './projection';
import { createProjectionRunner, type ProjectionRunner, type RunnerLogger, type RunnerStatus } from './runner';
import { createPositionWaiters } from './position-waiters';

export interface OwnedProjectionsOptions {
  store: EventStore;
  readStore: ReadStore;
  projections: readonly Projection[];
  batchSize?: number;
  logger?: RunnerLogger;
  clock?: () => Date;
  /** False on an API-only instance: it follows the checkpoints and never takes a lease. */
  runProjections?: boolean;
  /** How long a lease lasts without renewal: the bound on a handover after its holder died (default 6000 ms). */
  leaseTtlMs?: number;
  /** How often the holder renews, and the others try for it (default 2000 ms). */
  leaseRenewMs?: number;
  /** How often the shared checkpoints are read while someone waits for a position (default 50 ms; 1 s otherwise). */
  checkpointPollMs?: number;
  /** This instance's name in the leases (default: host, process id and a random suffix). */
  holder?: string;
}

interface Owned {
  projection: Projection;
  grant: LeaseGrant | null;
  /** By this instance's clock: past it, the holder stops writing even before a renewal fails. */
  validUntil: number;
  runner: ProjectionRunner | null;
  /** The shared checkpoint as last read (null: none yet). */
  shared: Position | null;
}

const silent: RunnerLogger = { info: () => {}, warn: () => {}, error: () => {} };
const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const defaultHolder = (): string => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export function createOwnedProjections(options: OwnedProjectionsOptions): ProjectionRunner {
  const { store, readStore, projections } = options;
  const logger = options.logger ?? silent;
  const runProjections = options.runProjections ?? true;
  if (!readStore.durable) {
    if (!runProjections) throw new RangeError('an instance without the projections role needs a shared (durable) read store');
    return createProjectionRunner({ store, readStore, projections, batchSize: options.batchSize, logger, clock: options.clock });
  }
  const ttlMs = options.leaseTtlMs ?? 6000;
  const renewMs = options.leaseRenewMs ?? 2000;
  const pollMs = options.checkpointPollMs ?? 50;
  const holder = options.holder ?? defaultHolder();
  // Stop writing a little before the lease runs out by this clock: renewals are sent every renewMs.
  const margin = Math.min(1000, ttlMs / 4);
  const handledTypes = [...new Set(projections.flatMap((p) => p.eventTypes))];
  const owned: Owned[] = projections.map((projection) => ({ projection, grant: null, validUntil: 0, runner: null, shared: null }));
  const waiters = createPositionWaiters();
  let stopping = false;
  let caughtUp = false;
  let pollError: string | null = null;
  let failed: string | null = null;
  let keeperTimer: NodeJS.Timeout | null = null;
  let pollTimer: NodeJS.Timeout | null = null;
  let polling: Promise<void> | null = null;
  let keeping: Promise<void> | null = null;
  let onFailed: ((error: Error) => void) | null = null;

  const positionOf = (entry: Owned): Position | null => {
    const status = entry.runner?.status();
    const local = status?.caughtUp ? status.position : null;
    if (entry.shared === null) return local;
    return local !== null && local > entry.shared ? local : entry.shared;
  };
  const applied = (): Position => {
    let min: Position | null = null;
    for (const entry of owned) {
      const at = positionOf(entry) ?? -1n;
      if (min === null || at < min) min = at;
    }
    return min ?? -1n;
  };

  function settle(): void {
    waiters.settle(applied());
  }

  async function poll(): Promise<void> {
    try {
      for (const entry of owned) {
        const checkpoint = await readStore.getCheckpoint(checkpointName(entry.projection));
        if (checkpoint !== null && (entry.shared === null || checkpoint > entry.shared)) entry.shared = checkpoint;
      }
      pollError = null;
    } catch (error) {
      pollError = `reading the checkpoints: ${errorText(error)}`;
    }
    if (!caughtUp && owned.every((entry) => positionOf(entry) !== null)) caughtUp = true;
    settle();
  }

  function schedulePoll(delay: number): void {
    if (stopping) return;
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = setTimeout(() => {
      pollTimer = null;
      polling = poll().finally(() => {
        polling = null;
        schedulePoll(waiters.size > 0 ? pollMs : 1000);
      });
    }, delay);
    pollTimer.unref();
  }

  function lose(entry: Owned, why: string): void {
    if (!entry.grant) return;
    logger.warn({ projection: entry.projection.name, token: entry.grant.token, why }, 'projection lease lost: stopped running it');
    entry.grant = null;
    const runner = entry.runner;
    entry.runner = null;
    void runner?.stop();
  }

  function startRunner(entry: Owned, grant: LeaseGrant): void {
    const name = leaseName(entry.projection);
    const runner = createProjectionRunner({
      store,
      readStore,
      projections: [entry.projection],
      subscriptionTypes: handledTypes,
      batchSize: options.batchSize,
      logger,
      clock: options.clock,
      onPosition: () => settle(),
      lease: {
        fence: { token: grant.token },
        holdsLease: () => entry.grant === grant && Date.now() < entry.validUntil,
        verifyLease: async () => {
          const sent = Date.now();
          const renewed = await readStore.leases.acquire(name, holder, ttlMs, grant.token);
          if (renewed && entry.grant === grant) entry.validUntil = sent + ttlMs - margin;
          return renewed !== null && entry.grant === grant;
        },
        onOwnershipLost: (error) => {
          if (entry.grant === grant) lose(entry, error.message);
        },
      },
    });
    entry.runner = runner;
    runner.start().then(
      () => settle(),
      (error: unknown) => {
        if (isOwnershipLost(error) || stopping || entry.runner !== runner) return;
        // A projection that cannot apply an event: reported, as without leases; the lease is let go.
        failed = errorText(error);
        logger.error({ projection: entry.projection.name, error: failed }, 'projection failed');
        onFailed?.(error instanceof Error ? error : new Error(failed));
        entry.runner = null;
        entry.grant = null;
        void readStore.leases.release(name, holder, grant.token).catch(() => {});
      },
    );
  }

  async function keep(): Promise<void> {
    for (const entry of owned) {
      if (stopping || failed) return;
      const name = leaseName(entry.projection);
      const held = entry.grant;
      const sent = Date.now();
      try {
        const grant = await readStore.leases.acquire(name, holder, ttlMs, held?.token);
        if (stopping) return;
        if (held) {
          if (grant) entry.validUntil = sent + ttlMs - margin;
          else lose(entry, 'taken over');
          // A runner that stopped by itself (its lease ran out by this clock while paused) is started again.
          if (grant && entry.runner?.status().state === 'stopped') startRunner(entry, held);
          continue;
        }
        if (!grant) continue;
        entry.grant = grant;
        entry.validUntil = sent + ttlMs - margin;
        logger.info({ projection: entry.projection.name, token: grant.token, holder }, 'projection lease acquired: running it');
        startRunner(entry, grant);
      } catch (error) {
        // The read store is unreachable: keep the runner until the lease runs out by this clock.
        logger.warn({ projection: entry.projection.name, error: errorText(error) }, 'projection lease: renewal failed');
        if (held && Date.now() >= entry.validUntil) lose(entry, 'not renewed in time');
      }
    }
  }

  function scheduleKeep(delay: number): void {
    if (stopping || !runProjections) return;
    keeperTimer = setTimeout(() => {
      keeperTimer = null;
      keeping = keep().finally(() => {
        keeping = null;
        scheduleKeep(renewMs);
      });
    }, delay);
    keeperTimer.unref();
  }

  return {
    eventTypes: handledTypes,
    async start() {
      // No index builds here: on a shared read store only a projection's lease holder touches its collection
      // (its runner ensures the indexes), since creating it while the holder swaps a rebuild in collides
      // with the swap's renames.
      const failure = new Promise<never>((_, reject) => (onFailed = reject));
      failure.catch(() => {});
      scheduleKeep(0);
      await poll();
      let told = false;
      // Ready once every projection's read model exists, whoever built it.
      while (!caughtUp && !stopping) {
        if (!told && !owned.some((entry) => entry.grant)) {
          logger.info({ runProjections }, 'waiting for the projections owner to build the read models');
          told = true;
        }
        await Promise.race([new Promise((resolve) => setTimeout(resolve, 100)), failure]);
        await poll();
      }
      schedulePoll(1000);
    },
    waitFor(position, timeoutMs) {
      if (position <= applied()) return Promise.resolve(true);
      const reached = waiters.wait(position, timeoutMs);
      // Poll soon: the owner may be another instance.
      if (!polling && !stopping) schedulePoll(pollMs);
      return reached;
    },
    status(): RunnerStatus {
      const inner = owned.map((entry) => entry.runner?.status() ?? null);
      const innerError = inner.find((s) => s?.lastError)?.lastError ?? null;
      const recorded = inner.map((s) => s?.lastEventRecordedAt ?? null).filter((at): at is string => at !== null);
      return {
        state: failed ? 'failed' : stopping ? 'stopped' : caughtUp ? 'live' : 'starting',
        position: applied(),
        lastEventRecordedAt: recorded.sort().at(-1) ?? null,
        caughtUp,
        lastError: failed ?? innerError ?? pollError,
        projections: owned.map((entry, i) => ({
          name: entry.projection.name,
          version: entry.projection.version,
          position: positionOf(entry) ?? -1n,
          deadLetters: inner[i]?.projections[0]?.deadLetters ?? 0,
          owner: entry.grant !== null,
        })),
      };
    },
    deadLetters(): readonly DeadLetter[] {
      return owned.flatMap((entry) => entry.runner?.deadLetters() ?? []);
    },
    async stop() {
      stopping = true;
      if (keeperTimer) clearTimeout(keeperTimer);
      if (pollTimer) clearTimeout(pollTimer);
      await keeping?.catch(() => {});
      await polling?.catch(() => {});
      for (const entry of owned) {
        const { grant, runner } = entry;
        entry.runner = null;
        entry.grant = null;
        await runner?.stop();
        // What this instance applied stays its answer once stopped: the shared checkpoint it falls back
        // to is polled (every second), so it may still stand behind.
        const stopped = runner?.status();
        if (stopped?.caughtUp && (entry.shared === null || stopped.position > entry.shared)) entry.shared = stopped.position;
        // Let the lease go at once: another instance takes over at its next try, not after the TTL.
        if (grant) await readStore.leases.release(leaseName(entry.projection), holder, grant.token).catch(() => {});
      }
      waiters.abandon();
    },
  };
}
