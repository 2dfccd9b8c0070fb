import { Arg, Ctx as Context, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Ctx } from '../context';
import { Connection } from '../common/pagination';
import { Region } from '../regions/region.entity';
import { regionLoader } from '../regions/regions.service';
import { Unit, UnitKind } from './unit.entity';
import { createUnit, getUnit, listUnits, unitLoader } from './units.service';

@InputType()
export class CreateUnitInput {
  @Field() name!: string;
  @Field(() => UnitKind) kind!: UnitKind;
  @Field(() => ID) regionId!: string;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => String, { nullable: true }) system?: string | null;
}

@ObjectType()
export class CreateUnitPayload {
  @Field(() => Unit) unit!: Unit;
}

@InputType()
export class UnitFilter {
  @Field(() => ID) regionId!: string;
  @Field(() => UnitKind, { nullable: true }) kind?: UnitKind | null;
  @Field(() => String, { nullable: true }) nameContains?: string | null;
}

export const UnitConnection = Connection(Unit, 'Unit');

@Resolver(() => Unit)
export class UnitResolver {
  @Query(() => Unit, { nullable: true })
  unit(@Arg('id', () => ID) id: string, @Context() ctx: Ctx) {
    return getUnit(ctx, id);
  }

  @Query(() => UnitConnection, { description: 'Units of a region and its subtree.' })
  units(
    @Arg('filter') filter: UnitFilter,
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Context() ctx: Ctx,
  ) {
    return listUnits(ctx, filter, { first, after });
  }

  @Mutation(() => CreateUnitPayload)
  async createUnit(@Arg('input') input: CreateUnitInput, @Context() ctx: Ctx): Promise<CreateUnitPayload> {
    return { unit: await createUnit(ctx, input) };
  }

  @FieldResolver(() => Region)
  region(@Root() unit: Unit, @Context() ctx: Ctx) {
    return regionLoader(ctx).load(unit.regionId);
  }

  @FieldResolver(() => Unit, { nullable: true })
  parent(@Root() unit: Unit, @Context() ctx: Ctx) {
    return unit.parentId ? unitLoader(ctx).load(unit.parentId) : null;
  }
}
