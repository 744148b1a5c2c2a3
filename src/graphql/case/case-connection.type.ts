import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/connection';
import { CaseType } from './case.type';

@ObjectType()
export class CaseEdge {
  @Field() cursor!: string;
  @Field(() => CaseType) node!: CaseType;
}

@ObjectType()
export class CaseConnection {
  @Field(() => Int) totalCount!: number;
  @Field(() => [CaseEdge]) edges!: CaseEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
