import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CaseType } from './case.type';

@ObjectType({ description: 'The case as it stands after the write, the events written, and the stream revision.' })
export class CasePayload {
  @Field(() => CaseType, { nullable: true, description: 'Null only when the read model did not catch up in time (see stale).' })
  case!: CaseType | null;

  @Field(() => [ID], { description: 'Events written (or, for a retried commandId, written by the first attempt).' })
  eventIds!: string[];

  @Field(() => Int) revision!: number;

  @Field({ description: 'True when the read model had not caught up with this write within the wait: the case shown may be older.' })
  stale!: boolean;
}
