import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsPositive,
  IsString,
  Length,
  Max,
  Min,
} from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { INJECTION_ROUTES, LEGS } from '../../domain/values';
import { InjectionRouteEnum, LegEnum } from '../common/enums';
import { CaseCommandInput } from '../common/mutation-meta.input';
import { DateTimeScalar } from '../common/scalars';

@InputType({ description: 'Intramuscular injections of the concentrate into one leg.' })
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

  @Field() @IsBoolean() ultrasoundGuided!: boolean;
}
