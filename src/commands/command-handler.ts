/**
 * Command handling, the same for every stream: read the stream → fold → decide → append with the
 * expected revision. Idempotent by command id; optimistic concurrency with a bounded retry. With
 * `states`, the fold of earlier commands is kept and only the stream's newer events are read.
 */
import type { DomainError, Decision } from '../domain/errors';
import { createHash } from 'node:crypto';
import { canonicalJson, eventIdFor, sealEvents } from '../eventstore/envelope';
import { ConcurrencyError, type Actor, type EventStore, type JsonObject, type Position, type RecordedEvent } from '../eventstore/port';
import { SCHEMA_VERSION } from '../domain/events';
import { commandKey, extendSnapshot, type RecordedCommand, type StreamSnapshot, type StreamStates } from './stream-states';
import { inSpan, streamCategory } from '../observability/tracing';

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
  /**
   * Called first with the folded state, before anything else is looked at (an earlier result of the
   * command id, the expected revision, the input against the stored state): a non-null answer stops
   * the command. Outside the caller's facilities must answer exactly as missing.
   */
  authorize(state: S, command: C): CommandFailure | null;
  /** Input checks that need the stored state (e.g. an amendment's fields against its target), after authorize. */
  validate?(command: C, state: S): Promise<CommandFailure | null>;
  /** The facility the stream belongs to, recorded in each event's metadata. */
  facilityOf(state: S, command: C): string;
}

export type CommandFailure =
  | { kind: 'domain'; error: DomainError }
  | { kind: 'conflict'; stream: string; expectedRevision: number; currentRevision: number }
  | { kind: 'not_found'; what: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'input'; fields: { path: string; constraints: string[] }[] }
  /** The command id was already used by this caller for a different command. */
  | { kind: 'idempotency_key_reused' };

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
  /** How long racing writers without an expectedRevision keep deciding again on the newer state (default 10 s). */
  retryBudgetMs?: number;
  /** Folded state kept between commands (without it, every command reads its whole stream). */
  states?: StreamStates;
}

/** Type and payload: what makes a retry the same command. */
export const commandHashOf = (command: unknown): string => createHash('sha256').update(canonicalJson(command)).digest('hex');

/** A span per command (a no-op without a tracer provider): its type and its stream's category, never its payload. */
export function handleCommand<C, S>(
  deps: CommandDeps,
  stream: string,
  decider: StreamDecider<C, S>,
  command: C,
  meta: CommandMeta,
): Promise<CommandResult> {
  const type = (command as { type?: unknown }).type;
  return inSpan(
    'command',
    { 'celltrail.command.type': typeof type === 'string' ? type : 'unknown', 'celltrail.stream.category': streamCategory(stream) },
    () => decideAndAppend(deps, stream, decider, command, meta),
  );
}

async function decideAndAppend<C, S>(
  deps: CommandDeps,
  stream: string,
  decider: StreamDecider<C, S>,
  command: C,
  meta: CommandMeta,
): Promise<CommandResult> {
  const deadline = Date.now() + (deps.retryBudgetMs ?? 10_000);
  const key = commandKey(meta.actor.id, meta.commandId);
  const commandHash = commandHashOf(command);
  const earlierResult = (recorded: RecordedCommand): CommandResult =>
    recorded.commandHash !== null && recorded.commandHash !== commandHash
      ? { ok: false, failure: { kind: 'idempotency_key_reused' } }
      : { ok: true, eventIds: recorded.eventIds, revision: recorded.revision, position: recorded.position, duplicate: true };

  for (let attempt = 0; ; attempt++) {
    // The events after the kept state (all of them the first time), folded onto it.
    const kept = deps.states?.get(stream) as StreamSnapshot<S> | undefined;
    const from: StreamSnapshot<S> = kept ?? { revision: -1, state: decider.initialState(), lastHash: null, commands: new Map() };
    const tail = await deps.store.readStream(stream, { fromRevision: from.revision + 1 });
    const snapshot = extendSnapshot(from, tail, decider.evolve);
    deps.states?.set(stream, snapshot);
    const state = snapshot.state;

    const denied = decider.authorize(state, command);
    if (denied) return { ok: false, failure: denied };
    const prior = snapshot.commands.get(key);
    if (prior) return earlierResult(prior);
    const invalid = await decider.validate?.(command, state);
    if (invalid) return { ok: false, failure: invalid };

    const current = snapshot.revision;
    const expected = meta.expectedRevision;
    if (expected !== undefined && expected !== null && expected !== current) {
      return { ok: false, failure: { kind: 'conflict', stream, expectedRevision: expected, currentRevision: current } };
    }

    const now = deps.clock();
    const decision = decider.decide(command, state, now);
    if (!decision.ok) return { ok: false, failure: { kind: 'domain', error: decision.error } };

    const facilityId = decider.facilityOf(state, command);
    const sealed = sealEvents({
      stream,
      nextRevision: current + 1,
      prevHash: snapshot.lastHash,
      events: decision.events.map((event, index) => ({
        // Ids are the sender's: another user's command with the same id writes other events.
        id: eventIdFor(key, index),
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
          facilityId,
          commandHash,
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
      // client's conflict; otherwise decide again on the new state (it may also be our own retry),
      // for as long as the retry budget lasts.
      if ((expected !== undefined && expected !== null) || Date.now() >= deadline) {
        const newer = await deps.store.readStream(stream, { fromRevision: snapshot.revision + 1 });
        const latest = extendSnapshot(snapshot, newer, decider.evolve);
        deps.states?.set(stream, latest);
        const mine = latest.commands.get(key);
        if (mine) return earlierResult(mine);
        return {
          ok: false,
          failure: { kind: 'conflict', stream, expectedRevision: expected ?? current, currentRevision: error.actual },
        };
      }
      // Writers racing on one case: an exponential, fully jittered pause keeps them from colliding in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 2 ** Math.min(attempt, 8))));
    }
  }
}
