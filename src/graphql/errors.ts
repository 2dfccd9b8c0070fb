import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import { ArgumentValidationError } from 'type-graphql';
import { AppError } from '../common/errors';
import { localeFrom, Msg, msg } from '../common/i18n';

/** Internal extension carrying both languages until the response is sent. */
const TEXT = '__text';

/** What a client is told of an unexpected error (the cause goes to the log). */
export const INTERNAL = msg('服务器内部错误，请稍后再试', 'Internal server error, please try again later');

function withText(formatted: GraphQLFormattedError, code: string, text: Msg, extra: Record<string, unknown> = {}): GraphQLFormattedError {
  return { ...formatted, message: text.zh, extensions: { ...extra, code, [TEXT]: text } };
}

/**
 * An error of the server itself (a GRAPHQL_* code, e.g. a query over a limit) with its text in
 * both languages, answered with `status`.
 */
export function serverError(code: string, text: Msg, status = 400): GraphQLError {
  return new GraphQLError(text.zh, { extensions: { code, http: { status }, [TEXT]: text } });
}

/** The typed error behind a GraphQL error, however deeply GraphQL's own wrappers nest it. */
function appErrorIn(error: unknown): AppError | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { originalError?: unknown }).originalError, depth++) {
    if (e instanceof AppError) return e;
  }
  return null;
}

/**
 * The input field a coercion error is about: 'Field "name" of required type …' (a missing or
 * unknown field) or '… at "input.birthDate"' (a bad value), without list indexes.
 */
function coercionField(message: string): string | undefined {
  const named = /Field "([^"]+)" (?:of required type|is not defined by type)/.exec(message)?.[1];
  if (named) return named;
  return /at "([^"]+)"/.exec(message)?.[1]?.split('.').pop()?.replace(/(\[\d+\])+$/, '');
}

/**
 * Maps every error to the contract's codes in one place: typed service errors (also those raised
 * by scalars while GraphQL coerces input) keep their code and field; validation failures become
 * BAD_USER_INPUT with the field; anything unexpected becomes INTERNAL_SERVER_ERROR with a generic
 * message (the cause goes to the log, not the client).
 */
export function makeFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const app = appErrorIn(original);
    if (app) {
      // A scalar does not know the field it parses; GraphQL's message names it.
      const field = app.field ?? (original instanceof AppError ? undefined : coercionField(formatted.message));
      const text = app.field || !field ? app.text : msg(`${field}：${app.text.zh}`, `${field}: ${app.text.en}`);
      return withText(formatted, app.code, text, { ...(field ? { field } : {}), ...(app.details ?? {}) });
    }
    if (original instanceof ArgumentValidationError) {
      const first = original.extensions.validationErrors?.[0] as { property?: string; constraints?: Record<string, string> } | undefined;
      const field = first?.property;
      const why = Object.values(first?.constraints ?? {})[0] ?? 'invalid';
      return withText(formatted, 'BAD_USER_INPUT', msg(`输入不合法：${field ?? ''}（${why}）`, `Invalid input: ${field ?? ''} (${why})`), field ? { field } : {});
    }
    const code = (formatted.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
    if (code === 'BAD_USER_INPUT') {
      // Variable coercion: a missing field, a value of the wrong type, an unknown enum value.
      const field = coercionField(formatted.message);
      const text = msg(field ? `输入字段 ${field} 不合法` : '输入不合法', formatted.message);
      return withText(formatted, code, text, field ? { field } : {});
    }
    if (code === 'INTERNAL_SERVER_ERROR') {
      log.error({ err: original instanceof Error ? { message: original.message, stack: original.stack } : original }, 'unexpected error');
      return withText({ message: INTERNAL.zh, path: formatted.path, locations: formatted.locations }, code, INTERNAL);
    }
    return formatted;
  };
}

/** Puts each error's message in the request's language (Accept-Language) just before sending. */
export const localizeErrors: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, response }) {
        if (response.body.kind !== 'single') return;
        const locale = localeFrom(request.http?.headers.get('accept-language'));
        for (const e of response.body.singleResult.errors ?? []) {
          const text = e.extensions?.[TEXT] as Msg | undefined;
          if (!text) continue;
          (e as { message: string }).message = locale === 'en' ? text.en : text.zh;
          delete (e.extensions as Record<string, unknown>)[TEXT];
        }
      },
    };
  },
};
