import { GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { EARLIEST_DATE, isLocalDate } from './dates';
import { AppError, badInput } from './errors';
import { msg } from './i18n';

/**
 * Input that is not a date: a typed error, which the error formatter finds behind GraphQL's
 * coercion errors and reports as BAD_USER_INPUT naming the field, in the request's language.
 */
function invalidDate(value: unknown): AppError {
  return badInput(undefined, msg(`“${String(value)}”不是有效日期（YYYY-MM-DD）`, `"${String(value)}" is not a date that exists (YYYY-MM-DD)`));
}

/** An input date before EARLIEST_DATE: refused with its own message. */
function tooEarly(value: string): AppError {
  return badInput(undefined, msg(`日期“${value}”早于 ${EARLIEST_DATE}，不予接受`, `The date "${value}" is before ${EARLIEST_DATE} and is not accepted`));
}

function parseDate(value: unknown): string {
  if (!isLocalDate(value)) throw invalidDate(value);
  if (value < EARLIEST_DATE) throw tooEarly(value);
  return value;
}

/**
 * A calendar date in China Standard Time, "YYYY-MM-DD". Dates that do not exist, and input dates
 * before 1900, are refused.
 */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date in China Standard Time, "YYYY-MM-DD"; input dates are 1900-01-01 or later.',
  serialize(value) {
    if (isLocalDate(value)) return value;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    // A stored value that is not a date is a fault of the service, not of the client.
    throw new Error(`not a LocalDate: ${String(value)}`);
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalidDate(ast.kind);
    return parseDate(ast.value);
  },
});

/** An instant, ISO-8601 with offset (UTC on output). */
export const DateTimeScalar = DateTimeResolver;
