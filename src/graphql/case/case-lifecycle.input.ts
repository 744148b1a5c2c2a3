import { IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CLOSE_REASONS, SIGNATURE_MEANINGS } from '../../domain/values';
import { CloseReasonEnum, SignatureMeaningEnum } from '../common/enums';
import { CaseCommandInput } from '../common/mutation-meta.input';
import { DateTimeScalar, JSONObjectScalar } from '../common/scalars';
import { IsNotBlank } from '../common/validators';

@InputType({ description: 'A correction of an earlier entry: a new entry with its own author, time and reason.' })
export class AmendEntryInput extends CaseCommandInput {
  @Field(() => ID) @IsUUID('all', { message: 'targetEventId must be a UUID' }) targetEventId!: string;
  @Field() @IsString() @Length(1, 2000) @IsNotBlank() reason!: string;

  @Field(() => JSONObjectScalar, {
    description: "The corrected fields of the target's payload, validated as that payload's input would be.",
  })
  @IsObject()
  changes!: Record<string, unknown>;
}

@InputType({ description: 'Signs the procedure as the authenticated user.' })
export class SignProcedureInput extends CaseCommandInput {
  @Field(() => SignatureMeaningEnum) @IsIn(SIGNATURE_MEANINGS) meaning!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When the procedure was attested, for a signature recorded later (the signing time stays the server's).",
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  attestedAt?: string | null;
}

@InputType()
export class CloseCaseInput extends CaseCommandInput {
  @Field(() => CloseReasonEnum) @IsIn(CLOSE_REASONS) reason!: string;
}
