/**
 * The server's integrity checkpointer: one checkpoint at start when events were written since the
 * last one, then one every interval (integrity-checkpoint.ts skips when nothing is new). One run at a
 * time; stop() waits for a run under way, so the store is not closed beneath it.
 */
import type { Logger } from 'pino';
import type { EventStore } from '../eventstore/port';
import { recordCheckpoint } from './integrity-checkpoint';
import type { SigningKey } from './signing-key';

export interface IntegrityCheckpointer {
  /** Records a checkpoint now (unless nothing is new); resolves when done. */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

export function startIntegrityCheckpointer(options: {
  store: EventStore;
  key: SigningKey;
  intervalMs: number;
  clock: () => Date;
  logger: Logger;
}): IntegrityCheckpointer {
  const { store, key, clock, logger } = options;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const runOnce = (): Promise<void> => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        const checkpoint = await recordCheckpoint(store, key, clock());
        if (checkpoint) logger.info({ position: checkpoint.position, streams: checkpoint.streamCount }, 'integrity checkpoint recorded');
      } catch (error) {
        logger.error({ err: error instanceof Error ? error.message : String(error) }, 'integrity checkpoint failed');
      }
    });
    return running;
  };
  void runOnce();
  const timer = setInterval(() => void runOnce(), options.intervalMs);
  timer.unref();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
