import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsNumber, IsOptional, IsPositive, IsString, Length, Max, ValidateNested } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { HARVEST_SIDES, HARVEST_SITES } from '../../domain/values';
import { HarvestSidesEnum, HarvestSiteEnum } from '../common/enums';
import { CaseCommandInput } from '../common/mutation-meta.input';
import { DateTimeScalar } from '../common/scalars';
import { PerformerInput } from './performer.input';

@InputType({ description: 'Bone marrow harvest (aspiration); the operator is the performer when given, else the authenticated user.' })
export class RecordHarvestInput extends CaseCommandInput {
  @Field(() => DateTimeScalar) @IsISO8601({ strict: true }) occurredAt!: string;
  @Field(() => HarvestSiteEnum) @IsIn(HARVEST_SITES) site!: string;
  @Field(() => HarvestSidesEnum) @IsIn(HARVEST_SIDES) sides!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'mL; typical aspirates are 120–240 mL. Null or absent: not documented (a HAR-01 warning).',
  })
  @IsOptional()
  @IsNumber()
  @IsPositive()
  @Max(1000)
  aspirateVolumeMl?: number | null;

  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) needle?: string;

  @Field(() => PerformerInput, { nullable: true, description: 'Who performed the harvest, when not the authenticated user.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PerformerInput)
  performer?: PerformerInput | null;
}
