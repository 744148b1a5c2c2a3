import { ArrayMaxSize, IsArray, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars';

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
  @Matches(/^[A-Za-z][A-Za-z0-9]{0,99}$/, { each: true, message: 'each type must be an event type name such as HarvestPerformed' })
  types?: string[];

  @Field({ nullable: true, description: 'Streams whose name starts with this, e.g. "case-", "patient-", "access-2026-05".' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  streamPrefix?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Recorded at or after.' }) @IsOptional() @IsISO8601() recordedFrom?: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Recorded at or before.' }) @IsOptional() @IsISO8601() recordedTo?: string;
}
