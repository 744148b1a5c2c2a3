/** The documented entries of a case, as the case summary shows them (amendments applied). */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ActorType } from '../common/actor.type';
import * as E from '../common/enums';
import { DateTimeScalar, JSONObjectScalar } from '../common/scalars';

@ObjectType({ simpleResolvers: true })
abstract class Entry {
  @Field(() => ID) eventId!: string;
  @Field(() => DateTimeScalar, { description: 'Clinical time (as amended).' }) occurredAt!: string;
  @Field(() => DateTimeScalar, { description: 'When the server recorded it.' }) recordedAt!: string;
  @Field(() => ActorType) recordedBy!: ActorType;
  @Field({ description: 'Recorded more than 24 h after it occurred.' }) lateEntry!: boolean;
  @Field(() => [ID], { description: 'Amendments applied to this entry, oldest first.' }) amendedBy!: string[];
}

@ObjectType({ simpleResolvers: true })
export class DopplerAssessment extends Entry {
  @Field(() => E.LegEnum) leg!: string;
  @Field(() => Int) brachialLeftMmHg!: number;
  @Field(() => Int) brachialRightMmHg!: number;
  @Field(() => Int) dorsalisPedisMmHg!: number;
  @Field(() => Int) posteriorTibialMmHg!: number;
  @Field(() => Int, { nullable: true }) anteriorTibialMmHg!: number | null;
  @Field(() => Int, { nullable: true }) toePressureMmHg!: number | null;
  @Field(() => Float, { description: 'The ABI as documented (given, or computed when not given).' }) abi!: number;
  @Field(() => Float, { description: 'The ABI the pressures give.' }) computedAbi!: number;
  @Field() abiSource!: string;
}

@ObjectType({ simpleResolvers: true })
export class AngiographyFinding {
  @Field() segment!: string;
  @Field(() => E.LesionKindEnum) kind!: string;
  @Field(() => Int, { nullable: true }) severityPercent!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class Angiography extends Entry {
  @Field(() => E.LegEnum) leg!: string;
  @Field(() => [AngiographyFinding]) findings!: AngiographyFinding[];
}

@ObjectType({ simpleResolvers: true })
export class Harvest extends Entry {
  @Field(() => E.HarvestSiteEnum) site!: string;
  @Field(() => E.HarvestSidesEnum) sides!: string;
  @Field(() => Float, { nullable: true, description: 'mL; null when not documented.' }) aspirateVolumeMl!: number | null;
  @Field(() => String, { nullable: true }) needle!: string | null;
  @Field(() => ActorType, { description: 'Who performed the harvest: the documented performer, else whoever recorded it.' })
  operator!: ActorType;
  @Field(() => ActorType, { nullable: true, description: 'The performer as documented, when not the recorder.' })
  performedBy!: ActorType | null;
}

@ObjectType({ simpleResolvers: true })
export class Concentration extends Entry {
  @Field(() => E.ConcentrationMethodEnum) method!: string;
  @Field(() => Float) inputVolumeMl!: number;
  @Field(() => Float) concentrateVolumeMl!: number;
  @Field(() => String, { nullable: true }) device!: string | null;
  @Field(() => Float, { nullable: true }) totalNucleatedCells!: number | null;
  @Field(() => Float, { nullable: true }) cd34Cells!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class Injection extends Entry {
  @Field(() => E.LegEnum) leg!: string;
  @Field(() => E.InjectionRouteEnum) route!: string;
  @Field(() => Int) injectionCount!: number;
  @Field(() => Float) totalVolumeMl!: number;
  @Field(() => [String]) targetSegments!: string[];
  @Field(() => Boolean, { nullable: true, description: 'Null when not documented.' }) ultrasoundGuided!: boolean | null;
  @Field(() => ActorType, { description: 'Who gave the injections: the documented performer, else whoever recorded them.' })
  performer!: ActorType;
  @Field(() => ActorType, { nullable: true, description: 'The performer as documented, when not the recorder.' })
  performedBy!: ActorType | null;
}

@ObjectType({ simpleResolvers: true })
export class Outcome extends Entry {
  @Field(() => E.LegEnum) leg!: string;
  @Field(() => Float, { nullable: true }) abi!: number | null;
  @Field(() => Int, { nullable: true }) restPainScore!: number | null;
  @Field(() => E.UlcerStatusEnum, { nullable: true }) ulcerStatus!: string | null;
  @Field(() => Int, { nullable: true }) wagnerGrade!: number | null;
  @Field(() => E.AmputationLevelEnum, { nullable: true }) amputation!: string | null;
  @Field(() => Boolean, { nullable: true }) deceased!: boolean | null;
}

@ObjectType({ simpleResolvers: true, description: 'An electronic signature (21 CFR 11.50): signer, time, meaning.' })
export class Signature {
  @Field(() => ID) eventId!: string;
  @Field(() => ID) signerId!: string;
  @Field() signerName!: string;
  @Field() signerRole!: string;
  @Field(() => E.SignatureMeaningEnum) meaning!: string;
  @Field(() => DateTimeScalar, { description: 'When the signature was recorded (server time).' }) signedAt!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the procedure was attested, when the signature states it.' })
  attestedAt!: string | null;
  @Field({ description: 'Recorded more than 24 h after the attestation it states: a late signature.' }) lateEntry!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A correction: a new entry with its own author, time and reason; the original stays readable.',
})
export class Amendment {
  @Field(() => ID) eventId!: string;
  @Field(() => ID) targetEventId!: string;
  @Field() targetType!: string;
  @Field() reason!: string;
  @Field(() => JSONObjectScalar, { description: 'The corrected fields.' }) changes!: Record<string, unknown>;
  @Field(() => JSONObjectScalar, { description: 'The values those fields had before this amendment.' }) previous!: Record<string, unknown>;
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field(() => ActorType) actor!: ActorType;
}
