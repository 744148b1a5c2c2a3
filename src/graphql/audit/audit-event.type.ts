/** A recorded event as auditors see it: the whole envelope, the payload as stored, Part 11 views of signatures and amendments. */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LATE_ENTRY_MS, signatureOf } from '../../domain/case-record';
import type { JsonObject, RecordedEvent } from '../../eventstore/port';
import { ActorType } from '../common/actor.type';
import { PageInfo } from '../common/connection';
import { DateTimeScalar, JSONObjectScalar } from '../common/scalars';
import { Signature } from '../case/entries.type';

@ObjectType({
  description: 'One recorded event, exactly as stored: nothing in it is ever changed; a correction is a later EntryAmended event.',
})
export class AuditEvent {
  @Field(() => ID) id!: string;
  @Field() stream!: string;
  @Field(() => Int, { description: '0-based position in its stream.' }) revision!: number;
  @Field({ description: 'Global order across all streams: a decimal integer, compare as one.' }) position!: string;
  @Field() type!: string;
  @Field(() => DateTimeScalar, { description: 'Server clock when the event was recorded.' }) recordedAt!: string;
  @Field(() => DateTimeScalar, { description: 'Clinical time of the documented action, as first recorded.' }) occurredAt!: string;
  @Field({ description: 'Recorded more than 24 h after it occurred.' }) lateEntry!: boolean;
  @Field(() => ActorType) actor!: ActorType;
  @Field(() => ID) commandId!: string;
  @Field(() => ID) correlationId!: string;
  @Field(() => ID, { nullable: true }) causationId!: string | null;
  @Field(() => Int) schemaVersion!: number;
  @Field(() => JSONObjectScalar, { description: 'The payload as recorded (an amended entry keeps its original values here).' })
  data!: JsonObject;
  @Field(() => String, { nullable: true, description: 'Hash of the previous event of the stream; null at revision 0.' }) prevHash!:
    string | null;
  @Field({ description: 'sha256 of the canonical JSON of the event without this field.' }) hash!: string;
  @Field(() => Signature, { nullable: true, description: 'For a ProcedureSigned event: signer, time and meaning (21 CFR 11.50).' })
  signature!: Signature | null;
}

@ObjectType()
export class AuditEventEdge {
  @Field() cursor!: string;
  @Field(() => AuditEvent) node!: AuditEvent;
}

@ObjectType()
export class AuditEventConnection {
  @Field(() => [AuditEventEdge]) edges!: AuditEventEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

export function auditEventOf(event: RecordedEvent): AuditEvent {
  const { metadata: m } = event;
  return {
    id: event.id,
    stream: event.stream,
    revision: event.revision,
    position: event.position.toString(),
    type: event.type,
    recordedAt: m.recordedAt,
    occurredAt: m.occurredAt,
    lateEntry: Date.parse(m.recordedAt) - Date.parse(m.occurredAt) > LATE_ENTRY_MS,
    actor: m.actor,
    commandId: m.commandId,
    correlationId: m.correlationId,
    causationId: m.causationId,
    schemaVersion: m.schemaVersion,
    data: event.data,
    prevHash: m.prevHash,
    hash: m.hash,
    signature: event.type === 'ProcedureSigned' ? signatureOf(event) : null,
  };
}
