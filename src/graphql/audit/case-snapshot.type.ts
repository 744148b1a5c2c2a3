import { Field, ObjectType } from 'type-graphql';
import { Compliance } from '../case/compliance.type';
import { CaseType } from '../case/case.type';
import { DateTimeScalar } from '../common/scalars';

@ObjectType({
  description: 'A case as it stood at a moment in the past: every entry recorded by then, amendments recorded by then applied.',
})
export class CaseSnapshot extends CaseType {
  @Field(() => DateTimeScalar, { description: 'The moment asked for.' }) asOf!: string;

  // Replaces Case.compliance (evaluated as of now) under the same field name.
  @Field(() => Compliance, { name: 'compliance', description: 'The compliance audit as of `asOf` (follow-ups overdue at that moment).' })
  complianceAsOf!: Compliance;
}
