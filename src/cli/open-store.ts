/**
 * The store an operating command works on: the server's (EVENTSTORE_URL, else DATA_DIR/events.sqlite).
 * A command never creates the embedded store: pointed at a directory without one, it would report on
 * an empty store it just made ("every chain intact") instead of the one the operator meant.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openEventStore } from '../app';
import type { Config } from '../config';
import type { EventStore } from '../eventstore/port';

export class MissingStoreError extends Error {
  constructor(file: string) {
    super(`no event store at ${file}: set DATA_DIR to the server's data directory (or EVENTSTORE_URL)`);
    this.name = 'MissingStoreError';
  }
}

export async function openExistingStore(config: Config): Promise<EventStore> {
  const file = path.join(config.dataDir, 'events.sqlite');
  if (!config.eventStoreUrl && !existsSync(file)) throw new MissingStoreError(file);
  return openEventStore(config);
}
