/**
 * The command side's folded state per stream, kept between commands: a command then reads only the
 * events appended since (usually none, or its predecessor's) instead of the whole stream, and still
 * sees every append, from this process or another. Bounded; the least recently used stream goes first.
 */
import type { RecordedEvent } from '../eventstore/port';

/** What a command already recorded in the stream answers a retry of it: its events, last revision and position. */
export interface RecordedCommand {
  eventIds: string[];
  revision: number;
  position: bigint;
  /** The command's hash when it was recorded (null for events written before hashes were kept). */
  commandHash: string | null;
}

/**
 * A command id is its sender's idempotency key: the same id from another user is another command (and
 * never answers with the first one's result).
 */
export const commandKey = (actorId: string, commandId: string): string => `${actorId}\u0000${commandId}`;

export interface StreamSnapshot<S = unknown> {
  /** Revision of the last event folded; -1 for an empty stream. */
  revision: number;
  state: S;
  lastHash: string | null;
  commands: ReadonlyMap<string, RecordedCommand>;
}

export interface StreamStates {
  get(stream: string): StreamSnapshot | undefined;
  set(stream: string, snapshot: StreamSnapshot): void;
}

export function createStreamStates(maxStreams = 10_000): StreamStates {
  const snapshots = new Map<string, StreamSnapshot>();
  return {
    get(stream) {
      const snapshot = snapshots.get(stream);
      if (snapshot) {
        snapshots.delete(stream);
        snapshots.set(stream, snapshot);
      }
      return snapshot;
    },
    set(stream, snapshot) {
      snapshots.delete(stream);
      if (snapshots.size >= maxStreams) snapshots.delete(snapshots.keys().next().value as string);
      snapshots.set(stream, snapshot);
    },
  };
}

/** The snapshot after `events` (the stream's next ones, in order); the given snapshot is left as it was. */
export function extendSnapshot<S>(
  from: StreamSnapshot<S>,
  events: readonly RecordedEvent[],
  evolve: (state: S, event: RecordedEvent) => S,
): StreamSnapshot<S> {
  if (events.length === 0) return from;
  const commands = new Map(from.commands);
  let { state, revision, lastHash } = from;
  for (const event of events) {
    state = evolve(state, event);
    const key = commandKey(event.metadata.actor.id, event.metadata.commandId);
    const earlier = commands.get(key);
    commands.set(key, {
      eventIds: [...(earlier?.eventIds ?? []), event.id],
      revision: event.revision,
      position: event.position,
      commandHash: event.metadata.commandHash ?? null,
    });
    revision = event.revision;
    lastHash = event.metadata.hash;
  }
  return { revision, state, lastHash, commands };
}
