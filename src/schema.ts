import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DateTimeScalar } from './common/scalars';
import { MutationTransaction } from './graphql/transaction.middleware';
import { allResolvers } from './modules';

let cached: GraphQLSchema | undefined;

/** The executable schema (built once per process: type-graphql's metadata is global). */
export async function getSchema(): Promise<GraphQLSchema> {
  cached ??= await buildSchema({
    resolvers: allResolvers(),
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    globalMiddlewares: [MutationTransaction],
    validate: false,
  });
  return cached;
}

/** The SDL written to schema/schema.graphql, sorted so that it diffs well. */
export async function printServiceSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await getSchema())) + '\n';
}
