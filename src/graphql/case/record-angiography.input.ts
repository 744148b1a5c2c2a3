import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min, ValidateNested, ArrayMaxSize } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { LEGS, LESION_KINDS } from '../../domain/values';
import { LegEnum, LesionKindEnum } from '../common/enums';
import { CaseCommandInput } from '../common/mutation-meta.input';
import { DateTimeScalar } from '../common/scalars';
import { IsNotBlank } from '../common/validators';

@InputType()
export class AngiographyFindingInput {
  @Field({ description: 'Arterial segment, e.g. "posterior tibial, proximal".' })
  @IsString()
  @Length(1, 100)
  @IsNotBlank()
  segment!: string;

  @Field(() => LesionKindEnum) @IsIn(LESION_KINDS) kind!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  severityPercent?: number;
}

@InputType({ description: 'Angiography of one leg: each stenosis or occlusion located.' })
export class RecordAngiographyInput extends CaseCommandInput {
  @Field(() => DateTimeScalar) @IsISO8601({ strict: true }) occurredAt!: string;
  @Field(() => LegEnum) @IsIn(LEGS) leg!: string;

  @Field(() => [AngiographyFindingInput])
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AngiographyFindingInput)
  findings!: AngiographyFindingInput[];
}
