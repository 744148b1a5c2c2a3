/** The rule table in words (no patient data), so that a screen can explain a finding by its rule id. */
import { Authorized, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { rolesFor } from '../../access/permissions';
import { COMPLIANCE_RULES } from '../../compliance/rules';

@ObjectType({ simpleResolvers: true, description: 'A compliance rule, as docs/compliance-rules.md states it.' })
export class ComplianceRuleType {
  @Field({ description: 'e.g. PRE-03' }) id!: string;
  @Field({ description: 'BLOCKING, WARNING, or BLOCKING_OR_WARNING (depending on the case).' }) severity!: string;
  @Field() title!: string;
  @Field({ description: 'What the rule checks, and when a finding is blocking rather than a warning.' }) checks!: string;
  @Field({ description: 'The regulation, code descriptor or guideline the rule exists for.' }) reason!: string;
}

@Resolver()
export class ComplianceRulesResolver {
  @Authorized(...rolesFor('readCompliance'))
  @Query(() => [ComplianceRuleType], { description: 'Every compliance rule, in the order of the rule table.' })
  complianceRules(): ComplianceRuleType[] {
    return COMPLIANCE_RULES.map(({ id, severity, title, checks, reason }) => ({ id, severity, title, checks, reason }));
  }
}
