import { Arg, Ctx as Context, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Ctx } from '../context';
import { Connection } from '../common/pagination';
import { OrderInput } from '../common/list-order';
import { LocalDateScalar } from '../common/scalars';
import { Region } from '../regions/region.entity';
import { regionLoader } from '../regions/regions.service';
import { Unit } from '../units/unit.entity';
import { unitLoader } from '../units/units.service';
import { Employment } from './employment.entity';
import { InterestTie } from './interest-tie.entity';
import { Gender, Person, Rank } from './person.entity';
import { Relation, RelationKind } from './relation.entity';
import { RelationKindName } from './rules/relation-kinds';
import { Level } from '../access/levels';
import { rowNow } from '../db/loaders';
import { levelOf, privateFactsShown } from './person.access';
import {
  PersonOrderField,
  addEmployment,
  addInterestTie,
  addRelation,
  createPerson,
  employmentsOf,
  getPerson,
  interestTiesOf,
  listPersons,
  personLoader,
  relationsOf,
} from './people.service';

@InputType()
export class CreatePersonInput {
  @Field(() => ID) regionId!: string;
  @Field() name!: string;
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
export class CreatePersonPayload {
  @Field(() => Person) person!: Person;
}

@InputType()
export class PersonFilter {
  @Field(() => ID) regionId!: string;
  @Field(() => String, { nullable: true }) nameContains?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "Only people with an entry (any status) in a pool of the region's subtree, or only people without.",
  })
  inPool?: boolean | null;
}
export const PersonConnection = Connection(Person, 'Person');

export const PersonOrder = OrderInput<PersonOrderField>(
  'PersonOrder',
  {
    CREATED: 'When the record was made (the default order, ascending).',
    NAME: 'Name in pinyin order (拼音排序), syllable by syllable, then by tone; people of the same name by when their records were made.',
  },
  'How `persons` is sorted.',
);

@InputType()
export class AddEmploymentInput {
  @Field(() => ID) personId!: string;
  @Field(() => ID) unitId!: string;
  @Field() post!: string;
  @Field() leadership!: boolean;
  @Field(() => LocalDateScalar) startedOn!: string;
  @Field(() => LocalDateScalar, { nullable: true }) endedOn?: string | null;
}
@ObjectType()
export class AddEmploymentPayload {
  @Field(() => Employment) employment!: Employment;
}

@InputType()
export class AddRelationInput {
  @Field(() => ID) personId!: string;
  @Field(() => ID) relatedPersonId!: string;
  @Field(() => RelationKind) kind!: RelationKindName;
}
@ObjectType()
export class AddRelationPayload {
  @Field(() => Relation) relation!: Relation;
}

@InputType()
export class AddInterestTieInput {
  @Field(() => ID) personId!: string;
  @Field(() => ID) unitId!: string;
  @Field() description!: string;
}
@ObjectType()
export class AddInterestTiePayload {
  @Field(() => InterestTie) interestTie!: InterestTie;
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true })
  person(@Arg('id', () => ID) id: string, @Context() ctx: Ctx) {
    return getPerson(ctx, id);
  }

  @Query(() => PersonConnection, { description: 'Persons kept by a region and its subtree; by default in the order their records were made.' })
  persons(
    @Arg('filter') filter: PersonFilter,
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('orderBy', () => PersonOrder, { nullable: true, description: 'CREATED (default) or NAME (pinyin), ascending unless DESC; a cursor of another order is refused.' })
    orderBy: InstanceType<typeof PersonOrder> | null,
    @Context() ctx: Ctx,
  ) {
    return listPersons(ctx, filter, { first, after }, orderBy);
  }

  @Mutation(() => CreatePersonPayload)
  async createPerson(@Arg('input') input: CreatePersonInput, @Context() ctx: Ctx): Promise<CreatePersonPayload> {
    return { person: await createPerson(ctx, input) };
  }

  @Mutation(() => AddEmploymentPayload)
  async addEmployment(@Arg('input') input: AddEmploymentInput, @Context() ctx: Ctx): Promise<AddEmploymentPayload> {
    return { employment: await addEmployment(ctx, input) };
  }

  @Mutation(() => AddRelationPayload)
  async addRelation(@Arg('input') input: AddRelationInput, @Context() ctx: Ctx): Promise<AddRelationPayload> {
    return { relation: await addRelation(ctx, input) };
  }

  @Mutation(() => AddInterestTiePayload)
  async addInterestTie(@Arg('input') input: AddInterestTieInput, @Context() ctx: Ctx): Promise<AddInterestTiePayload> {
    return { interestTie: await addInterestTie(ctx, input) };
  }

  @FieldResolver(() => Region, { description: "The region whose office keeps this person's record." })
  region(@Root() p: Person, @Context() ctx: Ctx) {
    return rowNow(regionLoader(ctx), p.regionId);
  }

  @FieldResolver(() => Region, { nullable: true })
  hometown(@Root() p: Person, @Context() ctx: Ctx) {
    return p.hometownRegionId ? regionLoader(ctx).load(p.hometownRegionId) : null;
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true, description: 'Readable by the office roles and the person themselves.' })
  birthDate(@Root() p: Person, @Context() ctx: Ctx) {
    return privateFactsShown(ctx, p) ? p.birthDate : null;
  }

  @FieldResolver(() => [Employment], { description: 'Empty where the person is not seen in full.' })
  employments(@Root() p: Person, @Context() ctx: Ctx) {
    return levelOf(ctx, p) === Level.FULL ? employmentsOf(ctx).load(p.id) : [];
  }

  @FieldResolver(() => [Relation], { description: 'Readable by the office roles and the person themselves.' })
  relations(@Root() p: Person, @Context() ctx: Ctx) {
    return privateFactsShown(ctx, p) ? relationsOf(ctx).load(p.id) : [];
  }

  @FieldResolver(() => [InterestTie], { description: 'Readable by the office roles and the person themselves.' })
  interestTies(@Root() p: Person, @Context() ctx: Ctx) {
    return privateFactsShown(ctx, p) ? interestTiesOf(ctx).load(p.id) : [];
  }
}

@Resolver(() => Employment)
export class EmploymentResolver {
  @FieldResolver(() => Person)
  person(@Root() e: Employment, @Context() ctx: Ctx) {
    return personLoader(ctx).load(e.personId);
  }
  @FieldResolver(() => Unit)
  unit(@Root() e: Employment, @Context() ctx: Ctx) {
    return rowNow(unitLoader(ctx), e.unitId);
  }
}

@Resolver(() => Relation)
export class RelationResolver {
  @FieldResolver(() => Person)
  person(@Root() r: Relation, @Context() ctx: Ctx) {
    return rowNow(personLoader(ctx), r.personId);
  }
  @FieldResolver(() => Person)
  relatedPerson(@Root() r: Relation, @Context() ctx: Ctx) {
    return rowNow(personLoader(ctx), r.relatedPersonId);
  }
}

@Resolver(() => InterestTie)
export class InterestTieResolver {
  @FieldResolver(() => Person)
  person(@Root() t: InterestTie, @Context() ctx: Ctx) {
    return personLoader(ctx).load(t.personId);
  }
  @FieldResolver(() => Unit)
  unit(@Root() t: InterestTie, @Context() ctx: Ctx) {
    return unitLoader(ctx).load(t.unitId);
  }
}
