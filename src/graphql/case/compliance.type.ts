import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LegEnum } from '../common/enums';

export const SeverityEnum = { BLOCKING: 'BLOCKING', WARNING: 'WARNING' } as const;
registerEnumType(SeverityEnum, {
  name: 'Severity',
  description: 'BLOCKING: the case cannot be billed or closed as compliant. WARNING: worth fixing, not blocking.',
});

@ObjectType({ simpleResolvers: true, description: 'A documentation gap or timing problem found by a compliance rule.' })
export class Finding {
  @Field({ description: 'Rule id, e.g. PRE-03.' }) rule!: string;
  @Field(() => SeverityEnum) severity!: string;
  @Field() message!: string;
  @Field(() => [ID], { description: 'The events the finding concerns.' }) eventIds!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'A CPT code the documentation supports, per leg.' })
export class SupportedCode {
  @Field() code!: string;
  @Field(() => LegEnum, { nullable: true, description: 'The leg (modifier RT/LT); null for a harvest-only code.' }) leg!: string | null;
  @Field() reason!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The compliance audit of a case, as of now.' })
export class Compliance {
  @Field({ description: 'No blocking finding.' }) complete!: boolean;
  @Field(() => [Finding]) findings!: Finding[];
  @Field(() => [SupportedCode]) supportedCodes!: SupportedCode[];
}
