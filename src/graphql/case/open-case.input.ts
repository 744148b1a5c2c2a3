import { Type } from 'class-transformer';
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
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { FONTAINE_STAGES, LEGS } from '../../domain/values';
import { FontaineStageEnum, LegEnum } from '../common/enums';
import { CommandInput } from '../common/mutation-meta.input';
import { DateTimeScalar } from '../common/scalars';

/** ICD-10-CM: a letter, two characters, optionally a dot and up to four more. */
export const ICD10_PATTERN = /^[A-TV-Z]\d[0-9AB](\.[0-9A-TV-Z]{1,4})?$/;

@InputType({ description: "A leg's own Rutherford category, when the legs of a bilateral case differ in severity." })
export class LegRutherfordInput {
  @Field(() => LegEnum) @IsIn(LEGS) leg!: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(6) category!: number;
}

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

  @Field(() => [String], { nullable: true, description: "Further ICD-10-CM codes, e.g. the other leg's presentation (I70.245)." })
  @IsOptional()
  @ArrayMaxSize(10)
  @Matches(ICD10_PATTERN, { each: true, message: 'additionalDiagnosisCodes must be ICD-10-CM codes such as I70.245' })
  additionalDiagnosisCodes?: string[];

  @Field(() => Int, { nullable: true, description: 'The Rutherford category of every leg without one of its own.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(6)
  rutherfordCategory?: number;

  @Field(() => [LegRutherfordInput], { nullable: true, description: 'Per-leg Rutherford categories (a treated leg each, at most once).' })
  @IsOptional()
  @ArrayMaxSize(2)
  @ArrayUnique((r: LegRutherfordInput) => r.leg, { message: 'legRutherfordCategories must name each leg at most once' })
  @ValidateNested({ each: true })
  @Type(() => LegRutherfordInput)
  legRutherfordCategories?: LegRutherfordInput[];

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

  @Field({
    nullable: true,
    defaultValue: false,
    description: 'True when the case plans the harvest only (0265T: the cells go to another provider); needs harvestPlanned.',
  })
  @IsOptional()
  @IsBoolean()
  harvestOnly?: boolean;
}
