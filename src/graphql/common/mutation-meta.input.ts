import { IsInt, IsOptional, IsUUID, Min, Matches } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

/** Accepted ids: UUIDs, or short opaque ids of letters, digits, '-', '_' (e.g. facility codes). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

// Base classes are decorated so their fields are inherited; unreferenced, they are not in the schema.
@InputType()
export class CommandInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Idempotency key: a retry with the same commandId records nothing new and returns the first result.',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'commandId must be 1–64 letters, digits, "-" or "_"' })
  commandId?: string;
}

@InputType()
export class CaseCommandInput extends CommandInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId!: string;

  @Field(() => Int, { nullable: true, description: 'The case revision this change is based on; a stale one is a CONCURRENCY_CONFLICT.' })
  @IsOptional()
  @IsInt()
  @Min(-1)
  expectedRevision?: number;
}
