import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { AccessOutcome } from '../../audit/access-log';
import { ActorType } from '../common/actor.type';
import { PageInfo } from '../common/connection';
import { DateTimeScalar } from '../common/scalars';

export const AccessOutcomeEnum: { [K in AccessOutcome]: K } = { OK: 'OK', FORBIDDEN: 'FORBIDDEN', NOT_FOUND: 'NOT_FOUND', ERROR: 'ERROR' };
registerEnumType(AccessOutcomeEnum, {
  name: 'AccessOutcome',
  description: 'What the reader got: the data, a refusal, nothing, or an error.',
});

@ObjectType({ description: 'One read of patient data: who, which patient/case, which operation, when, with what outcome (ids only).' })
export class AccessLogEntry {
  @Field(() => ID) eventId!: string;
  @Field(() => ActorType) actor!: ActorType;
  @Field({ description: 'The query or export that read the data, e.g. case, caseHistory, export.' }) operation!: string;
  @Field(() => ID, { nullable: true }) patientId!: string | null;
  @Field(() => ID, { nullable: true }) caseId!: string | null;
  @Field(() => AccessOutcomeEnum) outcome!: string;
  @Field(() => ID, { description: 'The request the read was part of.' }) correlationId!: string;
  @Field(() => DateTimeScalar) accessedAt!: string;
}

@ObjectType()
export class AccessLogEdge {
  @Field() cursor!: string;
  @Field(() => AccessLogEntry) node!: AccessLogEntry;
}

@ObjectType()
export class AccessLogConnection {
  @Field(() => [AccessLogEdge]) edges!: AccessLogEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
