import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SexEnum } from '../common/enums';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { CaseType } from '../case/case.type';

@ObjectType('Patient', { simpleResolvers: true })
export class PatientType {
  @Field(() => ID) id!: string;
  @Field(() => ID) facilityId!: string;
  @Field({ description: 'Medical record number at the facility.' }) mrn!: string;
  @Field() givenName!: string;
  @Field() familyName!: string;
  @Field(() => DateScalar) birthDate!: string;
  @Field(() => SexEnum) sex!: string;
  @Field(() => DateTimeScalar) registeredAt!: string;
  @Field(() => [CaseType]) cases!: CaseType[];
}

@ObjectType({ simpleResolvers: true })
export class PatientPayload {
  @Field(() => PatientType, { nullable: true, description: 'Null only when the read model did not catch up in time (see stale).' })
  patient!: PatientType | null;
  @Field(() => [ID]) eventIds!: string[];
  @Field(() => Int) revision!: number;
  @Field() stale!: boolean;
}
