import { IsIn, IsInt, IsISO8601, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { LEGS } from '../../domain/values';
import { LegEnum } from '../common/enums';
import { CaseCommandInput } from '../common/mutation-meta.input';
import { DateTimeScalar } from '../common/scalars';

const pressure = () => (target: object, key: string) => {
  IsInt()(target, key);
  Min(0)(target, key);
  Max(300)(target, key);
};

@InputType({ description: 'Doppler segmental pressures of one leg, with both brachial pressures (mmHg).' })
export class RecordDopplerAssessmentInput extends CaseCommandInput {
  @Field(() => DateTimeScalar) @IsISO8601({ strict: true }) occurredAt!: string;
  @Field(() => LegEnum) @IsIn(LEGS) leg!: string;
  @Field(() => Int) @pressure() brachialLeftMmHg!: number;
  @Field(() => Int) @pressure() brachialRightMmHg!: number;
  @Field(() => Int) @pressure() dorsalisPedisMmHg!: number;
  @Field(() => Int) @pressure() posteriorTibialMmHg!: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @pressure() anteriorTibialMmHg?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @pressure() toePressureMmHg?: number;

  @Field(() => Float, {
    nullable: true,
    description: 'When given, kept as documented and checked against the pressures by the audit; computed when absent.',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(2)
  abi?: number;
}
