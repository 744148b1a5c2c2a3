/**
 * Blue/green rebuild of one projection: replayed from the first event into a side collection while the
 * live one keeps serving, then swapped in. Stops on the first event the projection cannot apply.
 */
import type { EventStore, Position } from '../eventstore/port';
import type { ReadStore } from '../readstore/port';
import { foldBatch, writeFolded, type PendingDocuments } from './apply-batch';
import { checkpointName } from './names';
import type { Projection } from './projection';

export interface RebuildProgress {
  projection: string;
  events: number;
  position: Position;
  head: Position;
}

export interface RebuildOptions {
  store: EventStore;
  readStore: ReadStore;
  projection: Projection;
  batchSize?: number;
  /** Documents folded in memory before they are written to the side collection. */
  maxPendingDocuments?: number;
  onProgress?: (progress: RebuildProgress) => void;
}

// No dot in the name: FerretDB 1.x refuses to rename into or out of a dotted collection name.
export const sideCollection = (projection: Pick<Projection, 'name'>): string => `${projection.name}_rebuild`;

/**
 * Returns the position the rebuilt collection is current to (its new checkpoint). Reads the events of
 * the projection's types, folds documents across pages and writes them when `maxPendingDocuments` are
 * pending and at the end.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<Position> {
  const { store, readStore, projection } = options;
  const batchSize = options.batchSize ?? 2000;
  const maxPending = options.maxPendingDocuments ?? 50_000;
  const side = sideCollection(projection);
  await readStore.dropCollection(side);
  if (projection.indexes) await readStore.ensureIndexes(side, projection.indexes);
  const pending: PendingDocuments = new Map();
  let after: Position | undefined;
  let events = 0;
  let current: Position = -1n;
  for (;;) {
    // Read the head first: once a page comes back empty, every event up to it has been applied.
    const head = await store.headPosition();
    const page = await store.readAll({ after, maxCount: batchSize, filter: { types: projection.eventTypes } });
    const last = page[page.length - 1];
    if (!last) {
      current = head > current ? head : current;
      break;
    }
    await foldBatch(readStore, projection, side, page, 'throw', pending);
    if (pending.size >= maxPending) await writeFolded(readStore, projection, side, pending);
    events += page.length;
    after = last.position;
    current = last.position;
    options.onProgress?.({ projection: projection.name, events, position: current, head });
  }
  await writeFolded(readStore, projection, side, pending);
  await readStore.replaceCollection(projection.name, side);
  await readStore.setCheckpoint(checkpointName(projection), current);
  return current;
}
