import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { NAME_KEY_MAX, NAME_KEY_MIN } from '../../../projections/patient-summary';
import { ID_PATTERN } from '../common/mutation-meta.input';
import { IsNotBlank } from '../common/validators';

/** The search term is patient data: the messages below never repeat it, and nothing logs it. */
@ArgsType()
export class PatientSearchArgs {
  @Field({ nullable: true, description: 'Medical record number, matched exactly. Give `mrn` or `name`, not both.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  @IsNotBlank()
  mrn?: string;

  @Field({
    nullable: true,
    description: 'The start of a given or family name, or of the full name in either order; case-insensitive, 2 to 40 characters.',
  })
  @IsOptional()
  @IsString()
  @Length(NAME_KEY_MIN, NAME_KEY_MAX, { message: `name must be ${NAME_KEY_MIN}–${NAME_KEY_MAX} characters` })
  @IsNotBlank()
  name?: string;

  @Field(() => ID, { nullable: true, description: 'Only this facility (one of yours).' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'facilityId must be 1–64 letters, digits, "-" or "_"' })
  facilityId?: string;

  @Field(() => Int, { nullable: true, description: 'At most this many patients (20 when not given).' })
  first?: number;
}
