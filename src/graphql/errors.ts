import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import { ArgumentValidationError } from 'type-graphql';
import { AppError } from '../common/errors';
import { localeFrom, Msg, msg } from '../common/i18n';

/** Internal extension carrying both languages until the response is sent. */
const TEXT = '__text';

const INTERNAL = msg('服务器内部错误，请稍后再试', 'Internal server error, please try again later');

function withText(formatted: GraphQLFormattedError, code: string, text: Msg, extra: Record<string, unknown> = {}): GraphQLFormattedError {
  return { ...formatted, message: text.zh, extensions: { ...extra, code, [TEXT]: text } };
}

/**
 * Maps every error to the contract's codes in one place: typed service errors keep their code and
 * field; validation failures become BAD_USER_INPUT with the field; anything unexpected becomes
 * INTERNAL_SERVER_ERROR with a generic message (the cause goes to the log, not the client).
 */
export function makeFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return withText(formatted, original.code, original.text, {
        ...(original.field ? { field: original.field } : {}),
        ...(original.details ?? {}),
      });
    }
    if (original instanceof ArgumentValidationError) {
      const first = original.extensions.validationErrors?.[0] as { property?: string; constraints?: Record<string, string> } | undefined;
      const field = first?.property;
      const why = Object.values(first?.constraints ?? {})[0] ?? 'invalid';
      return withText(formatted, 'BAD_USER_INPUT', msg(`输入不合法：${field ?? ''}（${why}）`, `Invalid input: ${field ?? ''} (${why})`), field ? { field } : {});
    }
    const code = (formatted.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
    if (code === 'BAD_USER_INPUT') {
      // Variable coercion: '… at "input.birthDate"; …' names the field at fault.
      const at = /at "([^"]+)"/.exec(formatted.message)?.[1];
      const field = at?.split('.').pop()?.replace(/\[\d+\]$/, '');
      return { ...formatted, extensions: { ...formatted.extensions, code, ...(field ? { field } : {}) } };
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
