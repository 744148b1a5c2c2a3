import { IsIn, IsString, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SEXES } from '../../domain/values';
import { SexEnum } from '../common/enums';
import { CommandInput, ID_PATTERN } from '../common/mutation-meta.input';
import { DateScalar } from '../common/scalars';
import { IsNotBlank, IsNotFutureDate } from '../common/validators';

@InputType()
export class RegisterPatientInput extends CommandInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: 'facilityId must be 1–64 letters, digits, "-" or "_"' })
  facilityId!: string;

  @Field({ description: 'Medical record number at the facility.' })
  @IsString()
  @Length(1, 64)
  @IsNotBlank()
  mrn!: string;

  @Field()
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  givenName!: string;

  @Field()
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  familyName!: string;

  @Field(() => DateScalar)
  @Matches(/^(19|20)\d\d-\d\d-\d\d$/, { message: 'birthDate must be a date from 1900 on (YYYY-MM-DD)' })
  @IsNotFutureDate()
  birthDate!: string;

  @Field(() => SexEnum)
  @IsIn(SEXES)
  sex!: string;
}
