import { GraphQLObjectType, GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { restricted } from './auth/access';
import type { Ctx } from './context';
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

/** What a restricted session (password to change, second factor to enrol) may still ask for. */
const SETUP_FIELDS = new Set(['login', 'changePassword', 'signOut', 'startTotpEnrolment', 'confirmTotpEnrolment']);

/**
 * A restricted session gets FORBIDDEN for every other root field, whatever the field's own checks
 * (the services refuse it too, through Access.signedIn).
 */
function setupOnly(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType()].filter((t): t is GraphQLObjectType => !!t)) {
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || SETUP_FIELDS.has(field.name)) continue;
      field.resolve = (root, args, context: Ctx, info) => {
        const restriction = context.auth?.restriction;
        if (restriction) throw restricted(restriction);
        return resolve(root, args, context, info);
      };
    }
  }
  return schema;
}

/** The executable schema (built once per process: type-graphql's metadata is global). */
export async function getSchema(): Promise<GraphQLSchema> {
  cached ??= setupOnly(
    transactional(
      guardSchema(
        await buildSchema({
          resolvers: allResolvers(),
          scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
          validate: false,
        }),
        allAccess(),
      ),
    ),
  );
  return cached;
}

/** The SDL written to schema/schema.graphql, sorted so that it diffs well. */
export async function printServiceSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await getSchema())) + '\n';
}
