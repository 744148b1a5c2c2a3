/** A valid event for store-level tests: the store checks none of its metadata, so the hash is a placeholder. */
import { randomUUID } from 'node:crypto';
import type { EventMetadata, JsonObject, NewEvent } from '../../src/eventstore/port';

export function portEvent(type: string, data: JsonObject = {}, metadata: Partial<EventMetadata> = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      actor: { id: 'user-1', role: 'CLINICIAN', name: 'Test Clinician' },
      recordedAt: '2025-01-02T03:04:05.678Z',
      occurredAt: '2025-01-02T03:00:00.000Z',
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 1,
      prevHash: null,
      hash: 'not-checked-by-the-store',
      ...metadata,
    },
  };
}
