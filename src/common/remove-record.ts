import { Field, ID, InputType, ObjectType } from 'type-graphql';

/** The input of every "remove a record entered by mistake" mutation. */
@InputType({ description: 'Removes a record entered by mistake; the reason goes to the audit log.' })
export class RemoveRecordInput {
  @Field(() => ID) id!: string;
  @Field() reason!: string;
}

@ObjectType()
export class RemoveRecordPayload {
  @Field(() => ID) removedId!: string;
}
