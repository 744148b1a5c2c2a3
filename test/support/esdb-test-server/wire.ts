/**
 * Conversions between the EventStoreDB gRPC messages (the classes generated in the client package)
 * and the test server's log types.
 */
import { Empty as ProtoEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Timestamp } from 'google-protobuf/google/protobuf/timestamp_pb';
import { Empty, StreamIdentifier, UUID } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { ReadResp } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import type { StoredEvent, TfPos } from './transaction-log';

export { Empty, ProtoEmpty };

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class WireError extends Error {}

export function streamName(identifier: StreamIdentifier | undefined): string {
  const name = identifier ? Buffer.from(identifier.getStreamName_asU8()).toString('utf8') : '';
  if (name.length === 0) throw new WireError('stream name must not be empty');
  return name;
}

export function streamIdentifier(name: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

/** Event ids arrive as strings or as two signed 64-bit halves; the server stores the Guid text. */
export function parseUuid(uuid: UUID | undefined): string {
  let text: string | undefined;
  if (uuid?.hasString()) text = uuid.getString();
  else if (uuid?.hasStructured()) {
    const structured = uuid.getStructured() as UUID.Structured;
    const hex = (bits: string): string => (BigInt(bits) & 0xffff_ffff_ffff_ffffn).toString(16).padStart(16, '0');
    const msb = hex(structured.getMostSignificantBits());
    const lsb = hex(structured.getLeastSignificantBits());
    text = `${msb.slice(0, 8)}-${msb.slice(8, 12)}-${msb.slice(12)}-${lsb.slice(0, 4)}-${lsb.slice(4)}`;
  }
  if (text === undefined || !UUID_PATTERN.test(text)) throw new WireError('event id must be a UUID');
  return text.toLowerCase();
}

export function formatUuid(id: string, structured: boolean): UUID {
  const uuid = new UUID();
  if (!structured) return uuid.setString(id);
  const hex = id.replace(/-/g, '');
  const signed = (half: string): string => BigInt.asIntN(64, BigInt(`0x${half}`)).toString();
  return uuid.setStructured(
    new UUID.Structured().setMostSignificantBits(signed(hex.slice(0, 16))).setLeastSignificantBits(signed(hex.slice(16))),
  );
}

export function readEvent(event: StoredEvent, structuredIds: boolean): ReadResp {
  const record = new ReadResp.ReadEvent.RecordedEvent()
    .setId(formatUuid(event.id, structuredIds))
    .setStreamIdentifier(streamIdentifier(event.stream))
    .setStreamRevision(event.revision.toString())
    .setPreparePosition(event.position.toString())
    .setCommitPosition(event.position.toString())
    .setData(event.data)
    .setCustomMetadata(event.metadata);
  const properties = record.getMetadataMap();
  properties.set('type', event.type);
  properties.set('content-type', event.contentType);
  properties.set('created', event.created.toString());
  const read = new ReadResp.ReadEvent().setEvent(record).setCommitPosition(event.position.toString());
  return new ReadResp().setEvent(read);
}

function now(): Timestamp {
  return Timestamp.fromDate(new Date());
}

function position(pos: TfPos): ReadResp.Position {
  return new ReadResp.Position().setCommitPosition(pos.commit.toString()).setPreparePosition(pos.prepare.toString());
}

export function checkpointMessage(pos: TfPos): ReadResp {
  const checkpoint = new ReadResp.Checkpoint()
    .setCommitPosition(pos.commit.toString())
    .setPreparePosition(pos.prepare.toString())
    .setTimestamp(now());
  return new ReadResp().setCheckpoint(checkpoint);
}

/** `pos` is omitted when the subscription has seen nothing yet (no position to report). */
export function caughtUpMessage(pos: TfPos | null): ReadResp {
  const caughtUp = new ReadResp.CaughtUp().setTimestamp(now());
  if (pos) caughtUp.setPosition(position(pos));
  return new ReadResp().setCaughtUp(caughtUp);
}

export function fellBehindMessage(pos: TfPos | null): ReadResp {
  const fellBehind = new ReadResp.FellBehind().setTimestamp(now());
  if (pos) fellBehind.setPosition(position(pos));
  return new ReadResp().setFellBehind(fellBehind);
}

export function confirmationMessage(subscriptionId: string): ReadResp {
  return new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId));
}

export function streamNotFoundMessage(name: string): ReadResp {
  return new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name)));
}
