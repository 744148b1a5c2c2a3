/**
 * The access log, kept as hash-chained events in one `access-<yyyy-mm-dd>` stream per day. Records are
 * buffered so a read never waits for an fsync, and flushed within `flushMs`, when `maxBuffered` is
 * reached, and on close.
 */
import { randomUUID } from 'node:crypto';
import { ACCESS_STREAM_PREFIX, SCHEMA_VERSION, type PatientDataAccessed } from '../domain/events';
import { sealEvents } from '../eventstore/envelope';
import { ConcurrencyError, type EventStore } from '../eventstore/port';
import type { AccessLog, AccessRecord } from './access-log';

export const ACCESS_EVENT_TYPE = 'PatientDataAccessed';

export const accessStream = (at: Date): string => `${ACCESS_STREAM_PREFIX}${at.toISOString().slice(0, 10)}`;

export interface AccessLogOptions {
  store: EventStore;
  clock?: () => Date;
  flushMs?: number;
  maxBuffered?: number;
  onError?: (error: unknown) => void;
}

interface Pending extends AccessRecord {
  at: Date;
}

export function createEventStoreAccessLog(options: AccessLogOptions): AccessLog {
  const clock = options.clock ?? (() => new Date());
  const flushMs = options.flushMs ?? 250;
  const maxBuffered = options.maxBuffered ?? 500;
  let buffer: Pending[] = [];
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> = Promise.resolve();

  async function appendDay(stream: string, records: Pending[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const [last] = await options.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
      const events = sealEvents({
        stream,
        nextRevision: last ? last.revision + 1 : 0,
        prevHash: last ? last.metadata.hash : null,
        events: records.map((r) => {
          const data: PatientDataAccessed = { operation: r.operation, patientId: r.patientId, caseId: r.caseId, outcome: r.outcome };
          const at = r.at.toISOString();
          return {
            id: randomUUID(),
            type: ACCESS_EVENT_TYPE,
            data: { ...data },
            metadata: { actor: r.actor, recordedAt: at, occurredAt: at, commandId: randomUUID(), correlationId: r.correlationId, causationId: null, schemaVersion: SCHEMA_VERSION },
          };
        }),
      });
      try {
        await options.store.append(stream, events, last ? last.revision : 'no_stream');
        return;
      } catch (error) {
        // another writer (a CLI export, a second instance) appended first: chain onto its events
        if (!(error instanceof ConcurrencyError) || attempt >= 10) throw error;
      }
    }
  }

  async function write(records: Pending[]): Promise<void> {
    const byDay = new Map<string, Pending[]>();
    for (const record of records) {
      const stream = accessStream(record.at);
      byDay.set(stream, [...(byDay.get(stream) ?? []), record]);
    }
    for (const [stream, dayRecords] of byDay) await appendDay(stream, dayRecords);
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const records = buffer;
    buffer = [];
    flushing = flushing.then(async () => {
      if (records.length === 0) return;
      try {
        await write(records);
      } catch (error) {
        options.onError?.(error);
        throw error;
      }
    }).catch(() => {});
    return flushing;
  }

  return {
    record(entry) {
      buffer.push({ ...entry, at: clock() });
      if (buffer.length >= maxBuffered) void flush();
      else if (!timer) timer = setTimeout(() => void flush(), flushMs);
    },
    flush,
    close: flush,
  };
}
