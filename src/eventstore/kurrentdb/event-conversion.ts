/** Port events ↔ the client's events. Data and metadata travel as JSON (content type application/json). */
import { jsonEvent, type EventData, type RecordedEvent as ClientRecordedEvent } from '@kurrent/kurrentdb-client';
import type { EventMetadata, JsonObject, NewEvent, RecordedEvent } from '../port';
import { UnreadableEventError } from './errors';

/** The event id is the caller's (deterministic), so the server recognises a retried append. */
export function toEventData(event: NewEvent): EventData {
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: { ...event.metadata } });
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/**
 * Events reach the store only through `append`, which takes `EventMetadata`; metadata that is not
 * even a JSON object comes from another writer, and is refused rather than passed on mistyped.
 */
export function toRecordedEvent(event: ClientRecordedEvent | undefined): RecordedEvent {
  if (!event) throw new Error('EventStoreDB returned a read result without an event');
  const where = { stream: event.streamId, revision: event.revision, id: event.id };
  if (!event.isJson || !isJsonObject(event.data)) throw new UnreadableEventError(where, 'data is not a JSON object');
  if (!isJsonObject(event.metadata)) throw new UnreadableEventError(where, 'metadata is not a JSON object');
  if (!event.position) throw new UnreadableEventError(where, 'the server did not report its position');
  return {
    id: event.id,
    stream: event.streamId,
    revision: Number(event.revision),
    position: event.position.commit,
    type: event.type,
    data: event.data,
    metadata: event.metadata as unknown as EventMetadata,
  };
}
