import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { isLocalDate } from './dates';

function invalidDate(value: unknown): GraphQLError {
  return new GraphQLError(
    `"${String(value)}" is not a date that exists (YYYY-MM-DD) / 不是有效日期（YYYY-MM-DD）`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}

/** A calendar date in China Standard Time, "YYYY-MM-DD". Dates that do not exist are refused. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date in China Standard Time, "YYYY-MM-DD".',
  serialize(value) {
    if (isLocalDate(value)) return value;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    throw invalidDate(value);
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
