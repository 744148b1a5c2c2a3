/**
 * Applying events to one projection, in two steps: `foldBatch` folds events into documents held in a
 * pending map (loading each document from the read store the first time it is touched), and
 * `writeFolded` derives and writes them, position-guarded. Live running does both per batch; catching
 * up folds many batches before writing, so a document is derived and written once, not once per batch.
 */
import type { Position, RecordedEvent } from '../eventstore/port';
import { positionKey, positionFromKey, type ReadStore, type StoredDocument } from '../readstore/port';
import { copyDocument } from './copy-document';
import type { Fence } from './lease';
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

const handledTypes = new WeakMap<Projection, ReadonlySet<string>>();

function typesOf(projection: Projection): ReadonlySet<string> {
  let types = handledTypes.get(projection);
  if (!types) handledTypes.set(projection, (types = new Set(projection.eventTypes)));
  return types;
}

/**
 * The events each projection is handed. A projection may keep or change the event objects it is
 * given (Projection.evolve), so an event of a type several projections handle is copied for every one
 * of them but the first; an event of one projection's type is handed over as it is.
 */
export function handOver(projections: readonly Projection[], events: readonly RecordedEvent[]): Map<Projection, readonly RecordedEvent[]> {
  const handed = new Map<Projection, readonly RecordedEvent[]>();
  const claimed = new Set<string>();
  for (const projection of projections) {
    const shared = projection.eventTypes.filter((type) => claimed.has(type));
    for (const type of projection.eventTypes) claimed.add(type);
    if (shared.length === 0) {
      handed.set(projection, events);
      continue;
    }
    const copied = new Set(shared);
    handed.set(
      projection,
      events.map((event) => (copied.has(event.type) ? structuredClone(event) : event)),
    );
  }
  return handed;
}

export async function foldBatch(
  readStore: ReadStore,
  projection: Projection,
  collection: string,
  events: readonly RecordedEvent[],
  onError: 'dead-letter' | 'throw',
  pending: PendingDocuments,
): Promise<DeadLetter[]> {
  // Each event's key (null: not this projection's) and pending document, and the documents to load first.
  const handled = typesOf(projection);
  const keys = new Array<string | null>(events.length);
  const found = new Array<Folded | undefined>(events.length);
  const missing = new Set<string>();
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as RecordedEvent;
    const key = handled.has(event.type) ? projection.key(event) : null;
    keys[i] = key;
    if (key === null) continue;
    const folded = pending.get(key);
    if (folded) found[i] = folded;
    else missing.add(key);
  }
  if (missing.size > 0) {
    for (const stored of await readStore.getMany<StoredDocument>(collection, [...missing])) {
      // evolve may update the document in place: it gets a private copy, never the one readers share
      const doc = copyDocument(stored);
      pending.set(doc._id, { doc: doc as unknown as ProjectedDocument, position: null, seen: positionFromKey(doc._position) });
    }
  }
  const deadLetters: DeadLetter[] = [];
  for (let i = 0; i < events.length; i++) {
    const key = keys[i];
    if (key === null || key === undefined) continue;
    const event = events[i] as RecordedEvent;
    let folded = found[i] ?? pending.get(key);
    if (!folded) pending.set(key, (folded = { doc: null, position: null, seen: -1n }));
    // At-least-once delivery: events this document has already seen are skipped.
    if (event.position <= folded.seen || (folded.position !== null && event.position <= folded.position)) continue;
    try {
      // evolve may change the document in place before it throws: when live, where a failed event is
      // skipped, it gets a copy, so that nothing of a failed event is kept. A rebuild stops instead.
      const doc = onError === 'dead-letter' && folded.doc !== null ? copyDocument(folded.doc) : folded.doc;
      folded.doc = projection.evolve(doc, event);
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
  return deadLetters;
}

/** Derives and writes every pending document that changed, then empties the map. */
export async function writeFolded(
  readStore: ReadStore,
  projection: Projection,
  collection: string,
  pending: PendingDocuments,
  fence?: Fence,
): Promise<StoredDocument[]> {
  const written: StoredDocument[] = [];
  for (const [key, { doc, position }] of pending) {
    if (doc === null || position === null) continue;
    // The runner owns the folded document and lets go of it here: it becomes the stored one.
    const stored = (projection.derive ? projection.derive(doc) : doc) as StoredDocument;
    stored._id = key;
    stored._position = positionKey(position);
    written.push(stored);
  }
  if (written.length > 0) await readStore.upsertMany(collection, written, fence);
  pending.clear();
  return written;
}
