import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { INJECTION_ROUTES, LEGS } from '../../domain/values';
import { InjectionRouteEnum, LegEnum } from '../common/enums';
import { CaseCommandInput } from '../common/mutation-meta.input';
import { DateTimeScalar } from '../common/scalars';
import { PerformerInput } from './performer.input';

@InputType({
  description: 'Injections of the concentrate into one leg, by the route they were given (only intramuscular is the coded procedure).',
})
export class RecordInjectionInput extends CaseCommandInput {
  @Field(() => DateTimeScalar) @IsISO8601({ strict: true }) occurredAt!: string;
  @Field(() => LegEnum) @IsIn(LEGS) leg!: string;
  @Field(() => InjectionRouteEnum) @IsIn(INJECTION_ROUTES) route!: string;

  @Field(() => Int, { description: 'Number of injection sites (trials used up to 40).' })
  @IsInt()
  @Min(1)
  @Max(100)
  injectionCount!: number;

  @Field(() => Float) @IsNumber() @IsPositive() @Max(500) totalVolumeMl!: number;

  @Field(() => [String], { description: 'Angiographic stenosis/occlusion sites injected.' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  targetSegments!: string[];

  @Field(() => Boolean, { nullable: true, description: 'Null or absent: not documented (an INJ-03 warning).' })
  @IsOptional()
  @IsBoolean()
  ultrasoundGuided?: boolean | null;

  @Field(() => PerformerInput, { nullable: true, description: 'Who gave the injections, when not the authenticated user.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PerformerInput)
  performer?: PerformerInput | null;
}
