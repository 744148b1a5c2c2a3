/**
 * Events the system records about itself — access records, security events, integrity checkpoints — in
 * streams of their own, hash-chained like every stream. One envelope for all of them (no command, no
 * causation, recorded when it happened), and one way to chain a batch onto a stream that other writers
 * (a CLI, another instance) append to as well.
 */
import { randomUUID } from 'node:crypto';
import { SCHEMA_VERSION } from '../domain/events';
import { sealEvents } from '../eventstore/envelope';
import { ConcurrencyError, type Actor, type EventStore, type JsonObject, type NewEvent } from '../eventstore/port';

export interface SystemEvent {
  type: string;
  data: JsonObject;
  actor: Actor;
  at: Date;
  correlationId?: string;
  facilityId?: string | null;
}

/** The stream's last event, as the next one chains onto it. */
export interface ChainEnd {
  revision: number;
  hash: string;
}

export function sealSystemEvents(stream: string, last: ChainEnd | null, events: readonly SystemEvent[]): NewEvent[] {
  return sealEvents({
    stream,
    nextRevision: last ? last.revision + 1 : 0,
    prevHash: last ? last.hash : null,
    events: events.map((e) => {
      const at = e.at.toISOString();
      return {
        id: randomUUID(),
        type: e.type,
        data: e.data,
        metadata: {
          actor: e.actor,
          recordedAt: at,
          occurredAt: at,
          commandId: randomUUID(),
          correlationId: e.correlationId ?? randomUUID(),
          causationId: null,
          schemaVersion: SCHEMA_VERSION,
          ...(e.facilityId ? { facilityId: e.facilityId } : {}),
        },
      };
    }),
  });
}

/** Appends the events as the stream's next ones; when another writer appended first, chains onto its events instead. */
export async function appendChained(store: EventStore, stream: string, events: readonly SystemEvent[]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    const sealed = sealSystemEvents(stream, last ? { revision: last.revision, hash: last.metadata.hash } : null, events);
    try {
      await store.append(stream, sealed, last ? last.revision : 'no_stream');
      return;
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= 10) throw error;
    }
  }
}
