/**
 * Applies a batch of events to one projection: load the documents the batch touches, fold, derive,
 * write them position-guarded. Pure but for the read store calls.
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

export interface ApplyOutcome {
  /** Documents written (for live notifications). */
  written: StoredDocument[];
  deadLetters: DeadLetter[];
}

export async function applyBatch(
  readStore: ReadStore,
  projection: Projection,
  collection: string,
  events: readonly RecordedEvent[],
  onError: 'dead-letter' | 'throw',
): Promise<ApplyOutcome> {
  const byKey = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    if (!projection.eventTypes.includes(event.type)) continue;
    const key = projection.key(event);
    if (key === null) continue;
    const list = byKey.get(key);
    if (list) list.push(event);
    else byKey.set(key, [event]);
  }
  if (byKey.size === 0) return { written: [], deadLetters: [] };

  const stored = await readStore.getMany<StoredDocument>(collection, [...byKey.keys()]);
  const current = new Map(stored.map((doc) => [doc._id, doc]));
  const written: StoredDocument[] = [];
  const deadLetters: DeadLetter[] = [];

  for (const [key, keyEvents] of byKey) {
    const existing = current.get(key) ?? null;
    // At-least-once delivery: events this document has already seen are skipped.
    const seen = existing ? positionFromKey(existing._position) : -1n;
    let doc: ProjectedDocument | null = existing as ProjectedDocument | null;
    let position: Position | null = null;
    for (const event of keyEvents) {
      if (event.position <= seen) continue;
      try {
        doc = projection.evolve(doc, event);
        position = event.position;
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
    if (doc === null || position === null) continue;
    const derived = projection.derive ? projection.derive(doc) : doc;
    written.push({ ...(derived as object), _id: key, _position: positionKey(position) });
  }
  if (written.length > 0) await readStore.upsertMany(collection, written);
  return { written, deadLetters };
}
