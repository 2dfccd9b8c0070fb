import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import { ArgumentValidationError } from 'type-graphql';
import { AppError } from '../common/errors';
import { Locale, localeFrom, Msg, msg } from '../common/i18n';
import { graphqlMessage } from './messages';

/** Internal extension carrying both languages until the response is sent. */
const TEXT = '__text';

/**
 * The language of the GraphQL request being answered, for formatError: errors Apollo answers
 * outside its request pipeline (a limit refused while parsing, a malformed request) never reach
 * `localizeErrors`, which remains for errors that carry both texts without passing formatError.
 */
const requestLocale = new AsyncLocalStorage<Locale>();

/** Express middleware before Apollo's: the request's Accept-Language for formatError. */
export const withRequestLocale: RequestHandler = (req, _res, next) => requestLocale.run(localeFrom(req.header('accept-language')), next);

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
  const format = formatWithText(log);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    const locale = requestLocale.getStore();
    const text = result.extensions?.[TEXT] as Msg | undefined;
    if (!locale || !text) return result;
    const { [TEXT]: _text, ...extensions } = result.extensions!;
    return { ...result, message: locale === 'en' ? text.en : text.zh, extensions };
  };
}

function formatWithText(log: Logger) {
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
      const text = graphqlMessage(formatted.message) ?? msg(field ? `输入字段 ${field} 不合法` : '输入不合法', formatted.message);
      return withText(formatted, code, text, field ? { field } : {});
    }
    if (code === 'INTERNAL_SERVER_ERROR') {
      log.error({ err: original instanceof Error ? { message: original.message, stack: original.stack } : original }, 'unexpected error');
      return withText({ message: INTERNAL.zh, path: formatted.path, locations: formatted.locations }, code, INTERNAL);
    }
    if (formatted.extensions?.[TEXT]) return formatted;
    // GraphQL's own messages (syntax, validation, limits, Apollo's request errors), in both languages.
    const text = graphqlMessage(formatted.message);
    return text ? withText(formatted, code, text, omitText(formatted.extensions)) : formatted;
  };
}

function omitText(extensions: GraphQLFormattedError['extensions']): Record<string, unknown> {
  const { [TEXT]: _text, code: _code, ...rest } = extensions ?? {};
  return rest;
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
