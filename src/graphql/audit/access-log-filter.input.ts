import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars';

@InputType({ description: 'Every given condition must hold.' })
export class AccessLogFilter {
  @Field(() => ID, { nullable: true, description: 'Reads by this user.' }) @IsOptional() @IsString() @MaxLength(256) actorId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(256) patientId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(256) caseId?: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Accessed at or after.' }) @IsOptional() @IsISO8601() from?: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Accessed at or before.' }) @IsOptional() @IsISO8601() to?: string;
}
