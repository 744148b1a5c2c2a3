import { IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { AMPUTATION_LEVELS, LEGS, ULCER_STATUSES } from '../../domain/values';
import { AmputationLevelEnum, LegEnum, UlcerStatusEnum } from '../common/enums';
import { CaseCommandInput } from '../common/mutation-meta.input';
import { DateTimeScalar } from '../common/scalars';

@InputType({ description: 'A follow-up measurement of a treated leg.' })
export class RecordOutcomeInput extends CaseCommandInput {
  @Field(() => DateTimeScalar) @IsISO8601({ strict: true }) occurredAt!: string;
  @Field(() => LegEnum) @IsIn(LEGS) leg!: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(2) abi?: number;
  @Field(() => Int, { nullable: true, description: 'Numeric rating 0–10.' }) @IsOptional() @IsInt() @Min(0) @Max(10) restPainScore?: number;
  @Field(() => UlcerStatusEnum, { nullable: true }) @IsOptional() @IsIn(ULCER_STATUSES) ulcerStatus?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(5) wagnerGrade?: number;
  @Field(() => AmputationLevelEnum, { nullable: true }) @IsOptional() @IsIn(AMPUTATION_LEVELS) amputation?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() deceased?: boolean;
}
