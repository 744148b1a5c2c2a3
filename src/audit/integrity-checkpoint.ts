/**
 * Integrity checkpoints: a signed Merkle root over every stream's head (merkle.ts) at a store position,
 * recorded as an event of its own stream. Kept outside the system by auditors, a checkpoint proves
 * that no event at or before its position was changed, removed or re-hashed since: the heads at that
 * position, recomputed from the store, must give the same root, and only the key's holder can sign
 * another one. It holds no patient data: a root, a position, a count, a time, a key id.
 *
 * The checkpoint stream's own earlier events are leaves like any stream's, so they are covered too.
 * Several instances may record at once: each appends at the revision it read; the loser skips.
 */
import { ConcurrencyError, type Actor, type EventStore, type Position, type StreamHead } from '../eventstore/port';
import { leafHash, merkleTree, sortHeads, type InclusionProof } from './merkle';
import { signPayload, verifyPayload, type PublicKey, type SigningKey } from './signing-key';
import { sealSystemEvents } from './system-events';

export const CHECKPOINT_STREAM = 'integrity-checkpoints';
export const CHECKPOINT_EVENT_TYPE = 'IntegrityCheckpointRecorded';
const CHECKPOINTER: Actor = { id: 'celltrail', role: 'SYSTEM', name: 'integrity checkpointer' };

/** What is signed. */
export interface CheckpointPayload {
  kind: 'integrity-checkpoint';
  /** Merkle root (hex) over the heads of every stream at `position`. */
  root: string;
  /** Store position (decimal) the heads were taken at. */
  position: string;
  streamCount: number;
  recordedAt: string;
  keyId: string;
}

/** A checkpoint as recorded, fetched and kept: the payload and its compact JWS. */
export interface SignedCheckpoint extends CheckpointPayload {
  signature: string;
}

/** The heads a checkpoint at `position` commits to, in leaf order, with the tree over them. */
export async function headsAt(store: EventStore, position: Position): Promise<{ heads: StreamHead[]; root: string }> {
  const heads = sortHeads(await store.streamHeads(position));
  return { heads, root: merkleTree(heads.map(leafHash)).root };
}

/** The heads of `streams` (null: every stream) at a checkpoint's position, each with its inclusion proof (for exports). */
export async function proofsAt(
  store: EventStore,
  position: Position,
  streams: ReadonlySet<string> | null,
): Promise<Array<StreamHead & { proof: InclusionProof }>> {
  const heads = sortHeads(await store.streamHeads(position));
  const wanted = heads.flatMap((h, i) => (streams === null || streams.has(h.stream) ? [i] : []));
  const { proofs } = merkleTree(heads.map(leafHash), wanted);
  return wanted.map((i) => ({ ...(heads[i] as StreamHead), proof: proofs.get(i) as InclusionProof }));
}

export function isSignedCheckpoint(value: unknown): value is SignedCheckpoint {
  const c = value as Partial<SignedCheckpoint> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    c.kind === 'integrity-checkpoint' &&
    typeof c.root === 'string' &&
    typeof c.position === 'string' &&
    /^\d+$/.test(c.position) &&
    typeof c.streamCount === 'number' &&
    typeof c.recordedAt === 'string' &&
    typeof c.keyId === 'string' &&
    typeof c.signature === 'string'
  );
}

/** A kept checkpoint's JSON (`verify --checkpoint-out`); `name` says where it came from in the error. */
export function parseCheckpoint(text: string, name: string): SignedCheckpoint {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  if (!isSignedCheckpoint(value)) throw new Error(`${name} is not a signed integrity checkpoint`);
  return value;
}

/** The last checkpoint recorded, and where its event is; null when none was. */
export async function latestCheckpoint(
  store: EventStore,
): Promise<{ checkpoint: SignedCheckpoint; revision: number; at: Position; hash: string } | null> {
  const [last] = await store.readStream(CHECKPOINT_STREAM, { direction: 'backwards', maxCount: 1 });
  if (!last) return null;
  if (!isSignedCheckpoint(last.data)) throw new Error(`${CHECKPOINT_STREAM} revision ${last.revision} is not a checkpoint`);
  return { checkpoint: last.data, revision: last.revision, at: last.position, hash: last.metadata.hash };
}

/**
 * Records a checkpoint at the store's head unless nothing was written since the last one. Returns it,
 * or null when skipped (nothing new, or another instance recorded one at the same time).
 */
export async function recordCheckpoint(store: EventStore, key: SigningKey, now: Date): Promise<SignedCheckpoint | null> {
  const last = await latestCheckpoint(store);
  const position = await store.headPosition();
  if (last ? position <= last.at : position === 0n) return null; // nothing new (or nothing at all)
  const { heads, root } = await headsAt(store, position);
  const payload: CheckpointPayload = {
    kind: 'integrity-checkpoint',
    root,
    position: position.toString(),
    streamCount: heads.length,
    recordedAt: now.toISOString(),
    keyId: key.keyId,
  };
  const checkpoint: SignedCheckpoint = { ...payload, signature: await signPayload(key, payload) };
  // Appended at the revision read: of two instances recording at once, one wins and the other skips.
  const [event] = sealSystemEvents(CHECKPOINT_STREAM, last, [
    { type: CHECKPOINT_EVENT_TYPE, data: { ...checkpoint }, actor: CHECKPOINTER, at: now },
  ]);
  try {
    await store.append(CHECKPOINT_STREAM, [event!], last ? last.revision : 'no_stream');
    return checkpoint;
  } catch (error) {
    if (error instanceof ConcurrencyError) return null; // another instance recorded one just now
    throw error;
  }
}

export interface CheckpointCheck {
  valid: boolean;
  position: string;
  /** Why it failed, in words; empty when valid. */
  problems: string[];
  root?: { kept: string; store: string };
  streamCount?: { kept: number; store: number };
}

/** The kept checkpoint's signature, and that it says what it signed. */
export async function checkSignedCheckpoint(kept: SignedCheckpoint, keys: readonly PublicKey[]): Promise<string[]> {
  const signature = await verifyPayload(kept.signature, keys);
  if (!signature.valid) return [`checkpoint signature: ${signature.reason}`];
  const signed = signature.payload as CheckpointPayload;
  const fields = ['kind', 'root', 'position', 'streamCount', 'recordedAt', 'keyId'] as const;
  const differ = fields.filter((f) => signed[f] !== kept[f]);
  return differ.length === 0 ? [] : [`checkpoint fields differ from what was signed: ${differ.join(', ')}`];
}

/**
 * Recomputes the root over the store as it stood at the kept checkpoint's position. Together with
 * the chain check (verify-store.ts) this shows that no event at or before that position was changed.
 */
export async function verifyCheckpointAgainstStore(
  store: EventStore,
  kept: SignedCheckpoint,
  keys: readonly PublicKey[],
): Promise<CheckpointCheck> {
  const problems = await checkSignedCheckpoint(kept, keys);
  if (problems.length > 0) return { valid: false, position: kept.position, problems };
  const { heads, root } = await headsAt(store, BigInt(kept.position));
  const check: CheckpointCheck = {
    valid: true,
    position: kept.position,
    problems,
    root: { kept: kept.root, store: root },
    streamCount: { kept: kept.streamCount, store: heads.length },
  };
  if (root !== kept.root) {
    problems.push(
      `the store's heads at position ${kept.position} do not give the kept root: history at or before the checkpoint was changed (${heads.length} streams now, ${kept.streamCount} then)`,
    );
  }
  check.valid = problems.length === 0;
  return check;
}
