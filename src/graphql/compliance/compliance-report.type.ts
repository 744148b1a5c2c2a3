import { Field, Int, ObjectType } from 'type-graphql';
import { SeverityEnum } from '../case/compliance.type';

@ObjectType()
export class RuleCount {
  @Field() rule!: string;
  @Field(() => SeverityEnum) severity!: string;
  @Field(() => Int, { description: 'Cases with at least one finding of this rule and severity.' }) caseCount!: number;
}

@ObjectType({ description: 'Documentation completeness across the cases a filter selects.' })
export class ComplianceReport {
  @Field(() => Int) caseCount!: number;
  @Field(() => Int) completeCount!: number;
  @Field(() => Int) incompleteCount!: number;
  @Field(() => [RuleCount]) byRule!: RuleCount[];
}
