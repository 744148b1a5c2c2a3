import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { FONTAINE_STAGES, LEGS } from '../../domain/values';
import { FontaineStageEnum, LegEnum } from '../common/enums';
import { CommandInput } from '../common/mutation-meta.input';
import { DateTimeScalar } from '../common/scalars';

/** ICD-10-CM: a letter, two characters, optionally a dot and up to four more. */
export const ICD10_PATTERN = /^[A-TV-Z]\d[0-9AB](\.[0-9A-TV-Z]{1,4})?$/;

@InputType()
export class OpenCaseInput extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'Client-chosen case id (UUID); generated when absent.' })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'patientId must be a UUID' })
  patientId!: string;

  @Field(() => [LegEnum])
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsIn(LEGS, { each: true })
  legs!: string[];

  @Field(() => DateTimeScalar)
  @IsISO8601({ strict: true })
  occurredAt!: string;

  @Field({ description: 'ICD-10-CM, e.g. I70.222 (rest pain, left leg).' })
  @Matches(ICD10_PATTERN, { message: 'diagnosisCode must be an ICD-10-CM code such as I70.222' })
  diagnosisCode!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(6)
  rutherfordCategory?: number;

  @Field(() => FontaineStageEnum, { nullable: true })
  @IsOptional()
  @IsIn(FONTAINE_STAGES)
  fontaineStage?: string;

  @Field({ description: 'Attestation: revascularisation is not possible.' })
  @IsBoolean()
  revascularizationNotPossible!: boolean;

  @Field({ description: 'Attestation: amputation is the only alternative.' })
  @IsBoolean()
  amputationOnlyAlternative!: boolean;

  @Field({ nullable: true, defaultValue: true, description: 'False when the cells are harvested elsewhere / by another provider.' })
  @IsOptional()
  @IsBoolean()
  harvestPlanned?: boolean;
}
