/** Builds recorded events (sealed envelopes) for projection and runner tests. */
import { sealEvents, eventIdFor } from '../../src/eventstore/envelope';
import type { EventStore, JsonObject, RecordedEvent } from '../../src/eventstore/port';

export const ACTOR = { id: 'dr-1', name: 'Dr One', role: 'CLINICIAN' };

/** Appends events to a stream through the store, as the command handler would, and returns them recorded. */
export async function appendTo(
  store: EventStore,
  stream: string,
  events: Array<{ type: string; data: JsonObject; occurredAt?: string }>,
): Promise<RecordedEvent[]> {
  const existing = await store.readStream(stream);
  const last = existing[existing.length - 1];
  const commandId = `${stream}:${existing.length}:${Math.random()}`;
  const now = new Date().toISOString();
  const sealed = sealEvents({
    stream,
    nextRevision: existing.length,
    prevHash: last ? last.metadata.hash : null,
    events: events.map((e, i) => ({
      id: eventIdFor(commandId, i),
      type: e.type,
      data: e.data,
      metadata: {
        actor: ACTOR,
        recordedAt: now,
        occurredAt: e.occurredAt ?? now,
        commandId,
        correlationId: 'test',
        causationId: null,
        schemaVersion: 1,
      },
    })),
  });
  await store.append(stream, sealed, last ? last.revision : 'no_stream');
  return (await store.readStream(stream)).slice(existing.length);
}

export function caseOpenedData(caseId: string, over: JsonObject = {}): JsonObject {
  return {
    caseId,
    patientId: 'p-1',
    facilityId: 'F1',
    legs: ['LEFT'],
    diagnosisCode: 'I70.222',
    rutherfordCategory: 4,
    fontaineStage: null,
    revascularizationNotPossible: true,
    amputationOnlyAlternative: true,
    harvestPlanned: true,
    ...over,
  };
}
