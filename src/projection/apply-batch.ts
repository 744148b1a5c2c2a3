/**
 * Applying events to one projection, in two steps: `foldBatch` folds events into documents held in a
 * pending map (loading each document from the read store the first time it is touched), and
 * `writeFolded` derives and writes them, position-guarded. Live running does both per batch; catching
 * up folds many batches before writing, so a document is derived and written once, not once per batch.
 */
import type { Position, RecordedEvent } from '../eventstore/port';
import { positionKey, positionFromKey, type ReadStore, type StoredDocument } from '../readstore/port';
import type { ProjectedDocument, Projection } from './projection';

export interface DeadLetter {
  projection: string;
  eventId: string;
  eventType: string;
  stream: string;
  position: Position;
  error: string;
}

/** Thrown in a rebuild: a projection that cannot apply an event stops and names it. */
export class ProjectionFailedError extends Error {
  constructor(readonly deadLetter: DeadLetter) {
    super(
      `projection ${deadLetter.projection} failed on event ${deadLetter.eventId} (${deadLetter.eventType}, stream ${deadLetter.stream}, position ${deadLetter.position}): ${deadLetter.error}`,
    );
    this.name = 'ProjectionFailedError';
  }
}

/** A document folded but not yet written, with the position of the last event applied to it. */
export interface Folded {
  doc: ProjectedDocument | null;
  position: Position | null;
  /** Position the stored document had when loaded: events up to it were already applied. */
  seen: Position;
}

export type PendingDocuments = Map<string, Folded>;

export async function foldBatch(
  readStore: ReadStore,
  projection: Projection,
  collection: string,
  events: readonly RecordedEvent[],
  onError: 'dead-letter' | 'throw',
  pending: PendingDocuments,
): Promise<DeadLetter[]> {
  const byKey = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    if (!projection.eventTypes.includes(event.type)) continue;
    const key = projection.key(event);
    if (key === null) continue;
    const list = byKey.get(key);
    if (list) list.push(event);
    else byKey.set(key, [event]);
  }
  const missing = [...byKey.keys()].filter((key) => !pending.has(key));
  if (missing.length > 0) {
    for (const doc of await readStore.getMany<StoredDocument>(collection, missing)) {
      pending.set(doc._id, { doc: doc as unknown as ProjectedDocument, position: null, seen: positionFromKey(doc._position) });
    }
  }
  const deadLetters: DeadLetter[] = [];
  for (const [key, keyEvents] of byKey) {
    const folded = pending.get(key) ?? { doc: null, position: null, seen: -1n };
    for (const event of keyEvents) {
      // At-least-once delivery: events this document has already seen are skipped.
      if (event.position <= folded.seen || (folded.position !== null && event.position <= folded.position)) continue;
      try {
        folded.doc = projection.evolve(folded.doc, event);
        folded.position = event.position;
      } catch (error) {
        const letter: DeadLetter = {
          projection: projection.name,
          eventId: event.id,
          eventType: event.type,
          stream: event.stream,
          position: event.position,
          error: error instanceof Error ? error.message : String(error),
        };
        if (onError === 'throw') throw new ProjectionFailedError(letter);
        deadLetters.push(letter);
      }
    }
    pending.set(key, folded);
  }
  return deadLetters;
}

/** Derives and writes every pending document that changed, then empties the map. */
export async function writeFolded(readStore: ReadStore, projection: Projection, collection: string, pending: PendingDocuments): Promise<StoredDocument[]> {
  const written: StoredDocument[] = [];
  for (const [key, { doc, position }] of pending) {
    if (doc === null || position === null) continue;
    const derived = projection.derive ? projection.derive(doc) : doc;
    written.push({ ...(derived as object), _id: key, _position: positionKey(position) });
  }
  if (written.length > 0) await readStore.upsertMany(collection, written);
  pending.clear();
  return written;
}
