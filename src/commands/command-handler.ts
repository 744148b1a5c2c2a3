/**
 * Command handling, the same for every stream: read the stream → fold → decide → append with the
 * expected revision. Idempotent by command id; optimistic concurrency with a bounded retry.
 */
import type { DomainError, Decision } from '../domain/errors';
import { eventIdFor, sealEvents } from '../eventstore/envelope';
import { ConcurrencyError, type Actor, type EventStore, type JsonObject, type Position, type RecordedEvent } from '../eventstore/port';
import { SCHEMA_VERSION } from '../domain/events';

export interface CommandMeta {
  commandId: string;
  actor: Actor;
  correlationId: string;
  causationId?: string | null;
  /** When given, the stream must be exactly at this revision (else a conflict); when absent, a concurrent append is retried. */
  expectedRevision?: number | null;
}

/** A decided event before its envelope. */
export interface Decided {
  type: string;
  data: object;
  occurredAt: string;
}

export interface StreamDecider<C, S> {
  initialState(): S;
  evolve(state: S, event: RecordedEvent): S;
  decide(command: C, state: S, now: Date): Decision<Decided>;
  /** Called with the folded state before deciding: a non-null answer stops the command (e.g. facility access). */
  authorize?(state: S): CommandFailure | null;
}

export type CommandFailure =
  | { kind: 'domain'; error: DomainError }
  | { kind: 'conflict'; stream: string; expectedRevision: number; currentRevision: number }
  | { kind: 'not_found'; what: string }
  | { kind: 'forbidden'; message: string };

export interface CommandSuccess {
  eventIds: string[];
  /** Stream revision after the command's last event. */
  revision: number;
  /** Global position of the command's last event: what read-your-writes waits for. */
  position: Position;
  /** True when the command id was already recorded: nothing new was written. */
  duplicate: boolean;
}

export type CommandResult = ({ ok: true } & CommandSuccess) | { ok: false; failure: CommandFailure };

export interface CommandDeps {
  store: EventStore;
  clock: () => Date;
  /** Retries of decide after a concurrent append when no expectedRevision was given. */
  maxRetries?: number;
}

function priorResult(events: RecordedEvent[], commandId: string): CommandSuccess | null {
  const mine = events.filter((e) => e.metadata.commandId === commandId);
  const last = mine[mine.length - 1];
  if (!last) return null;
  return { eventIds: mine.map((e) => e.id), revision: last.revision, position: last.position, duplicate: true };
}

export async function handleCommand<C, S>(
  deps: CommandDeps,
  stream: string,
  decider: StreamDecider<C, S>,
  command: C,
  meta: CommandMeta,
): Promise<CommandResult> {
  const maxRetries = deps.maxRetries ?? 10;
  for (let attempt = 0; ; attempt++) {
    const events = await deps.store.readStream(stream);
    const prior = priorResult(events, meta.commandId);
    if (prior) return { ok: true, ...prior };

    const state = events.reduce(decider.evolve, decider.initialState());
    const denied = decider.authorize?.(state);
    if (denied) return { ok: false, failure: denied };

    const current = events.length - 1;
    const expected = meta.expectedRevision;
    if (expected !== undefined && expected !== null && expected !== current) {
      return { ok: false, failure: { kind: 'conflict', stream, expectedRevision: expected, currentRevision: current } };
    }

    const now = deps.clock();
    const decision = decider.decide(command, state, now);
    if (!decision.ok) return { ok: false, failure: { kind: 'domain', error: decision.error } };

    const last = events[events.length - 1];
    const sealed = sealEvents({
      stream,
      nextRevision: current + 1,
      prevHash: last ? last.metadata.hash : null,
      events: decision.events.map((event, index) => ({
        id: eventIdFor(meta.commandId, index),
        type: event.type,
        data: event.data as JsonObject,
        metadata: {
          actor: meta.actor,
          recordedAt: now.toISOString(),
          occurredAt: event.occurredAt,
          commandId: meta.commandId,
          correlationId: meta.correlationId,
          causationId: meta.causationId ?? null,
          schemaVersion: SCHEMA_VERSION,
        },
      })),
    });

    try {
      const result = await deps.store.append(stream, sealed, current < 0 ? 'no_stream' : current);
      return {
        ok: true,
        eventIds: sealed.map((e) => e.id),
        revision: result.nextRevision,
        position: result.position,
        duplicate: false,
      };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      // Someone appended between our read and our append. With an explicit revision that is the
      // client's conflict; otherwise decide again on the new state (it may also be our own retry).
      if ((expected !== undefined && expected !== null) || attempt >= maxRetries) {
        const reread = await deps.store.readStream(stream);
        const mine = priorResult(reread, meta.commandId);
        if (mine) return { ok: true, ...mine };
        return {
          ok: false,
          failure: { kind: 'conflict', stream, expectedRevision: expected ?? current, currentRevision: error.actual },
        };
      }
      // Writers racing on one case: a short jittered pause keeps them from colliding in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (attempt + 1)));
    }
  }
}
