import { IsIn, IsISO8601, IsNumber, IsOptional, IsPositive, IsString, Length, Max, Min } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { CONCENTRATION_METHODS } from '../../domain/values';
import { ConcentrationMethodEnum } from '../common/enums';
import { CaseCommandInput } from '../common/mutation-meta.input';
import { DateTimeScalar } from '../common/scalars';
import { IsLessThanField } from '../common/validators';

@InputType({ description: 'Centrifugal concentration of the aspirate into the cell product.' })
export class RecordCellConcentrationInput extends CaseCommandInput {
  @Field(() => DateTimeScalar) @IsISO8601({ strict: true }) occurredAt!: string;
  @Field(() => ConcentrationMethodEnum) @IsIn(CONCENTRATION_METHODS) method!: string;
  @Field(() => Float) @IsNumber() @IsPositive() @Max(1000) inputVolumeMl!: number;

  @Field(() => Float, { description: 'mL, below the input volume (typically ~40 mL).' })
  @IsNumber()
  @IsPositive()
  @IsLessThanField('inputVolumeMl')
  concentrateVolumeMl!: number;

  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) device?: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) totalNucleatedCells?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) cd34Cells?: number;
}
