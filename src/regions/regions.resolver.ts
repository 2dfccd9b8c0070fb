import { Arg, Ctx as Context, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Ctx } from '../context';
import { Region, RegionLevel } from './region.entity';
import { childrenOf, createRegion, listRegions, regionLoader } from './regions.service';

@InputType()
export class CreateRegionInput {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => RegionLevel) level!: RegionLevel;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
}

@ObjectType()
export class CreateRegionPayload {
  @Field(() => Region) region!: Region;
}

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: "The regions the account acts in, each with its subtree." })
  regions(@Context() ctx: Ctx) {
    return listRegions(ctx);
  }

  @Mutation(() => CreateRegionPayload)
  async createRegion(@Arg('input') input: CreateRegionInput, @Context() ctx: Ctx): Promise<CreateRegionPayload> {
    return { region: await createRegion(ctx, input) };
  }

  @FieldResolver(() => Region, { nullable: true })
  parent(@Root() region: Region, @Context() ctx: Ctx) {
    return region.parentId ? regionLoader(ctx).load(region.parentId) : null;
  }

  @FieldResolver(() => [Region], { description: "The regions directly under this one, by code; only those in the account's regions." })
  children(@Root() region: Region, @Context() ctx: Ctx) {
    return childrenOf(ctx).load(region.id);
  }
}
