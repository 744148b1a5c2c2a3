/**
 * EventStoreDB's commit check (IndexWriter.CheckCommit in the server), restated as a pure function:
 * whether an append is written, recognised as already written (idempotent), or refused with
 * WrongExpectedVersion. The rules, as the server applies them:
 *
 * - `stream_exists` on a stream that does not exist: wrong expected version.
 * - `any` / `stream_exists`: if the first event id is not already committed in this stream, write;
 *   if all of them are, idempotent (answering the revision and position of the last one); if only
 *   some are, wrong expected version ("corrupted idempotency").
 * - an exact revision (or `no_stream`, i.e. -1) below the current revision: idempotent when the
 *   events right after the expected revision carry the same ids, in order; otherwise wrong
 *   expected version.
 * - an exact revision above the current revision: wrong expected version.
 * - an exact revision equal to the current revision: write (even if the ids were seen before).
 */

export type ExpectedState = { kind: 'revision'; revision: bigint } | { kind: 'no_stream' } | { kind: 'any' } | { kind: 'stream_exists' };

export interface CommittedEvent {
  stream: string;
  revision: bigint;
  id: string;
  position: bigint;
}

export interface StreamView {
  stream: string;
  /** null when the stream has no events. */
  lastRevision: bigint | null;
  eventAt(revision: bigint): CommittedEvent | undefined;
  /** The most recent committed event with this id, in any stream. */
  committed(id: string): CommittedEvent | undefined;
}

export type AppendDecision =
  | { kind: 'write' }
  | { kind: 'idempotent'; lastRevision: bigint; position: bigint }
  | { kind: 'wrong_expected_version'; currentRevision: bigint | null };

export function decideAppend(view: StreamView, expected: ExpectedState, ids: readonly string[]): AppendDecision {
  const current = view.lastRevision ?? -1n;
  const wrong: AppendDecision = { kind: 'wrong_expected_version', currentRevision: view.lastRevision };

  if (expected.kind === 'stream_exists' && current < 0n) return wrong;

  if (expected.kind === 'any' || expected.kind === 'stream_exists') {
    let last: CommittedEvent | undefined;
    for (const [i, id] of ids.entries()) {
      const seen = view.committed(id);
      if (!seen || seen.stream !== view.stream) return i === 0 ? { kind: 'write' } : wrong;
      last = seen;
    }
    return last ? { kind: 'idempotent', lastRevision: last.revision, position: last.position } : { kind: 'write' };
  }

  const revision = expected.kind === 'no_stream' ? -1n : expected.revision;
  if (revision < current) {
    if (ids.length === 0) return wrong;
    let last: CommittedEvent | undefined;
    for (const [i, id] of ids.entries()) {
      const stored = view.eventAt(revision + 1n + BigInt(i));
      if (!stored || stored.id !== id) return wrong;
      last = stored;
    }
    const found = last as CommittedEvent;
    return { kind: 'idempotent', lastRevision: found.revision, position: found.position };
  }
  if (revision > current) return wrong;
  return { kind: 'write' };
}
