import { IsBoolean, IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { RULE_IDS } from '../../compliance/finding';
import { Field, ID, InputType } from 'type-graphql';
import { CASE_STATUSES } from '../../domain/values';
import { CaseStatusEnum } from '../common/enums';
import { ID_PATTERN } from '../common/mutation-meta.input';
import { DateTimeScalar } from '../common/scalars';

@InputType()
export class CaseFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @Matches(ID_PATTERN) facilityId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') patientId?: string;
  @Field(() => CaseStatusEnum, { nullable: true }) @IsOptional() @IsIn(CASE_STATUSES) status?: string;
  @Field({ nullable: true, description: 'Cases with (true) or without (false) a blocking finding.' })
  @IsOptional()
  @IsBoolean()
  complete?: boolean;
  @Field({ nullable: true, description: 'Cases with a finding of this rule, e.g. PRE-03.' })
  @IsOptional()
  // An unknown rule would match no case: an empty answer that looks like "all compliant".
  @IsIn(RULE_IDS, { message: 'rule must be one of the compliance rule ids listed in the README ("Compliance rules"), e.g. PRE-03' })
  rule?: string;
  @Field(() => DateTimeScalar, { nullable: true }) @IsOptional() @IsISO8601() updatedFrom?: string;
  @Field(() => DateTimeScalar, { nullable: true }) @IsOptional() @IsISO8601() updatedTo?: string;
}
