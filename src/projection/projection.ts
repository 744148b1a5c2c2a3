/** What a projection is: a pure definition the runner applies. Definitions live in the top-level projections/. */
import type { RecordedEvent } from '../eventstore/port';
import type { IndexSpec } from '../readstore/port';

/** A projection's document: `_id` is its key; the runner adds `_position` when it stores it. */
export interface ProjectedDocument {
  _id: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of projections of different document types
export interface Projection<D extends ProjectedDocument = any> {
  /** Also the read store collection name and the checkpoint name. */
  name: string;
  /** Bump when evolve's output changes: the projection is then rebuilt from the events. */
  version: number;
  eventTypes: readonly string[];
  /** The id of the document an event touches; null = the event touches none. */
  key(event: RecordedEvent): string | null;
  /**
   * The document after the event (null before the first one; return null to delete nothing and skip).
   * A function of its arguments only, but it may update `document` in place and return it: the runner
   * owns every document it passes (created by evolve, or a private copy of the stored one), so a
   * rebuild does not copy a growing document once per event. The event is the projection's too: it
   * may keep the event's objects in the document, even add to them, as no other projection is handed
   * the same event object (see `handOver` in apply-batch.ts) and the runner reads only its envelope's
   * id, type, stream, position and recording time after.
   */
  evolve(document: D | null, event: RecordedEvent): D | null;
  /** Optional: fields computed from the whole document, once per document per batch (costly derivations). May update in place like evolve. */
  derive?(document: D): D;
  /** Indexes for the fields queries filter and sort on. */
  indexes?: readonly IndexSpec[];
}
