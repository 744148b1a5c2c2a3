import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Who recorded an entry: unique user id, name and role at the time (from the token).' })
export class ActorType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() role!: string;
}
