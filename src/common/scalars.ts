import { GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { isLocalDate } from './dates';
import { AppError, badInput } from './errors';
import { msg } from './i18n';

/**
 * Input that is not a date: a typed error, which the error formatter finds behind GraphQL's
 * coercion errors and reports as BAD_USER_INPUT naming the field, in the request's language.
 */
function invalidDate(value: unknown): AppError {
  return badInput(undefined, msg(`“${String(value)}”不是有效日期（YYYY-MM-DD）`, `"${String(value)}" is not a date that exists (YYYY-MM-DD)`));
}

/** A calendar date in China Standard Time, "YYYY-MM-DD". Dates that do not exist are refused. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date in China Standard Time, "YYYY-MM-DD".',
  serialize(value) {
    if (isLocalDate(value)) return value;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    // A stored value that is not a date is a fault of the service, not of the client.
    throw new Error(`not a LocalDate: ${String(value)}`);
  },
  parseValue(value) {
    if (!isLocalDate(value)) throw invalidDate(value);
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !isLocalDate(ast.value)) throw invalidDate(ast.kind === Kind.STRING ? ast.value : ast.kind);
    return ast.value;
  },
});

/** An instant, ISO-8601 with offset (UTC on output). */
export const DateTimeScalar = DateTimeResolver;
