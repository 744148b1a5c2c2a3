/**
 * The port's `Position` is EventStoreDB's **commit position** of an event.
 *
 * EventStoreDB addresses $all by (commit, prepare) byte offsets in its transaction log. For every
 * event written without an explicit transaction (all events written over gRPC) the two are equal —
 * the event's own log position — so the commit position alone identifies an event and orders $all.
 * Append results report that same position for the last event written, so positions from appends,
 * readAll, readStream and subscriptions compare directly.
 *
 * The one place the two halves differ is a filtered subscription's checkpoint taken at a page
 * boundary: (C, 0) means "everything before the record at C", and C may be the position of the next,
 * undelivered event. Such checkpoints are kept exact inside the adapter (to resubscribe) and are
 * reported to the port as the position of the last event before C (see subscription.ts).
 */
import type { Position as AllPosition } from '@kurrent/kurrentdb-client';
import type { Position } from '../port';

export type { AllPosition };

/** The $all position of an event the port names by `position`. */
export function allPositionOf(position: Position): AllPosition {
  return { commit: position, prepare: position };
}

/** True when the $all position is an event's own position (commit = prepare). */
export function isEventPosition(position: AllPosition): boolean {
  return position.commit === position.prepare;
}

export function compareAllPositions(a: AllPosition, b: AllPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}
