/**
 * An event's metadata as the catch-up worker sends it: parsed there, and sent as a tuple of its values
 * when it has exactly the envelope's fields in the order they are stored (the actor's in either of two
 * orders; `facilityId` and `commandHash`, each present or not, between `schemaVersion` and `prevHash`),
 * else as its JSON text. Rebuilt
 * on the subscriber's thread with a literal (same fields, same order), which costs a fraction of parsing
 * it: the metadata is two thirds of an event's JSON (hashes and ids), and the subscriber's thread is
 * where a rebuild spends its time.
 */
import type { EventMetadata } from '../port';

export type PackedMetadata = [
  actorId: string,
  actorRole: string,
  actorName: string,
  /** The actor's fields were stored as id, name, role (the API's order) rather than id, role, name. */
  actorNameFirst: boolean,
  recordedAt: string,
  occurredAt: string,
  commandId: string,
  correlationId: string,
  causationId: string | null,
  schemaVersion: number,
  prevHash: string | null,
  hash: string,
  /** Undefined: the field is absent. */
  facilityId?: string,
  commandHash?: string,
];

const HEAD = 'actor,recordedAt,occurredAt,commandId,correlationId,causationId,schemaVersion';
const TAIL = 'prevHash,hash';
/** The stored field orders that pack, by which optional fields they have. */
const FIELD_ORDERS = new Set([
  `${HEAD},${TAIL}`,
  `${HEAD},facilityId,${TAIL}`,
  `${HEAD},commandHash,${TAIL}`,
  `${HEAD},facilityId,commandHash,${TAIL}`,
]);
const ACTOR_FIELDS = 'id,role,name';
const ACTOR_FIELDS_NAME_FIRST = 'id,name,role';

const isText = (value: unknown): value is string => typeof value === 'string';
const isTextOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';

/** The metadata column's text, packed when it is exactly an envelope's metadata; else the text itself. */
export function packMetadata(json: string): PackedMetadata | string {
  const m = JSON.parse(json) as Record<string, unknown>;
  const actor = m.actor as Record<string, unknown> | null;
  if (!FIELD_ORDERS.has(Object.keys(m).join(',')) || typeof actor !== 'object' || actor === null) return json;
  const actorFields = Object.keys(actor).join(',');
  if (actorFields !== ACTOR_FIELDS && actorFields !== ACTOR_FIELDS_NAME_FIRST) return json;
  const { recordedAt, occurredAt, commandId, correlationId, causationId, schemaVersion, prevHash, hash } = m;
  if (!isText(actor.id) || !isText(actor.role) || !isText(actor.name) || !isText(recordedAt) || !isText(occurredAt)) return json;
  if (!isText(commandId) || !isText(correlationId) || !isTextOrNull(causationId) || typeof schemaVersion !== 'number') return json;
  if (!isTextOrNull(prevHash) || !isText(hash)) return json;
  const { facilityId, commandHash } = m;
  if (!('facilityId' in m ? isText(facilityId) : true) || !('commandHash' in m ? isText(commandHash) : true)) return json;
  const nameFirst = actorFields === ACTOR_FIELDS_NAME_FIRST;
  const packed: PackedMetadata = [
    actor.id,
    actor.role,
    actor.name,
    nameFirst,
    recordedAt,
    occurredAt,
    commandId,
    correlationId,
    causationId,
    schemaVersion,
    prevHash,
    hash,
  ];
  if (isText(facilityId)) packed[12] = facilityId;
  if (isText(commandHash)) packed[13] = commandHash;
  return packed;
}

/** The metadata `JSON.parse` would give of the text that was packed. */
export function unpackMetadata(packed: PackedMetadata | string): EventMetadata {
  if (typeof packed === 'string') return JSON.parse(packed) as EventMetadata;
  const actor = packed[3] ? { id: packed[0], name: packed[2], role: packed[1] } : { id: packed[0], role: packed[1], name: packed[2] };
  const [, , , , recordedAt, occurredAt, commandId, correlationId, causationId, schemaVersion, prevHash, hash, facilityId, commandHash] =
    packed;
  // One literal per field order, so that each rebuilt object has the shape (and key order) parsing gives.
  if (facilityId !== undefined && commandHash !== undefined) {
    return { actor, recordedAt, occurredAt, commandId, correlationId, causationId, schemaVersion, facilityId, commandHash, prevHash, hash };
  }
  if (facilityId !== undefined) {
    return { actor, recordedAt, occurredAt, commandId, correlationId, causationId, schemaVersion, facilityId, prevHash, hash };
  }
  if (commandHash !== undefined) {
    return { actor, recordedAt, occurredAt, commandId, correlationId, causationId, schemaVersion, commandHash, prevHash, hash };
  }
  return { actor, recordedAt, occurredAt, commandId, correlationId, causationId, schemaVersion, prevHash, hash };
}
