import { IsOptional, IsString, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { Performer } from '../../domain/events';
import { IsNotBlank } from '../common/validators';

@InputType({
  description:
    'Who performed a step, when someone else documents it for them (a nurse or scribe for the surgeon). ' +
    "The id is the performer's user id: their own signature is the one the procedure needs (INJ-04).",
})
export class PerformerInput {
  @Field(() => ID) @IsString() @Length(1, 200) @IsNotBlank() id!: string;
  @Field() @IsString() @Length(1, 200) @IsNotBlank() name!: string;

  // no defaultValue: graphql-jit does not apply the defaults of a nested input's fields (performerOf does)
  @Field(() => String, { nullable: true, description: "The performer's role; CLINICIAN when absent." })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @IsNotBlank()
  role?: string | null;
}

/** The documented performer as the domain stores it (null: whoever records the step performed it). */
export const performerOf = (input: PerformerInput | null | undefined): Performer | null =>
  input ? { id: input.id, name: input.name, role: input.role ?? 'CLINICIAN' } : null;
