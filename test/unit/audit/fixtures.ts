/** Sealed events appended as the command handler would, with recording times the test chooses. */
import { randomUUID } from 'node:crypto';
import { sealEvents } from '../../../src/eventstore/envelope';
import type { Actor, EventStore, JsonObject, RecordedEvent } from '../../../src/eventstore/port';

export const DR_ONE: Actor = { id: 'dr-1', name: 'Dr One', role: 'CLINICIAN' };

export interface Draft {
  type: string;
  data?: JsonObject;
  actor?: Actor;
  recordedAt?: string;
}

export async function append(store: EventStore, stream: string, drafts: Draft[]): Promise<RecordedEvent[]> {
  const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
  const commandId = randomUUID();
  const sealed = sealEvents({
    stream,
    nextRevision: last ? last.revision + 1 : 0,
    prevHash: last ? last.metadata.hash : null,
    events: drafts.map((d) => {
      const at = d.recordedAt ?? '2026-01-15T10:00:00.000Z';
      return {
        id: randomUUID(),
        type: d.type,
        data: d.data ?? {},
        metadata: {
          actor: d.actor ?? DR_ONE,
          recordedAt: at,
          occurredAt: at,
          commandId,
          correlationId: 'test',
          causationId: null,
          schemaVersion: 1,
        },
      };
    }),
  });
  await store.append(stream, sealed, last ? last.revision : 'no_stream');
  return (await store.readStream(stream)).slice(last ? last.revision + 1 : 0);
}

/** `count` events of one type in a stream, appended one by one (each its own position). */
export async function appendMany(
  store: EventStore,
  stream: string,
  count: number,
  draft: (i: number) => Draft = (i) => ({ type: 'Noted', data: { i } }),
): Promise<void> {
  for (let i = 0; i < count; i++) await append(store, stream, [draft(i)]);
}
