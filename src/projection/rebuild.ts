/**
 * Blue/green rebuild of one projection: replayed from the first event into a side collection of its own
 * run while the live one keeps serving, then swapped in. Stops on the first event the projection cannot
 * apply. With shared stores it is run by the projection's lease holder only (ownership.ts): the side
 * collections of earlier runs are leftovers of deposed owners and are dropped first, every write carries
 * the fencing token, and the lease is checked against the store right before the swap.
 */
import { randomBytes } from 'node:crypto';

import type { EventStore, Position } from '../eventstore/port';
import type { ReadStore } from '../readstore/port';
import { foldBatch, writeFolded, type PendingDocuments } from './apply-batch';
import { LeaseLostError, type Fence } from './lease';
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
  /** The lease holder's token: side-collection documents and the checkpoint are written with it. */
  fence?: Fence;
  /** Asks the store whether the lease is still held (a renewal): false stops the rebuild before its swap. */
  verifyLease?: () => Promise<boolean>;
}

// No dot in the name: FerretDB 1.x refuses to rename into or out of a dotted collection name.
export const sideCollectionPrefix = (projection: Pick<Projection, 'name'>): string => `${projection.name}__rebuild_`;
/** The side collection of one run: two runs (a deposed owner's and its successor's) never share one. */
export const sideCollection = (projection: Pick<Projection, 'name'>, runId: string = randomBytes(6).toString('hex')): string =>
  `${sideCollectionPrefix(projection)}${runId}`;

/**
 * Returns the position the rebuilt collection is current to (its new checkpoint). Reads the events of
 * the projection's types, folds documents across pages and writes them when `maxPendingDocuments` are
 * pending and at the end.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<Position> {
  const { store, readStore, projection } = options;
  const batchSize = options.batchSize ?? 2000;
  const maxPending = options.maxPendingDocuments ?? 50_000;
  const { fence } = options;
  // This caller owns the projection: any other run's side collection is a leftover of a deposed owner.
  // Dropping it also makes that owner's late swap fail (its source is gone) instead of swapping old data in.
  for (const leftover of await readStore.listCollections(sideCollectionPrefix(projection))) await readStore.dropCollection(leftover);
  const side = sideCollection(projection, fence ? `${fence.token}_${randomBytes(4).toString('hex')}` : undefined);
  if (projection.indexes) await readStore.ensureIndexes(side, projection.indexes);
  const pending: PendingDocuments = new Map();
  let after: Position | undefined;
  let events = 0;
  let documents = 0;
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
    if (pending.size >= maxPending) documents += (await writeFolded(readStore, projection, side, pending, fence)).length;
    events += page.length;
    after = last.position;
    current = last.position;
    options.onProgress?.({ projection: projection.name, events, position: current, head });
  }
  documents += (await writeFolded(readStore, projection, side, pending, fence)).length;
  // A side collection written to and gone since was dropped by a successor: never swap (nothing) in.
  const sideGone = documents > 0 && !(await readStore.listCollections(side)).includes(side);
  if (sideGone || (options.verifyLease && !(await options.verifyLease()))) {
    await readStore.dropCollection(side);
    throw new LeaseLostError(`rebuild of ${projection.name}`);
  }
  await readStore.replaceCollection(projection.name, side);
  // The swapped-in collection is current to `current`: its owner sets the checkpoint there (fenced).
  await readStore.setCheckpoint(checkpointName(projection), current, fence);
  return current;
}
