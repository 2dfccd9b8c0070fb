import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DateTimeScalar } from './common/scalars';
import { MutationTransaction } from './graphql/transaction.middleware';
import { guardSchema } from './access/guard';
import { allAccess, allResolvers } from './modules';

let cached: GraphQLSchema | undefined;

/**
 * Runs every mutation in the transaction middleware. Only Mutation fields are wrapped: as a
 * global middleware it would make every field of every result an extra chain of promises
 * (tens of thousands of them in a large list) only to pass them through.
 */
function transactional(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve;
    if (!resolve) continue;
    field.resolve = (root, args, context, info) =>
      MutationTransaction({ root, args, context, info }, async () => resolve(root, args, context, info));
  }
  return schema;
}

/** The executable schema (built once per process: type-graphql's metadata is global). */
export async function getSchema(): Promise<GraphQLSchema> {
  cached ??= transactional(
    guardSchema(
      await buildSchema({
        resolvers: allResolvers(),
        scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
        validate: false,
      }),
      allAccess(),
    ),
  );
  return cached;
}

/** The SDL written to schema/schema.graphql, sorted so that it diffs well. */
export async function printServiceSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await getSchema())) + '\n';
}
