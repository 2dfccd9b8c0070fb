import { Arg, Ctx as Context, Field, ID, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Ctx } from '../context';
import { LocalDateScalar } from '../common/scalars';
import { RemoveRecordInput, RemoveRecordPayload } from '../common/remove-record';
import { Employment } from './employment.entity';
import { Gender, Person, Rank } from './person.entity';
import { removeEmployment, removeInterestTie, removeRelation, updateEmployment, updatePerson } from './corrections.service';

@InputType({ description: 'Corrects or updates a person; only the fields given change.' })
export class UpdatePersonInput {
  @Field(() => ID) personId!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Gender, { nullable: true }) gender?: Gender | null;
  @Field(() => LocalDateScalar, { nullable: true }) birthDate?: string | null;
  @Field(() => ID, { nullable: true }) hometownRegionId?: string | null;
  @Field(() => Rank, { nullable: true }) rank?: Rank | null;
  @Field(() => Boolean, { nullable: true }) fullTimeInspector?: boolean | null;
  @Field(() => LocalDateScalar, { nullable: true }) newlyPromotedOn?: string | null;
  @Field(() => Boolean, { nullable: true }) youngReserve?: boolean | null;
  @Field(() => String, { nullable: true }) code?: string | null;
}
@ObjectType()
export class UpdatePersonPayload {
  @Field(() => Person) person!: Person;
}

@InputType({ description: 'Corrects a post or ends it (endedOn); only the fields given change.' })
export class UpdateEmploymentInput {
  @Field(() => ID) employmentId!: string;
  @Field(() => String, { nullable: true }) post?: string | null;
  @Field(() => Boolean, { nullable: true }) leadership?: boolean | null;
  @Field(() => LocalDateScalar, { nullable: true }) startedOn?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) endedOn?: string | null;
}
@ObjectType()
export class UpdateEmploymentPayload {
  @Field(() => Employment) employment!: Employment;
}

const removed = (removedId: string): RemoveRecordPayload => Object.assign(new RemoveRecordPayload(), { removedId });

@Resolver()
export class PeopleCorrectionsResolver {
  @Mutation(() => UpdatePersonPayload)
  async updatePerson(@Arg('input') input: UpdatePersonInput, @Context() ctx: Ctx): Promise<UpdatePersonPayload> {
    return { person: await updatePerson(ctx, input) };
  }

  @Mutation(() => UpdateEmploymentPayload)
  async updateEmployment(@Arg('input') input: UpdateEmploymentInput, @Context() ctx: Ctx): Promise<UpdateEmploymentPayload> {
    return { employment: await updateEmployment(ctx, input) };
  }

  @Mutation(() => RemoveRecordPayload, { description: 'Deletes a post entered by mistake (a post that ended is ended with updateEmployment).' })
  async removeEmployment(@Arg('input') input: RemoveRecordInput, @Context() ctx: Ctx): Promise<RemoveRecordPayload> {
    return removed(await removeEmployment(ctx, input));
  }

  @Mutation(() => RemoveRecordPayload, { description: 'Deletes a relation entered by mistake.' })
  async removeRelation(@Arg('input') input: RemoveRecordInput, @Context() ctx: Ctx): Promise<RemoveRecordPayload> {
    return removed(await removeRelation(ctx, input));
  }

  @Mutation(() => RemoveRecordPayload, { description: 'Deletes an interest tie entered by mistake.' })
  async removeInterestTie(@Arg('input') input: RemoveRecordInput, @Context() ctx: Ctx): Promise<RemoveRecordPayload> {
    return removed(await removeInterestTie(ctx, input));
  }
}
