import { Field, ID, Int, ObjectType } from 'type-graphql';
import * as E from '../common/enums';
import { DateTimeScalar } from '../common/scalars';
import { Compliance } from './compliance.type';
import { Amendment, Angiography, Concentration, DopplerAssessment, Harvest, Injection, Outcome, Signature } from './entries.type';

@ObjectType({ simpleResolvers: true, description: "A leg's own Rutherford category." })
export class LegRutherford {
  @Field(() => E.LegEnum) leg!: string;
  @Field(() => Int) category!: number;
}

// simpleResolvers (here and on the entry, compliance, actor and patient types): plain data with no per-field
// middleware or auth, so graphql's default resolver reads each property; type-graphql would otherwise wrap
// every field in a resolver of its own.
@ObjectType('Case', { simpleResolvers: true, description: 'A treatment case: one patient, one or both legs, every documented step.' })
export class CaseType {
  @Field(() => ID) id!: string;
  @Field(() => ID) patientId!: string;
  @Field(() => ID) facilityId!: string;
  @Field(() => E.CaseStatusEnum) status!: string;
  @Field(() => E.CloseReasonEnum, { nullable: true }) closeReason!: string | null;
  @Field(() => [E.LegEnum]) legs!: string[];
  @Field(() => Int, { description: 'Stream revision of the last event applied.' }) revision!: number;
  @Field(() => DateTimeScalar, { description: 'Clinical time the case was opened.' }) openedAt!: string;
  @Field(() => DateTimeScalar, { description: 'When the last entry was recorded.' }) updatedAt!: string;
  @Field(() => DateTimeScalar, { nullable: true }) closedAt!: string | null;
  @Field({ description: 'ICD-10-CM diagnosis, e.g. I70.222.' }) diagnosisCode!: string;
  @Field(() => [String], { description: 'Further ICD-10-CM diagnoses.' }) additionalDiagnosisCodes!: string[];
  @Field(() => Int, { nullable: true, description: 'The Rutherford category of every leg without one of its own.' })
  rutherfordCategory!: number | null;
  @Field(() => [LegRutherford]) legRutherfordCategories!: LegRutherford[];
  @Field(() => E.FontaineStageEnum, { nullable: true }) fontaineStage!: string | null;
  @Field() revascularizationNotPossible!: boolean;
  @Field() amputationOnlyAlternative!: boolean;
  @Field({ description: 'False when the cells were harvested elsewhere.' }) harvestPlanned!: boolean;
  @Field({ description: 'The case plans the harvest only (0265T).' }) harvestOnly!: boolean;
  @Field(() => [DopplerAssessment]) dopplerAssessments!: DopplerAssessment[];
  @Field(() => [Angiography]) angiographies!: Angiography[];
  @Field(() => Harvest, { nullable: true }) harvest!: Harvest | null;
  @Field(() => Concentration, { nullable: true }) concentration!: Concentration | null;
  @Field(() => [Injection]) injections!: Injection[];
  @Field(() => [Outcome]) outcomes!: Outcome[];
  @Field(() => [Signature]) signatures!: Signature[];
  @Field(() => [Amendment]) amendments!: Amendment[];
  @Field(() => Compliance) compliance!: Compliance;
}
