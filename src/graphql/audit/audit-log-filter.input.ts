import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { ACCESS_EVENT_TYPE } from '../../audit/access-day';
import { CHECKPOINT_EVENT_TYPE } from '../../audit/integrity-checkpoint';
import { SECURITY_EVENT_TYPE } from '../../audit/security-events';
import { CASE_EVENT_TYPES } from '../../domain/events';
import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars';

/** Every type of event the store holds. */
const AUDIT_EVENT_TYPES: readonly string[] = [
  ...CASE_EVENT_TYPES,
  'PatientRegistered',
  ACCESS_EVENT_TYPE,
  SECURITY_EVENT_TYPE,
  CHECKPOINT_EVENT_TYPE,
];

@InputType({ description: 'Every given condition must hold.' })
export class AuditLogFilter {
  @Field(() => ID, { nullable: true, description: 'Events recorded by this user.' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  actorId?: string;

  @Field(() => [String], { nullable: true, description: 'Events of these types, e.g. HarvestPerformed.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  // An unknown type would match no event: an empty answer that looks like "nothing happened".
  @IsIn(AUDIT_EVENT_TYPES, {
    each: true,
    message: 'each type must be an event type the store records (the AuditEvent type values), e.g. HarvestPerformed',
  })
  types?: string[];

  @Field({ nullable: true, description: 'Streams whose name starts with this, e.g. "case-", "patient-", "access-2026-05".' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  streamPrefix?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Recorded at or after.' }) @IsOptional() @IsISO8601() recordedFrom?: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Recorded at or before.' }) @IsOptional() @IsISO8601() recordedTo?: string;
}
