import { Arg, Ctx as Context, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Ctx } from '../context';
import { localize } from '../common/i18n';
import { Connection } from '../common/pagination';
import { OrderInput } from '../common/list-order';
import { byId } from '../db/loaders';
import { Account } from '../auth/account.entity';
import { Person } from '../people/person.entity';
import { personLoader } from '../people/people.service';
import { Region } from '../regions/region.entity';
import { regionLoader } from '../regions/regions.service';
import { Unit } from '../units/unit.entity';
import { unitLoader } from '../units/units.service';
import { PoolEntry, PoolEntryEvent, PoolEntryStatus, PoolKind, Specialty } from './pool.entity';
import {
  addSpecialty,
  changePoolEntryStatus,
  entriesOfPerson,
  enrollInPool,
  historyOfEntry,
  listPoolEntries,
  listSpecialties,
  PoolEntryOrderField,
  reviewPoolEntry,
  specialtiesOfEntry,
} from './pools.service';

@InputType()
export class EnrollInPoolInput {
  @Field(() => ID) personId!: string;
  @Field(() => ID) regionId!: string;
  @Field(() => PoolKind) pool!: PoolKind;
  @Field(() => [String]) specialties!: string[];
  @Field(() => ID, { nullable: true }) recommendedByUnitId?: string | null;
}
@ObjectType()
export class EnrollInPoolPayload {
  @Field(() => PoolEntry) entry!: PoolEntry;
}

@InputType()
export class ReviewPoolEntryInput {
  @Field(() => ID) entryId!: string;
  @Field() approve!: boolean;
  @Field(() => String, { nullable: true }) comment?: string | null;
}
@ObjectType()
export class ReviewPoolEntryPayload {
  @Field(() => PoolEntry) entry!: PoolEntry;
}

@InputType()
export class ChangePoolEntryStatusInput {
  @Field(() => ID) entryId!: string;
  @Field(() => PoolEntryStatus) status!: PoolEntryStatus;
  @Field() reason!: string;
}
@ObjectType()
export class ChangePoolEntryStatusPayload {
  @Field(() => PoolEntry) entry!: PoolEntry;
}

@InputType()
export class PoolEntryFilter {
  @Field(() => ID) regionId!: string;
  @Field(() => PoolKind, { nullable: true }) pool?: PoolKind | null;
  @Field(() => PoolEntryStatus, { nullable: true }) status?: PoolEntryStatus | null;
  @Field(() => String, { nullable: true }) specialty?: string | null;
}
export const PoolEntryConnection = Connection(PoolEntry, 'PoolEntry');

export const PoolEntryOrder = OrderInput<PoolEntryOrderField>(
  'PoolEntryOrder',
  {
    CREATED: 'When the entry was made, i.e. enrollment order (the default order, ascending).',
    PERSON_NAME: "The person's name in pinyin order (拼音排序), syllable by syllable, then by tone; entries of people of the same name by when they were made.",
  },
  'How `poolEntries` is sorted.',
);

@InputType()
export class AddSpecialtyInput {
  @Field({ description: 'Capital letters, digits and underscores, e.g. ENVIRONMENT.' }) code!: string;
  @Field({ description: 'Chinese name.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'English name (defaults to the Chinese one).' }) nameEn?: string | null;
}
@ObjectType()
export class AddSpecialtyPayload {
  @Field(() => Specialty) specialty!: Specialty;
}

@Resolver(() => Specialty)
export class SpecialtyResolver {
  @Query(() => [Specialty])
  specialties(@Context() ctx: Ctx) {
    return listSpecialties(ctx);
  }

  @Mutation(() => AddSpecialtyPayload, { description: 'Extends the reference list of specialties (ADMIN).' })
  async addSpecialty(@Arg('input') input: AddSpecialtyInput, @Context() ctx: Ctx): Promise<AddSpecialtyPayload> {
    return { specialty: await addSpecialty(ctx, input) };
  }

  @FieldResolver(() => String, { description: "In the request's language." })
  name(@Root() s: Specialty, @Context() ctx: Ctx) {
    return localize({ zh: s.nameZh, en: s.nameEn }, ctx.locale);
  }
}

@Resolver(() => PoolEntry)
export class PoolEntryResolver {
  @Query(() => PoolEntryConnection, {
    description: "Entries of a region's pools and of its subtree's; by default in enrollment order. Each entry's person (with birthDate and employments { unit }, to tell people of the same name apart) is read in batches: a page costs the same at any size.",
  })
  poolEntries(
    @Arg('filter') filter: PoolEntryFilter,
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('orderBy', () => PoolEntryOrder, { nullable: true, description: 'CREATED (default) or PERSON_NAME (pinyin), ascending unless DESC; a cursor of another order is refused.' })
    orderBy: InstanceType<typeof PoolEntryOrder> | null,
    @Context() ctx: Ctx,
  ) {
    return listPoolEntries(ctx, filter, { first, after }, orderBy);
  }

  @Mutation(() => EnrollInPoolPayload)
  async enrollInPool(@Arg('input') input: EnrollInPoolInput, @Context() ctx: Ctx): Promise<EnrollInPoolPayload> {
    return { entry: await enrollInPool(ctx, input) };
  }

  @Mutation(() => ReviewPoolEntryPayload)
  async reviewPoolEntry(@Arg('input') input: ReviewPoolEntryInput, @Context() ctx: Ctx): Promise<ReviewPoolEntryPayload> {
    return { entry: await reviewPoolEntry(ctx, input) };
  }

  @Mutation(() => ChangePoolEntryStatusPayload)
  async changePoolEntryStatus(@Arg('input') input: ChangePoolEntryStatusInput, @Context() ctx: Ctx): Promise<ChangePoolEntryStatusPayload> {
    return { entry: await changePoolEntryStatus(ctx, input) };
  }

  @FieldResolver(() => Person)
  person(@Root() e: PoolEntry, @Context() ctx: Ctx) {
    return personLoader(ctx).load(e.personId);
  }

  @FieldResolver(() => Region)
  region(@Root() e: PoolEntry, @Context() ctx: Ctx) {
    return regionLoader(ctx).load(e.regionId);
  }

  @FieldResolver(() => [String], { description: 'Specialty codes, e.g. FINANCE, AUDIT.' })
  async specialties(@Root() e: PoolEntry, @Context() ctx: Ctx) {
    return (await specialtiesOfEntry(ctx).load(e.id)).map((s) => s.specialtyCode);
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The unit that recommended the person; null when self-recommended.' })
  recommendedBy(@Root() e: PoolEntry, @Context() ctx: Ctx) {
    return e.recommendedByUnitId ? unitLoader(ctx).load(e.recommendedByUnitId) : null;
  }

  @FieldResolver(() => [PoolEntryEvent], { description: 'Every change of the entry, oldest first.' })
  history(@Root() e: PoolEntry, @Context() ctx: Ctx) {
    return historyOfEntry(ctx).load(e.id);
  }
}

@Resolver(() => PoolEntryEvent)
export class PoolEntryEventResolver {
  @FieldResolver(() => Account, { nullable: true, description: 'Who made the change.' })
  by(@Root() e: PoolEntryEvent, @Context() ctx: Ctx) {
    return e.accountId ? byId(ctx, Account).load(e.accountId) : null;
  }

  @FieldResolver(() => [String], { description: 'The specialty codes after the change.' })
  specialties(@Root() e: PoolEntryEvent) {
    return e.specialties ? e.specialties.split(',') : [];
  }
}

@Resolver(() => Person)
export class PersonPoolsResolver {
  @FieldResolver(() => [PoolEntry])
  poolEntries(@Root() p: Person, @Context() ctx: Ctx) {
    return entriesOfPerson(ctx).load(p.id);
  }
}
